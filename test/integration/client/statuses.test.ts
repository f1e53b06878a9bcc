// Which statuses are retried, which request id an error carries, and which clock reads a
// Retry-After date: against a loopback server that answers exactly what each case needs.
import { CoinmeApiError, CoinmeClient, RateLimitError, type CoinmeClientOptions } from 'coinme-sdk';
import { describe, expect, it } from 'vitest';
import { json, useHostileServer } from '../../security/hostile-server.js';

const server = useHostileServer();
const client = (overrides: Partial<CoinmeClientOptions> = {}) =>
  new CoinmeClient({ partnerId: 'p', clientSecret: 's', userAgent: 'ua', baseUrl: server.origin, retryDelay: { initial: 1, max: 2 }, ...overrides });
const chains = { data: { cryptoChains: { BTC: { name: 'Bitcoin', decimals: 8, supportedChains: ['BTC'] } } }, errorResponse: null };
const calls = () => server.received.filter((request) => request.path === '/cryptoChains').length;

/** Answers `status` to the first call of /cryptoChains, then the list. */
function failOnce(status: number, headers: Record<string, string> = {}): void {
  server.route = (request, response) => {
    if (request.path !== '/cryptoChains') return;
    if (calls() === 1) json(response, status, { data: null, errorResponse: null }, headers);
    else json(response, 200, chains);
  };
}

describe('retried statuses', () => {
  it.each([408, 429, 500, 502, 503, 504])('retries a %i once, then succeeds', async (status) => {
    failOnce(status);
    expect(await client().cryptoChains.list()).toHaveLength(1);
    expect(calls()).toBe(2);
  });

  it.each([400, 403, 404, 409, 413, 422, 501])('does not retry a %i', async (status) => {
    failOnce(status);
    await expect(client().cryptoChains.list()).rejects.toMatchObject({ status });
    expect(calls()).toBe(1);
  });
});

describe('request id', () => {
  const cases: [string, Record<string, string>, string | undefined][] = [
    ['x-request-id', { 'x-request-id': 'req-1' }, 'req-1'],
    ['x-amzn-requestid when x-request-id is absent', { 'x-amzn-requestid': 'amzn-2' }, 'amzn-2'],
    ['x-request-id over x-amzn-requestid', { 'x-request-id': 'req-1', 'x-amzn-requestid': 'amzn-2' }, 'req-1'],
    ['nothing when neither is sent', {}, undefined],
  ];

  it.each(cases)('an HTTP error carries %s', async (_label, headers, expected) => {
    failOnce(400, headers);
    const error = await client().cryptoChains.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CoinmeApiError);
    expect((error as CoinmeApiError).requestId).toBe(expected);
  });

  it.each(cases)('a 200 carrying an errorResponse carries %s', async (_label, headers, expected) => {
    server.route = (request, response) => {
      if (request.path === '/cryptoChains') json(response, 200, { data: null, errorResponse: { httpStatus: '404', errorData: [{ errorCode: 'x', message: 'no' }] } }, headers);
    };
    const error = await client().cryptoChains.list().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 404, requestId: expected });
  });

  it('hooks see the same request id', async () => {
    server.route = (request, response) => {
      if (request.path === '/cryptoChains') json(response, 200, chains, { 'x-amzn-requestid': 'amzn-3' });
    };
    const seen: (string | undefined)[] = [];
    await client({ hooks: { onResponse: ({ path, requestId }) => path.endsWith('/cryptoChains') && seen.push(requestId) } }).cryptoChains.list();
    expect(seen).toEqual(['amzn-3']);
  });
});

describe('errorResponse fields', () => {
  it('carries timestamp and retry as Coinme sent them', async () => {
    const errorResponse = { httpStatus: '200', timestamp: '2022-02-01T18:59:28.297Z', path: '/external/v1/payment-method', retry: 'false', errorData: [{ errorCode: '123', message: 'Invalid account id' }] };
    server.route = (request, response) => {
      if (request.path === '/cryptoChains') json(response, 200, { data: null, errorResponse });
    };
    const error = await client().cryptoChains.list().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'CoinmeApiError', timestamp: '2022-02-01T18:59:28.297Z', retry: 'false', path: '/external/v1/payment-method' });
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ timestamp: '2022-02-01T18:59:28.297Z', retry: 'false' });
  });
});

describe('one clock', () => {
  it('reads a Retry-After date with the client\'s clock, as tokens are', async () => {
    const offset = 3_600_000;
    const now = () => Date.now() + offset;
    server.route = (request, response) => {
      if (request.path === '/cryptoChains') json(response, 429, { data: null, errorResponse: null }, { 'retry-after': new Date(now() + 5_000).toUTCString() });
    };
    const error = await client({ now, maxRetries: 0 }).cryptoChains.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfter).toBeGreaterThanOrEqual(4_000);
    expect((error as RateLimitError).retryAfter).toBeLessThanOrEqual(6_000);
  });
});
