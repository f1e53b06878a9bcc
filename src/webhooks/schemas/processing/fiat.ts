import * as z from 'zod/mini';
import type { PayloadOf } from '../../family.js';
import { decimalString, jsonAmount, maybe, numericId, timestampString } from '../common.js';
import { processingEvent } from './envelope.js';

// Fiat order (FIAT_APPLIER_*) events. `parentExternalId`, the system id of the fiat or c2f
// order, is what each is about, so it is required; the tables mark no other field as always sent.

const order = () => ({ parentExternalId: numericId(), idempotencyKey: maybe(z.string()) });

// The withdrawal tables list `type` as "event type" without naming the value, so it is not pinned.
const withdrawal = () => ({
  ...order(),
  type: maybe(z.string()),
  state: maybe(z.string()),
  orderId: maybe(z.string()),
  externalId: maybe(z.string()),
});

/** One row per event, each building its schema on first use. */
export const fiatEvents = {
  FIAT_APPLIER_FIAT_FUNDS_RECEIVED: () => processingEvent('FIAT_APPLIER_FIAT_FUNDS_RECEIVED', {
    ...order(),
    fiatAmount: maybe(decimalString()),
    fiatCurrency: maybe(z.string()),
    rate: maybe(jsonAmount()),
  }),
  // `reasonType` is documented with one value, `EXPIRED`; kept a string for any other.
  FIAT_APPLIER_ORDER_UNPAID: () => processingEvent('FIAT_APPLIER_ORDER_UNPAID', { ...order(), reasonType: maybe(z.string()) }),
  FIAT_APPLIER_PAYMENT_FAILED: () => processingEvent('FIAT_APPLIER_PAYMENT_FAILED', { ...order(), reason: maybe(z.string()) }),
  FIAT_APPLIER_ADJUSTMENT: () => processingEvent('FIAT_APPLIER_ADJUSTMENT', {
    ...order(),
    adjustmentDate: maybe(timestampString()),
    sumAfterAdjustment: maybe(jsonAmount()),
    reason: maybe(z.string()),
    currency: maybe(z.string()),
    // Typed string in the table but described as "true/false": either form is accepted.
    fiatCurrency: maybe(z.union([z.string(), z.boolean()])),
  }),
  FIAT_APPLIER_WITHDRAWAL_SUCCESS: () => processingEvent('FIAT_APPLIER_WITHDRAWAL_SUCCESS', {
    ...withdrawal(),
    rate: maybe(jsonAmount()),
    currency: maybe(z.string()),
    fiatAmount: maybe(jsonAmount()),
    fiatCurrency: maybe(z.string()),
  }),
  FIAT_APPLIER_WITHDRAWAL_FAILED: () => processingEvent('FIAT_APPLIER_WITHDRAWAL_FAILED', {
    ...withdrawal(),
    reason: maybe(z.string()),
  }),
};

type Table = typeof fiatEvents;

/**
 * Body of `FIAT_APPLIER_FIAT_FUNDS_RECEIVED`: the fiat payment of an order arrived
 * (`fiatAmount` a decimal string, `rate` the order's rate).
 *
 * @example
 * if (event.type === 'FIAT_APPLIER_FIAT_FUNDS_RECEIVED') event.payload.data.fiatAmount;
 */
export type FiatFundsReceivedPayload = PayloadOf<Table, 'FIAT_APPLIER_FIAT_FUNDS_RECEIVED'>;

/**
 * Body of `FIAT_APPLIER_ORDER_UNPAID`: the fiat order ended unpaid (`reasonType`, e.g. `EXPIRED`).
 *
 * @example
 * if (event.type === 'FIAT_APPLIER_ORDER_UNPAID') event.payload.data.reasonType;
 */
export type FiatOrderUnpaidPayload = PayloadOf<Table, 'FIAT_APPLIER_ORDER_UNPAID'>;

/**
 * Body of `FIAT_APPLIER_PAYMENT_FAILED`: the fiat payment of an order failed.
 *
 * @example
 * if (event.type === 'FIAT_APPLIER_PAYMENT_FAILED') event.payload.data.reason;
 */
export type FiatPaymentFailedPayload = PayloadOf<Table, 'FIAT_APPLIER_PAYMENT_FAILED'>;

/**
 * Body of `FIAT_APPLIER_ADJUSTMENT`: the amount of a fiat order was adjusted.
 *
 * @example
 * if (event.type === 'FIAT_APPLIER_ADJUSTMENT') event.payload.data.sumAfterAdjustment;
 */
export type FiatAdjustmentPayload = PayloadOf<Table, 'FIAT_APPLIER_ADJUSTMENT'>;

/**
 * Body of `FIAT_APPLIER_WITHDRAWAL_SUCCESS`: a crypto-to-fiat order paid out.
 *
 * @example
 * if (event.type === 'FIAT_APPLIER_WITHDRAWAL_SUCCESS') event.payload.data.fiatAmount;
 */
export type FiatWithdrawalSuccessPayload = PayloadOf<Table, 'FIAT_APPLIER_WITHDRAWAL_SUCCESS'>;

/**
 * Body of `FIAT_APPLIER_WITHDRAWAL_FAILED`: a crypto-to-fiat order failed.
 *
 * @example
 * if (event.type === 'FIAT_APPLIER_WITHDRAWAL_FAILED') event.payload.data.reason;
 */
export type FiatWithdrawalFailedPayload = PayloadOf<Table, 'FIAT_APPLIER_WITHDRAWAL_FAILED'>;
