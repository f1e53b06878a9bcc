/** After a purchase ends, its record joins the customer's transaction history in the mock. */
import type { MockCoinme, MockTransaction } from '../testing/mock/index.js';
import type { SandboxSession } from './session.js';

/**
 * Adds the session's transaction to `GET /transactionhistory` of its customer, as Coinme lists
 * it: `partnerTransactionId` is the transaction id the webhooks and the redirect carry.
 *
 * @internal
 */
export function recordTransaction(mock: MockCoinme, session: SandboxSession, status: 'CONFIRMED' | 'FAILED'): void {
  const customer = (mock.data.customers[session.customerId] ??= {
    limits: { USD: { buyLimitAmount: '500.00', sellLimitAmount: '500.00' } },
    transactions: [],
  });
  const transaction: MockTransaction = {
    totalFees: '0',
    feeCurrencyCode: session.debit.currency,
    creditCurrencyAmount: session.credit.amount,
    creditCurrencyCode: session.credit.currency,
    debitCurrencyAmount: session.debit.amount,
    debitCurrencyCode: session.debit.currency,
    transactionDateTime: new Date().toISOString(),
    partnerTransactionId: session.transactionId,
    transactionStatus: status,
    fromWalletAddress: '',
    toWalletAddress: session.walletAddress,
  };
  customer.transactions.push(transaction);
}
