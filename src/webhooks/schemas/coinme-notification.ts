import * as z from 'zod/mini';
import { defineFamily, type EventsOf, type FamilyDefinition, type PayloadOf } from '../family.js';
import { caasOrderStatus } from '../order-status.js';
import { toDate } from '../timestamp.js';
import { decimalString, isRecord, maybe, own } from './common.js';

// Coinme transactional notifications (seeds 000 and 003): `{ id, type, data, at }`. They carry no
// event name, so the union `type` is built from the envelope `type` and the status in `data`:
// `ORDER_TEMPLATE.<orderTemplateStatus>`, `CAAS.<data.type>.<orderStatus>`, and `CAAS.<data.type>.FAILED`
// whenever `errorData` is non-null (seed 003 shows a failed order whose orderStatus says COMPLETED).

/** Order template statuses (lifecycle CREATED → CONSUMED → COMPLETED, or EXPIRED/DELETED/REJECTED). */
type OrderTemplateStatus = 'CREATED' | 'CONSUMED' | 'COMPLETED' | 'EXPIRED' | 'DELETED' | 'REJECTED' | 'UPDATED';

const envelope = <T extends string, D extends z.ZodMiniType>(type: T, data: D) =>
  z.looseObject({
    id: z.string(),
    type: z.literal(type),
    data,
    // Documented as epoch seconds, shown as an ISO string.
    at: z.union([z.number(), z.string()]),
  });

const orderTemplate = <S extends OrderTemplateStatus>(status: S) =>
  envelope(
    'ORDER_TEMPLATE',
    z.looseObject({
      providerId: z.string(),
      orderTemplateId: z.string(),
      orderTemplateStatus: z.literal(status),
      // Absent before the barcode is scanned (CREATED).
      providerTransactionRef: maybe(z.string()),
      externalSessionId: maybe(z.string()),
      userInputAmount: z.looseObject({ amount: decimalString(), currency: z.string() }),
      // Shape not published for order templates.
      errorData: maybe(z.looseObject({})),
    }),
  );

const blockchainData = () =>
  z.looseObject({
    targetWalletAddress: z.string(),
    blockchainTransactionId: maybe(z.string()),
    blockchainMemo: maybe(z.string()),
    currency: z.string(),
    chain: z.string(),
    refundWalletAddress: maybe(z.string()),
    sourceWalletAddress: maybe(z.string()),
  });

const caas = <K extends 'BUY' | 'SELL', S extends z.ZodMiniType<string>, E extends z.ZodMiniType>(kind: K, orderStatus: S, errorData: E) =>
  envelope(
    'CAAS',
    z.looseObject({
      type: z.literal(kind),
      providerId: z.string(),
      transactionId: z.string(),
      externalSessionId: maybe(z.string()),
      metadata: z.looseObject({
        orderStatus,
        orderTemplateId: maybe(z.string()),
        // Null until blockchain details are known.
        blockchainData: maybe(blockchainData()),
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
  caas(kind, z.string(), maybe(z.looseObject({ code: z.string(), message: z.string() }))).check(
    z.refine((body) => body.data.errorData != null || body.data.metadata.orderStatus === 'FAILED', {
      message: 'a failed order carries errorData or orderStatus FAILED',
      path: ['data', 'errorData'],
    }),
  );

// Types whose `data` is not published: the envelope is typed, `data` kept as sent.
const openData = () => z.record(z.string(), z.unknown());

/** The documented notifications, one row per union `type`. */
const table = {
  'ORDER_TEMPLATE.CREATED': () => orderTemplate('CREATED'),
  'ORDER_TEMPLATE.CONSUMED': () => orderTemplate('CONSUMED'),
  'ORDER_TEMPLATE.COMPLETED': () => orderTemplate('COMPLETED'),
  'ORDER_TEMPLATE.EXPIRED': () => orderTemplate('EXPIRED'),
  'ORDER_TEMPLATE.DELETED': () => orderTemplate('DELETED'),
  'ORDER_TEMPLATE.REJECTED': () => orderTemplate('REJECTED'),
  'ORDER_TEMPLATE.UPDATED': () => orderTemplate('UPDATED'),
  'CAAS.BUY.FULFILLED': () => caasOk('BUY', 'FULFILLED'),
  'CAAS.BUY.BLOCKCHAIN_ACCEPTED': () => caasOk('BUY', 'BLOCKCHAIN_ACCEPTED'),
  // externalSessionId stays optional: seed 003's own completed buy has none, and refusing it
  // would lose the one event a partner fulfils on.
  'CAAS.BUY.COMPLETED': () => caasOk('BUY', 'COMPLETED'),
  'CAAS.BUY.FAILED': () => caasFailed('BUY'),
  'CAAS.SELL.FULFILLED': () => caasOk('SELL', 'FULFILLED'),
  'CAAS.SELL.BLOCKCHAIN_ACCEPTED': () => caasOk('SELL', 'BLOCKCHAIN_ACCEPTED'),
  'CAAS.SELL.COMPLETED': () => caasOk('SELL', 'COMPLETED'),
  'CAAS.SELL.FAILED': () => caasFailed('SELL'),
  'CAAS.ORDER_TRACKING': () => envelope('CAAS', z.looseObject({ type: z.literal('ORDER_TRACKING') })),
  PAYMENT_METHOD: () => envelope('PAYMENT_METHOD', openData()),
  REFUND: () => envelope('REFUND', openData()),
  CAAS_BLOCKCHAIN: () => envelope('CAAS_BLOCKCHAIN', openData()),
};
type Table = typeof table;

/**
 * Body of `ORDER_TEMPLATE.CREATED`: a cash order template (barcode) was created.
 *
 * @example
 * if (event.type === 'ORDER_TEMPLATE.CREATED') event.payload.data.orderTemplateId;
 */
export type OrderTemplateCreatedPayload = PayloadOf<Table, 'ORDER_TEMPLATE.CREATED'>;

/**
 * Body of `ORDER_TEMPLATE.CONSUMED`: the barcode was scanned and paid at the store.
 *
 * @example
 * if (event.type === 'ORDER_TEMPLATE.CONSUMED') event.payload.data.userInputAmount.amount;
 */
export type OrderTemplateConsumedPayload = PayloadOf<Table, 'ORDER_TEMPLATE.CONSUMED'>;

/**
 * Body of `ORDER_TEMPLATE.COMPLETED`: the order template's order completed.
 *
 * @example
 * if (event.type === 'ORDER_TEMPLATE.COMPLETED') event.payload.data.providerTransactionRef;
 */
export type OrderTemplateCompletedPayload = PayloadOf<Table, 'ORDER_TEMPLATE.COMPLETED'>;

/**
 * Body of `ORDER_TEMPLATE.EXPIRED`: the template was not used within 24 hours.
 *
 * @example
 * if (event.type === 'ORDER_TEMPLATE.EXPIRED') event.payload.data.orderTemplateId;
 */
export type OrderTemplateExpiredPayload = PayloadOf<Table, 'ORDER_TEMPLATE.EXPIRED'>;

/**
 * Body of `ORDER_TEMPLATE.DELETED`: the template was invalidated before use.
 *
 * @example
 * if (event.type === 'ORDER_TEMPLATE.DELETED') event.payload.data.orderTemplateId;
 */
export type OrderTemplateDeletedPayload = PayloadOf<Table, 'ORDER_TEMPLATE.DELETED'>;

/**
 * Body of `ORDER_TEMPLATE.REJECTED`: a consumed template was rejected.
 *
 * @example
 * if (event.type === 'ORDER_TEMPLATE.REJECTED') event.payload.data.errorData;
 */
export type OrderTemplateRejectedPayload = PayloadOf<Table, 'ORDER_TEMPLATE.REJECTED'>;

/**
 * Body of `ORDER_TEMPLATE.UPDATED`: the template changed (not used for Green Dot).
 *
 * @example
 * if (event.type === 'ORDER_TEMPLATE.UPDATED') event.payload.data.userInputAmount;
 */
export type OrderTemplateUpdatedPayload = PayloadOf<Table, 'ORDER_TEMPLATE.UPDATED'>;

/**
 * Body of `CAAS.BUY.FULFILLED`: the payment provider processed the fiat leg of a buy.
 *
 * @example
 * if (event.type === 'CAAS.BUY.FULFILLED') event.payload.data.transactionId;
 */
export type CaasBuyFulfilledPayload = PayloadOf<Table, 'CAAS.BUY.FULFILLED'>;

/**
 * Body of `CAAS.BUY.BLOCKCHAIN_ACCEPTED`: the buy was broadcast; `blockchainData` has the hash.
 *
 * @example
 * if (event.type === 'CAAS.BUY.BLOCKCHAIN_ACCEPTED') event.payload.data.metadata.blockchainData?.chain;
 */
export type CaasBuyBlockchainAcceptedPayload = PayloadOf<Table, 'CAAS.BUY.BLOCKCHAIN_ACCEPTED'>;

/**
 * Body of `CAAS.BUY.COMPLETED`: the buy completed and the crypto was sent.
 *
 * @example
 * if (event.type === 'CAAS.BUY.COMPLETED') event.payload.data.metadata.blockchainData;
 */
export type CaasBuyCompletedPayload = PayloadOf<Table, 'CAAS.BUY.COMPLETED'>;

/**
 * Body of `CAAS.BUY.FAILED`: the buy failed; `errorData` says why (`orderStatus` may say anything).
 *
 * @example
 * if (event.type === 'CAAS.BUY.FAILED') event.payload.data.errorData.message;
 */
export type CaasBuyFailedPayload = PayloadOf<Table, 'CAAS.BUY.FAILED'>;

/**
 * Body of `CAAS.SELL.FULFILLED`: the fiat leg of a sell was processed.
 *
 * @example
 * if (event.type === 'CAAS.SELL.FULFILLED') event.payload.data.transactionId;
 */
export type CaasSellFulfilledPayload = PayloadOf<Table, 'CAAS.SELL.FULFILLED'>;

/**
 * Body of `CAAS.SELL.BLOCKCHAIN_ACCEPTED`: the sell's blockchain transaction was accepted.
 *
 * @example
 * if (event.type === 'CAAS.SELL.BLOCKCHAIN_ACCEPTED') event.payload.data.metadata.blockchainData;
 */
export type CaasSellBlockchainAcceptedPayload = PayloadOf<Table, 'CAAS.SELL.BLOCKCHAIN_ACCEPTED'>;

/**
 * Body of `CAAS.SELL.COMPLETED`: the sell completed.
 *
 * @example
 * if (event.type === 'CAAS.SELL.COMPLETED') event.payload.data.transactionId;
 */
export type CaasSellCompletedPayload = PayloadOf<Table, 'CAAS.SELL.COMPLETED'>;

/**
 * Body of `CAAS.SELL.FAILED`: the sell failed; `errorData` says why.
 *
 * @example
 * if (event.type === 'CAAS.SELL.FAILED') event.payload.data.errorData.code;
 */
export type CaasSellFailedPayload = PayloadOf<Table, 'CAAS.SELL.FAILED'>;

/**
 * Body of `CAAS.ORDER_TRACKING` (`data.type: 'ORDER_TRACKING'`); the rest of `data` is not published.
 *
 * @example
 * if (event.type === 'CAAS.ORDER_TRACKING') event.payload.data;
 */
export type CaasOrderTrackingPayload = PayloadOf<Table, 'CAAS.ORDER_TRACKING'>;

/**
 * Body of a `PAYMENT_METHOD` notification; `data` is not published and kept as sent.
 *
 * @example
 * if (event.type === 'PAYMENT_METHOD') event.payload.data;
 */
export type PaymentMethodNotificationPayload = PayloadOf<Table, 'PAYMENT_METHOD'>;

/**
 * Body of a `REFUND` notification; `data` is not published and kept as sent.
 *
 * @example
 * if (event.type === 'REFUND') event.payload.data;
 */
export type RefundNotificationPayload = PayloadOf<Table, 'REFUND'>;

/**
 * Body of a `CAAS_BLOCKCHAIN` notification; `data` is not published and kept as sent.
 *
 * @example
 * if (event.type === 'CAAS_BLOCKCHAIN') event.payload.data;
 */
export type CaasBlockchainNotificationPayload = PayloadOf<Table, 'CAAS_BLOCKCHAIN'>;

/**
 * Any Coinme notification body.
 *
 * @example
 * const notificationId = (payload: CoinmeNotificationPayload) => payload.id;
 */
export type CoinmeNotificationPayload = PayloadOf<Table, keyof Table>;

/**
 * The status of a CAAS buy or sell notification's `data`: `FAILED` whenever `errorData` is
 * non-null (seed 003 shows a failed order whose `orderStatus` says COMPLETED), else
 * `metadata.orderStatus`; `undefined` when the body states none.
 *
 * @example
 * ```ts
 * if (event.source === 'coinme.notification' && caasStatusOf(event.payload.data) === 'FAILED') refund();
 * ```
 */
export function caasStatusOf(data: unknown): string | undefined {
  if (!isRecord(data)) return undefined;
  const metadata = own(data, 'metadata');
  return caasOrderStatus(own(data, 'errorData'), isRecord(metadata) ? own(metadata, 'orderStatus') : undefined);
}

function caasType(data: Readonly<Record<string, unknown>>): string {
  const kind = own(data, 'type');
  if (typeof kind !== 'string') return 'CAAS';
  // Its statuses are not published: one type for all of them.
  if (kind === 'ORDER_TRACKING') return 'CAAS.ORDER_TRACKING';
  const status = caasStatusOf(data);
  return status === undefined ? `CAAS.${kind}` : `CAAS.${kind}.${status}`;
}

/**
 * Recognises Coinme notifications: `id`, a string `type`, an object `data` and `at`.
 *
 * @internal
 */
export const coinmeNotificationDefinition = {
  source: 'coinme.notification',
  table,
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
  id: (payload) => payload.id,
  occurredAt: (payload) => toDate(payload.at),
} satisfies FamilyDefinition<'coinme.notification', Table>;

/**
 * The coinme.notification family as `parseWebhook` asks it.
 *
 * @internal
 */
export const coinmeNotificationFamily = /* @__PURE__ */ defineFamily(coinmeNotificationDefinition);

/**
 * The Coinme notification members of the webhook union: `ORDER_TEMPLATE.<status>`,
 * `CAAS.<BUY|SELL>.<status>` (`FAILED` whenever `errorData` is non-null), `CAAS.ORDER_TRACKING`,
 * `PAYMENT_METHOD`, `REFUND` and `CAAS_BLOCKCHAIN`.
 *
 * @example
 * switch (event.type) { case 'CAAS.BUY.COMPLETED': event.payload.data.metadata.blockchainData; }
 */
export type CoinmeNotificationEvent = EventsOf<'coinme.notification', Table>;
