import * as z from 'zod/mini';
import { defineFamily, type EventsOf, lazy } from '../family.js';
import { caasOrderStatus } from '../order-status.js';
import { toDate } from '../timestamp.js';
import { decimalString, isRecord, looseObject, maybe, own } from './common.js';

// Coinme transactional notifications (seeds 000 and 003): `{ id, type, data, at }`. They carry no
// event name, so the union `type` is built from the envelope `type` and the status in `data`:
// `ORDER_TEMPLATE.<orderTemplateStatus>`, `CAAS.<data.type>.<orderStatus>`, and `CAAS.<data.type>.FAILED`
// whenever `errorData` is non-null (seed 003 shows a failed order whose orderStatus says COMPLETED).

/** Order template statuses (lifecycle CREATED → CONSUMED → COMPLETED, or EXPIRED/DELETED/REJECTED). */
type OrderTemplateStatus = 'CREATED' | 'CONSUMED' | 'COMPLETED' | 'EXPIRED' | 'DELETED' | 'REJECTED' | 'UPDATED';

/** Every documented type of the family, in the order of its schemas. */
const types = [
  'ORDER_TEMPLATE.CREATED',
  'ORDER_TEMPLATE.CONSUMED',
  'ORDER_TEMPLATE.COMPLETED',
  'ORDER_TEMPLATE.EXPIRED',
  'ORDER_TEMPLATE.DELETED',
  'ORDER_TEMPLATE.REJECTED',
  'ORDER_TEMPLATE.UPDATED',
  'CAAS.BUY.FULFILLED',
  'CAAS.BUY.BLOCKCHAIN_ACCEPTED',
  'CAAS.BUY.COMPLETED',
  'CAAS.BUY.FAILED',
  'CAAS.SELL.FULFILLED',
  'CAAS.SELL.BLOCKCHAIN_ACCEPTED',
  'CAAS.SELL.COMPLETED',
  'CAAS.SELL.FAILED',
  'CAAS.ORDER_TRACKING',
  'PAYMENT_METHOD',
  'REFUND',
  'CAAS_BLOCKCHAIN',
] as const;

// Built on the family's first use (see `lazy`), never at import.
function build() {
  const envelope = <T extends string, D extends z.ZodMiniType>(type: T, data: D) =>
    looseObject({
      id: z.string(),
      type: z.literal(type),
      data,
      // Documented as epoch seconds, shown as an ISO string.
      at: z.union([z.number(), z.string()]),
    });

  const orderTemplate = <S extends OrderTemplateStatus>(status: S) =>
    envelope(
      'ORDER_TEMPLATE',
      looseObject({
        providerId: z.string(),
        orderTemplateId: z.string(),
        orderTemplateStatus: z.literal(status),
        // Absent before the barcode is scanned (CREATED).
        providerTransactionRef: maybe(z.string()),
        externalSessionId: maybe(z.string()),
        userInputAmount: looseObject({ amount: decimalString(), currency: z.string() }),
        // Shape not published for order templates.
        errorData: maybe(looseObject({})),
      }),
    );

  const blockchainData = looseObject({
    targetWalletAddress: z.string(),
    blockchainTransactionId: maybe(z.string()),
    blockchainMemo: maybe(z.string()),
    currency: z.string(),
    chain: z.string(),
    refundWalletAddress: maybe(z.string()),
    sourceWalletAddress: maybe(z.string()),
  });

  const caasError = looseObject({ code: z.string(), message: z.string() });

  const caas = <K extends 'BUY' | 'SELL', S extends z.ZodMiniType<string>, E extends z.ZodMiniType>(
    kind: K,
    orderStatus: S,
    errorData: E,
  ) =>
    envelope(
      'CAAS',
      looseObject({
        type: z.literal(kind),
        providerId: z.string(),
        transactionId: z.string(),
        externalSessionId: maybe(z.string()),
        metadata: looseObject({
          orderStatus,
          orderTemplateId: maybe(z.string()),
          // Null until blockchain details are known.
          blockchainData: maybe(blockchainData),
        }),
        errorData,
      }),
    );

  // A non-null errorData makes an order FAILED, so the other statuses require it null or absent.
  const caasOk = <K extends 'BUY' | 'SELL', S extends string>(kind: K, status: S) =>
    caas(kind, z.literal(status), z.optional(z.null()));
  // orderStatus is not trusted on failure: seed 003's failed order says COMPLETED. A FAILED
  // orderStatus without errorData is still a failure, so errorData may be null here.
  const caasFailed = <K extends 'BUY' | 'SELL'>(kind: K) =>
    caas(kind, z.string(), maybe(caasError)).check(
      z.refine((body) => body.data.errorData != null || body.data.metadata.orderStatus === 'FAILED', {
        message: 'a failed order carries errorData or orderStatus FAILED',
        path: ['data', 'errorData'],
      }),
    );

  // Types whose `data` is not published: the envelope is typed, `data` kept as sent.
  const openData = z.record(z.string(), z.unknown());

  const orderTemplateCreated = orderTemplate('CREATED');
  const orderTemplateConsumed = orderTemplate('CONSUMED');
  const orderTemplateCompleted = orderTemplate('COMPLETED');
  const orderTemplateExpired = orderTemplate('EXPIRED');
  const orderTemplateDeleted = orderTemplate('DELETED');
  const orderTemplateRejected = orderTemplate('REJECTED');
  const orderTemplateUpdated = orderTemplate('UPDATED');
  const caasBuyFulfilled = caasOk('BUY', 'FULFILLED');
  const caasBuyBlockchainAccepted = caasOk('BUY', 'BLOCKCHAIN_ACCEPTED');
  const caasBuyCompleted = caasOk('BUY', 'COMPLETED');
  const caasBuyFailed = caasFailed('BUY');
  const caasSellFulfilled = caasOk('SELL', 'FULFILLED');
  const caasSellBlockchainAccepted = caasOk('SELL', 'BLOCKCHAIN_ACCEPTED');
  const caasSellCompleted = caasOk('SELL', 'COMPLETED');
  const caasSellFailed = caasFailed('SELL');
  const caasOrderTracking = envelope('CAAS', looseObject({ type: z.literal('ORDER_TRACKING') }));
  const paymentMethod = envelope('PAYMENT_METHOD', openData);
  const refund = envelope('REFUND', openData);
  const caasBlockchain = envelope('CAAS_BLOCKCHAIN', openData);

  return {
    'ORDER_TEMPLATE.CREATED': orderTemplateCreated,
    'ORDER_TEMPLATE.CONSUMED': orderTemplateConsumed,
    'ORDER_TEMPLATE.COMPLETED': orderTemplateCompleted,
    'ORDER_TEMPLATE.EXPIRED': orderTemplateExpired,
    'ORDER_TEMPLATE.DELETED': orderTemplateDeleted,
    'ORDER_TEMPLATE.REJECTED': orderTemplateRejected,
    'ORDER_TEMPLATE.UPDATED': orderTemplateUpdated,
    'CAAS.BUY.FULFILLED': caasBuyFulfilled,
    'CAAS.BUY.BLOCKCHAIN_ACCEPTED': caasBuyBlockchainAccepted,
    'CAAS.BUY.COMPLETED': caasBuyCompleted,
    'CAAS.BUY.FAILED': caasBuyFailed,
    'CAAS.SELL.FULFILLED': caasSellFulfilled,
    'CAAS.SELL.BLOCKCHAIN_ACCEPTED': caasSellBlockchainAccepted,
    'CAAS.SELL.COMPLETED': caasSellCompleted,
    'CAAS.SELL.FAILED': caasSellFailed,
    'CAAS.ORDER_TRACKING': caasOrderTracking,
    PAYMENT_METHOD: paymentMethod,
    REFUND: refund,
    CAAS_BLOCKCHAIN: caasBlockchain,
  } satisfies Record<(typeof types)[number], z.ZodMiniType>;
}

type Schemas = ReturnType<typeof build>;
const schemas = /* @__PURE__ */ lazy(build);

/**
 * Body of `ORDER_TEMPLATE.CREATED`: a cash order template (barcode) was created.
 *
 * @example
 * if (event.type === 'ORDER_TEMPLATE.CREATED') event.payload.data.orderTemplateId;
 */
export type OrderTemplateCreatedPayload = z.output<Schemas['ORDER_TEMPLATE.CREATED']>;

/**
 * Body of `ORDER_TEMPLATE.CONSUMED`: the barcode was scanned and paid at the store.
 *
 * @example
 * if (event.type === 'ORDER_TEMPLATE.CONSUMED') event.payload.data.userInputAmount.amount;
 */
export type OrderTemplateConsumedPayload = z.output<Schemas['ORDER_TEMPLATE.CONSUMED']>;

/**
 * Body of `ORDER_TEMPLATE.COMPLETED`: the order template's order completed.
 *
 * @example
 * if (event.type === 'ORDER_TEMPLATE.COMPLETED') event.payload.data.providerTransactionRef;
 */
export type OrderTemplateCompletedPayload = z.output<Schemas['ORDER_TEMPLATE.COMPLETED']>;

/**
 * Body of `ORDER_TEMPLATE.EXPIRED`: the template was not used within 24 hours.
 *
 * @example
 * if (event.type === 'ORDER_TEMPLATE.EXPIRED') event.payload.data.orderTemplateId;
 */
export type OrderTemplateExpiredPayload = z.output<Schemas['ORDER_TEMPLATE.EXPIRED']>;

/**
 * Body of `ORDER_TEMPLATE.DELETED`: the template was invalidated before use.
 *
 * @example
 * if (event.type === 'ORDER_TEMPLATE.DELETED') event.payload.data.orderTemplateId;
 */
export type OrderTemplateDeletedPayload = z.output<Schemas['ORDER_TEMPLATE.DELETED']>;

/**
 * Body of `ORDER_TEMPLATE.REJECTED`: a consumed template was rejected.
 *
 * @example
 * if (event.type === 'ORDER_TEMPLATE.REJECTED') event.payload.data.errorData;
 */
export type OrderTemplateRejectedPayload = z.output<Schemas['ORDER_TEMPLATE.REJECTED']>;

/**
 * Body of `ORDER_TEMPLATE.UPDATED`: the template changed (not used for Green Dot).
 *
 * @example
 * if (event.type === 'ORDER_TEMPLATE.UPDATED') event.payload.data.userInputAmount;
 */
export type OrderTemplateUpdatedPayload = z.output<Schemas['ORDER_TEMPLATE.UPDATED']>;

/**
 * Body of `CAAS.BUY.FULFILLED`: the payment provider processed the fiat leg of a buy.
 *
 * @example
 * if (event.type === 'CAAS.BUY.FULFILLED') event.payload.data.transactionId;
 */
export type CaasBuyFulfilledPayload = z.output<Schemas['CAAS.BUY.FULFILLED']>;

/**
 * Body of `CAAS.BUY.BLOCKCHAIN_ACCEPTED`: the buy was broadcast; `blockchainData` has the hash.
 *
 * @example
 * if (event.type === 'CAAS.BUY.BLOCKCHAIN_ACCEPTED') event.payload.data.metadata.blockchainData?.chain;
 */
export type CaasBuyBlockchainAcceptedPayload = z.output<Schemas['CAAS.BUY.BLOCKCHAIN_ACCEPTED']>;

/**
 * Body of `CAAS.BUY.COMPLETED`: the buy completed and the crypto was sent.
 *
 * @example
 * if (event.type === 'CAAS.BUY.COMPLETED') event.payload.data.metadata.blockchainData;
 */
export type CaasBuyCompletedPayload = z.output<Schemas['CAAS.BUY.COMPLETED']>;

/**
 * Body of `CAAS.BUY.FAILED`: the buy failed; `errorData` says why (`orderStatus` may say anything).
 *
 * @example
 * if (event.type === 'CAAS.BUY.FAILED') event.payload.data.errorData.message;
 */
export type CaasBuyFailedPayload = z.output<Schemas['CAAS.BUY.FAILED']>;

/**
 * Body of `CAAS.SELL.FULFILLED`: the fiat leg of a sell was processed.
 *
 * @example
 * if (event.type === 'CAAS.SELL.FULFILLED') event.payload.data.transactionId;
 */
export type CaasSellFulfilledPayload = z.output<Schemas['CAAS.SELL.FULFILLED']>;

/**
 * Body of `CAAS.SELL.BLOCKCHAIN_ACCEPTED`: the sell's blockchain transaction was accepted.
 *
 * @example
 * if (event.type === 'CAAS.SELL.BLOCKCHAIN_ACCEPTED') event.payload.data.metadata.blockchainData;
 */
export type CaasSellBlockchainAcceptedPayload = z.output<Schemas['CAAS.SELL.BLOCKCHAIN_ACCEPTED']>;

/**
 * Body of `CAAS.SELL.COMPLETED`: the sell completed.
 *
 * @example
 * if (event.type === 'CAAS.SELL.COMPLETED') event.payload.data.transactionId;
 */
export type CaasSellCompletedPayload = z.output<Schemas['CAAS.SELL.COMPLETED']>;

/**
 * Body of `CAAS.SELL.FAILED`: the sell failed; `errorData` says why.
 *
 * @example
 * if (event.type === 'CAAS.SELL.FAILED') event.payload.data.errorData.code;
 */
export type CaasSellFailedPayload = z.output<Schemas['CAAS.SELL.FAILED']>;

/**
 * Body of `CAAS.ORDER_TRACKING` (`data.type: 'ORDER_TRACKING'`); the rest of `data` is not published.
 *
 * @example
 * if (event.type === 'CAAS.ORDER_TRACKING') event.payload.data;
 */
export type CaasOrderTrackingPayload = z.output<Schemas['CAAS.ORDER_TRACKING']>;

/**
 * Body of a `PAYMENT_METHOD` notification; `data` is not published and kept as sent.
 *
 * @example
 * if (event.type === 'PAYMENT_METHOD') event.payload.data;
 */
export type PaymentMethodNotificationPayload = z.output<Schemas['PAYMENT_METHOD']>;

/**
 * Body of a `REFUND` notification; `data` is not published and kept as sent.
 *
 * @example
 * if (event.type === 'REFUND') event.payload.data;
 */
export type RefundNotificationPayload = z.output<Schemas['REFUND']>;

/**
 * Body of a `CAAS_BLOCKCHAIN` notification; `data` is not published and kept as sent.
 *
 * @example
 * if (event.type === 'CAAS_BLOCKCHAIN') event.payload.data;
 */
export type CaasBlockchainNotificationPayload = z.output<Schemas['CAAS_BLOCKCHAIN']>;

/**
 * Any Coinme notification body.
 *
 * @example
 * const notificationId = (payload: CoinmeNotificationPayload) => payload.id;
 */
export type CoinmeNotificationPayload = z.output<Schemas[keyof Schemas]>;

/** The union `type` of a CAAS notification, or as much of it as the body states. */
// Documented CAAS types by kind, then status: answering with the constant costs two property
// reads, where building `CAAS.BUY.COMPLETED` anew costs a string and, later, hashing it.
const caasTypes = /* @__PURE__ */ lazy(() => {
  const table: Record<string, Record<string, string>> = { __proto__: null } as never;
  for (const type of types) {
    const [family, kind, status] = type.split('.');
    if (family === 'CAAS' && kind && status) (table[kind] ??= { __proto__: null } as never)[status] = type;
  }
  return table;
});
const caasTypeOf = (kind: string, status: string) => caasTypes()[kind]?.[status] ?? `CAAS.${kind}.${status}`;

function caasType(data: Readonly<Record<string, unknown>>): string {
  const kind = own(data, 'type');
  if (typeof kind !== 'string') return 'CAAS';
  // Its statuses are not published: one type for all of them.
  if (kind === 'ORDER_TRACKING') return 'CAAS.ORDER_TRACKING';
  const metadata = own(data, 'metadata');
  const status = caasOrderStatus(own(data, 'errorData'), isRecord(metadata) ? own(metadata, 'orderStatus') : undefined);
  return status !== undefined ? caasTypeOf(kind, status) : `CAAS.${kind}`;
}

/**
 * Recognises Coinme notifications: `id`, a string `type`, an object `data` and `at`.
 *
 * @internal
 */
export const coinmeNotificationFamily = /* @__PURE__ */ defineFamily({
  source: 'coinme.notification',
  types,
  classify(body) {
    if (!isRecord(body)) return undefined;
    const type = own(body, 'type');
    const data = own(body, 'data');
    if (typeof type !== 'string' || !isRecord(data)) return undefined;
    if (own(body, 'id') === undefined || own(body, 'at') === undefined) return undefined;
    if (type === 'CAAS') return caasType(data);
    if (type === 'ORDER_TEMPLATE') {
      const status = own(data, 'orderTemplateStatus');
      return typeof status === 'string' ? `ORDER_TEMPLATE.${status}` : type;
    }
    return type;
  },
  get schemas() {
    return schemas();
  },
  eventId: (payload) => payload.id,
  occurredAt: (payload) => toDate(payload.at),
});

/**
 * The Coinme notification members of the webhook union: `ORDER_TEMPLATE.<status>`,
 * `CAAS.<BUY|SELL>.<status>` (`FAILED` whenever `errorData` is non-null), `CAAS.ORDER_TRACKING`,
 * `PAYMENT_METHOD`, `REFUND` and `CAAS_BLOCKCHAIN`.
 *
 * @example
 * switch (event.type) { case 'CAAS.BUY.COMPLETED': event.payload.data.metadata.blockchainData; }
 */
export type CoinmeNotificationEvent = EventsOf<'coinme.notification', Schemas>;
