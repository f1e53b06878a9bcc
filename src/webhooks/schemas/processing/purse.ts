import * as z from 'zod/mini';
import type { PayloadOf } from '../../family.js';
import { jsonAmount, maybe, numericId, timestampString } from '../common.js';
import { processingEvent } from './envelope.js';

// Customer purse (deposit address) events. The customer and the purse are what each event is
// about, so they are required; the tables mark no other field as always sent.

const purse = () => ({
  customerId: z.string(),
  purseId: z.string(),
  customerBlocked: maybe(z.boolean()),
});

// The tables type the transaction id as a number in one event and a string in the others.
const transaction = () => ({
  ...purse(),
  currency: maybe(z.string()),
  transactionId: maybe(numericId()),
  amount: maybe(jsonAmount()),
});

const onChain = () => ({
  senderAddress: maybe(z.string()),
  createdDate: maybe(timestampString()),
  transactionHash: maybe(z.string()),
});

/** One row per event, each building its schema on first use. */
export const purseEvents = {
  CUSTOMER_PURSE_EXPIRED: () => processingEvent('CUSTOMER_PURSE_EXPIRED', purse()),
  // Its table types `currency` as a number where every other event has a string: both accepted.
  CUSTOMER_PURSE_MEM_POOL_FOUND: () => processingEvent('CUSTOMER_PURSE_MEM_POOL_FOUND', {
    ...transaction(),
    ...onChain(),
    currency: maybe(z.union([z.string(), z.number()])),
  }),
  CUSTOMER_PURSE_PENDING_COMPLIANCE: () => processingEvent('CUSTOMER_PURSE_PENDING_COMPLIANCE', transaction()),
  CUSTOMER_PURSE_COMPLIANCE_DECLINED: () => processingEvent('CUSTOMER_PURSE_COMPLIANCE_DECLINED', transaction()),
  CUSTOMER_PURSE_FUNDS_RECEIVED_FOR_PURSE: () => processingEvent('CUSTOMER_PURSE_FUNDS_RECEIVED_FOR_PURSE', { ...transaction(), ...onChain() }),
};

type Table = typeof purseEvents;

/**
 * Body of `CUSTOMER_PURSE_EXPIRED`: a customer's purse (deposit address) expired.
 *
 * @example
 * if (event.type === 'CUSTOMER_PURSE_EXPIRED') event.payload.data.purseId;
 */
export type CustomerPurseExpiredPayload = PayloadOf<Table, 'CUSTOMER_PURSE_EXPIRED'>;

/**
 * Body of `CUSTOMER_PURSE_MEM_POOL_FOUND`: a transaction to the purse was seen in the mempool.
 *
 * @example
 * if (event.type === 'CUSTOMER_PURSE_MEM_POOL_FOUND') event.payload.data.transactionHash;
 */
export type CustomerPurseMempoolFoundPayload = PayloadOf<Table, 'CUSTOMER_PURSE_MEM_POOL_FOUND'>;

/**
 * Body of `CUSTOMER_PURSE_PENDING_COMPLIANCE`: a transaction to the purse awaits compliance.
 *
 * @example
 * if (event.type === 'CUSTOMER_PURSE_PENDING_COMPLIANCE') event.payload.data.transactionId;
 */
export type CustomerPursePendingCompliancePayload = PayloadOf<Table, 'CUSTOMER_PURSE_PENDING_COMPLIANCE'>;

/**
 * Body of `CUSTOMER_PURSE_COMPLIANCE_DECLINED`: compliance declined a transaction to the purse.
 *
 * @example
 * if (event.type === 'CUSTOMER_PURSE_COMPLIANCE_DECLINED') event.payload.data.customerBlocked;
 */
export type CustomerPurseComplianceDeclinedPayload = PayloadOf<Table, 'CUSTOMER_PURSE_COMPLIANCE_DECLINED'>;

/**
 * Body of `CUSTOMER_PURSE_FUNDS_RECEIVED_FOR_PURSE`: funds reached the purse.
 *
 * @example
 * if (event.type === 'CUSTOMER_PURSE_FUNDS_RECEIVED_FOR_PURSE') event.payload.data.amount;
 */
export type CustomerPurseFundsReceivedPayload = PayloadOf<Table, 'CUSTOMER_PURSE_FUNDS_RECEIVED_FOR_PURSE'>;
