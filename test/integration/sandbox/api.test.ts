import { CoinmeApiError, CoinmeClient } from 'coinme-sdk';
import { type Sandbox, startSandbox } from 'coinme-sdk/sandbox';
import { seededCustomerId } from 'coinme-sdk/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The sandbox's API is the testing kit's mock on real HTTP: the same checks the client's
// integration tests make against the mock, here over a loopback socket.
let sandbox: Sandbox;
let coinme: CoinmeClient;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, eventSpacingMs: 0 });
  // Not the mock's credentials: the sandbox accepts any partner's.
  coinme = new CoinmeClient({ partnerId: 'partner-42', clientSecret: 'a-real-looking-secret', userAgent: 'acme-wallet/2.1', baseUrl: sandbox.baseUrl, maxRetries: 0 });
});
afterAll(() => sandbox.close());

describe('sandbox partner API', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(new URL(sandbox.url).hostname).toBe('127.0.0.1');
    expect(sandbox.baseUrl).toBe(`${sandbox.url}/services`);
  });

  it('serves the configuration endpoints with any partner credentials', async () => {
    const assets = await coinme.cryptoChains.list();
    expect(assets.map((asset) => asset.code)).toContain('BTC');
    expect(await coinme.locationLicensing.list({ country: 'USA' })).toEqual(['WA', 'VA']);
    const quote = await coinme.quotes.informative({ debitCurrencyCode: 'USD', creditCurrencyCode: 'BTC', amountValue: '200', amountCurrencyCode: 'USD' });
    expect(quote.creditCurrencyAmount).toBe('0.00170000');
  });

  it('keeps 64-bit ids exact and answers the errorResponse quirk as an API error', async () => {
    const limits = await coinme.transactionLimits.get({ customerId: seededCustomerId, fiatCurrencyCode: 'USD' });
    expect(limits.buyLimitAmount).toBe('500.00');
    await expect(coinme.transactionLimits.get({ customerId: '1319354818066124801' })).rejects.toBeInstanceOf(CoinmeApiError);
  });

  it('answers curl-style requests with the { data, errorResponse } envelope and 401 without a token', async () => {
    const unauthenticated = await fetch(`${sandbox.baseUrl}/cryptoChains`, { headers: { 'user-agent': 'curl/8.5.0' } });
    expect(unauthenticated.status).toBe(401);
    const authorize = await fetch(`${sandbox.baseUrl}/authorize`, {
      method: 'POST',
      headers: { authorization: `Basic ${btoa('someone:anything')}`, 'user-agent': 'curl/8.5.0', 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(authorize.status).toBe(200);
    const { data } = (await authorize.json()) as { data: { token: string } };
    const history = await fetch(`${sandbox.baseUrl}/widget/transactionhistory?customerId=${seededCustomerId}`, {
      headers: { authorization: `Bearer ${data.token}`, 'user-agent': 'curl/8.5.0' },
    });
    const text = await history.text();
    expect(JSON.parse(text)).toMatchObject({ data: { transactions: expect.any(Array) }, errorResponse: null });
    const unknown = await fetch(`${sandbox.baseUrl}/nothing-here`, { headers: { authorization: `Bearer ${data.token}`, 'user-agent': 'curl/8.5.0' } });
    expect(unknown.status).toBe(404);
  });

  it('refuses authorize without Basic credentials, as Coinme does', async () => {
    const response = await fetch(`${sandbox.baseUrl}/authorize`, { method: 'POST', headers: { 'user-agent': 'curl/8.5.0', 'content-type': 'application/x-www-form-urlencoded' } });
    expect(response.status).toBe(401);
  });

  it('returns a widgetUrl on the sandbox itself, which serves the session', async () => {
    const { widgetUrl, expiresAt } = await coinme.widget.createSession({
      destinationCurrency: 'BTC',
      walletAddress: 'bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh',
      sourceAmount: '200',
      sourceCurrency: 'USD',
      sourceAmountLock: true,
      paymentMethod: 'CARD',
      externalSessionId: 'api-test-1',
    });
    expect(widgetUrl).toMatch(new RegExp(`^${sandbox.url}/widget/[\\w-]+$`));
    expect(expiresAt.getTime()).toBeGreaterThan(Date.now());
    const page = await fetch(widgetUrl);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('api-test-1');
    expect(html).toContain('200 USD');
    expect(html).toContain('bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh');
    expect(html).toContain('locked');
    expect(html).toContain('data-outcome="greendot_paid"');
  });

  it('refuses requests naming another host (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = (host: string) =>
      new Promise<number | undefined>((resolve, reject) => {
        const port = Number(new URL(sandbox.url).port);
        request({ host: '127.0.0.1', port, path: '/', headers: { host } }, (response) => {
          response.resume();
          resolve(response.statusCode);
        }).on('error', reject).end();
      });
    const port = new URL(sandbox.url).port;
    expect(await status(`attacker.example:${port}`)).toBe(403);
    expect(await status(`localhost:${port}`)).toBe(200);
  });

  it('serves the widget on localhost when the partner calls it by that name', async () => {
    const local = new CoinmeClient({ partnerId: 'p', clientSecret: 's', userAgent: 'ua/1', baseUrl: sandbox.baseUrl.replace('127.0.0.1', 'localhost'), maxRetries: 0 });
    const { widgetUrl } = await local.widget.createSession({ destinationCurrency: 'ETH', walletAddress: '0xddd5f31ccc5fbefb50760bec51b4da217a31aa6b' });
    expect(new URL(widgetUrl).hostname).toBe('localhost');
  });
});

describe('sandbox partner API against the mock through msw', () => {
  // The same client calls, once through msw (the testing kit's usual way) and once over the
  // sandbox's socket: results and errors must be the same.
  const calls: Array<[string, (client: CoinmeClient) => Promise<unknown>]> = [
    ['cryptoChains.list', (c) => c.cryptoChains.list()],
    ['locationLicensing.list USA', (c) => c.locationLicensing.list({ country: 'USA' })],
    ['locationLicensing.list unknown country', (c) => c.locationLicensing.list({ country: 'CAN' })],
    ['quotes.informative BTC', (c) => c.quotes.informative({ debitCurrencyCode: 'USD', creditCurrencyCode: 'BTC', amountValue: 200, amountCurrencyCode: 'USD' })],
    ['quotes.informative EXTERNAL DOGE', (c) => c.quotes.informative({ debitCurrencyCode: 'USD', creditCurrencyCode: 'DOGE', amountValue: '100', amountCurrencyCode: 'USD', cryptoSettlementType: 'EXTERNAL' })],
    ['quotes.informative same currency', (c) => c.quotes.informative({ debitCurrencyCode: 'USD', creditCurrencyCode: 'USD', amountValue: 1, amountCurrencyCode: 'USD' })],
    ['transactionHistory.list', (c) => c.transactionHistory.list({ customerId: seededCustomerId, page: 0, size: 1 })],
    ['transactionHistory.list unknown customer', (c) => c.transactionHistory.list({ customerId: '1319354818066124801' })],
    ['transactionLimits.get', (c) => c.transactionLimits.get({ customerId: seededCustomerId })],
  ];

  async function outcome(call: () => Promise<unknown>): Promise<unknown> {
    try {
      return { ok: JSON.parse(JSON.stringify(await call())) };
    } catch (error) {
      const { name, message, status, errors } = error as { name: string; message: string; status?: number; errors?: unknown };
      return { error: { name, message: message.replace(/https?:\/\/[^\s)]+/g, '<url>'), status, errors } };
    }
  }

  let viaMsw: CoinmeClient;
  let close = () => {};
  beforeAll(async () => {
    const { setupServer } = await import('msw/node');
    const { createMockCoinme } = await import('coinme-sdk/testing');
    const mock = createMockCoinme({ environment: 'staging' });
    const server = setupServer(...mock.handlers);
    // Only Coinme's staging URL is intercepted; the sandbox's socket is reached for real.
    server.listen({ onUnhandledFrame: 'bypass' });
    close = () => server.close();
    viaMsw = new CoinmeClient({ ...mock.credentials, environment: 'staging', maxRetries: 0 });
  });
  afterAll(() => close());

  it.each(calls)('%s answers the same', async (_name, call) => {
    const expected = await outcome(() => call(viaMsw));
    const actual = await outcome(() => call(coinme));
    expect(actual).toEqual(expected);
  });
});
