import { describe, expect, it } from 'vitest';
import { reconcile, reduceSession, type SessionState } from 'coinme-sdk';
import { happyPath, ids, notification, widget } from '../../helpers/session-stream.js';

const fold = (events: ReturnType<typeof happyPath>) => events.reduce<SessionState | undefined>((s, e) => reduceSession(s, e), undefined)!;

// Shaped as transactionHistory returns records (reference example), matched by partnerTransactionId.
const record = (overrides: Record<string, string> = {}): Record<string, string> => ({
  totalFees: '2.5',
  feeCurrencyCode: 'USD',
  creditCurrencyAmount: '0.001037',
  creditCurrencyCode: 'BTC',
  debitCurrencyAmount: '100.00',
  debitCurrencyCode: 'USD',
  transactionDateTime: '2025-12-04T20:33:00Z',
  partnerTransactionId: ids.transaction,
  transactionStatus: 'CONFIRMED',
  ...overrides,
});

describe('reconcile', () => {
  const completed = fold(happyPath());

  it('matches a completed session to its record, comparing amounts as decimals', () => {
    // Webhooks said 100 USD (order template) and 0.00103700 BTC; history says 100.00 and 0.001037.
    const report = reconcile([completed], [record()]);
    expect(report.matched).toHaveLength(1);
    expect(report.amountMismatches).toEqual([]);
    expect(report.missingInHistory).toEqual([]);
    expect(report.missingInWebhooks).toEqual([]);
  });

  it('reports amounts that differ, with both sides', () => {
    const report = reconcile([completed], [record({ creditCurrencyAmount: '0.00103701' })]);
    expect(report.matched).toEqual([]);
    expect(report.amountMismatches).toEqual([
      expect.objectContaining({ field: 'credit', expected: { amount: '0.00103700', currency: 'BTC' }, actual: { amount: '0.00103701', currency: 'BTC' } }),
    ]);
  });

  it('reports an amount that is not a decimal as a mismatch instead of throwing', () => {
    const report = reconcile([completed], [record({ debitCurrencyAmount: 'N/A' })]);
    expect(report.amountMismatches).toEqual([expect.objectContaining({ field: 'debit', actual: { amount: 'N/A', currency: 'USD' } })]);
  });

  it('reports paid sessions missing in history and records no webhook accounts for', () => {
    const stranger = record({ partnerTransactionId: '999' });
    const report = reconcile([completed], [stranger]);
    expect(report.missingInHistory).toEqual([completed]);
    expect(report.missingInWebhooks).toEqual([stranger]);
  });

  it('does not expect history for sessions where no money moved', () => {
    const abandoned = fold([widget('greendot.location.quote-confirmed', 3), notification('ORDER_TEMPLATE.EXPIRED', 9)]);
    const quoted = fold([widget('greendot.location.quote-confirmed', 3)]);
    expect(reconcile([abandoned, quoted], []).missingInHistory).toEqual([]);
  });

  it('matches by a custom key', () => {
    const report = reconcile([completed], [record({ partnerTransactionId: '', ref: ids.session })], { keyOf: (tx) => tx['ref'] });
    expect(report.matched).toHaveLength(1);
  });
});
