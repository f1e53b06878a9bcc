import * as z from 'zod/mini';
import type { PayloadOf } from '../../family.js';
import { jsonAmount, maybe, timestampString } from '../common.js';
import { dataType, fiatAmounts, processingEvent } from './envelope.js';

// Deposits to the account itself (top-ups and wallet deliveries). Their tables name no id of
// their own and mark no field as always sent, so every data field is optional.

const deposit = () => ({
  amount: maybe(jsonAmount()),
  currency: maybe(z.string()),
  senderAddress: maybe(z.string()),
  paymentDate: maybe(timestampString()),
  transactionHash: maybe(z.string()),
  fiatAmount: maybe(fiatAmounts()),
});

/** One row per event, each building its schema on first use. */
export const accountEvents = {
  TOP_UP_COMPLIANCE_CHECK: () => processingEvent('TOP_UP_COMPLIANCE_CHECK', {
    ...deposit(),
    type: dataType('TOP_UP_COMPLIANCE_CHECK'),
  }),
  TOP_UP_COMPLIANCE_DECLINED: () => processingEvent('TOP_UP_COMPLIANCE_DECLINED', {
    ...deposit(),
    type: dataType('TOP_UP_COMPLIANCE_DECLINED'),
  }),
  WALLET_FUNDS_DELIVERED_ACCOUNT: () => processingEvent('WALLET_FUNDS_DELIVERED_ACCOUNT', {
    ...deposit(),
    type: dataType('WALLET_FUNDS_DELIVERED_ACCOUNT'),
  }),
};

type Table = typeof accountEvents;

/**
 * Body of `TOP_UP_COMPLIANCE_CHECK`: a top-up deposit is under compliance review.
 *
 * @example
 * if (event.type === 'TOP_UP_COMPLIANCE_CHECK') event.payload.data.transactionHash;
 */
export type TopUpComplianceCheckPayload = PayloadOf<Table, 'TOP_UP_COMPLIANCE_CHECK'>;

/**
 * Body of `TOP_UP_COMPLIANCE_DECLINED`: compliance declined a top-up deposit.
 *
 * @example
 * if (event.type === 'TOP_UP_COMPLIANCE_DECLINED') event.payload.data.senderAddress;
 */
export type TopUpComplianceDeclinedPayload = PayloadOf<Table, 'TOP_UP_COMPLIANCE_DECLINED'>;

/**
 * Body of `WALLET_FUNDS_DELIVERED_ACCOUNT`: funds sent to the wallet were credited to the account.
 *
 * @example
 * if (event.type === 'WALLET_FUNDS_DELIVERED_ACCOUNT') event.payload.data.fiatAmount?.['USD'];
 */
export type WalletFundsDeliveredPayload = PayloadOf<Table, 'WALLET_FUNDS_DELIVERED_ACCOUNT'>;
