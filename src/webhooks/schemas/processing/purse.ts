import * as z from 'zod/mini';
import { jsonAmount, maybe, numericId, timestampString } from '../common.js';
import { processingEvent } from './envelope.js';

// Customer purse (deposit address) events. The customer and the purse are what each event is
// about, so they are required; the tables mark no other field as always sent.

/** The schemas of these events, built when the processing family is first used. */
export function purseSchemas() {
  const purse = {
    customerId: z.string(),
    purseId: z.string(),
    customerBlocked: maybe(z.boolean()),
  };

  // The tables type the transaction id as a number in one event and a string in the others.
  const transaction = {
    ...purse,
    currency: maybe(z.string()),
    transactionId: maybe(numericId()),
    amount: maybe(jsonAmount()),
  };

  const onChain = {
    senderAddress: maybe(z.string()),
    createdDate: maybe(timestampString()),
    transactionHash: maybe(z.string()),
  };

  const expired = processingEvent('CUSTOMER_PURSE_EXPIRED', purse);

  // Its table types `currency` as a number where every other event has a string: both accepted.
  const mempoolFound = processingEvent('CUSTOMER_PURSE_MEM_POOL_FOUND', {
    ...transaction,
    ...onChain,
    currency: maybe(z.union([z.string(), z.number()])),
  });

  const pendingCompliance = processingEvent('CUSTOMER_PURSE_PENDING_COMPLIANCE', transaction);

  const complianceDeclined = processingEvent('CUSTOMER_PURSE_COMPLIANCE_DECLINED', transaction);

  const fundsReceived = processingEvent('CUSTOMER_PURSE_FUNDS_RECEIVED_FOR_PURSE', { ...transaction, ...onChain });

  return {
    CUSTOMER_PURSE_EXPIRED: expired,
    CUSTOMER_PURSE_MEM_POOL_FOUND: mempoolFound,
    CUSTOMER_PURSE_PENDING_COMPLIANCE: pendingCompliance,
    CUSTOMER_PURSE_COMPLIANCE_DECLINED: complianceDeclined,
    CUSTOMER_PURSE_FUNDS_RECEIVED_FOR_PURSE: fundsReceived,
  };
}

type Schemas = ReturnType<typeof purseSchemas>;

/**
 * Body of `CUSTOMER_PURSE_EXPIRED`: a customer's purse (deposit address) expired.
 *
 * @example
 * if (event.type === 'CUSTOMER_PURSE_EXPIRED') event.payload.data.purseId;
 */
export type CustomerPurseExpiredPayload = z.output<Schemas['CUSTOMER_PURSE_EXPIRED']>;

/**
 * Body of `CUSTOMER_PURSE_MEM_POOL_FOUND`: a transaction to the purse was seen in the mempool.
 *
 * @example
 * if (event.type === 'CUSTOMER_PURSE_MEM_POOL_FOUND') event.payload.data.transactionHash;
 */
export type CustomerPurseMempoolFoundPayload = z.output<Schemas['CUSTOMER_PURSE_MEM_POOL_FOUND']>;

/**
 * Body of `CUSTOMER_PURSE_PENDING_COMPLIANCE`: a transaction to the purse awaits compliance.
 *
 * @example
 * if (event.type === 'CUSTOMER_PURSE_PENDING_COMPLIANCE') event.payload.data.transactionId;
 */
export type CustomerPursePendingCompliancePayload = z.output<Schemas['CUSTOMER_PURSE_PENDING_COMPLIANCE']>;

/**
 * Body of `CUSTOMER_PURSE_COMPLIANCE_DECLINED`: compliance declined a transaction to the purse.
 *
 * @example
 * if (event.type === 'CUSTOMER_PURSE_COMPLIANCE_DECLINED') event.payload.data.customerBlocked;
 */
export type CustomerPurseComplianceDeclinedPayload = z.output<Schemas['CUSTOMER_PURSE_COMPLIANCE_DECLINED']>;

/**
 * Body of `CUSTOMER_PURSE_FUNDS_RECEIVED_FOR_PURSE`: funds reached the purse.
 *
 * @example
 * if (event.type === 'CUSTOMER_PURSE_FUNDS_RECEIVED_FOR_PURSE') event.payload.data.amount;
 */
export type CustomerPurseFundsReceivedPayload = z.output<Schemas['CUSTOMER_PURSE_FUNDS_RECEIVED_FOR_PURSE']>;
