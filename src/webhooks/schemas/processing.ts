import { defineFamily, type EventsOf, type FamilyDefinition, type PayloadOf } from '../family.js';
import { toDate } from '../timestamp.js';
import { isRecord, own } from './common.js';
import { accountEvents } from './processing/account.js';
import { fiatEvents } from './processing/fiat.js';
import { invoiceEvents } from './processing/invoice.js';
import { payoutEvents } from './processing/payout.js';
import { purseEvents } from './processing/purse.js';

// Invoice, payout, purse and fiat order processing events (seed 002): `{ requestId, id,
// createdDate, level, service, eventType, data }`, one schema per documented `eventType`.

export type { ProcessingLevel } from './processing/envelope.js';
export type {
  InvoiceCreatedPayload,
  UnlimitedInvoiceCreatedPayload,
  InvoiceFundsReceivedPayload,
  InvoicePendingInterventionPayload,
  InvoiceTranslationCompletedPayload,
  InvoiceExpiredPayload,
  InvoicePaidPayload,
  InvoiceMempoolFoundPayload,
  InvoiceComplianceCheckPayload,
  InvoiceComplianceDeclinedPayload,
} from './processing/invoice.js';
export type {
  FiatFundsReceivedPayload,
  FiatOrderUnpaidPayload,
  FiatPaymentFailedPayload,
  FiatAdjustmentPayload,
  FiatWithdrawalSuccessPayload,
  FiatWithdrawalFailedPayload,
} from './processing/fiat.js';
export type {
  CustomerPurseExpiredPayload,
  CustomerPurseMempoolFoundPayload,
  CustomerPursePendingCompliancePayload,
  CustomerPurseComplianceDeclinedPayload,
  CustomerPurseFundsReceivedPayload,
} from './processing/purse.js';
export type {
  PayoutStatusChangedPayload,
  PayoutConfirmedPayload,
  PayoutValidationErrorPayload,
} from './processing/payout.js';
export type {
  TopUpComplianceCheckPayload,
  TopUpComplianceDeclinedPayload,
  WalletFundsDeliveredPayload,
} from './processing/account.js';

/**
 * The documented processing events: one row per `eventType`, kept in one module per service.
 * Merged in a pure call: a bundler must keep a top-level object spread, and with it every row's zod.
 */
const table = /* @__PURE__ */ (() => ({ ...invoiceEvents, ...fiatEvents, ...purseEvents, ...payoutEvents, ...accountEvents }))();
type Table = typeof table;

/**
 * Any processing event body.
 *
 * @example
 * const eventKey = (payload: ProcessingPayload) => `${payload.requestId}:${payload.id}`;
 */
export type ProcessingPayload = PayloadOf<Table, keyof Table>;

/**
 * Recognises processing events: a non-empty string `eventType` with a string `service` or
 * `requestId` beside it.
 *
 * @internal
 */
export const processingDefinition = {
  source: 'processing',
  table,
  classify(body) {
    if (!isRecord(body)) return undefined;
    const eventType = own(body, 'eventType');
    if (typeof eventType !== 'string' || eventType === '') return undefined;
    const enveloped = typeof own(body, 'service') === 'string' || typeof own(body, 'requestId') === 'string';
    return enveloped ? eventType : undefined;
  },
  // The envelope `id` is only documented as the id of the event, next to the `requestId` of the
  // subscription; together they name one event of one subscription, and a redelivery repeats
  // both, so duplicates share the id while two subscriptions' events never collide.
  id: (payload) => `${payload.requestId}:${String(payload.id)}`,
  occurredAt: (payload) => toDate(payload.createdDate),
} satisfies FamilyDefinition<'processing', Table>;

/**
 * The processing family as `parseWebhook` asks it.
 *
 * @internal
 */
export const processingFamily = /* @__PURE__ */ defineFamily(processingDefinition);

/**
 * The processing members of the webhook union; `type` is the body's `eventType`.
 *
 * @example
 * switch (event.type) { case 'INVOICE_PAID': event.payload.data.realAmount; }
 */
export type ProcessingEvent = EventsOf<'processing', Table>;
