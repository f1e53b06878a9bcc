/** `CoinmeClient`: the authenticated entry point to Coinme's partner API. */
import { defaultTokenLifetimeMs, requestToken } from './auth/authorize.js';
import { TokenManager } from './auth/token-manager.js';
import type { TokenCache } from './shared-state/token-cache.js';
import { HttpTransport, type FetchFunction } from './core/http.js';
import { Observer, type CoinmeHooks, type CoinmeLogger } from './core/observability.js';
import { Requester } from './core/requester.js';
import { defaultRetryDelay, type RetryDelay } from './core/retry-policy.js';
import type { RequestOptions } from './core/request-options.js';
import { ValidationError } from './errors.js';
import { encodeBase64Utf8 } from './internal/base64.js';
import { isBrowserPage } from './internal/runtime.js';
import { fetchPartnerMapping, type FetchPartnerMappingParams } from './mapping/fetch-mapping.js';
import type { PartnerMapping } from './mapping/types.js';
import { CryptoChains } from './resources/crypto-chains.js';
import { LocationLicensing } from './resources/location-licensing.js';
import { OrderTemplates } from './resources/order-templates.js';
import { PaymentMethods } from './resources/payment-methods.js';
import { Quotes } from './resources/quotes.js';
import { TransactionHistory } from './resources/transaction-history.js';
import { TransactionLimits } from './resources/transaction-limits.js';
import { Transactions } from './resources/transactions.js';
import { Widget } from './resources/widget.js';

/**
 * Coinme's environments.
 *
 * @example
 * ```ts
 * const environment: CoinmeEnvironment = process.env.NODE_ENV === 'production' ? 'production' : 'staging';
 * ```
 */
export type CoinmeEnvironment = 'staging' | 'production';

/**
 * Base URL of each environment.
 *
 * @example
 * ```ts
 * coinmeBaseUrls.production; // 'https://caas.coinme.com/services'
 * ```
 */
export const coinmeBaseUrls: Readonly<Record<CoinmeEnvironment, string>> = Object.freeze({
  staging: 'https://caas-staging.coinme.com/services',
  production: 'https://caas.coinme.com/services',
});

/**
 * Options of {@link CoinmeClient}.
 *
 * @example
 * ```ts
 * const options: CoinmeClientOptions = {
 *   partnerId: process.env.COINME_PARTNER_ID!, clientSecret: process.env.COINME_CLIENT_SECRET!,
 *   userAgent: process.env.COINME_USER_AGENT!, environment: 'production',
 * };
 * ```
 */
export interface CoinmeClientOptions {
  /** Partner id issued by Coinme (the Basic auth user). */
  partnerId: string;
  /** Client secret issued by Coinme. Never logged or shown. */
  clientSecret: string;
  /** The partner User-Agent id issued by Coinme, sent on every request. */
  userAgent: string;
  /** Defaults to `'staging'`. */
  environment?: CoinmeEnvironment;
  /** Overrides the environment's base URL (e.g. a proxy). */
  baseUrl?: string;
  /** Sent as `x-api-key` on every request when set. */
  apiKey?: string;
  /** A custom `fetch`; by default `globalThis.fetch` is looked up at each request. */
  fetch?: FetchFunction;
  /** Milliseconds per attempt before a `TimeoutError`; defaults to 30 000. */
  timeout?: number;
  /** Retries of retryable failures (network, timeout, 429, 5xx); defaults to 2. */
  maxRetries?: number;
  /** Receives one line per attempt; never a secret, header credential or token. */
  logger?: CoinmeLogger;
  /** Observers of every attempt, with redacted headers. */
  hooks?: CoinmeHooks;
  /** Backoff between retries, in ms; defaults to `{ initial: 500, max: 8000 }` (with jitter). */
  retryDelay?: Partial<RetryDelay>;
  /**
   * Where the partner token is kept. By default each client keeps its own in memory; pass a
   * shared cache (`RedisTokenCache` from `coinme-sdk/redis`, `PostgresTokenCache` from
   * `coinme-sdk/postgres`) so that N instances make one `authorize` per token lifetime.
   */
  tokenCache?: TokenCache;
  /** The clock used for token expiry, in epoch ms; defaults to `Date.now`. Handy in tests. */
  now?: () => number;
  /**
   * The client holds partner secrets, so it refuses to run in a browser page. Set `true` only if
   * you understand that anyone who loads the page can read them.
   */
  dangerouslyAllowBrowser?: boolean;
}

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/**
 * The Coinme partner API client. It fetches, caches and refreshes its own token; every method
 * takes `(params, options?)` and throws only `CoinmeError`s (or the caller's abort reason).
 *
 * @example
 * ```ts
 * import { CoinmeClient } from 'coinme-sdk';
 *
 * const coinme = new CoinmeClient({ partnerId, clientSecret, userAgent, environment: 'staging' });
 * const assets = await coinme.cryptoChains.list();
 * const quote = await coinme.quotes.informative({ debitCurrencyCode: 'USD', creditCurrencyCode: 'BTC', amountValue: '200', amountCurrencyCode: 'USD' });
 * const { widgetUrl } = await coinme.widget.createSession({ destinationCurrency: 'BTC', walletAddress });
 * ```
 */
export class CoinmeClient {
  /** Supported assets. */
  readonly cryptoChains: CryptoChains;
  /** Licensed jurisdictions. */
  readonly locationLicensing: LocationLicensing;
  /** Informative and binding quotes. */
  readonly quotes: Quotes;
  /** Hosted widget sessions. */
  readonly widget: Widget;
  /** Transaction history, page by page or all at once. */
  readonly transactionHistory: TransactionHistory;
  /** Per-customer limits. */
  readonly transactionLimits: TransactionLimits;
  /** Green Dot cash barcodes (order templates). */
  readonly orderTemplates: OrderTemplates;
  /** A customer's debit cards. */
  readonly paymentMethods: PaymentMethods;
  /** Partner-API transaction history (`GET /transactionhistory`). */
  readonly transactions: Transactions;

  readonly #environment: CoinmeEnvironment;
  readonly #baseUrl: string;
  readonly #partnerId: string;
  readonly #userAgent: string;
  readonly #timeout: number;
  readonly #maxRetries: number;

  constructor(options: CoinmeClientOptions) {
    const checked = checkOptions(options);
    if (isBrowserPage() && checked.dangerouslyAllowBrowser !== true) {
      throw new ValidationError(
        'CoinmeClient holds your Coinme client secret and must run on a server, not in a browser page, where anyone could read it. ' +
          'Call it from your backend, or pass dangerouslyAllowBrowser: true if you accept that risk.',
        { field: 'dangerouslyAllowBrowser' },
      );
    }
    this.#environment = checked.environment ?? 'staging';
    this.#baseUrl = (checked.baseUrl ?? coinmeBaseUrls[this.#environment]).replace(/\/+$/, '');
    this.#partnerId = checked.partnerId;
    this.#userAgent = checked.userAgent;
    this.#timeout = checked.timeout ?? 30_000;
    this.#maxRetries = checked.maxRetries ?? 2;
    const now = checked.now ?? Date.now;

    const transport = new HttpTransport({
      baseUrl: this.#baseUrl,
      userAgent: checked.userAgent,
      apiKey: checked.apiKey,
      fetch: checked.fetch,
      timeout: this.#timeout,
      maxRetries: this.#maxRetries,
      retryDelay: { ...defaultRetryDelay, ...checked.retryDelay },
      observer: new Observer(checked.logger, checked.hooks),
      now,
    });
    // The Basic credential lives only inside this closure, never on a property.
    const basic = `Basic ${encodeBase64Utf8(`${checked.partnerId}:${checked.clientSecret}`)}`;
    const lifetime = defaultTokenLifetimeMs[this.#environment];
    const shared = checked.tokenCache && { cache: checked.tokenCache, key: `${this.#baseUrl}|${checked.partnerId}` };
    const tokens = new TokenManager(() => requestToken(transport, basic, lifetime, now), now, shared);
    const requester = new Requester(transport, tokens);

    this.cryptoChains = new CryptoChains(requester);
    this.locationLicensing = new LocationLicensing(requester);
    this.quotes = new Quotes(requester);
    this.widget = new Widget(requester);
    this.transactionHistory = new TransactionHistory(requester);
    this.transactionLimits = new TransactionLimits(requester);
    this.orderTemplates = new OrderTemplates(requester);
    this.paymentMethods = new PaymentMethods(requester);
    this.transactions = new Transactions(requester);
  }

  /**
   * Builds the partner mapping of seed 000 from what Coinme reports now: supported assets and
   * licensed states (and, with a `customerId`, the customer's remaining limits) are fetched
   * concurrently, then passed to the pure `buildPartnerMapping`.
   *
   * @example
   * ```ts
   * const mapping = await coinme.buildPartnerMapping({ customerId });
   * checkEligibility(mapping, { asset: 'BTC', paymentMethod: 'CARD', state: 'WA', amount: '50', direction: 'onramp' });
   * ```
   */
  buildPartnerMapping(params?: FetchPartnerMappingParams, options?: RequestOptions): Promise<PartnerMapping> {
    return fetchPartnerMapping(this, params, options);
  }

  /** The environment this client talks to. */
  get environment(): CoinmeEnvironment {
    return this.#environment;
  }

  /** The base URL requests go to. */
  get baseUrl(): string {
    return this.#baseUrl;
  }

  /** Safe description for logs: no secret, credential or token. */
  toJSON(): Record<string, unknown> {
    return {
      environment: this.#environment,
      baseUrl: this.#baseUrl,
      partnerId: this.#partnerId,
      userAgent: this.#userAgent,
      timeout: this.#timeout,
      maxRetries: this.#maxRetries,
    };
  }

  toString(): string {
    return `CoinmeClient ${JSON.stringify(this.toJSON())}`;
  }

  [inspectSymbol](): string {
    return this.toString();
  }
}

function checkOptions(options: CoinmeClientOptions): CoinmeClientOptions {
  const fail = (field: string, message: string): never => {
    throw new ValidationError(`${field} ${message}`, { field });
  };
  if (typeof options !== 'object' || options === null) return fail('options', 'must be an object');
  for (const field of ['partnerId', 'clientSecret', 'userAgent'] as const) {
    const value: unknown = options[field];
    if (typeof value !== 'string' || value.trim() === '') fail(field, 'is required (a non-empty string issued by Coinme)');
  }
  if (options.partnerId.includes(':')) fail('partnerId', 'must not contain ":"');
  const { environment, baseUrl, apiKey, timeout, maxRetries, retryDelay } = options;
  if (environment !== undefined && environment !== 'staging' && environment !== 'production') {
    fail('environment', 'must be "staging" or "production"');
  }
  if (baseUrl !== undefined && !/^https?:\/\/[^/\s]+/.test(baseUrl)) fail('baseUrl', 'must be an http(s) URL');
  if (apiKey !== undefined && (typeof apiKey !== 'string' || apiKey === '')) fail('apiKey', 'must be a non-empty string');
  if (options.fetch !== undefined && typeof options.fetch !== 'function') fail('fetch', 'must be a function');
  if (options.now !== undefined && typeof options.now !== 'function') fail('now', 'must be a function');
  const cache = options.tokenCache;
  if (cache !== undefined && !(['get', 'set', 'claim', 'release'] as const).every((name) => typeof cache?.[name] === 'function')) {
    fail('tokenCache', 'must be a TokenCache (get, set, claim and release methods)');
  }
  if (timeout !== undefined && !(Number.isInteger(timeout) && timeout > 0 && timeout <= 2_147_483_647)) {
    fail('timeout', 'must be a positive integer number of milliseconds');
  }
  if (maxRetries !== undefined && !(Number.isInteger(maxRetries) && maxRetries >= 0 && maxRetries <= 10)) {
    fail('maxRetries', 'must be an integer from 0 to 10');
  }
  for (const key of ['initial', 'max'] as const) {
    const value = retryDelay?.[key];
    if (value !== undefined && !(Number.isFinite(value) && value >= 0)) fail(`retryDelay.${key}`, 'must be a non-negative number of milliseconds');
  }
  return options;
}
