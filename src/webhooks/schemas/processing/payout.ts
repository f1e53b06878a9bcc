import * as z from 'zod/mini';
import type { PayloadOf } from '../../family.js';
import { maybe, numericId, timestampString } from '../common.js';
import { dataType, processingEvent } from './envelope.js';

// Payout events. `parentExternalId`, the system id of the payout, is what each is about, so it
// is required; the tables mark no other field as always sent.

const payout = () => ({
  parentExternalId: numericId(),
  idempotencyKey: maybe(z.string()),
  createdDate: maybe(timestampString()),
  currency: maybe(z.string()),
});

/** One row per event, each building its schema on first use. */
export const payoutEvents = {
  PAYOUT_CHANGE_STATUS: () => processingEvent('PAYOUT_CHANGE_STATUS', {
    ...payout(),
    type: dataType('PAYOUT_CHANGE_STATUS'),
    hash: maybe(z.string()),
    payoutStatus: maybe(z.string()),
  }),
  // The shape of an approver is not documented: the list is kept as sent.
  PAYOUT_CONFIRMED: () => processingEvent('PAYOUT_CONFIRMED', {
    ...payout(),
    type: dataType('PAYOUT_CONFIRMED'),
    approved: maybe(z.array(z.unknown())),
  }),
  PAYOUT_VALIDATION_ERROR: () => processingEvent('PAYOUT_VALIDATION_ERROR', {
    ...payout(),
    type: dataType('PAYOUT_VALIDATION_ERROR'),
    message: maybe(z.string()),
    dealWithdrawalId: maybe(numericId()),
    validationStatus: maybe(z.string()),
  }),
};

type Table = typeof payoutEvents;

/**
 * Body of `PAYOUT_CHANGE_STATUS`: the payout moved to `payoutStatus`.
 *
 * @example
 * if (event.type === 'PAYOUT_CHANGE_STATUS') event.payload.data.payoutStatus;
 */
export type PayoutStatusChangedPayload = PayloadOf<Table, 'PAYOUT_CHANGE_STATUS'>;

/**
 * Body of `PAYOUT_CONFIRMED`: the payout was approved (`approved` the approving users).
 *
 * @example
 * if (event.type === 'PAYOUT_CONFIRMED') event.payload.data.approved;
 */
export type PayoutConfirmedPayload = PayloadOf<Table, 'PAYOUT_CONFIRMED'>;

/**
 * Body of `PAYOUT_VALIDATION_ERROR`: a withdrawal of the payout failed validation.
 *
 * @example
 * if (event.type === 'PAYOUT_VALIDATION_ERROR') event.payload.data.validationStatus;
 */
export type PayoutValidationErrorPayload = PayloadOf<Table, 'PAYOUT_VALIDATION_ERROR'>;
