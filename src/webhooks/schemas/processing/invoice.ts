import * as z from 'zod/mini';
import type { PayloadOf } from '../../family.js';
import { jsonAmount, maybe, numericId, timestampString } from '../common.js';
import { dataType, fiatAmounts, idList, processingEvent } from './envelope.js';

// Invoice events. `parentExternalId`, the system id of the invoice, is what every one of them
// is about, so it is required; the tables mark no other field as always sent.
// Currencies stay strings: the documented lists grow as coins and fiat currencies are added.

const invoice = () => ({
  parentExternalId: numericId(),
  idempotencyKey: maybe(z.string()),
  externalId: maybe(z.string()),
});

// The table names `fiatCurrency`; the document's own example sends `fiatcurrency`. Both kept.
const fiatCurrency = () => ({ fiatCurrency: maybe(z.string()), fiatcurrency: maybe(z.string()) });

const deposit = () => ({
  ...invoice(),
  amount: maybe(jsonAmount()),
  transactionId: maybe(idList()),
  message: maybe(z.string()),
  currency: maybe(z.string()),
  createdDate: maybe(timestampString()),
  senderAddress: maybe(z.string()),
  paymentDate: maybe(timestampString()),
  transactionHash: maybe(z.string()),
  fiatAmount: maybe(fiatAmounts()),
});

// Paid and mempool events give `fiatAmount` as one number, in `fiatCurrency`, not by currency.
const payment = () => ({
  ...invoice(),
  ...fiatCurrency(),
  amount: maybe(jsonAmount()),
  currency: maybe(z.string()),
  description: maybe(z.string()),
  fiatAmount: maybe(jsonAmount()),
  realAmount: maybe(jsonAmount()),
});

/** One row per event, each building its schema on first use. */
export const invoiceEvents = {
  INVOICE_CREATE_INVOICE: () => processingEvent('INVOICE_CREATE_INVOICE', {
    ...invoice(),
    ...fiatCurrency(),
    type: dataType('INVOICE_CREATE_INVOICE'),
    amount: maybe(jsonAmount()),
    message: maybe(z.string()),
    currency: maybe(z.string()),
    createdDate: maybe(timestampString()),
  }),
  INVOICE_CREATE_UNLIMITED_INVOICE: () => processingEvent('INVOICE_CREATE_UNLIMITED_INVOICE', {
    ...invoice(),
    type: dataType('INVOICE_CREATE_UNLIMITED_INVOICE'),
    message: maybe(z.string()),
    currency: maybe(z.string()),
    createdDate: maybe(timestampString()),
  }),
  INVOICE_FUNDS_RECEIVED_FOR_INVOICE: () => processingEvent('INVOICE_FUNDS_RECEIVED_FOR_INVOICE', {
    ...deposit(),
    type: dataType('INVOICE_FUNDS_RECEIVED_FOR_INVOICE'),
    invoiceAddress: maybe(z.string()),
  }),
  INVOICE_PENDING_INTERVENTION: () => processingEvent('INVOICE_PENDING_INTERVENTION', {
    ...invoice(),
    type: dataType('INVOICE_PENDING_INTERVENTION'),
    message: maybe(z.string()),
  }),
  INVOICE_TRANSLATION_TO_ACCOUNT_COMPLETED: () => processingEvent('INVOICE_TRANSLATION_TO_ACCOUNT_COMPLETED', {
    ...invoice(),
    type: dataType('INVOICE_TRANSLATION_TO_ACCOUNT_COMPLETED'),
    amount: maybe(jsonAmount()),
    message: maybe(z.string()),
    currency: maybe(z.string()),
    createdDate: maybe(timestampString()),
    serviceFee: maybe(jsonAmount()),
    fiatAmount: maybe(fiatAmounts()),
    transactionIds: maybe(idList()),
  }),
  INVOICE_EXPIRED: () => processingEvent('INVOICE_EXPIRED', {
    ...invoice(),
    ...fiatCurrency(),
    type: dataType('INVOICE_EXPIRED'),
    amount: maybe(jsonAmount()),
    currency: maybe(z.string()),
    message: maybe(z.string()),
    createdDate: maybe(timestampString()),
    expirationDate: maybe(timestampString()),
    fiatAmount: maybe(fiatAmounts()),
  }),
  INVOICE_PAID: () => processingEvent('INVOICE_PAID', { ...payment(), type: dataType('INVOICE_PAID') }),
  INVOICE_MEMPOOL_FOUND: () => processingEvent('INVOICE_MEMPOOL_FOUND', {
    ...payment(),
    type: dataType('INVOICE_MEMPOOL_FOUND'),
    createdDate: maybe(timestampString()),
    transactionHash: maybe(z.string()),
  }),
  INVOICE_COMPLIANCE_CHECK: () => processingEvent('INVOICE_COMPLIANCE_CHECK', {
    ...deposit(),
    type: dataType('INVOICE_COMPLIANCE_CHECK'),
  }),
  INVOICE_COMPLIANCE_DECLINED: () => processingEvent('INVOICE_COMPLIANCE_DECLINED', {
    ...deposit(),
    type: dataType('INVOICE_COMPLIANCE_DECLINED'),
  }),
};

type Table = typeof invoiceEvents;

/**
 * Body of `INVOICE_CREATE_INVOICE`: an invoice for a fixed amount was created.
 *
 * @example
 * if (event.type === 'INVOICE_CREATE_INVOICE') event.payload.data.amount;
 */
export type InvoiceCreatedPayload = PayloadOf<Table, 'INVOICE_CREATE_INVOICE'>;

/**
 * Body of `INVOICE_CREATE_UNLIMITED_INVOICE`: an invoice without a fixed amount was created.
 *
 * @example
 * if (event.type === 'INVOICE_CREATE_UNLIMITED_INVOICE') event.payload.data.parentExternalId;
 */
export type UnlimitedInvoiceCreatedPayload = PayloadOf<Table, 'INVOICE_CREATE_UNLIMITED_INVOICE'>;

/**
 * Body of `INVOICE_FUNDS_RECEIVED_FOR_INVOICE`: a deposit reached the invoice wallet.
 *
 * @example
 * if (event.type === 'INVOICE_FUNDS_RECEIVED_FOR_INVOICE') event.payload.data.transactionHash;
 */
export type InvoiceFundsReceivedPayload = PayloadOf<Table, 'INVOICE_FUNDS_RECEIVED_FOR_INVOICE'>;

/**
 * Body of `INVOICE_PENDING_INTERVENTION`: the invoice needs manual intervention.
 *
 * @example
 * if (event.type === 'INVOICE_PENDING_INTERVENTION') event.payload.data.message;
 */
export type InvoicePendingInterventionPayload = PayloadOf<Table, 'INVOICE_PENDING_INTERVENTION'>;

/**
 * Body of `INVOICE_TRANSLATION_TO_ACCOUNT_COMPLETED`: the invoice funds were credited to the
 * account (`transactionIds` the deposits, `serviceFee` what was kept).
 *
 * @example
 * if (event.type === 'INVOICE_TRANSLATION_TO_ACCOUNT_COMPLETED') event.payload.data.serviceFee;
 */
export type InvoiceTranslationCompletedPayload = PayloadOf<Table, 'INVOICE_TRANSLATION_TO_ACCOUNT_COMPLETED'>;

/**
 * Body of `INVOICE_EXPIRED`: the invoice expired unpaid.
 *
 * @example
 * if (event.type === 'INVOICE_EXPIRED') event.payload.data.expirationDate;
 */
export type InvoiceExpiredPayload = PayloadOf<Table, 'INVOICE_EXPIRED'>;

/**
 * Body of `INVOICE_PAID`: the invoice was paid (`realAmount` what the client really paid).
 *
 * @example
 * if (event.type === 'INVOICE_PAID') event.payload.data.realAmount;
 */
export type InvoicePaidPayload = PayloadOf<Table, 'INVOICE_PAID'>;

/**
 * Body of `INVOICE_MEMPOOL_FOUND`: a payment to the invoice was seen in the mempool.
 *
 * @example
 * if (event.type === 'INVOICE_MEMPOOL_FOUND') event.payload.data.transactionHash;
 */
export type InvoiceMempoolFoundPayload = PayloadOf<Table, 'INVOICE_MEMPOOL_FOUND'>;

/**
 * Body of `INVOICE_COMPLIANCE_CHECK`: a deposit to the invoice is under compliance review.
 *
 * @example
 * if (event.type === 'INVOICE_COMPLIANCE_CHECK') event.payload.data.senderAddress;
 */
export type InvoiceComplianceCheckPayload = PayloadOf<Table, 'INVOICE_COMPLIANCE_CHECK'>;

/**
 * Body of `INVOICE_COMPLIANCE_DECLINED`: compliance declined a deposit to the invoice.
 *
 * @example
 * if (event.type === 'INVOICE_COMPLIANCE_DECLINED') event.payload.data.transactionId;
 */
export type InvoiceComplianceDeclinedPayload = PayloadOf<Table, 'INVOICE_COMPLIANCE_DECLINED'>;
