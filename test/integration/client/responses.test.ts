import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { CoinmeApiError, ResponseValidationError } from 'coinme-sdk';
import { useMockCoinme } from './mock-server.js';

const { mock, server, client } = useMockCoinme();
const base = 'https://caas-staging.coinme.com/services';

async function failure(promise: Promise<unknown>): Promise<ResponseValidationError> {
  const error = await promise.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ResponseValidationError);
  return error as ResponseValidationError;
}

describe('bodies Coinme should not send', () => {
  it('reports malformed JSON with the raw text', async () => {
    mock.failNext({ status: 200, body: '{"data": {"cryptoChains": ', path: '/cryptoChains' });
    const error = await failure(client().cryptoChains.list());
    expect(error.body).toBe('{"data": {"cryptoChains": ');
    expect(error.status).toBe(200);
    expect(error.path).toBe('/cryptoChains');
  });

  it('reports the status the unparsable body really came with', async () => {
    for (const status of [201, 202, 204]) {
      server.use(http.get(`${base}/cryptoChains`, () => new HttpResponse(status === 204 ? null : 'accepted', { status }), { once: true }));
      const error = await failure(client().cryptoChains.list());
      expect(error.status).toBe(status);
      expect(error.message).toBe('Coinme answered /cryptoChains with a body that is not JSON');
    }
  });

  it('reports an HTML page served with 200', async () => {
    mock.failNext({ status: 200, body: '<html>maintenance</html>', contentType: 'text/html', path: '/transactionlimits' });
    const error = await failure(client().transactionLimits.get({ customerId: '1319354818066124800' }));
    expect(error.body).toBe('<html>maintenance</html>');
  });

  it('reports a wrong shape with the path of the bad field and the parsed body', async () => {
    const body = { data: { buyLimitAmount: '500.00', sellLimitAmount: { amount: 5 } }, errorResponse: null };
    mock.failNext({ status: 200, body, path: '/transactionlimits' });
    const error = await failure(client().transactionLimits.get({ customerId: '1319354818066124800' }));
    expect(error.issues[0]?.path).toBe('sellLimitAmount');
    expect(error.body).toEqual(body.data);
    expect(error.message).toContain('sellLimitAmount');
  });

  it('reports a map where an array is expected (and the reverse)', async () => {
    mock.failNext({ status: 200, body: { data: { cryptoChains: [{ code: 'BTC' }] }, errorResponse: null }, path: '/cryptoChains' });
    await failure(client().cryptoChains.list());
    mock.failNext({ status: 200, body: { data: { locations: 'WA,VA' }, errorResponse: null }, path: '/locationlicensing' });
    expect((await failure(client().locationLicensing.list())).issues[0]?.path).toBe('locations');
  });

  it('words a bad map, a bad entry and a missing field with zod\'s messages', async () => {
    mock.failNext({ status: 200, body: { data: { cryptoChains: [] }, errorResponse: null }, path: '/cryptoChains' });
    expect((await failure(client().cryptoChains.list())).issues).toEqual([{ path: 'cryptoChains', message: 'Invalid input: expected record, received array' }]);
    const asset = { name: 'Bitcoin', decimals: '8.5', supportedChains: ['BTC'] };
    mock.failNext({ status: 200, body: { data: { cryptoChains: { BTC: asset, ETH: 5 } }, errorResponse: null }, path: '/cryptoChains' });
    expect((await failure(client().cryptoChains.list())).issues.map((issue) => issue.path)).toEqual(['cryptoChains.BTC.decimals', 'cryptoChains.ETH']);
    mock.failNext({ status: 200, body: { data: { transactions: [{}] }, errorResponse: null }, path: '/widget/transactionhistory' });
    const error = await failure(client().transactionHistory.list({ customerId: '1319354818066124800' }));
    expect(error.message).toBe('Coinme answered /widget/transactionhistory with an unexpected shape at transactions.0.totalFees: is missing');
    expect(error.issues.slice(0, 2)).toEqual([
      { path: 'transactions.0.totalFees', message: 'is missing' },
      { path: 'transactions.0.feeCurrencyCode', message: 'is missing' },
    ]);
  });

  it('refuses an amount that is not a decimal, and a negative number of decimals', async () => {
    const tx = { totalFees: 'tempor', feeCurrencyCode: 'USD', creditCurrencyAmount: '1', creditCurrencyCode: 'BTC', debitCurrencyAmount: '1', debitCurrencyCode: 'USD', transactionDateTime: '2025-01-01T00:00:00Z', partnerTransactionId: '1', transactionStatus: 'CONFIRMED' };
    mock.failNext({ status: 200, body: { data: { transactions: [tx] }, errorResponse: null }, path: '/widget/transactionhistory' });
    const error = await failure(client().transactionHistory.list({ customerId: '1319354818066124800' }));
    expect(error.issues[0]).toMatchObject({ path: 'transactions.0.totalFees' });
    mock.failNext({ status: 200, body: { data: { cryptoChains: { BTC: { name: 'Bitcoin', decimals: -1, supportedChains: ['BTC'] } } }, errorResponse: null }, path: '/cryptoChains' });
    expect((await failure(client().cryptoChains.list())).issues[0]).toMatchObject({ path: 'cryptoChains.BTC.decimals' });
  });

  it('accepts null where Coinme may send it', async () => {
    mock.failNext({ status: 200, body: { data: { transactions: null }, errorResponse: null }, path: '/widget/transactionhistory' });
    expect((await client().transactionHistory.list({ customerId: '1319354818066124800' })).transactions).toEqual([]);
    const asset = { name: 'Ether', decimals: '18', supportedChains: ['ETH'] };
    mock.failNext({ status: 200, body: { data: { cryptoChains: { ETH: asset } }, errorResponse: null }, path: '/cryptoChains' });
    expect(await client().cryptoChains.list()).toEqual([{ ...asset, code: 'ETH', decimals: 18 }]);
  });

  it('reports a payload without its envelope, except for the widget', async () => {
    mock.failNext({ status: 200, body: { locations: ['WA'] }, path: '/locationlicensing' });
    await failure(client().locationLicensing.list());
  });

  it('reports null data with a null errorResponse', async () => {
    mock.failNext({ status: 200, body: { data: null, errorResponse: null }, path: '/cryptoChains' });
    await failure(client().cryptoChains.list());
  });

  it('reports an unparseable date', async () => {
    const transaction = { totalFees: '1', feeCurrencyCode: 'USD', creditCurrencyAmount: '1', creditCurrencyCode: 'BTC', debitCurrencyAmount: '1', debitCurrencyCode: 'USD', transactionDateTime: 'yesterday', partnerTransactionId: '1', transactionStatus: 'CONFIRMED' };
    mock.failNext({ status: 200, body: { data: { transactions: [transaction] }, errorResponse: null }, path: '/widget/transactionhistory' });
    const error = await failure(client().transactionHistory.list({ customerId: '1319354818066124800' }));
    expect(error.issues[0]?.path).toBe('transactions.0.transactionDateTime');
  });
});

describe('HTTP errors', () => {
  it('turns a 500 with an empty text/plain body into CoinmeApiError (after retries)', async () => {
    mock.failNext({ status: 500, path: '/cryptoChains', times: 3 });
    const error = await client().cryptoChains.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CoinmeApiError);
    expect(error).toMatchObject({ status: 500, errors: [], path: '/cryptoChains', body: undefined });
  });

  it('keeps the envelope details of a 400', async () => {
    await expect(client().quotes.informative({ debitCurrencyCode: 'USD', creditCurrencyCode: 'XYZ', amountValue: '1', amountCurrencyCode: 'USD' })).rejects.toMatchObject({
      status: 200,
      errors: [{ message: 'Currency pair is not supported' }],
    });
  });
});

describe('exact numbers', () => {
  it('keeps 64-bit ids and long decimals sent as JSON numbers exactly', async () => {
    const text = `{"data":{"transactions":[{"totalFees":2.5,"feeCurrencyCode":"USD","creditCurrencyAmount":0.047116964221968237,"creditCurrencyCode":"BTC","debitCurrencyAmount":100,"debitCurrencyCode":"USD","transactionDateTime":"2022-01-25T09:27:07Z","partnerTransactionId":1319354818066124801,"transactionStatus":"CONFIRMED","fromWalletAddress":null,"toWalletAddress":"bc1q"}]},"errorResponse":null}`;
    server.use(http.get(`${base}/widget/transactionhistory`, () => new HttpResponse(text, { headers: { 'content-type': 'application/json' } })));
    const [transaction] = (await client().transactionHistory.list({ customerId: '1319354818066124801' })).transactions;
    expect(transaction).toMatchObject({
      partnerTransactionId: '1319354818066124801',
      creditCurrencyAmount: '0.047116964221968237',
      totalFees: '2.5',
      debitCurrencyAmount: '100',
      fromWalletAddress: '',
      toWalletAddress: 'bc1q',
    });
  });
});
