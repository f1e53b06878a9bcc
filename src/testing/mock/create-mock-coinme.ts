/**
 * A mock Coinme for tests: msw request handlers for every endpoint the client uses, on both
 * environments, with Coinme's auth, envelope, quirks and failures on demand.
 */
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { encodeBase64Utf8 } from '../../internal/base64.js';
import { createMockClock, type MockClock } from './clock.js';
import * as endpoints from './endpoints.js';
import type { EndpointContext, MockWidgetSession } from './endpoints.js';
import { issueMockJwt } from './jwt.js';
import { emptyText, errorEnvelope } from './responses.js';
import { createSeedData, type MockCoinmeData } from './seed-data.js';

const environmentUrls = {
  staging: 'https://caas-staging.coinme.com/services',
  production: 'https://caas.coinme.com/services',
} as const;

const tokenLifetimes = { staging: 30 * 60_000, production: 60 * 60_000 } as const;

/**
 * How `POST /authorize` answers. Coinme does not publish it, so the client accepts all of these.
 *
 * @example
 * ```ts
 * mock.authorizeShape = 'access_token'; // { access_token, expires_in }
 * ```
 */
export type AuthorizeResponseShape = 'data.token' | 'data.accessToken' | 'token' | 'access_token' | 'bare' | 'quoted';

/**
 * Options of {@link createMockCoinme}.
 *
 * @example
 * ```ts
 * const mock = createMockCoinme({ environment: 'production', apiKey: 'test-key' });
 * ```
 */
export interface MockCoinmeOptions {
  /** The environment `baseUrl` points to; both are always served. Defaults to `'staging'`. */
  environment?: 'staging' | 'production';
  /** Also serve this base URL (for clients configured with `baseUrl`). */
  baseUrl?: string;
  /** Accepted credentials; defaults are provided. */
  partnerId?: string;
  clientSecret?: string;
  userAgent?: string;
  /** When set, every request must carry this `x-api-key`. */
  apiKey?: string;
  /** Token lifetime in ms; defaults to the environment's (30 min staging, 60 min production). */
  tokenLifetimeMs?: number;
  /** Shape of the authorize response; defaults to `'data.token'`. */
  authorizeShape?: AuthorizeResponseShape;
  /** Start time of the mock clock. */
  now?: Date | number;
}

/**
 * A failure to inject with {@link MockCoinme.failNext}.
 *
 * @example
 * ```ts
 * mock.failNext({ status: 429, retryAfter: 1, path: '/cryptoChains' });
 * mock.failNext({ networkError: true, times: 2 });
 * mock.failNext({ status: 200, body: '{not json', path: '/transactionlimits' });
 * ```
 */
export interface MockFailure {
  /** HTTP status to answer; defaults to 500. */
  status?: number;
  /** How many matching requests fail; defaults to 1. */
  times?: number;
  /** Path below the base URL (`'/cryptoChains'`); by default any endpoint except `/authorize`. */
  path?: string;
  /** `Retry-After` header value (seconds or an HTTP date). */
  retryAfter?: number | string;
  /** Body: a string is sent as is (as `application/json` unless `contentType` says otherwise), anything else as JSON. */
  body?: unknown;
  contentType?: string;
  /** Drop the connection instead of answering. */
  networkError?: boolean;
}

/**
 * A request the mock received. Credentials are reduced to their scheme.
 *
 * @example
 * ```ts
 * expect(mock.requests.filter((request) => request.path === '/authorize')).toHaveLength(1);
 * ```
 */
export interface RecordedRequest {
  method: string;
  /** Path below the base URL, e.g. `/cryptoChains`. */
  path: string;
  url: string;
  environment: 'staging' | 'production' | 'custom';
  query: Record<string, string>;
  /** Headers, with `authorization` as `Basic [redacted]` / `Bearer [redacted]` and `x-api-key` as `[redacted]`. */
  headers: Record<string, string>;
  /** Serial number of the bearer token used (1 for the first token issued), when one was valid. */
  tokenSerial: number | undefined;
  /** Whether the mock accepted the request's credentials or token. */
  authenticated: boolean;
  /** Parsed JSON body, raw text when not JSON, `undefined` when empty. */
  body: unknown;
  /** Mock time the request arrived. */
  at: number;
}

/**
 * The mock returned by {@link createMockCoinme}.
 *
 * @example
 * ```ts
 * const mock = createMockCoinme();
 * const server = setupServer(...mock.handlers);
 * server.listen();
 * const coinme = new CoinmeClient({ ...mock.credentials, now: mock.clock.now });
 * ```
 */
export interface MockCoinme {
  /** msw handlers; pass them to `setupServer` (Node) or `setupWorker`. */
  readonly handlers: HttpHandler[];
  /** Credentials the mock accepts; spread them into `CoinmeClient`'s options. */
  readonly credentials: { partnerId: string; clientSecret: string; userAgent: string };
  /** Base URL of the chosen environment. */
  readonly baseUrl: string;
  /** Every request received, in order. */
  readonly requests: RecordedRequest[];
  /** Widget sessions created so far. */
  readonly widgetSessions: MockWidgetSession[];
  /** The data served; replace or mutate it freely. */
  data: MockCoinmeData;
  /** The mock's clock (token and widget expiry). */
  readonly clock: MockClock;
  /** Shape of the authorize response. */
  authorizeShape: AuthorizeResponseShape;
  /** Makes the next matching request(s) fail. Failures queue in call order. */
  failNext(failure: MockFailure): void;
  /** Delays every response by `ms` (0 to stop). */
  setLatency(ms: number): void;
  /** Makes every token issued so far invalid (the next API call answers 401). */
  revokeTokens(): void;
  /** Requests received for `path` (below the base URL). */
  requestsTo(path: string): RecordedRequest[];
  /** Clears requests, failures, latency, tokens, sessions, and restores the seed data. */
  reset(): void;
}

interface IssuedToken {
  serial: number;
  expiresAt: number;
  revoked: boolean;
}

interface PendingFailure extends MockFailure {
  remaining: number;
}

/**
 * Creates a mock Coinme. It checks Basic credentials and the User-Agent on `authorize`, issues JWTs
 * with a real `exp` that expire on the mock clock (then API calls answer 401 with an empty
 * text/plain body), wraps payloads in `{ data, errorResponse }`, answers an unknown customer with
 * the HTTP-200-with-`errorResponse` quirk, paginates transaction history, and serves widget URLs
 * that stop working after 30 minutes.
 *
 * @example
 * ```ts
 * import { setupServer } from 'msw/node';
 * import { createMockCoinme } from 'coinme-sdk/testing';
 *
 * const mock = createMockCoinme({ environment: 'staging' });
 * const server = setupServer(...mock.handlers);
 * server.listen();
 * const coinme = new CoinmeClient({ ...mock.credentials, environment: 'staging' });
 * mock.failNext({ status: 503, retryAfter: 1 });
 * ```
 */
export function createMockCoinme(options: MockCoinmeOptions = {}): MockCoinme {
  const environment = options.environment ?? 'staging';
  const credentials = {
    partnerId: options.partnerId ?? 'mock-partner',
    clientSecret: options.clientSecret ?? 'mock-client-secret-3f9a7c',
    userAgent: options.userAgent ?? 'mock-partner-app/1.0',
  };
  const expectedBasic = `Basic ${encodeBase64Utf8(`${credentials.partnerId}:${credentials.clientSecret}`)}`;
  const clock = createMockClock(options.now);
  const tokens = new Map<string, IssuedToken>();
  let failures: PendingFailure[] = [];
  let latencyMs = 0;
  let serial = 0;

  const mock: MockCoinme = {
    handlers: [],
    credentials,
    baseUrl: options.baseUrl?.replace(/\/+$/, '') ?? environmentUrls[environment],
    requests: [],
    widgetSessions: [],
    data: createSeedData(),
    clock,
    authorizeShape: options.authorizeShape ?? 'data.token',
    failNext(failure) {
      failures.push({ ...failure, remaining: failure.times ?? 1 });
    },
    setLatency(ms) {
      latencyMs = ms;
    },
    revokeTokens() {
      for (const token of tokens.values()) token.revoked = true;
    },
    requestsTo(path) {
      return mock.requests.filter((request) => request.path === path);
    },
    reset() {
      mock.requests.length = 0;
      mock.widgetSessions.length = 0;
      mock.data = createSeedData();
      failures = [];
      latencyMs = 0;
      tokens.clear();
    },
  };
  const context = (): EndpointContext => ({ data: mock.data, clock, widgetSessions: mock.widgetSessions });

  function takeFailure(path: string): PendingFailure | undefined {
    const failure = failures.find((candidate) => (candidate.path === undefined ? path !== '/authorize' : candidate.path === path));
    if (!failure) return undefined;
    failure.remaining -= 1;
    if (failure.remaining <= 0) failures = failures.filter((candidate) => candidate !== failure);
    return failure;
  }

  function failureResponse(failure: PendingFailure, path: string): Response {
    if (failure.networkError) return HttpResponse.error();
    const status = failure.status ?? 500;
    const headers: Record<string, string> = {};
    if (failure.retryAfter !== undefined) headers['retry-after'] = String(failure.retryAfter);
    if (typeof failure.body === 'string') {
      return new HttpResponse(failure.body, { status, headers: { 'content-type': failure.contentType ?? 'application/json', ...headers } });
    }
    if (failure.body !== undefined) return HttpResponse.json(failure.body as never, { status, headers });
    if (status === 401 || status >= 500) return emptyText(status, headers);
    const response = errorEnvelope({ path: `/services${path}`, message: `Mock failure ${status}`, now: clock.now(), status, httpStatus: status });
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    return response;
  }

  function issueToken(lifetime: number): string {
    serial += 1;
    const issuedAt = clock.now();
    const token = issueMockJwt({ subject: credentials.partnerId, serial, issuedAt, expiresAt: issuedAt + lifetime });
    tokens.set(token, { serial, expiresAt: issuedAt + lifetime, revoked: false });
    return token;
  }

  function authorizeBody(token: string, lifetime: number): Response {
    switch (mock.authorizeShape) {
      case 'data.accessToken':
        return HttpResponse.json({ data: { accessToken: token }, errorResponse: null });
      case 'token':
        return HttpResponse.json({ token });
      case 'access_token':
        return HttpResponse.json({ access_token: token, token_type: 'Bearer', expires_in: Math.floor(lifetime / 1000) });
      case 'bare':
        return HttpResponse.text(token);
      case 'quoted':
        return new HttpResponse(JSON.stringify(token), { headers: { 'content-type': 'application/json' } });
      default:
        return HttpResponse.json({ data: { token }, errorResponse: null });
    }
  }

  type Resolve = (request: Request, url: URL, body: unknown, context: EndpointContext) => Response;

  function route(base: string, env: RecordedRequest['environment'], method: 'get' | 'post', path: string, resolve: Resolve | 'authorize'): HttpHandler {
    const lifetime = options.tokenLifetimeMs ?? tokenLifetimes[env === 'custom' ? environment : env];
    return http[method](`${base}${path}`, async ({ request }) => {
      const url = new URL(request.url);
      const text = await request.text();
      const authorization = request.headers.get('authorization') ?? '';
      const bearer = authorization.startsWith('Bearer ') ? tokens.get(authorization.slice(7)) : undefined;
      const userAgentOk = request.headers.get('user-agent') === credentials.userAgent;
      const apiKeyOk = options.apiKey === undefined || request.headers.get('x-api-key') === options.apiKey;
      const tokenOk = bearer !== undefined && !bearer.revoked && clock.now() < bearer.expiresAt;
      const authenticated = userAgentOk && apiKeyOk && (resolve === 'authorize' ? authorization === expectedBasic : tokenOk);
      mock.requests.push({
        method: request.method,
        path,
        url: request.url,
        environment: env,
        query: Object.fromEntries(url.searchParams),
        headers: redact(request.headers),
        tokenSerial: tokenOk ? bearer?.serial : undefined,
        authenticated,
        body: parseBody(text),
        at: clock.now(),
      });
      if (latencyMs > 0) await delay(latencyMs);
      const failure = takeFailure(path);
      if (failure) return failureResponse(failure, path);
      if (!authenticated) return emptyText(401);
      if (resolve === 'authorize') {
        const contentType = request.headers.get('content-type') ?? '';
        if (!contentType.startsWith('application/x-www-form-urlencoded')) return new HttpResponse(null, { status: 415 });
        return authorizeBody(issueToken(lifetime), lifetime);
      }
      return resolve(request, url, parseBody(text), context());
    });
  }

  const bases: Array<[string, RecordedRequest['environment']]> = [
    [environmentUrls.staging, 'staging'],
    [environmentUrls.production, 'production'],
  ];
  if (options.baseUrl && !Object.values(environmentUrls).includes(mock.baseUrl as never)) bases.push([mock.baseUrl, 'custom']);

  for (const [base, env] of bases) {
    mock.handlers.push(
      route(base, env, 'post', '/authorize', 'authorize'),
      route(base, env, 'get', '/cryptoChains', endpoints.cryptoChains),
      route(base, env, 'get', '/locationlicensing', endpoints.locationLicensing),
      route(base, env, 'post', '/cryptoquote/informative', endpoints.informativeQuote),
      route(base, env, 'post', '/widget', endpoints.createWidget),
      route(base, env, 'get', '/widget/transactionhistory', endpoints.transactionHistory),
      route(base, env, 'get', '/transactionhistory', endpoints.transactionHistory),
      route(base, env, 'get', '/transactionlimits', endpoints.transactionLimits),
      http.get(`${new URL(base).origin}/widget/:token`, ({ params }) => endpoints.hostedWidget(String(params['token']), context())),
    );
  }
  return mock;
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function redact(headers: Headers): Record<string, string> {
  const safe: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (name === 'authorization') safe[name] = `${value.split(' ')[0] ?? ''} [redacted]`;
    else if (name === 'x-api-key') safe[name] = '[redacted]';
    else safe[name] = value;
  });
  return safe;
}
