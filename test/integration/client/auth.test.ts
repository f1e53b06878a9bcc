import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { AuthenticationError, CoinmeApiError, ResponseValidationError, TimeoutError } from 'coinme-sdk';
import type { AuthorizeResponseShape } from 'coinme-sdk/testing';
import { useMockCoinme } from './mock-server.js';

const { mock, server, client } = useMockCoinme();
const base = 'https://caas-staging.coinme.com/services';
const authorizeCount = (): number => mock.requestsTo('/authorize').length;

describe('token lifecycle', () => {
  it('authorizes once and reuses the token', async () => {
    const coinme = client();
    await coinme.cryptoChains.list();
    await coinme.locationLicensing.list();
    expect(authorizeCount()).toBe(1);
    expect(mock.requests.filter((request) => request.path !== '/authorize').map((request) => request.tokenSerial)).toEqual([1, 1]);
  });

  it('shares one authorize between 100 concurrent calls on a cold client', async () => {
    mock.setLatency(20);
    const coinme = client();
    const results = await Promise.all(Array.from({ length: 100 }, () => coinme.locationLicensing.list()));
    expect(results.every((states) => states.join() === 'WA,VA')).toBe(true);
    expect(authorizeCount()).toBe(1);
    expect(mock.requestsTo('/locationlicensing')).toHaveLength(100);
  });

  it('refreshes once when a call answers 401, then succeeds', async () => {
    const coinme = client();
    await coinme.cryptoChains.list();
    mock.revokeTokens();
    const assets = await coinme.cryptoChains.list();
    expect(assets).toHaveLength(8);
    expect(authorizeCount()).toBe(2);
    expect(mock.requestsTo('/cryptoChains').map((request) => request.authenticated)).toEqual([true, false, true]);
  });

  it('concurrent 401s share a single refresh', async () => {
    const coinme = client();
    await coinme.cryptoChains.list();
    mock.revokeTokens();
    await Promise.all(Array.from({ length: 10 }, () => coinme.cryptoChains.list()));
    expect(authorizeCount()).toBe(2);
  });

  it('refreshes before expiry when its clock says the token is about to expire', async () => {
    const coinme = client();
    await coinme.cryptoChains.list();
    mock.clock.advance(29.5 * 60_000); // inside the safety margin of a 30-minute staging token
    await coinme.cryptoChains.list();
    expect(authorizeCount()).toBe(2);
    expect(mock.requestsTo('/cryptoChains').every((request) => request.authenticated)).toBe(true);
  });

  it('recovers with exactly one refresh when the token expires on Coinme\'s side mid-run', async () => {
    const coinme = client({ now: Date.now }); // the client's clock does not see the jump
    await coinme.cryptoChains.list();
    mock.clock.advance(31 * 60_000);
    await coinme.cryptoChains.list();
    await coinme.cryptoChains.list();
    expect(authorizeCount()).toBe(2);
    expect(mock.requestsTo('/cryptoChains').map((request) => request.authenticated)).toEqual([true, false, true, true]);
  });

  it('keeps a production token for 60 minutes', async () => {
    const production = client({ environment: 'production' });
    await production.cryptoChains.list();
    mock.clock.advance(45 * 60_000);
    await production.cryptoChains.list();
    expect(authorizeCount()).toBe(1);
  });

  it('replays a widget POST once after a 401, since Coinme did not act on it', async () => {
    const coinme = client();
    await coinme.cryptoChains.list();
    mock.revokeTokens();
    await coinme.widget.createSession({ destinationCurrency: 'BTC', walletAddress: 'bc1q' });
    expect(mock.requestsTo('/widget')).toHaveLength(2);
    expect(mock.widgetSessions).toHaveLength(1);
  });

  it('an abort while the token is being fetched rejects at once with the caller\'s reason', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let arrived!: () => void;
    const authorizing = new Promise<void>((resolve) => (arrived = resolve));
    server.use(
      http.post(`${base}/authorize`, async () => {
        arrived();
        await gate;
        return HttpResponse.json({ access_token: 'opaque-1', expires_in: 120 });
      }),
    );
    let released = false;
    const controller = new AbortController();
    const call = client().cryptoChains.list({ signal: controller.signal }).then(
      () => ({ outcome: 'resolved', released }),
      (error: unknown) => ({ outcome: error, released }),
    );
    await authorizing;
    controller.abort(new Error('caller gave up'));
    // The authorize is let through only later: a caller still waiting for it settles after that.
    setTimeout(() => {
      released = true;
      release();
    }, 200);
    const { outcome, released: settledAfterAuthorize } = await call;
    expect(outcome).toBeInstanceOf(Error);
    expect((outcome as Error).message).toBe('caller gave up');
    expect(settledAfterAuthorize).toBe(false);
    expect(mock.requestsTo('/cryptoChains')).toHaveLength(0);
  });

  it('gives the replay after a 401 only what is left of the call\'s total timeout', async () => {
    let calls = 0;
    server.use(
      http.get(`${base}/cryptoChains`, async () => {
        calls += 1;
        await delay(1_500);
        if (calls === 1) return HttpResponse.json({ data: null, errorResponse: { httpStatus: '401', errorData: [] } }, { status: 401 });
        return HttpResponse.json({ data: { cryptoChains: {} }, errorResponse: null });
      }),
    );
    // 1.5 s spent before the 401: about 0.5 s is left, not enough for another 1.5 s answer.
    const error = await client({ totalTimeout: 2_000 }).cryptoChains.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toMatch(/did not finish within its total timeout of \d+ ms/);
    expect(calls).toBe(2);
  });

  it('throws AuthenticationError when a call still answers 401 after the refresh', async () => {
    const coinme = client();
    mock.failNext({ status: 401, path: '/transactionlimits', times: 2 });
    const error = await coinme.transactionLimits.get({ customerId: '1' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(mock.requestsTo('/transactionlimits')).toHaveLength(2);
    expect(authorizeCount()).toBe(2);
  });
});

describe('authorize', () => {
  it('throws AuthenticationError on refused credentials without retrying', async () => {
    const error = await client({ clientSecret: 'wrong-secret' }).cryptoChains.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).status).toBe(401);
    expect(authorizeCount()).toBe(1);
    expect(mock.requestsTo('/cryptoChains')).toHaveLength(0);
  });

  it('reads a 403 from authorize as refused credentials', async () => {
    mock.failNext({ status: 403, path: '/authorize' });
    const error = await client().cryptoChains.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 403 });
    expect((error as Error).message).toContain('check partnerId, clientSecret and userAgent');
  });

  it('reads a 403 on an API call as a refusal of that call, not of the credentials', async () => {
    mock.failNext({ status: 403, path: '/cryptoChains' });
    const error = await client().cryptoChains.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CoinmeApiError);
    expect(error).not.toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 403 });
    expect(authorizeCount()).toBe(1);
  });

  it('refuses a wrong User-Agent', async () => {
    await expect(client({ userAgent: 'someone-else' }).cryptoChains.list()).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('retries authorize on 5xx and network errors', async () => {
    mock.failNext({ status: 500, path: '/authorize' });
    mock.failNext({ networkError: true, path: '/authorize' });
    expect(await client().cryptoChains.list()).toHaveLength(8);
    expect(authorizeCount()).toBe(3);
  });

  const shapes: AuthorizeResponseShape[] = ['data.token', 'data.accessToken', 'token', 'access_token', 'bare', 'quoted'];
  it.each(shapes)('accepts the %s response shape', async (shape) => {
    mock.authorizeShape = shape;
    expect(await client().cryptoChains.list()).toHaveLength(8);
    expect(mock.requestsTo('/cryptoChains')[0]!.authenticated).toBe(true);
  });

  it('uses expires_in when the token is not a JWT', async () => {
    let issued = 0;
    server.use(
      http.post(`${base}/authorize`, () => HttpResponse.json({ access_token: `opaque-${++issued}`, expires_in: 120 })),
      http.get(`${base}/cryptoChains`, ({ request }) =>
        HttpResponse.json({ data: { cryptoChains: { [request.headers.get('authorization') ?? '']: { code: 'X', name: 'X', decimals: 0, supportedChains: [] } } }, errorResponse: null }),
      ),
    );
    const coinme = client();
    expect((await coinme.cryptoChains.list())[0]!.code).toBe('X');
    mock.clock.advance(100_000); // 120 s lifetime, 12 s margin: still fresh
    await coinme.cryptoChains.list();
    expect(issued).toBe(1);
    mock.clock.advance(10_000);
    await coinme.cryptoChains.list();
    expect(issued).toBe(2);
  });

  it('falls back to the environment lifetime when neither JWT nor body says', async () => {
    let issued = 0;
    server.use(http.post(`${base}/authorize`, () => HttpResponse.json({ data: { token: `opaque-${++issued}` } })));
    server.use(http.get(`${base}/cryptoChains`, () => HttpResponse.json({ data: { cryptoChains: {} }, errorResponse: null })));
    const coinme = client();
    await coinme.cryptoChains.list();
    mock.clock.advance(28 * 60_000);
    await coinme.cryptoChains.list();
    expect(issued).toBe(1);
    mock.clock.advance(2 * 60_000);
    await coinme.cryptoChains.list();
    expect(issued).toBe(2);
  });

  it('reports a body without a token as ResponseValidationError, without echoing the body', async () => {
    server.use(http.post(`${base}/authorize`, () => HttpResponse.json({ data: { session: 'eyJ.secret.value' } })));
    const error = (await client().cryptoChains.list().catch((caught: unknown) => caught)) as ResponseValidationError;
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.body).toBe('[redacted]');
    expect(JSON.stringify(error)).not.toContain('secret.value');
  });
});

describe('token freshness on a frozen clock', () => {
  const started = Date.parse('2026-01-01T00:00:00Z');
  const frozenClock = () => {
    const clock = { time: started, now: () => clock.time };
    return clock;
  };
  const unauthorized = () =>
    HttpResponse.json({ data: null, errorResponse: { httpStatus: '401', errorData: [{ errorCode: '401', message: 'token refused' }] } }, { status: 401 });
  const emptyChains = () => HttpResponse.json({ data: { cryptoChains: {} }, errorResponse: null });

  it.each([[0], [-5], ['abc']])('ignores expires_in %j and keeps the token for the environment lifetime', async (expiresIn) => {
    const clock = frozenClock();
    let issued = 0;
    server.use(
      http.post(`${base}/authorize`, () => HttpResponse.json({ access_token: `opaque-${++issued}`, expires_in: expiresIn })),
      http.get(`${base}/cryptoChains`, emptyChains),
    );
    const coinme = client({ now: clock.now });
    await coinme.cryptoChains.list();
    await coinme.cryptoChains.list();
    clock.time += 28 * 60_000; // a 30-minute staging token with its 60 s margin: still fresh
    await coinme.cryptoChains.list();
    expect(issued).toBe(1);
  });

  it('treats a token as stale from its refresh instant on, not one millisecond later', async () => {
    const clock = frozenClock();
    let issued = 0;
    server.use(
      http.post(`${base}/authorize`, () => HttpResponse.json({ access_token: `opaque-${++issued}`, expires_in: 120 })),
      http.get(`${base}/cryptoChains`, emptyChains),
    );
    const coinme = client({ now: clock.now });
    await coinme.cryptoChains.list();
    clock.time += 108_000 - 1; // 120 s lifetime, 12 s margin: refresh at 108 s
    await coinme.cryptoChains.list();
    expect(issued).toBe(1);
    clock.time += 1;
    await coinme.cryptoChains.list();
    expect(issued).toBe(2);
  });

  it('a late 401 for a token already replaced does not throw the newer token away', async () => {
    const clock = frozenClock();
    let issued = 0;
    let arrived!: () => void;
    const oldTokenArrived = new Promise<void>((resolve) => (arrived = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const seen: string[] = [];
    server.use(
      http.post(`${base}/authorize`, () => HttpResponse.json({ access_token: `opaque-${++issued}`, expires_in: 120 })),
      http.get(`${base}/cryptoChains`, async ({ request }) => {
        const authorization = request.headers.get('authorization') ?? '';
        seen.push(authorization);
        if (authorization !== 'Bearer opaque-1') return emptyChains();
        arrived();
        await gate; // Coinme answers the first token's call only after the client moved on
        return unauthorized();
      }),
    );
    const coinme = client({ now: clock.now });
    const slow = coinme.cryptoChains.list();
    await oldTokenArrived;
    clock.time += 110_000; // past the refresh instant: the next call authorizes again
    await coinme.cryptoChains.list();
    expect(issued).toBe(2);
    release();
    await slow; // replayed with the token that replaced the refused one
    await coinme.cryptoChains.list();
    expect(issued).toBe(2);
    expect(seen).toEqual(['Bearer opaque-1', 'Bearer opaque-2', 'Bearer opaque-2', 'Bearer opaque-2']);
  });
});
