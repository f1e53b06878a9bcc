// The client against a hostile or broken Coinme, and against bad options: it fails closed.
// Each block names the finding it covers (redirects, bounds, pagination, header values and
// credentials, transport, options).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CoinmeClient, ConnectionError, PaginationError, RedirectError, ResponseValidationError, TimeoutError, ValidationError, type CoinmeClientOptions } from 'coinme-sdk';
import { describe, expect, it } from 'vitest';
import { json, useHostileServer } from './hostile-server.js';

const coinme = useHostileServer();
const elsewhere = useHostileServer();

const credentials = { partnerId: 'partner-1', clientSecret: 'cs_live_security_Q9w8E7r6', userAgent: 'partner-ua-1', apiKey: 'api-key-Zx81Lm' };
const client = (overrides: Partial<CoinmeClientOptions> = {}) =>
  new CoinmeClient({ ...credentials, baseUrl: coinme.origin, retryDelay: { initial: 1, max: 2 }, ...overrides });
const widgetParams = { destinationCurrency: 'BTC', walletAddress: 'bc1qsecurity', externalSessionId: 'session-security-1' };
const page = (items: unknown[]) => ({ data: { transactions: items }, errorResponse: null });
const tx = (id: string) => ({
  totalFees: '1', feeCurrencyCode: 'USD', creditCurrencyAmount: '0.1', creditCurrencyCode: 'BTC', debitCurrencyAmount: '100', debitCurrencyCode: 'USD',
  transactionDateTime: '2025-01-01T00:00:00Z', partnerTransactionId: id, transactionStatus: 'CONFIRMED',
});

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('redirects are never followed', () => {
  it.each([300, 301, 302, 303, 307, 308])('a %i from Coinme\'s address to another origin sends nothing there and nothing twice', async (status) => {
    coinme.route = (request, response) => {
      if (request.path !== '/authorize') response.writeHead(status, { location: `${elsewhere.origin}/collect?from=coinme` }).end();
    };
    const error = await failure(client().widget.createSession(widgetParams));
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toMatchObject({ status, location: `${elsewhere.origin}/collect?from=coinme` });
    expect((error as Error).message).toContain(String(status));
    expect((error as Error).message).toContain(elsewhere.origin);
    expect(elsewhere.received).toEqual([]);
    expect(coinme.received.filter((request) => request.path === '/widget')).toHaveLength(1);
  });

  it('a redirected GET is not retried or followed either', async () => {
    coinme.route = (request, response) => {
      if (request.path === '/cryptoChains') response.writeHead(302, { location: `${elsewhere.origin}/cryptoChains` }).end();
    };
    await expect(client().cryptoChains.list()).rejects.toBeInstanceOf(RedirectError);
    expect(elsewhere.received).toEqual([]);
    expect(coinme.received.filter((request) => request.path === '/cryptoChains')).toHaveLength(1);
  });

  it('a 300 without a Location is refused as a redirect too', async () => {
    coinme.route = (request, response) => {
      if (request.path === '/cryptoChains') json(response, 300, { data: { cryptoChains: {} }, errorResponse: null });
    };
    const error = await failure(client().cryptoChains.list());
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toMatchObject({ status: 300, location: undefined });
    expect(coinme.received.filter((request) => request.path === '/cryptoChains')).toHaveLength(1);
  });

  it('keeps user info of the target out of the error', async () => {
    coinme.route = (request, response) => {
      if (request.path === '/cryptoChains') response.writeHead(307, { location: `http://someone:hunter2@127.0.0.1:1/x` }).end();
    };
    const error = await failure(client().cryptoChains.list());
    expect(JSON.stringify(error) + String(error)).not.toContain('hunter2');
  });
});

describe('bounds on one call', () => {
  it('refuses a body declared larger than maxResponseBytes without reading it', async () => {
    coinme.route = (request, response) => {
      if (request.path !== '/cryptoChains') return;
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(100 * 2 ** 20) });
      response.write('{"data":');
    };
    const started = performance.now();
    const error = await failure(client({ timeout: 5_000 }).cryptoChains.list());
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as Error).message).toContain('maxResponseBytes');
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('stops reading a chunked body at maxResponseBytes', async () => {
    const padding = 'x'.repeat(16 * 1024);
    coinme.route = async (request, response) => {
      if (request.path !== '/cryptoChains') return;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"data":{"cryptoChains":{}},"padding":"');
      // 1 MiB of valid JSON: a client without a cap buffers it all and succeeds.
      for (let sent = 0; sent < 2 ** 20 && !response.destroyed; sent += padding.length) {
        if (!response.write(padding)) {
          // Wait for drain or close, and take both listeners off again: one pair per write would pile up.
          await new Promise<void>((resolve) => {
            const done = () => {
              response.off('drain', done).off('close', done);
              resolve();
            };
            response.once('drain', done).once('close', done);
          });
        }
      }
      response.end('"}');
    };
    await expect(client({ maxResponseBytes: 64 * 1024 }).cryptoChains.list()).rejects.toThrow(/maxResponseBytes \(65536 bytes\)/);
  });

  // A valid answer of exactly `bytes` bytes (ASCII), padded with a field the client ignores.
  const answerOf = (bytes: number): string => {
    const head = '{"data":{"cryptoChains":{}},"errorResponse":null,"padding":"';
    return `${head}${'x'.repeat(bytes - head.length - 2)}"}`;
  };
  const limit = 4096;

  it.each([
    ['with a Content-Length', true],
    ['streamed without a Content-Length', false],
  ])('accepts a body of exactly maxResponseBytes and refuses one byte more (%s)', async (_label, declared) => {
    let size = limit;
    coinme.route = (request, response) => {
      if (request.path !== '/cryptoChains') return;
      const body = answerOf(size);
      response.writeHead(200, declared ? { 'content-type': 'application/json', 'content-length': String(body.length) } : { 'content-type': 'application/json' });
      // Two writes: without a Content-Length the body goes out chunked.
      response.write(body.slice(0, 100));
      response.end(body.slice(100));
    };
    const sdk = client({ maxResponseBytes: limit });
    expect(await sdk.cryptoChains.list()).toEqual([]);
    size = limit + 1;
    const error = await failure(sdk.cryptoChains.list());
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as Error).message).toContain(`maxResponseBytes (${limit} bytes)`);
    // Refused is final for a GET too: not sent again.
    expect(coinme.received.filter((request) => request.path === '/cryptoChains')).toHaveLength(2);
  });

  it('caps bodies at 10 MiB by default', async () => {
    coinme.route = (request, response) => {
      if (request.path !== '/cryptoChains') return;
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(10 * 2 ** 20 + 1) });
      response.write('{"data":');
    };
    await expect(client().cryptoChains.list()).rejects.toThrow(/maxResponseBytes \(10485760 bytes\)/);
  });

  it('bounds the whole attempt, headers and body together, by timeout', async () => {
    coinme.route = async (request, response) => {
      if (request.path !== '/cryptoChains') return;
      await new Promise((resolve) => setTimeout(resolve, 250));
      response.writeHead(200, { 'content-type': 'application/json' });
      const body = JSON.stringify({ data: { cryptoChains: {} }, errorResponse: null });
      for (const char of body) {
        if (response.destroyed) return;
        response.write(char);
        await new Promise((resolve) => setTimeout(resolve, 250 / body.length));
      }
      response.end();
    };
    const started = performance.now();
    const error = await failure(client({ timeout: 400, maxRetries: 0 }).cryptoChains.list());
    expect(error).toBeInstanceOf(TimeoutError);
    expect(performance.now() - started).toBeLessThan(700);
  });

  it('stops retrying at totalTimeout, however long Retry-After asks to wait', async () => {
    coinme.route = (request, response) => {
      if (request.path === '/cryptoChains') json(response, 503, { data: null, errorResponse: null }, { 'retry-after': '1' });
    };
    const started = performance.now();
    const error = await failure(client({ maxRetries: 5, totalTimeout: 600 }).cryptoChains.list());
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toContain('did not finish within its total timeout of 600 ms');
    expect(performance.now() - started).toBeLessThan(1_200);
    expect(coinme.received.filter((request) => request.path === '/cryptoChains')).toHaveLength(1);
  });

  it('caps maxRetries at 5', () => {
    expect(() => client({ maxRetries: 6 })).toThrow(expect.objectContaining({ name: 'ValidationError', field: 'maxRetries' }));
    expect(client({ maxRetries: 5 })).toBeInstanceOf(CoinmeClient);
  });
});

describe('pagination stops', () => {
  it('when the server ignores the page number', async () => {
    coinme.route = (request, response) => {
      if (request.path === '/widget/transactionhistory') json(response, 200, page([tx('1'), tx('2')]));
    };
    const seen: unknown[] = [];
    const error = await failure(
      (async () => {
        for await (const transaction of client().transactionHistory.iterate({ customerId: '1', size: 2 })) {
          seen.push(transaction);
          if (seen.length > 40) break;
        }
      })(),
    );
    expect(error).toBeInstanceOf(PaginationError);
    expect(error).toMatchObject({ page: 1 });
    expect(seen).toHaveLength(2);
  });

  it('after maxPages', async () => {
    coinme.route = (request, response) => {
      if (request.path !== '/widget/transactionhistory') return;
      const number = coinme.received.filter((received) => received.path === request.path).length;
      json(response, 200, page([tx(`${number}a`), tx(`${number}b`)]));
    };
    const seen: unknown[] = [];
    const error = await failure(
      (async () => {
        for await (const transaction of client().transactionHistory.iterate({ customerId: '1', size: 2 }, { maxPages: 3 })) seen.push(transaction);
      })(),
    );
    expect(error).toBeInstanceOf(PaginationError);
    expect(error).toMatchObject({ page: 3 });
    expect(seen).toHaveLength(6);
  });
});

describe('header values and credentials', () => {
  it.each([
    ['apiKey', { apiKey: 'api-key-Zx81Lm\nx-injected: 1' }],
    ['apiKey', { apiKey: ' api-key-Zx81Lm' }],
    ['userAgent', { userAgent: 'partner-ua-1\r\nx-injected: 1' }],
    ['partnerId', { partnerId: 'partner\u0000-1' }],
  ])('refuses a %s that cannot travel as a header, without quoting it', (field, extra) => {
    let error: unknown;
    try {
      client(extra);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field });
    const value = Object.values(extra)[0]!;
    expect(JSON.stringify(error) + String(error) + String((error as Error).stack)).not.toContain(value.trim());
    expect(coinme.received).toEqual([]);
  });

  it('sends x-api-key only when an apiKey is configured', async () => {
    coinme.route = (request, response) => {
      if (request.path === '/cryptoChains') json(response, 200, { data: { cryptoChains: {} }, errorResponse: null });
    };
    const { apiKey: _apiKey, ...withoutKey } = credentials;
    await new CoinmeClient({ ...withoutKey, baseUrl: coinme.origin }).cryptoChains.list();
    await client().cryptoChains.list();
    const [authorize, call, ...keyed] = coinme.received;
    expect([authorize!.path, call!.path]).toEqual(['/authorize', '/cryptoChains']);
    expect(authorize!.headers).not.toHaveProperty('x-api-key');
    expect(call!.headers).not.toHaveProperty('x-api-key');
    expect(keyed.map((request) => request.headers['x-api-key'])).toEqual([credentials.apiKey, credentials.apiKey]);
  });

  it('sends each body with its own content type, and none without a body', async () => {
    coinme.route = (request, response) => {
      if (request.path === '/cryptoChains') json(response, 200, { data: { cryptoChains: {} }, errorResponse: null });
      if (request.path === '/widget') json(response, 200, { data: { widgetUrl: 'https://widget.coinme.com/s/abc' }, errorResponse: null });
    };
    await client().cryptoChains.list();
    await client().widget.createSession(widgetParams);
    const seen = coinme.received.map((request) => [request.method, request.path, request.headers['content-type'], request.body === '' ? '' : 'body']);
    expect(seen).toEqual([
      ['POST', '/authorize', 'application/x-www-form-urlencoded', ''],
      ['GET', '/cryptoChains', undefined, ''],
      ['POST', '/authorize', 'application/x-www-form-urlencoded', ''],
      ['POST', '/widget', 'application/json', 'body'],
    ]);
    expect(JSON.parse(coinme.received[3]!.body)).toMatchObject({ walletAddress: widgetParams.walletAddress });
  });

  it('refuses a token from Coinme that cannot travel as a header, without quoting it', async () => {
    const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0\r\nx-injected: 1.c2lnbmF0dXJlLXNlY3JldA';
    coinme.route = (request, response) => {
      if (request.path === '/authorize') json(response, 200, { data: { token }, errorResponse: null });
    };
    const error = await failure(client().cryptoChains.list());
    expect(error).toBeInstanceOf(ResponseValidationError);
    let text = '';
    for (let current: unknown = error; current; current = (current as Error).cause) text += JSON.stringify(current) + String(current) + String((current as Error).stack);
    expect(text).not.toContain('c2lnbmF0dXJlLXNlY3JldA');
    expect(text).not.toContain('eyJzdWIiOiJ4In0');
    expect(coinme.received.map((request) => request.path)).toEqual(['/authorize']);
  });

  it('refuses credentials in baseUrl, and never shows them', () => {
    let error: unknown;
    try {
      client({ baseUrl: coinme.origin.replace('http://', 'http://partner:pa55w0rd-secret@') });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'baseUrl' });
    expect(JSON.stringify(error) + String(error)).not.toContain('pa55w0rd-secret');
  });
});

describe('transport', () => {
  it('refuses production over plain http unless allowed explicitly', () => {
    expect(() => client({ environment: 'production', baseUrl: 'http://caas.example.com/services' })).toThrow(
      expect.objectContaining({ name: 'ValidationError', field: 'baseUrl' }),
    );
    expect(client({ environment: 'production', baseUrl: 'http://caas.example.com/services', allowInsecureHttp: true }).baseUrl).toBe('http://caas.example.com/services');
    expect(client({ environment: 'production', baseUrl: 'https://caas.example.com/services' }).environment).toBe('production');
  });

  it.each(['javascript:alert(1)', 'http://evil.example/widget', 'data:text/html,hi', 'ftp://widget.example/x'])('refuses a widgetUrl %s', async (widgetUrl) => {
    coinme.route = (request, response) => {
      if (request.path === '/widget') json(response, 200, { data: { widgetUrl }, errorResponse: null });
    };
    const error = await failure(client().widget.createSession(widgetParams));
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues.map((issue) => issue.path)).toContain('widgetUrl');
  });

  it.each(['https://widget.coinme.com/s/abc', 'http://127.0.0.1:4010/widget/abc', 'http://localhost:4010/widget/abc'])('accepts a widgetUrl %s', async (widgetUrl) => {
    coinme.route = (request, response) => {
      if (request.path === '/widget') json(response, 200, { data: { widgetUrl }, errorResponse: null });
    };
    expect((await client().widget.createSession(widgetParams)).widgetUrl).toBe(widgetUrl);
  });
});

describe('connection failures', () => {
  it('keep only the name and code of the platform\'s error as the cause', async () => {
    const closed = await new Promise<string>((resolve) => {
      const probe = createServer();
      probe.listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(`http://127.0.0.1:${port}`));
      });
    });
    const error = await failure(client({ baseUrl: closed, maxRetries: 0 }).cryptoChains.list());
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toBe('POST /authorize could not reach Coinme (1 attempt)');
    const cause = (error as Error).cause as Error;
    expect(cause).toBeInstanceOf(Error);
    expect([cause.name, cause.message]).toEqual(['TypeError', 'TypeError (ECONNREFUSED)']);
  });

  it('carry a cause without a code when the platform\'s error has none', async () => {
    const fetch = (): Promise<Response> => Promise.reject(new TypeError('fetch failed'));
    const error = await failure(client({ fetch, maxRetries: 1 }).cryptoChains.list());
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toBe('POST /authorize could not reach Coinme (2 attempts)');
    expect([((error as Error).cause as Error).name, ((error as Error).cause as Error).message]).toEqual(['TypeError', 'TypeError']);
  });
});

describe('every option is checked when the client is built', () => {
  const options = [
    'partnerId', 'clientSecret', 'userAgent', 'environment', 'baseUrl', 'apiKey', 'fetch', 'timeout', 'totalTimeout', 'maxRetries',
    'maxResponseBytes', 'retryDelay', 'now', 'logger', 'hooks', 'dangerouslyAllowBrowser', 'allowInsecureHttp',
  ] as const;
  const bad: [string, unknown][] = [['NaN', Number.NaN], ['Infinity', Number.POSITIVE_INFINITY], ['-1', -1], ['empty', ''], ['an array', []], ['null', null]];

  it.each(options.flatMap((option) => bad.map(([label, value]) => [option, label, value] as const)))('%s = %s is a ValidationError naming it', (option, _label, value) => {
    expect(() => new CoinmeClient({ ...credentials, [option]: value } as CoinmeClientOptions)).toThrow(
      expect.objectContaining({ name: 'ValidationError', field: expect.stringMatching(new RegExp(`^${option}`)) }),
    );
  });

  it.each(['timeout', 'totalTimeout', 'maxRetries', 'maxResponseBytes'] as const)('%s must be an integer', (option) => {
    expect(() => new CoinmeClient({ ...credentials, [option]: 1.5 })).toThrow(expect.objectContaining({ field: option }));
  });

  it.each([['initial', Number.NaN], ['max', -1], ['max', Number.POSITIVE_INFINITY]] as const)('retryDelay.%s = %s is refused', (key, value) => {
    expect(() => new CoinmeClient({ ...credentials, retryDelay: { [key]: value } })).toThrow(expect.objectContaining({ field: `retryDelay.${key}` }));
  });

  it('refuses an unknown option, which is most likely a typo', () => {
    expect(() => new CoinmeClient({ ...credentials, maxRetry: 0 } as CoinmeClientOptions)).toThrow(expect.objectContaining({ field: 'maxRetry' }));
  });

  it.each([
    ['timeout', Number.NaN], ['timeout', Number.POSITIVE_INFINITY], ['timeout', -1], ['timeout', ''],
    ['maxRetries', Number.NaN], ['maxRetries', -1], ['maxRetries', 99], ['signal', 'abort'], ['signal', {}],
  ] as const)('per-call %s = %s is refused before anything is sent', async (option, value) => {
    const error = await failure(client().cryptoChains.list({ [option]: value } as never));
    expect(error).toMatchObject({ name: 'ValidationError', field: `options.${option}` });
    expect(coinme.received).toEqual([]);
  });
});
