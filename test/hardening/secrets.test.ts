// Secrets never leak: every client scenario (happy paths, refreshes, 429, 5xx, timeouts, bad input,
// malformed answers, refused credentials) runs with a logger and hooks attached; every log line,
// hook payload and thrown error (in every form a program might print it) is scanned for the client
// secret, the Basic credential and every bearer token issued. Webhook errors are scanned for the
// webhook secret and API key.
import { inspect } from 'node:util';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CoinmeClient, type CoinmeClientOptions } from 'coinme-sdk';
import { CoinmeError, createWebhookHandler, constructEvent, parseWebhook, verifySignature } from 'coinme-sdk/webhooks';
import { encodeBase64Utf8 } from '../../src/internal/base64.js';
import { events, createMockCoinme, seededCustomerId, sign } from 'coinme-sdk/testing';

const mock = createMockCoinme({ environment: 'staging', clientSecret: 'cs_live_9Qe4tY7uI1oP3aS5dF8g' });
const server = setupServer(...mock.handlers);
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => mock.reset());
afterAll(() => server.close());

const wrongSecret = 'cs_wrong_Zx8Cv6Bn4Mm2Lk0J';

/** Everything a run exposed to the outside, as text, plus every credential it used. */
class Capture {
  readonly texts: string[] = [];
  readonly tokens = new Set<string>();
  readonly authorizations = new Set<string>();
  calls = 0;
  failures = 0;
  readonly errorNames = new Set<string>();

  readonly logger = Object.fromEntries(
    (['debug', 'info', 'warn', 'error'] as const).map((level) => [level, (...args: unknown[]) => this.add(level, ...args)]),
  ) as Required<NonNullable<CoinmeClientOptions['logger']>>;

  readonly hooks: NonNullable<CoinmeClientOptions['hooks']> = {
    onRequest: (info) => this.add('onRequest', info),
    onResponse: (info) => this.add('onResponse', info),
    onError: (info) => this.add('onError', info),
  };

  /** A fetch that records each Authorization header sent and each token `authorize` returned. */
  readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const authorization = request.headers.get('authorization');
    if (authorization) {
      this.authorizations.add(authorization);
      if (authorization.startsWith('Bearer ')) this.tokens.add(authorization.slice(7));
    }
    const response = await fetch(request);
    if (request.url.endsWith('/authorize')) {
      const text = await response.clone().text();
      for (const match of text.matchAll(/[\w-]+\.[\w-]+\.[\w-]+/g)) this.tokens.add(match[0]);
    }
    return response;
  };

  add(label: string, ...args: unknown[]): void {
    for (const arg of args) this.texts.push(`${label} ${JSON.stringify(arg)}`, `${label} ${inspect(arg, { depth: 10, showHidden: true })}`);
  }

  /** Every printable form of an error, down its cause chain. */
  addError(error: unknown): void {
    this.failures += 1;
    expect(error).toBeInstanceOf(CoinmeError);
    this.errorNames.add((error as Error).name);
    let current: unknown = error;
    for (let depth = 0; current !== undefined && current !== null && depth < 10; depth += 1) {
      const e = current as Error;
      this.texts.push(String(e.message), String(e.stack), String(current), safeJson(current), inspect(current, { depth: 10 }), inspect(current, { depth: 10, showHidden: true }));
      if (typeof current === 'object') this.texts.push(safeJson(Object.fromEntries(Object.entries(current))));
      current = e.cause;
    }
  }

  async run<T>(promise: () => Promise<T>): Promise<T | undefined> {
    this.calls += 1;
    try {
      return await promise();
    } catch (error) {
      this.addError(error);
      return undefined;
    }
  }

  client(overrides: Partial<CoinmeClientOptions> = {}): CoinmeClient {
    const client = new CoinmeClient({
      ...mock.credentials,
      environment: 'staging',
      now: mock.clock.now,
      retryDelay: { initial: 1, max: 2 },
      logger: this.logger,
      hooks: this.hooks,
      fetch: this.fetch,
      ...overrides,
    });
    return client;
  }

  addClient(client: CoinmeClient): void {
    this.texts.push(String(client), JSON.stringify(client), inspect(client, { depth: 10, showHidden: true }));
    for (const resource of [
      client.cryptoChains, client.locationLicensing, client.quotes, client.widget, client.transactionHistory, client.transactionLimits,
      client.orderTemplates, client.paymentMethods, client.transactions,
    ]) {
      this.texts.push(inspect(resource, { depth: 10, showHidden: true }), safeJson(resource));
    }
  }
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch (error) {
    return `unserialisable: ${String(error)}`;
  }
}

function basicOf(secret: string): string {
  return encodeBase64Utf8(`${mock.credentials.partnerId}:${secret}`);
}

/** The secrets of a run; JWT signatures are checked on their own too (a token cut short still leaks them). */
function secretsOf(capture: Capture): string[] {
  const list = [mock.credentials.clientSecret, wrongSecret, basicOf(mock.credentials.clientSecret), basicOf(wrongSecret)];
  for (const authorization of capture.authorizations) list.push(authorization, authorization.slice(authorization.indexOf(' ') + 1));
  for (const token of capture.tokens) {
    list.push(token);
    const signature = token.split('.')[2];
    if (signature && signature.length >= 16) list.push(signature);
  }
  return list;
}

function expectNoLeak(capture: Capture): { texts: number; secrets: number; hits: string[] } {
  const secrets = secretsOf(capture);
  const hits: string[] = [];
  for (const text of capture.texts) {
    for (const secret of secrets) if (text.includes(secret)) hits.push(`${secret.slice(0, 6)}… in ${text.slice(0, 160)}`);
  }
  expect(hits).toEqual([]);
  return { texts: capture.texts.length, secrets: secrets.length, hits };
}

const widgetParams = { destinationCurrency: 'BTC', walletAddress: 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq', externalSessionId: 'session-secrets' };
const quoteParams = { debitCurrencyCode: 'USD', creditCurrencyCode: 'BTC', amountValue: '200', amountCurrencyCode: 'USD' };

describe('no secret or token in logs, hooks, errors or the client itself', () => {
  it('across every client scenario', async () => {
    const capture = new Capture();
    const coinme = capture.client();

    // Happy paths of every resource.
    await capture.run(() => coinme.cryptoChains.list());
    await capture.run(() => coinme.locationLicensing.list({ country: 'USA' }));
    await capture.run(() => coinme.quotes.informative(quoteParams));
    await capture.run(() => coinme.widget.createSession(widgetParams));
    await capture.run(() => coinme.transactionHistory.list({ customerId: seededCustomerId, page: 0, size: 2 }));
    await capture.run(async () => {
      for await (const transaction of coinme.transactionHistory.iterate({ customerId: seededCustomerId, size: 1 })) void transaction;
    });
    await capture.run(() => coinme.transactionLimits.get({ customerId: seededCustomerId, fiatCurrencyCode: 'USD' }));
    await capture.run(() => coinme.buildPartnerMapping({ customerId: seededCustomerId }));
    expect(capture.failures).toBe(0);

    // 401: a revoked token is refreshed once and the call replayed; a 401 that persists fails.
    mock.revokeTokens();
    await capture.run(() => coinme.cryptoChains.list());
    mock.failNext({ status: 401, times: 2, path: '/cryptoChains' });
    await capture.run(() => coinme.cryptoChains.list());
    // Token expiry on the clock: a proactive refresh.
    mock.clock.advance(31 * 60_000);
    await capture.run(() => coinme.locationLicensing.list({ country: 'USA' }));

    // 429, recovered and exhausted; 5xx, recovered and exhausted; dropped connections.
    mock.failNext({ status: 429, retryAfter: 0, path: '/cryptoChains' });
    await capture.run(() => coinme.cryptoChains.list());
    mock.failNext({ status: 429, retryAfter: 0, times: 5, path: '/cryptoChains' });
    await capture.run(() => coinme.cryptoChains.list());
    mock.failNext({ status: 503, times: 2, path: '/transactionlimits' });
    await capture.run(() => coinme.transactionLimits.get({ customerId: seededCustomerId }));
    mock.failNext({ status: 500, times: 5, path: '/transactionlimits' });
    await capture.run(() => coinme.transactionLimits.get({ customerId: seededCustomerId }));
    mock.failNext({ status: 502, path: '/widget' });
    await capture.run(() => coinme.widget.createSession(widgetParams));
    mock.failNext({ networkError: true, times: 5, path: '/locationlicensing' });
    await capture.run(() => coinme.locationLicensing.list({ country: 'USA' }));
    mock.failNext({ networkError: true, path: '/widget' });
    await capture.run(() => coinme.widget.createSession(widgetParams));

    // Timeouts.
    mock.setLatency(200);
    await capture.run(() => coinme.cryptoChains.list({ timeout: 20, maxRetries: 1 }));
    mock.setLatency(0);

    // Bad input, refused before any request.
    await capture.run(() => coinme.widget.createSession({} as never));
    await capture.run(() => coinme.transactionLimits.get({ customerId: 'not-a-number' }));
    await capture.run(() => coinme.quotes.informative({ ...quoteParams, amountValue: 'lots' }));
    await capture.run(() => coinme.transactionHistory.list({ customerId: seededCustomerId, size: -1 }));
    await capture.run(() => coinme.cryptoChains.list({ timeout: -5 }));
    await capture.run(async () => capture.client({ timeout: -1 }));
    await capture.run(async () => capture.client({ partnerId: 'has:colon' }));
    await capture.run(async () => capture.client({ baseUrl: `ftp://user:${mock.credentials.clientSecret}@example.com` }));

    // Coinme's error answers and malformed bodies.
    await capture.run(() => coinme.transactionLimits.get({ customerId: '42' }));
    await capture.run(() => coinme.quotes.informative({ ...quoteParams, creditCurrencyCode: 'USD' }));
    mock.failNext({ status: 200, body: '{not json', path: '/transactionlimits' });
    await capture.run(() => coinme.transactionLimits.get({ customerId: seededCustomerId }));
    mock.failNext({ status: 200, body: { data: { cryptoChains: 'nope' }, errorResponse: null }, path: '/cryptoChains' });
    await capture.run(() => coinme.cryptoChains.list());
    mock.failNext({ status: 200, body: '<html>gateway</html>', contentType: 'text/html', path: '/locationlicensing' });
    await capture.run(() => coinme.locationLicensing.list({ country: 'USA' }));
    mock.failNext({ status: 400, body: { data: null, errorResponse: { httpStatus: '400', errorData: [{ errorCode: '1', message: 'bad' }] } }, path: '/widget' });
    await capture.run(() => coinme.widget.createSession(widgetParams));

    // Authorize: refused credentials, 5xx until the retries run out, a body without a token.
    await capture.run(() => capture.client({ clientSecret: wrongSecret }).cryptoChains.list());
    const fresh = capture.client();
    mock.failNext({ status: 503, times: 5, path: '/authorize' });
    await capture.run(() => fresh.cryptoChains.list());
    mock.failNext({ status: 200, body: { data: { nothing: true }, errorResponse: null }, path: '/authorize' });
    await capture.run(() => capture.client().cryptoChains.list());
    mock.failNext({ status: 403, path: '/authorize' });
    await capture.run(() => capture.client().cryptoChains.list());

    capture.addClient(coinme);
    capture.addClient(capture.client({ clientSecret: wrongSecret }));

    // The run exercised what it claims to: tokens issued and refreshed, errors of every kind.
    expect(capture.tokens.size).toBeGreaterThanOrEqual(4);
    expect([...capture.authorizations].some((value) => value.startsWith('Basic '))).toBe(true);
    expect(capture.failures).toBeGreaterThanOrEqual(20);
    expect([...capture.errorNames].sort()).toEqual(
      ['AuthenticationError', 'CoinmeApiError', 'ConnectionError', 'RateLimitError', 'ResponseValidationError', 'TimeoutError', 'ValidationError'],
    );
    // The scan saw the redacted credentials, so it would have seen the real ones.
    expect(capture.texts.join('\n')).toContain('Bearer [redacted]');
    expect(capture.texts.join('\n')).toContain('Basic [redacted]');
    const result = expectNoLeak(capture);
    console.info(`secrets (client): ${capture.calls} scenarios, ${capture.failures} errors, ${capture.tokens.size} tokens, ${result.texts} texts × ${result.secrets} secrets scanned, 0 hits`);
  });

  it('keeps card numbers and CVVs out of logs, hooks and errors', async () => {
    const capture = new Capture();
    const coinme = capture.client();
    const cardNumber = '5555341244441115';
    const cvv = '8264';
    const card = { cardNumber, month: '07', year: '2031', cvv };
    const params = {
      customerId: seededCustomerId, providerId: 'card-processor', paymentProcessAssociation: 'BUY' as const, card,
      billingAddress: { country: 'US', addressLine1: '1 Main St', zipCode: '98101', city: 'Seattle', state: 'WA' },
    };
    const created = await capture.run(() => coinme.paymentMethods.create(params));
    expect(created?.paymentMethod.card?.cardNumber).toBe('************1115');
    await capture.run(() => coinme.paymentMethods.list({ customerId: seededCustomerId }));
    // Every way the call can fail: bad card fields, Coinme's error answers, 5xx, dropped
    // connections, timeouts, a 401 replay, and a malformed answer.
    for (const bad of [{ ...card, cardNumber: `${cardNumber} ` }, { ...card, cvv: `${cvv}1` }, { ...card, month: cvv }, { ...card, extra: cardNumber }]) {
      await capture.run(() => coinme.paymentMethods.create({ ...params, card: bad }));
    }
    await capture.run(() => coinme.paymentMethods.create({ ...params, customerId: '42' }));
    mock.failNext({ status: 503, path: '/paymentmethods' });
    await capture.run(() => coinme.paymentMethods.create(params));
    mock.failNext({ status: 400, path: '/paymentmethods' });
    await capture.run(() => coinme.paymentMethods.create(params));
    mock.failNext({ networkError: true, path: '/paymentmethods' });
    await capture.run(() => coinme.paymentMethods.create(params));
    mock.failNext({ status: 401, path: '/paymentmethods' });
    await capture.run(() => coinme.paymentMethods.create(params));
    mock.failNext({ status: 200, body: { data: { paymentMethod: { status: 'VERIFIED' } }, errorResponse: null }, path: '/paymentmethods' });
    await capture.run(() => coinme.paymentMethods.create(params));
    mock.setLatency(200);
    await capture.run(() => coinme.paymentMethods.create(params, { timeout: 20 }));
    mock.setLatency(0);
    capture.addClient(coinme);
    capture.texts.push(JSON.stringify(mock.requests), inspect(mock.paymentMethods, { depth: 10 }));

    expect(capture.failures).toBeGreaterThanOrEqual(10);
    expect([...capture.errorNames].sort()).toEqual(['CoinmeApiError', 'ConnectionError', 'ResponseValidationError', 'TimeoutError', 'ValidationError']);
    // The scan would see card data: the masked form Coinme answers is in the texts.
    expect(capture.texts.join('\n')).toContain('/paymentmethods');
    const leaks = capture.texts.filter((text) => text.includes(cardNumber) || text.includes(cardNumber.slice(0, 12)) || new RegExp(`["'\\s:]${cvv}["'\\s,}]`).test(text));
    expect(leaks).toEqual([]);
    expectNoLeak(capture);
    console.info(`secrets (cards): ${capture.calls} scenarios, ${capture.failures} errors, ${capture.texts.length} texts scanned, 0 hits`);
  });

  it('across the fail-closed cases: bad header values, lying tokens, credentials in URLs, redirects', async () => {
    const capture = new Capture();
    const apiKey = 'ak_live_Yh72Bv91Qw';
    const password = 'pw_live_Nx48Kd20';
    const badToken = 'eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjQxMDI0NDQ4MDB9\r\nx-injected: 1.c2lnLWxpdmUtUHo4M0xxOTI';
    // The bad values themselves are secrets here: none of them may be echoed.
    const secrets = [apiKey, password, badToken, 'c2lnLWxpdmUtUHo4M0xxOTI', mock.credentials.clientSecret];

    await capture.run(async () => capture.client({ apiKey: `${apiKey}\nx-injected: 1` }));
    await capture.run(async () => capture.client({ apiKey: `${apiKey}\r` }));
    await capture.run(async () => capture.client({ baseUrl: `https://partner:${password}@caas.coinme.com/services` }));
    await capture.run(async () => capture.client({ baseUrl: `http://partner:${password}@caas.coinme.com/services`, environment: 'production' }));
    const lying = capture.client({
      fetch: async (input, init) => {
        const request = new Request(input, init);
        if (request.url.endsWith('/authorize')) return Response.json({ data: { token: badToken }, errorResponse: null });
        return fetch(request);
      },
    });
    await capture.run(() => lying.cryptoChains.list());
    const redirecting = capture.client({
      apiKey,
      fetch: async (input, init) => {
        const request = new Request(input, init);
        if (request.url.endsWith('/authorize')) return fetch(request);
        return new Response(null, { status: 307, headers: { location: `https://partner:${password}@elsewhere.example/steal` } });
      },
    });
    await capture.run(() => redirecting.widget.createSession(widgetParams));
    capture.addClient(redirecting);

    expect([...capture.errorNames].sort()).toEqual(['RedirectError', 'ResponseValidationError', 'ValidationError']);
    expect(capture.failures).toBe(6);
    const hits = capture.texts.filter((text) => secrets.some((secret) => text.includes(secret)));
    expect(hits).toEqual([]);
    console.info(`secrets (fail-closed): ${capture.failures} errors, ${capture.texts.length} texts scanned, 0 hits`);
  });

  it('across webhook failures', async () => {
    const secret = 'whsec_live_Hk29sLq81mXv04Tz';
    const previous = 'whsec_prev_Pq73nBv52cXz18Wy';
    const apiKey = 'wh_api_key_Rt5Yu8Io2Pa';
    const texts: string[] = [];
    const keep = (error: unknown): void => {
      let current: unknown = error;
      for (let depth = 0; current != null && depth < 10; depth += 1) {
        const e = current as Error;
        texts.push(String(e.message), String(e.stack), String(current), safeJson(current), inspect(current, { depth: 10, showHidden: true }));
        current = e.cause;
      }
    };
    const attempt = async (action: () => Promise<unknown> | unknown): Promise<void> => {
      try {
        await action();
      } catch (error) {
        keep(error);
      }
    };

    const body = JSON.stringify(events['CAAS.BUY.COMPLETED']());
    const signed = await sign(body, secret, { apiKey });
    const wrong = await sign(body, `${secret}x`);
    const headers = signed.headers;
    await attempt(() => constructEvent({ payload: body, headers: {}, secret }));
    await attempt(() => constructEvent({ payload: body, headers: wrong.headers, secret: [secret, previous] }));
    await attempt(() => constructEvent({ payload: `${body} `, headers, secret }));
    await attempt(() => constructEvent({ payload: body, headers: { ...headers, 'x-api-key': 'nope' }, secret, apiKey }));
    await attempt(() => constructEvent({ payload: body, headers: { 'x-coinme-signature': signed.signature }, secret, apiKey }));
    await attempt(() => constructEvent({ payload: body, headers, secret, toleranceSeconds: 1, now: () => Date.now() + 10 * 365 * 86_400_000 }));
    await attempt(() => constructEvent({ payload: body, headers, secret, scheme: 'body' }));
    await attempt(() => constructEvent({ payload: body, headers, secret: '' }));
    await attempt(() => verifySignature({ payload: body, signature: signed.signature, secret: [] }));
    const broken = await sign('{"type":"CAAS","data":{"type":"BUY","transactionStatus":"COMPLETED"}}', secret);
    await attempt(() => constructEvent({ payload: broken.body, headers: broken.headers, secret, strict: true }));
    await attempt(() => parseWebhook(`{"secret":"${secret}"`));
    const handler = createWebhookHandler({ secret, apiKey, onEvent: () => undefined, onError: (error) => keep(error) });
    for (const request of [
      new Request('http://127.0.0.1/webhooks', { method: 'POST', body, headers: wrong.headers }),
      new Request('http://127.0.0.1/webhooks', { method: 'POST', body, headers: { ...headers, 'x-api-key': `${apiKey}!` } }),
      new Request('http://127.0.0.1/webhooks', { method: 'POST', body: '{', headers: (await sign('{', secret, { apiKey })).headers }),
    ]) {
      texts.push(await (await handler(request)).text());
    }

    expect(texts.length).toBeGreaterThan(40);
    const hits = texts.filter((text) => [secret, previous, `${secret}x`, apiKey].some((value) => text.includes(value)));
    // parseWebhook was given a body that quotes the secret; errors must not echo bodies either.
    expect(hits).toEqual([]);
    console.info(`secrets (webhooks): ${texts.length} texts scanned, 0 hits`);
  });
});
