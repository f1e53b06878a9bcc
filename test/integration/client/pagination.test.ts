import { describe, expect, it } from 'vitest';
import { CoinmeApiError } from 'coinme-sdk';
import type { MockTransaction } from 'coinme-sdk/testing';
import { useMockCoinme } from './mock-server.js';

const { mock, client } = useMockCoinme();
const customerId = '9007199254740993'; // 2^53 + 1: must never pass through a number

function transactions(count: number): MockTransaction[] {
  return Array.from({ length: count }, (_, index) => ({
    totalFees: '1.00',
    feeCurrencyCode: 'USD',
    creditCurrencyAmount: `0.000${index + 1}`,
    creditCurrencyCode: index % 2 === 0 ? 'BTC' : 'DOGE',
    debitCurrencyAmount: '10',
    debitCurrencyCode: 'USD',
    transactionDateTime: new Date(Date.UTC(2025, 0, 1) + index * 60_000).toISOString(),
    partnerTransactionId: String(1_000_000_000_000_000_000n + BigInt(index)),
    transactionStatus: 'CONFIRMED',
    fromWalletAddress: '',
    toWalletAddress: 'bc1q',
  }));
}

function seed(count: number): void {
  mock.data.customers[customerId] = { limits: {}, transactions: transactions(count) };
}

describe('transactionHistory.iterate', () => {
  it('walks every page and stops after the short last page', async () => {
    seed(23);
    const seen: string[] = [];
    for await (const transaction of client().transactionHistory.iterate({ customerId, size: 10 })) seen.push(transaction.partnerTransactionId);
    expect(seen).toEqual(transactions(23).map((transaction) => transaction.partnerTransactionId));
    expect(mock.requestsTo('/widget/transactionhistory').map((request) => request.query['page'])).toEqual(['0', '1', '2']);
    expect(mock.requestsTo('/widget/transactionhistory').every((request) => request.query['customerId'] === customerId)).toBe(true);
  });

  it('stops on an empty page when the total is a multiple of the size', async () => {
    seed(20);
    let count = 0;
    for await (const _ of client().transactionHistory.iterate({ customerId, size: 10 })) count += 1;
    expect(count).toBe(20);
    expect(mock.requestsTo('/widget/transactionhistory')).toHaveLength(3);
  });

  it('fetches lazily: breaking out early stops fetching', async () => {
    seed(50);
    for await (const transaction of client().transactionHistory.iterate({ customerId, size: 10 })) {
      if (transaction.creditCurrencyAmount === '0.0005') break;
    }
    expect(mock.requestsTo('/widget/transactionhistory')).toHaveLength(1);
  });

  it('passes the filters to every page', async () => {
    seed(30);
    const coins = new Set<string>();
    for await (const transaction of client().transactionHistory.iterate({ customerId, size: 5, currencyCode: 'DOGE' })) coins.add(transaction.creditCurrencyCode);
    expect([...coins]).toEqual(['DOGE']);
    expect(mock.requestsTo('/widget/transactionhistory').every((request) => request.query['currencyCode'] === 'DOGE')).toBe(true);
  });

  it('yields nothing for a customer with no transactions', async () => {
    seed(0);
    const all = [];
    for await (const transaction of client().transactionHistory.iterate({ customerId })) all.push(transaction);
    expect(all).toEqual([]);
  });

  it('throws the 200-with-errorResponse of an unknown customer', async () => {
    const iterator = client().transactionHistory.iterate({ customerId: '404' });
    await expect(iterator.next()).rejects.toBeInstanceOf(CoinmeApiError);
  });

  it('reports hasMore on list', async () => {
    seed(15);
    const coinme = client();
    expect((await coinme.transactionHistory.list({ customerId, size: 10 })).hasMore).toBe(true);
    const last = await coinme.transactionHistory.list({ customerId, size: 10, page: 1 });
    expect([last.transactions.length, last.hasMore, last.page]).toEqual([5, false, 1]);
  });
});
