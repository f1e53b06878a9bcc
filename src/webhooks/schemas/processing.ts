import { isRecord, own } from './common.js';
import type * as z from 'zod/mini';
import { defineFamily, type EventsOf } from '../family.js';
import { toDate } from '../timestamp.js';
import { accountSchemas } from './processing/account.js';
import { fiatSchemas } from './processing/fiat.js';
import { invoiceSchemas } from './processing/invoice.js';
import { payoutSchemas } from './processing/payout.js';
import { purseSchemas } from './processing/purse.js';

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

const schemas = { ...invoiceSchemas, ...fiatSchemas, ...purseSchemas, ...payoutSchemas, ...accountSchemas };

/**
 * Any processing event body.
 *
 * @example
 * const eventKey = (payload: ProcessingPayload) => `${payload.requestId}:${payload.id}`;
 */
export type ProcessingPayload = z.output<(typeof schemas)[keyof typeof schemas]>;



/**
 * Recognises processing events: a non-empty string `eventType` with a string `service` or
 * `requestId` beside it.
 *
 * @internal
 */
export const processingFamily = defineFamily({
  source: 'processing',
  classify(body) {
    if (!isRecord(body)) return undefined;
    const eventType = own(body, 'eventType');
    if (typeof eventType !== 'string' || eventType === '') return undefined;
    const enveloped = typeof own(body, 'service') === 'string' || typeof own(body, 'requestId') === 'string';
    return enveloped ? eventType : undefined;
  },
  schemas,
  // The envelope `id` is only documented as the id of the event, next to the `requestId` of the
  // subscription; together they name one event of one subscription, and a redelivery repeats
  // both, so duplicates share the id while two subscriptions' events never collide.
  eventId: (payload) => `${payload.requestId}:${String(payload.id)}`,
  occurredAt: (payload) => toDate(payload.createdDate),
});

/**
 * The processing members of the webhook union; `type` is the body's `eventType`.
 *
 * @example
 * switch (event.type) { case 'INVOICE_PAID': event.payload.data.realAmount; }
 */
export type ProcessingEvent = EventsOf<'processing', typeof schemas>;
