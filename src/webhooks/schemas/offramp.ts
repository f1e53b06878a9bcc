import * as z from 'zod/mini';
import { defineFamily, type EventsOf, lazy } from '../family.js';
import { toDate } from '../timestamp.js';
import { decimalString, isRecord, looseObject, maybe, own, timestampString } from './common.js';

// Crypto off-ramp order events (seed 001): `{ name, id, bootstrapTokenId, data }`, where `data`
// is the order. All six events share the order shape; they differ in `status` and in what is
// added late in the order's life (`error` on failure, `refund` once refunded).

/** Every documented type of the family, in the order of its schemas. */
const types = [
  'order:crypto-offramp:committed',
  'order:crypto-offramp:funds-sent',
  'order:crypto-offramp:funds-received',
  'order:crypto-offramp:completed',
  'order:crypto-offramp:failed',
  'order:crypto-offramp:refund:completed',
] as const;

// Built on the family's first use (see `lazy`), never at import.
function build() {
  /** Complements an address on chains that need it (a memo or destination tag). */
  const tag = looseObject({ type: z.string(), value: z.string() });

  const depositAddress = looseObject({
    expiredAt: timestampString(),
    remindAt: timestampString(),
    tag: maybe(tag),
    value: z.string(),
  });

  const origin = looseObject({
    amount: decimalString(),
    rate: decimalString(),
    asset: z.string(),
    network: z.string(),
    depositAddress,
  });

  const destination = looseObject({
    amount: decimalString(),
    rate: decimalString(),
    asset: z.string(),
    paymentMethod: looseObject({ type: z.string() }),
  });

  // `type` is documented as network, deposit or partner; kept a string so a new kind of fee
  // does not make the whole event unreadable.
  const fee = looseObject({
    amount: decimalString(),
    asset: z.string(),
    normalized: decimalString(),
    type: z.string(),
  });

  const widget = looseObject({ id: z.string(), name: z.string(), flow: z.string() });

  const refund = looseObject({
    amount: decimalString(),
    rate: decimalString(),
    asset: z.string(),
    network: z.string(),
    address: z.string(),
    priority: z.string(),
    tag: maybe(tag),
  });

  const order = {
    id: z.string(),
    createdAt: timestampString(),
    updatedAt: timestampString(),
    origin,
    destination,
    fees: z.array(fee),
    widget,
  };

  const event = <N extends string, D extends z.ZodMiniType>(name: N, data: D) =>
    looseObject({ name: z.literal(name), id: z.string(), bootstrapTokenId: z.string(), data });

  // The event name is the discriminator. `status` is typed as the document states it per event,
  // but any string is accepted: the document's own `completed` example says "processing", and a
  // real delivery must never be dropped over a status label.
  const status = <S extends string>(_documented: S) => z.custom<S | (string & {})>((value) => typeof value === 'string');
  const processing = looseObject({ ...order, status: status('processing') });

  const committed = event('order:crypto-offramp:committed', processing);
  const fundsSent = event('order:crypto-offramp:funds-sent', processing);
  const fundsReceived = event('order:crypto-offramp:funds-received', processing);
  const completed = event('order:crypto-offramp:completed', looseObject({ ...order, status: status('completed') }));
  // The reason is documented with one value, `fraud`; other failures may carry none.
  const failed = event(
    'order:crypto-offramp:failed',
    looseObject({ ...order, status: status('failed'), error: maybe(looseObject({ reason: z.string() })) }),
  );
  // A refunded order keeps the status `failed`; `refund` says what went back to the user.
  const refundCompleted = event(
    'order:crypto-offramp:refund:completed',
    looseObject({ ...order, status: status('failed'), refund }),
  );

  return {
    'order:crypto-offramp:committed': committed,
    'order:crypto-offramp:funds-sent': fundsSent,
    'order:crypto-offramp:funds-received': fundsReceived,
    'order:crypto-offramp:completed': completed,
    'order:crypto-offramp:failed': failed,
    'order:crypto-offramp:refund:completed': refundCompleted,
  } satisfies Record<(typeof types)[number], z.ZodMiniType>;
}

type Schemas = ReturnType<typeof build>;
const schemas = /* @__PURE__ */ lazy(build);

/**
 * Body of `order:crypto-offramp:committed`: the user placed an order (`data.status: 'processing'`).
 *
 * @example
 * if (event.type === 'order:crypto-offramp:committed') event.payload.data.origin.depositAddress.value;
 */
export type OfframpOrderCommittedPayload = z.output<Schemas['order:crypto-offramp:committed']>;

/**
 * Body of `order:crypto-offramp:funds-sent`: the user sent the crypto (`data.status: 'processing'`).
 *
 * @example
 * if (event.type === 'order:crypto-offramp:funds-sent') event.payload.data.origin.amount;
 */
export type OfframpOrderFundsSentPayload = z.output<Schemas['order:crypto-offramp:funds-sent']>;

/**
 * Body of `order:crypto-offramp:funds-received`: the crypto arrived (`data.status: 'processing'`).
 *
 * @example
 * if (event.type === 'order:crypto-offramp:funds-received') event.payload.data.destination.amount;
 */
export type OfframpOrderFundsReceivedPayload = z.output<Schemas['order:crypto-offramp:funds-received']>;

/**
 * Body of `order:crypto-offramp:completed`: the order completed (`data.status: 'completed'`).
 *
 * @example
 * if (event.type === 'order:crypto-offramp:completed') event.payload.data.fees;
 */
export type OfframpOrderCompletedPayload = z.output<Schemas['order:crypto-offramp:completed']>;

/**
 * Body of `order:crypto-offramp:failed` (`data.status: 'failed'`); `data.error?.reason` says
 * why when known (documented value: `fraud`).
 *
 * @example
 * if (event.type === 'order:crypto-offramp:failed') event.payload.data.error?.reason;
 */
export type OfframpOrderFailedPayload = z.output<Schemas['order:crypto-offramp:failed']>;

/**
 * Body of `order:crypto-offramp:refund:completed`: the crypto went back to the user
 * (`data.status: 'failed'`, `data.refund` the amount, asset and address).
 *
 * @example
 * if (event.type === 'order:crypto-offramp:refund:completed') event.payload.data.refund.address;
 */
export type OfframpOrderRefundCompletedPayload = z.output<Schemas['order:crypto-offramp:refund:completed']>;

/**
 * Any crypto off-ramp order event body.
 *
 * @example
 * const orderId = (payload: OfframpPayload) => payload.data.id;
 */
export type OfframpPayload = z.output<Schemas[keyof Schemas]>;

/**
 * Recognises crypto off-ramp order events: a string `name` starting with `order:` and an object `data`.
 *
 * @internal
 */
export const offrampFamily = /* @__PURE__ */ defineFamily({
  source: 'offramp',
  types,
  classify(body) {
    if (!isRecord(body)) return undefined;
    const name = own(body, 'name');
    return typeof name === 'string' && name.startsWith('order:') && isRecord(own(body, 'data')) ? name : undefined;
  },
  get schemas() {
    return schemas();
  },
  eventId: (payload) => payload.id,
  // The envelope carries no time of its own; the order's last update is when this event
  // happened (creation time if the update time cannot be read).
  occurredAt(payload) {
    const updated = toDate(payload.data.updatedAt);
    return Number.isNaN(updated.getTime()) ? toDate(payload.data.createdAt) : updated;
  },
});

/**
 * The crypto off-ramp members of the webhook union; `type` is the event `name`.
 *
 * @example
 * switch (event.type) { case 'order:crypto-offramp:refund:completed': event.payload.data.refund.amount; }
 */
export type OfframpEvent = EventsOf<'offramp', Schemas>;
