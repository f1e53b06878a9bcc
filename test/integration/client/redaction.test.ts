import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
const encodeBase64Utf8 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
import { useMockCoinme } from './mock-server.js';

const apiKey = 'api-key-7c1e';
const { mock, client: baseClient } = useMockCoinme({ apiKey });
const client: typeof baseClient = (overrides = {}) => baseClient({ apiKey, ...overrides });

/** A fetch that remembers every token `authorize` hands out, so the test can look for them. */
function tokenCapturingFetch(tokens: string[]) {
  return async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const response = await fetch(input, init);
    const url = input instanceof Request ? input.url : String(input);
    if (url.endsWith('/authorize') && response.ok) {
      const body = (await response.clone().json()) as { data: { token: string } };
      tokens.push(body.data.token);
    }
    return response;
  };
}

/** Every secret of a run: the client secret, the Basic credential, the API key and every token issued. */
function secrets(tokens: string[]): string[] {
  const { partnerId, clientSecret } = mock.credentials;
  return [clientSecret, encodeBase64Utf8(`${partnerId}:${clientSecret}`), apiKey, ...tokens];
}

function expectNoSecret(text: string, tokens: string[]): void {
  for (const secret of secrets(tokens)) expect(text).not.toContain(secret);
}

describe('secrets never leak', () => {
  it('not through toString, inspect or JSON.stringify of the client and its resources', async () => {
    const tokens: string[] = [];
    const coinme = client({ fetch: tokenCapturingFetch(tokens) });
    await coinme.cryptoChains.list();
    expect(tokens).toHaveLength(1);
    const shown = [String(coinme), `${coinme}`, inspect(coinme, { depth: 10, showHidden: true }), JSON.stringify(coinme), inspect(coinme.cryptoChains, { depth: 10, showHidden: true }), JSON.stringify(coinme.widget)];
    for (const text of shown) expectNoSecret(text, tokens);
    expect(JSON.parse(JSON.stringify(coinme))).toMatchObject({ environment: 'staging', partnerId: mock.credentials.partnerId, maxRetries: 2 });
    expect(inspect(coinme)).toContain('CoinmeClient');
  });

  it('not through logs or hooks, which still describe every attempt', async () => {
    const lines: string[] = [];
    const log = (message: string, fields: Record<string, unknown>) => lines.push(`${message} ${JSON.stringify(fields)}`);
    const events: unknown[] = [];
    const tokens: string[] = [];
    mock.failNext({ status: 503, path: '/cryptoChains' });
    const coinme = client({
      fetch: tokenCapturingFetch(tokens),
      logger: { debug: log, info: log, warn: log, error: log },
      hooks: { onRequest: (info) => events.push(info), onResponse: (info) => events.push(info), onError: (info) => events.push(info) },
    });
    await coinme.cryptoChains.list();
    expect(tokens).toHaveLength(1);
    const all = lines.join('\n') + JSON.stringify(events);
    expectNoSecret(all, tokens);
    expect(all).toContain('Bearer [redacted]');
    expect(events).toContainEqual(expect.objectContaining({ method: 'GET', path: '/services/cryptoChains', status: 503, attempt: 1 }));
    expect(events).toContainEqual(expect.objectContaining({ method: 'GET', path: '/services/cryptoChains', status: 200, attempt: 2 }));
    expect(lines.some((line) => line.includes('"status":503') && line.startsWith('coinme response'))).toBe(true);
  });

  it('not through errors: refused credentials, timeouts, network failures, 401 after refresh', async () => {
    const failures: unknown[] = [];
    const tokens: string[] = [];
    failures.push(await client({ clientSecret: 'another-wrong-secret' }).cryptoChains.list().catch((error: unknown) => error));
    mock.failNext({ networkError: true, path: '/cryptoChains', times: 3 });
    failures.push(await client({ fetch: tokenCapturingFetch(tokens) }).cryptoChains.list().catch((error: unknown) => error));
    mock.failNext({ status: 401, path: '/cryptoChains', times: 2 });
    failures.push(await client({ fetch: tokenCapturingFetch(tokens) }).cryptoChains.list().catch((error: unknown) => error));
    const coinme = client({ timeout: 30, maxRetries: 0, fetch: tokenCapturingFetch(tokens) });
    await coinme.locationLicensing.list();
    mock.setLatency(100);
    failures.push(await coinme.cryptoChains.list().catch((error: unknown) => error));
    expect(tokens.length).toBeGreaterThanOrEqual(3);
    expect(failures.map((error) => (error as Error).name)).toEqual(['AuthenticationError', 'ConnectionError', 'AuthenticationError', 'TimeoutError']);
    for (const error of failures) {
      const text = [String(error), JSON.stringify(error), inspect(error, { depth: 10, showHidden: true })].join('\n');
      expectNoSecret(text, tokens);
      expect(text).not.toContain('another-wrong-secret');
      expect(text).not.toMatch(/Bearer eyJ|Basic [A-Za-z0-9+/=]{8}/);
    }
  });

  it('a throwing logger or hook never breaks the call', async () => {
    const explode = (): never => {
      throw new Error('observer failure');
    };
    const coinme = client({ logger: { debug: explode, warn: explode }, hooks: { onRequest: explode, onResponse: explode } });
    expect(await coinme.locationLicensing.list()).toEqual(['WA', 'VA']);
  });
});
