import * as z from 'zod/mini';
import { defineFamily, type EventsOf, type FamilyDefinition, type PayloadOf } from '../family.js';
import { toDate } from '../timestamp.js';
import { decimalString, isRecord, maybe, own, timestampString } from './common.js';

// Crypto off-ramp order events (seed 001): `{ name, id, bootstrapTokenId, data }`, where `data`
// is the order. All six events share the order shape; they differ in `status` and in what is
// added late in the order's life (`error` on failure, `refund` once refunded).

/** Complements an address on chains that need it (a memo or destination tag). */
const tag = () => z.looseObject({ type: z.string(), value: z.string() });

// The order every event carries, as of the event; `status` and late fields are added per event.
const order = () => ({
  id: z.string(),
  createdAt: timestampString(),
  updatedAt: timestampString(),
  origin: z.looseObject({
    amount: decimalString(),
    rate: decimalString(),
    asset: z.string(),
    network: z.string(),
    depositAddress: z.looseObject({
      expiredAt: timestampString(),
      remindAt: timestampString(),
      tag: maybe(tag()),
      value: z.string(),
    }),
  }),
  destination: z.looseObject({
    amount: decimalString(),
    rate: decimalString(),
    asset: z.string(),
    paymentMethod: z.looseObject({ type: z.string() }),
  }),
  // `type` is documented as network, deposit or partner; kept a string so a new kind of fee
  // does not make the whole event unreadable.
  fees: z.array(z.looseObject({ amount: decimalString(), asset: z.string(), normalized: decimalString(), type: z.string() })),
  widget: z.looseObject({ id: z.string(), name: z.string(), flow: z.string() }),
});

// `status` is typed as the document states it per event, but any string is accepted: the
// document's own `completed` example says "processing", and a real delivery must never be
// dropped over a status label.
const status = <S extends string>(_documented: S) => z.string() as z.ZodMiniType<S | (string & {})>;

const event = <N extends string, D extends z.ZodMiniType>(name: N, data: D) =>
  z.looseObject({ name: z.literal(name), id: z.string(), bootstrapTokenId: z.string(), data });

const processing = () => z.looseObject({ ...order(), status: status('processing') });

/** The documented off-ramp order events, one row per event name. */
const table = {
  'order:crypto-offramp:committed': () => event('order:crypto-offramp:committed', processing()),
  'order:crypto-offramp:funds-sent': () => event('order:crypto-offramp:funds-sent', processing()),
  'order:crypto-offramp:funds-received': () => event('order:crypto-offramp:funds-received', processing()),
  'order:crypto-offramp:completed': () =>
    event('order:crypto-offramp:completed', z.looseObject({ ...order(), status: status('completed') })),
  // The reason is documented with one value, `fraud`; other failures may carry none.
  'order:crypto-offramp:failed': () =>
    event(
      'order:crypto-offramp:failed',
      z.looseObject({ ...order(), status: status('failed'), error: maybe(z.looseObject({ reason: z.string() })) }),
    ),
  // A refunded order keeps the status `failed`; `refund` says what went back to the user.
  'order:crypto-offramp:refund:completed': () =>
    event(
      'order:crypto-offramp:refund:completed',
      z.looseObject({
        ...order(),
        status: status('failed'),
        refund: z.looseObject({
          amount: decimalString(),
          rate: decimalString(),
          asset: z.string(),
          network: z.string(),
          address: z.string(),
          priority: z.string(),
          tag: maybe(tag()),
        }),
      }),
    ),
};
type Table = typeof table;

/**
 * Body of `order:crypto-offramp:committed`: the user placed an order (`data.status: 'processing'`).
 *
 * @example
 * if (event.type === 'order:crypto-offramp:committed') event.payload.data.origin.depositAddress.value;
 */
export type OfframpOrderCommittedPayload = PayloadOf<Table, 'order:crypto-offramp:committed'>;

/**
 * Body of `order:crypto-offramp:funds-sent`: the user sent the crypto (`data.status: 'processing'`).
 *
 * @example
 * if (event.type === 'order:crypto-offramp:funds-sent') event.payload.data.origin.amount;
 */
export type OfframpOrderFundsSentPayload = PayloadOf<Table, 'order:crypto-offramp:funds-sent'>;

/**
 * Body of `order:crypto-offramp:funds-received`: the crypto arrived (`data.status: 'processing'`).
 *
 * @example
 * if (event.type === 'order:crypto-offramp:funds-received') event.payload.data.destination.amount;
 */
export type OfframpOrderFundsReceivedPayload = PayloadOf<Table, 'order:crypto-offramp:funds-received'>;

/**
 * Body of `order:crypto-offramp:completed`: the order completed (`data.status: 'completed'`).
 *
 * @example
 * if (event.type === 'order:crypto-offramp:completed') event.payload.data.fees;
 */
export type OfframpOrderCompletedPayload = PayloadOf<Table, 'order:crypto-offramp:completed'>;

/**
 * Body of `order:crypto-offramp:failed` (`data.status: 'failed'`); `data.error?.reason` says
 * why when known (documented value: `fraud`).
 *
 * @example
 * if (event.type === 'order:crypto-offramp:failed') event.payload.data.error?.reason;
 */
export type OfframpOrderFailedPayload = PayloadOf<Table, 'order:crypto-offramp:failed'>;

/**
 * Body of `order:crypto-offramp:refund:completed`: the crypto went back to the user
 * (`data.status: 'failed'`, `data.refund` the amount, asset and address).
 *
 * @example
 * if (event.type === 'order:crypto-offramp:refund:completed') event.payload.data.refund.address;
 */
export type OfframpOrderRefundCompletedPayload = PayloadOf<Table, 'order:crypto-offramp:refund:completed'>;

/**
 * Any crypto off-ramp order event body.
 *
 * @example
 * const orderId = (payload: OfframpPayload) => payload.data.id;
 */
export type OfframpPayload = PayloadOf<Table, keyof Table>;

/**
 * Recognises crypto off-ramp order events: a string `name` starting with `order:` and an object `data`.
 *
 * @internal
 */
export const offrampDefinition = {
  source: 'offramp',
  table,
  classify(body) {
    if (!isRecord(body)) return undefined;
    const name = own(body, 'name');
    return typeof name === 'string' && name.startsWith('order:') && isRecord(own(body, 'data')) ? name : undefined;
  },
  id: (payload) => payload.id,
  // The envelope carries no time of its own; the order's last update is when this event
  // happened (creation time if the update time cannot be read).
  occurredAt(payload) {
    const updated = toDate(payload.data.updatedAt);
    return Number.isNaN(updated.getTime()) ? toDate(payload.data.createdAt) : updated;
  },
} satisfies FamilyDefinition<'offramp', Table>;

/**
 * The offramp family as `parseWebhook` asks it.
 *
 * @internal
 */
export const offrampFamily = /* @__PURE__ */ defineFamily(offrampDefinition);

/**
 * The crypto off-ramp members of the webhook union; `type` is the event `name`.
 *
 * @example
 * switch (event.type) { case 'order:crypto-offramp:refund:completed': event.payload.data.refund.amount; }
 */
export type OfframpEvent = EventsOf<'offramp', Table>;
