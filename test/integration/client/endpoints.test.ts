import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { CoinmeApiError } from 'coinme-sdk';
import { createSeedData, seededCustomerId } from 'coinme-sdk/testing';
import chainsFixture from '../../fixtures/api/crypto-chains.json' with { type: 'json' };
import customerNotFound from '../../fixtures/api/error-customer-not-found.json' with { type: 'json' };
import numericStatusError from '../../fixtures/api/error-partner-profile-numeric-status.json' with { type: 'json' };
import externalQuote from '../../fixtures/api/informative-quote-external.json' with { type: 'json' };
import historyFixture from '../../fixtures/api/transaction-history.json' with { type: 'json' };
import widgetFixture from '../../fixtures/api/widget-session.json' with { type: 'json' };
import { useMockCoinme } from './mock-server.js';

const { mock, server, client } = useMockCoinme();
const base = 'https://caas-staging.coinme.com/services';

describe('cryptoChains.list', () => {
  it('turns Coinme\'s map of 8 assets into an array', async () => {
    const assets = await client().cryptoChains.list();
    expect(assets.map((asset) => asset.code)).toEqual(['BTC', 'MATIC', 'ETH', 'XLM', 'LINK', 'DOGE', 'USDC', 'LTC']);
    expect(assets[6]).toEqual({ code: 'USDC', name: 'USD Coin', decimals: 6, supportedChains: ['ETH'] });
  });

  it('parses the reference example body exactly and keeps unknown fields', async () => {
    const body = structuredClone(chainsFixture) as { data: { cryptoChains: Record<string, Record<string, unknown>> } };
    body.data.cryptoChains['BTC']!['minimumAmount'] = '0.0001';
    server.use(http.get(`${base}/cryptoChains`, () => HttpResponse.json(body)));
    const assets = await client().cryptoChains.list();
    expect(assets).toHaveLength(8);
    expect(assets[0]).toMatchObject({ code: 'BTC', decimals: 8, minimumAmount: '0.0001' });
  });

  it('sends User-Agent on every request and x-api-key when configured', async () => {
    await client({ apiKey: 'partner-api-key' }).cryptoChains.list();
    expect(mock.requests.map((request) => request.path)).toEqual(['/authorize', '/cryptoChains']);
    for (const request of mock.requests) {
      expect(request.headers['user-agent']).toBe(mock.credentials.userAgent);
      expect(request.headers['x-api-key']).toBe('[redacted]');
      expect(request.authenticated).toBe(true);
    }
    expect(mock.requests[0]!.headers['authorization']).toBe('Basic [redacted]');
    expect(mock.requests[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(mock.requests[0]!.body).toBeUndefined();
    expect(mock.requests[1]!.headers['authorization']).toBe('Bearer [redacted]');
  });

  it('talks to production when asked', async () => {
    const coinme = client({ environment: 'production' });
    expect(coinme.baseUrl).toBe('https://caas.coinme.com/services');
    await coinme.cryptoChains.list();
    expect(mock.requests.every((request) => request.environment === 'production')).toBe(true);
  });
});

describe('locationLicensing.list', () => {
  it('returns state codes, sending country as a query parameter', async () => {
    expect(await client().locationLicensing.list()).toEqual(['WA', 'VA']);
    expect(mock.requestsTo('/locationlicensing')[0]!.query).toEqual({ country: 'USA' });
    await client().locationLicensing.list({ country: 'usa' });
    expect(mock.requestsTo('/locationlicensing')[1]!.query).toEqual({ country: 'USA' });
  });

  it('serves data a test puts in place of the seed, until reset', async () => {
    mock.data = { ...createSeedData(), locations: { USA: ['WA', 'TX'] } };
    expect(await client().locationLicensing.list()).toEqual(['WA', 'TX']);
    mock.reset();
    expect(await client().locationLicensing.list()).toEqual(['WA', 'VA']);
  });

  it('reports an unsupported country as a CoinmeApiError', async () => {
    await expect(client().locationLicensing.list({ country: 'CAN' })).rejects.toMatchObject({
      name: 'CoinmeApiError',
      status: 200,
      path: '/services/locationlicensing GET',
    });
  });
});

describe('quotes.informative', () => {
  it('returns seed 000\'s quote with amounts as decimal strings', async () => {
    const quote = await client().quotes.informative({ debitCurrencyCode: 'USD', creditCurrencyCode: 'BTC', amountValue: 200, amountCurrencyCode: 'USD' });
    expect(quote).toMatchObject({
      creditCurrencyAmount: '0.00170000',
      debitCurrencyAmount: '203.80',
      totalFees: '3.80',
      feeCurrency: 'USD',
      feesMap: { exchangeFee: '3.80' },
      spread: '2.18',
      chain: 'BTC',
    });
    expect(mock.requestsTo('/cryptoquote/informative')[0]!.body).toEqual({
      debitCurrencyCode: 'USD',
      creditCurrencyCode: 'BTC',
      amountValue: '200',
      amountCurrencyCode: 'USD',
    });
  });

  it('sends number amounts as exact decimal text, never exponent notation', async () => {
    await client().quotes.informative({ debitCurrencyCode: 'BTC', creditCurrencyCode: 'DOGE', amountValue: 1e-7, amountCurrencyCode: 'BTC' });
    await client().quotes.informative({ debitCurrencyCode: 'USD', creditCurrencyCode: 'BTC', amountValue: '0.047116964221968237', amountCurrencyCode: 'USD' });
    const sent = mock.requestsTo('/cryptoquote/informative').map((request) => (request.body as { amountValue: unknown }).amountValue);
    expect(sent).toEqual(['0.0000001', '0.047116964221968237']);
  });

  it('reads the EXTERNAL example with its blockchain fee, and the transactional spellings', async () => {
    server.use(http.post(`${base}/cryptoquote/informative`, () => HttpResponse.json(externalQuote)));
    const quote = await client().quotes.informative({ debitCurrencyCode: 'USD', creditCurrencyCode: 'DOGE', amountValue: '100', amountCurrencyCode: 'USD', cryptoSettlementType: 'EXTERNAL' });
    expect(quote.feesMap).toEqual({ exchangeFee: '2.5', processingFee: '0', blockchainFee: '0.4' });
    const { feeCurrency, spread, ...rest } = externalQuote.data;
    server.use(http.post(`${base}/cryptoquote/informative`, () => HttpResponse.json({ data: { ...rest, feeCurrencyCode: feeCurrency, spreadAmount: spread }, errorResponse: null })));
    const renamed = await client().quotes.informative({ debitCurrencyCode: 'USD', creditCurrencyCode: 'DOGE', amountValue: '100', amountCurrencyCode: 'USD' });
    expect([renamed.feeCurrency, renamed.spread]).toEqual(['USD', '0.117']);
  });

  it('throws the business error Coinme sends with HTTP 200', async () => {
    const error = await client()
      .quotes.informative({ debitCurrencyCode: 'USD', creditCurrencyCode: 'USD', amountValue: '5', amountCurrencyCode: 'USD' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CoinmeApiError);
    expect(error).toMatchObject({ status: 200, errors: [{ code: '123-123-123-123', message: 'CreditCurrencyCode cannot be same as DebitCurrencyCode' }] });
  });
});

describe('widget.createSession', () => {
  it('returns the hosted URL and its expiry as a Date, 30 minutes out', async () => {
    const before = mock.clock.now();
    const session = await client().widget.createSession({ destinationCurrency: 'BTC', walletAddress: 'bc1qexample', sourceAmount: 200, sourceCurrency: 'USD', countryCode: 'US' });
    expect(session.widgetUrl).toMatch(/^https:\/\/caas-staging\.coinme\.com\/widget\/[\w-]+$/);
    expect(session.expiresAt).toBeInstanceOf(Date);
    expect(session.expiresAt.getTime() - before).toBeGreaterThanOrEqual(30 * 60_000 - 1000);
    expect(session.expiresAt.getTime() - before).toBeLessThanOrEqual(30 * 60_000 + 1000);
    expect(mock.widgetSessions[0]!.params).toEqual({ destinationCurrency: 'BTC', walletAddress: 'bc1qexample', sourceAmount: 200, sourceCurrency: 'USD', countryCode: 'US' });
  });

  it('sends widget amounts as JSON numbers with every digit', async () => {
    await client().widget.createSession({ destinationCurrency: 'BTC', walletAddress: 'bc1q', destinationAmount: '0.123456789012345678' });
    expect(mock.requestsTo('/widget')).toHaveLength(1);
    server.use(
      http.post(`${base}/widget`, async ({ request }) => {
        const text = await request.text();
        return HttpResponse.json({ widgetUrl: `https://caas-staging.coinme.com/widget/${encodeURIComponent(text)}`, expiresAt: '2025-08-18T16:15:00Z' });
      }),
    );
    const echoed = await client().widget.createSession({ destinationCurrency: 'BTC', walletAddress: 'bc1q', destinationAmount: '0.123456789012345678' });
    expect(decodeURIComponent(echoed.widgetUrl)).toContain('"destinationAmount":0.123456789012345678');
  });

  it('accepts seed 000\'s bare response and the same payload wrapped in data', async () => {
    server.use(http.post(`${base}/widget`, () => HttpResponse.json(widgetFixture)));
    const bare = await client().widget.createSession({ destinationCurrency: 'BTC', walletAddress: 'bc1q' });
    expect(bare).toEqual({ widgetUrl: widgetFixture.widgetUrl, expiresAt: new Date('2025-08-18T16:15:00Z') });
    server.use(http.post(`${base}/widget`, () => HttpResponse.json({ data: widgetFixture, errorResponse: null })));
    const wrapped = await client().widget.createSession({ destinationCurrency: 'BTC', walletAddress: 'bc1q' });
    expect(wrapped).toEqual(bare);
  });

  it('serves the hosted URL for 30 minutes of mock time, then answers 410', async () => {
    const { widgetUrl } = await client().widget.createSession({ destinationCurrency: 'BTC', walletAddress: 'bc1q' });
    expect((await fetch(widgetUrl)).status).toBe(200);
    mock.clock.advance(30 * 60_000);
    expect((await fetch(widgetUrl)).status).toBe(410);
  });
});

describe('transactionHistory.list', () => {
  it('returns the reference example with ids as strings and dates as Date', async () => {
    const page = await client().transactionHistory.list({ customerId: seededCustomerId });
    expect(page.hasMore).toBe(false);
    expect(page.transactions).toHaveLength(2);
    expect(page.transactions[0]).toEqual({
      totalFees: '2.5',
      feeCurrencyCode: 'USD',
      creditCurrencyAmount: '771.9075',
      creditCurrencyCode: 'DOGE',
      debitCurrencyAmount: '100',
      debitCurrencyCode: 'USD',
      transactionDateTime: new Date('2022-01-25T09:27:07.066Z'),
      partnerTransactionId: '345678',
      transactionStatus: 'CONFIRMED',
      fromWalletAddress: '',
      toWalletAddress: '',
      promoCode: 'noFees',
    });
    expect(mock.requestsTo('/widget/transactionhistory')[0]!.query).toEqual({ customerId: seededCustomerId, page: '0', size: '100' });
  });

  it('sends dates as ISO UTC, a bigint id as digits, and the filters', async () => {
    let url = new URL('http://unset');
    server.use(
      http.get(`${base}/widget/transactionhistory`, ({ request }) => {
        url = new URL(request.url);
        return HttpResponse.json(historyFixture);
      }),
    );
    await client().transactionHistory.list({
      customerId: BigInt(seededCustomerId),
      currencyCode: 'DOGE',
      startDateTime: new Date('2022-01-24T16:44:49Z'),
      endDateTime: '2022-01-26T00:00:00+02:00',
      page: 2,
      size: 500,
    });
    expect(Object.fromEntries(url.searchParams)).toEqual({
      customerId: '1319354818066124800',
      currencyCode: 'DOGE',
      startDateTime: '2022-01-24T16:44:49Z',
      endDateTime: '2022-01-25T22:00:00Z',
      page: '2',
      size: '500',
    });
  });

  it('throws "Customer Id not found" sent with HTTP 200, carrying every entry and the path', async () => {
    const error = await client().transactionHistory.list({ customerId: '42' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CoinmeApiError);
    expect(error).toMatchObject({ status: 200, path: '/services/transactionhistory GET', errors: [{ message: 'Customer Id not found' }] });
  });
});

describe('transactionLimits.get', () => {
  it('returns the limits as decimal strings, defaulting to USD', async () => {
    expect(await client().transactionLimits.get({ customerId: seededCustomerId })).toEqual({ buyLimitAmount: '500.00', sellLimitAmount: '500.00' });
    expect(mock.requestsTo('/transactionlimits')[0]!.query).toEqual({ customerId: seededCustomerId, fiatCurrencyCode: 'USD' });
  });

  it('throws the reference\'s 200-with-errorResponse example as CoinmeApiError', async () => {
    server.use(http.get(`${base}/transactionlimits`, () => HttpResponse.json(customerNotFound)));
    await expect(client().transactionLimits.get({ customerId: '7' })).rejects.toMatchObject({
      name: 'CoinmeApiError',
      status: 200,
      path: '/services/transactionlimits GET',
      errors: [{ code: '123-123-123-123', message: 'Customer Id not found' }],
    });
  });

  it('reads httpStatus given as a number and keeps every errorData entry', async () => {
    const body = structuredClone(numericStatusError);
    body.errorResponse.httpStatus = 404;
    body.errorResponse.errorData.push({ errorCode: '113-404-317-705', message: 'Second problem' });
    server.use(http.get(`${base}/transactionlimits`, () => HttpResponse.json(body)));
    const error = (await client().transactionLimits.get({ customerId: '7' }).catch((caught: unknown) => caught)) as CoinmeApiError;
    expect(error.status).toBe(404);
    expect(error.errors.map((entry) => entry.code)).toEqual(['113-404-317-704', '113-404-317-705']);
    expect(error.path).toBe('GET /partner-profile/0oa6m8x63q6vlKDds1d7/currency/chain');
    expect(error.message).toContain('PartnerProfile resource not found');
  });
});
