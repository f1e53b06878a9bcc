/**
 * A mock Coinme for tests: msw request handlers for every endpoint the client uses, on both
 * environments, with Coinme's auth, envelope, quirks and failures on demand.
 */
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { encodeBase64Utf8 } from '../../internal/base64.js';
import { sign, type SignedWebhook, type SignOptions } from '../sign.js';
import * as quotes from './binding-quotes.js';
import type { MockBindingQuote } from './binding-quotes.js';
import { createMockClock, type MockClock } from './clock.js';
import * as endpoints from './endpoints.js';
import type { EndpointContext, MockEndpoint, MockWidgetSession } from './endpoints.js';
import { issueMockJwt } from './jwt.js';
import * as templates from './order-templates.js';
import type { MockOrderTemplate, MockOrderTemplateStatus } from './order-templates.js';
import * as cards from './payment-methods.js';
import type { MockPaymentMethod } from './payment-methods.js';
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
  /** Path below the base URL, e.g. `/cryptoChains` or `/cryptoquote/1400000000000000001`. */
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
  /** Parsed JSON body, raw text when not JSON, `undefined` when empty. A card number is kept masked, a CVV not at all. */
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
  /** Binding quotes issued so far (each honoured for 30 s on {@link MockCoinme.clock}). */
  readonly bindingQuotes: MockBindingQuote[];
  /** Order templates (barcodes) created so far, in every state. */
  readonly orderTemplates: MockOrderTemplate[];
  /** Cards added so far, deleted ones included (last four digits only). */
  readonly paymentMethods: MockPaymentMethod[];
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
  /**
   * Moves an order template to `status` (along Coinme's documented lifecycle) when given, and
   * returns its `ORDER_TEMPLATE.<STATUS>` notification signed as a real delivery is (see `sign`).
   */
  orderTemplateWebhook(transactionSystemRef: string, options: OrderTemplateWebhookOptions): Promise<SignedWebhook>;
  /** Clears requests, failures, latency, tokens, sessions, quotes, templates, cards, and restores the seed data. */
  reset(): void;
}

/**
 * Options of {@link MockCoinme.orderTemplateWebhook}.
 *
 * @example
 * ```ts
 * const { body, headers } = await mock.orderTemplateWebhook(ref, { secret: 'whsec_test', status: 'CONSUMED' });
 * await fetch('http://127.0.0.1:3000/webhooks/coinme', { method: 'POST', body, headers });
 * ```
 */
export interface OrderTemplateWebhookOptions extends SignOptions {
  /** The partner's webhook secret. */
  secret: string;
  /** Move the template to this state first; it must be a documented transition from its current one. */
  status?: MockOrderTemplateStatus;
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
  // Ids beyond 2^53, as Coinme's are.
  let lastId = 1_400_000_000_000_000_000n;
  const nextId = (): string => String((lastId += 1n));

  const mock: MockCoinme = {
    handlers: [],
    credentials,
    baseUrl: options.baseUrl?.replace(/\/+$/, '') ?? environmentUrls[environment],
    requests: [],
    widgetSessions: [],
    bindingQuotes: [],
    orderTemplates: [],
    paymentMethods: [],
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
    async orderTemplateWebhook(transactionSystemRef, { secret, status, ...signOptions }) {
      templates.expireOrderTemplates({ orderTemplates: mock.orderTemplates, clock });
      const template = mock.orderTemplates.find((candidate) => candidate.transactionSystemRef === transactionSystemRef);
      if (!template) throw new TypeError(`No order template ${transactionSystemRef} in this mock`);
      if (status !== undefined && status !== template.status) {
        if (!templates.orderTemplateTransitions[template.status].includes(status)) {
          throw new TypeError(`An order template cannot go from ${template.status} to ${status}`);
        }
        template.status = status;
      }
      return sign(templates.orderTemplateNotification(template, crypto.randomUUID(), new Date(clock.now())), secret, signOptions);
    },
    reset() {
      mock.requests.length = 0;
      mock.widgetSessions.length = 0;
      mock.bindingQuotes.length = 0;
      mock.orderTemplates.length = 0;
      mock.paymentMethods.length = 0;
      mock.data = createSeedData();
      failures = [];
      latencyMs = 0;
      tokens.clear();
    },
  };
  const context = (): EndpointContext => ({
    data: mock.data,
    clock,
    widgetSessions: mock.widgetSessions,
    bindingQuotes: mock.bindingQuotes,
    orderTemplates: mock.orderTemplates,
    paymentMethods: mock.paymentMethods,
    partnerId: credentials.partnerId,
    nextId,
  });

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

  function route(
    base: string,
    env: RecordedRequest['environment'],
    method: 'get' | 'post' | 'delete',
    pattern: string,
    resolve: MockEndpoint | 'authorize',
  ): HttpHandler {
    const lifetime = options.tokenLifetimeMs ?? tokenLifetimes[env === 'custom' ? environment : env];
    const basePath = new URL(base).pathname.replace(/\/+$/, '');
    return http[method](`${base}${pattern}`, async ({ request, params }) => {
      const url = new URL(request.url);
      const path = url.pathname.slice(basePath.length);
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
        body: withoutCardData(parseBody(text)),
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
      const pathParams = Object.fromEntries(Object.entries(params).map(([name, value]) => [name, String(value)]));
      return resolve(request, url, parseBody(text), context(), pathParams);
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
      route(base, env, 'post', '/cryptoquote', quotes.createBindingQuote),
      route(base, env, 'post', '/cryptoquote/sell-all', quotes.sellAllQuote),
      route(base, env, 'get', '/cryptoquote/:quoteId', quotes.retrieveBindingQuote),
      route(base, env, 'post', '/order-template', templates.createOrderTemplate),
      route(base, env, 'get', '/order-template/templates/count/:customerId', templates.countOrderTemplates),
      route(base, env, 'get', '/order-template/templates/:customerId', templates.listOrderTemplates),
      route(base, env, 'delete', '/order-template/:transactionSystemRef', templates.deleteOrderTemplate),
      route(base, env, 'post', '/paymentmethods', cards.createPaymentMethod),
      route(base, env, 'get', '/paymentmethods', cards.listPaymentMethods),
      route(base, env, 'get', '/paymentmethods/status', cards.paymentMethodStatus),
      route(base, env, 'get', '/paymentmethods/:paymentMethodId', cards.retrievePaymentMethod),
      route(base, env, 'delete', '/paymentmethods/:paymentMethodId', cards.deletePaymentMethod),
      http.get(`${new URL(base).origin}/widget/:token`, ({ params }) => endpoints.hostedWidget(String(params['token']), context())),
    );
  }
  return mock;
}

// Integers beyond 2^53 (Coinme's ids) are kept as their digits where the runtime shows the source.
function exactIntegers(_key: string, value: unknown, context?: { source?: string }): unknown {
  return typeof value === 'number' && !Number.isSafeInteger(value) && context?.source && /^-?\d+$/.test(context.source) ? context.source : value;
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text, exactIntegers);
  } catch {
    return text;
  }
}

// The request log is for tests and dashboards: it keeps no card number (masked) and no CVV.
function withoutCardData(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || !('card' in body)) return body;
  const card = (body as { card: unknown }).card;
  if (typeof card !== 'object' || card === null) return body;
  const { cvv: _cvv, cardNumber, ...rest } = card as Record<string, unknown>;
  const masked = typeof cardNumber === 'string' ? { cardNumber: cards.maskCardNumber(cardNumber) } : {};
  return { ...body, card: { ...rest, ...masked } };
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
