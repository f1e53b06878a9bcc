import { isRecord, own } from './common.js';
import type * as z from 'zod/mini';
import { defineFamily, type EventsOf, lazy } from '../family.js';
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

/** Every documented type of the family, in the order of its schemas. */
const types = [
  'INVOICE_CREATE_INVOICE',
  'INVOICE_CREATE_UNLIMITED_INVOICE',
  'INVOICE_FUNDS_RECEIVED_FOR_INVOICE',
  'INVOICE_PENDING_INTERVENTION',
  'INVOICE_TRANSLATION_TO_ACCOUNT_COMPLETED',
  'INVOICE_EXPIRED',
  'INVOICE_PAID',
  'INVOICE_MEMPOOL_FOUND',
  'INVOICE_COMPLIANCE_CHECK',
  'INVOICE_COMPLIANCE_DECLINED',
  'FIAT_APPLIER_FIAT_FUNDS_RECEIVED',
  'FIAT_APPLIER_ORDER_UNPAID',
  'FIAT_APPLIER_PAYMENT_FAILED',
  'FIAT_APPLIER_ADJUSTMENT',
  'FIAT_APPLIER_WITHDRAWAL_SUCCESS',
  'FIAT_APPLIER_WITHDRAWAL_FAILED',
  'CUSTOMER_PURSE_EXPIRED',
  'CUSTOMER_PURSE_MEM_POOL_FOUND',
  'CUSTOMER_PURSE_PENDING_COMPLIANCE',
  'CUSTOMER_PURSE_COMPLIANCE_DECLINED',
  'CUSTOMER_PURSE_FUNDS_RECEIVED_FOR_PURSE',
  'PAYOUT_CHANGE_STATUS',
  'PAYOUT_CONFIRMED',
  'PAYOUT_VALIDATION_ERROR',
  'TOP_UP_COMPLIANCE_CHECK',
  'TOP_UP_COMPLIANCE_DECLINED',
  'WALLET_FUNDS_DELIVERED_ACCOUNT',
] as const;

// Built on the family's first use (see `lazy`), never at import.
const build = () =>
  ({
    ...invoiceSchemas(),
    ...fiatSchemas(),
    ...purseSchemas(),
    ...payoutSchemas(),
    ...accountSchemas(),
  }) satisfies Record<(typeof types)[number], z.ZodMiniType>;

type Schemas = ReturnType<typeof build>;
const schemas = /* @__PURE__ */ lazy(build);

/**
 * Any processing event body.
 *
 * @example
 * const eventKey = (payload: ProcessingPayload) => `${payload.requestId}:${payload.id}`;
 */
export type ProcessingPayload = z.output<Schemas[keyof Schemas]>;

/**
 * Recognises processing events: a non-empty string `eventType` with a string `service` or
 * `requestId` beside it.
 *
 * @internal
 */
export const processingFamily = /* @__PURE__ */ defineFamily({
  source: 'processing',
  types,
  classify(body) {
    if (!isRecord(body)) return undefined;
    const eventType = own(body, 'eventType');
    if (typeof eventType !== 'string' || eventType === '') return undefined;
    const enveloped = typeof own(body, 'service') === 'string' || typeof own(body, 'requestId') === 'string';
    return enveloped ? eventType : undefined;
  },
  get schemas() {
    return schemas();
  },
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
export type ProcessingEvent = EventsOf<'processing', Schemas>;
