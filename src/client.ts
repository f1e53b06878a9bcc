/** `CoinmeClient`: the authenticated entry point to Coinme's partner API. */
import { defaultTokenLifetimeMs, requestToken } from './auth/authorize.js';
import { TokenManager } from './auth/token-manager.js';
import type { TokenCache } from './shared-state/token-cache.js';
import type { FetchFunction } from './core/attempt.js';
import { clientOptionsSchema } from './core/client-options.js';
import { HttpTransport } from './core/http.js';
import { Observer, type CoinmeHooks, type CoinmeLogger } from './core/observability.js';
import { Requester } from './core/requester.js';
import { defaultRetryDelay, type RetryDelay } from './core/retry.js';
import type { RequestOptions } from './core/request-options.js';
import { parseInput } from './core/validate.js';
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
export const coinmeBaseUrls: Readonly<Record<CoinmeEnvironment, string>> = /* @__PURE__ */ Object.freeze({
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
  /**
   * Overrides the environment's base URL (e.g. a proxy). It must not carry credentials
   * (`user:password@`); with `environment: 'production'` it must be https unless
   * `allowInsecureHttp` is set.
   */
  baseUrl?: string;
  /** Sent as `x-api-key` on every request when set. */
  apiKey?: string;
  /** A custom `fetch`; by default `globalThis.fetch` is looked up at each request. */
  fetch?: FetchFunction;
  /** Milliseconds per attempt, headers and body together, before a `TimeoutError`; defaults to 30 000. */
  timeout?: number;
  /** Milliseconds for a whole call, retries and waits included; defaults to 120 000. */
  totalTimeout?: number;
  /** Retries of retryable failures (network, timeout, 408, 429, 5xx), 0 to 5; defaults to 2. */
  maxRetries?: number;
  /**
   * Largest response body read, in bytes; a larger one is refused with a
   * `ResponseValidationError` before it is buffered. Defaults to 10 MiB.
   */
  maxResponseBytes?: number;
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
  /** Accept an `http:` `baseUrl` with `environment: 'production'`. Only for a trusted local proxy. */
  allowInsecureHttp?: boolean;
}

/** Defaults of the bounds a client puts on every call. */
const defaults = { timeout: 30_000, totalTimeout: 120_000, maxRetries: 2, maxResponseBytes: 10 * 1024 * 1024 } as const;

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
    const checked = parseInput(clientOptionsSchema(), options) as CoinmeClientOptions;
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
    this.#timeout = checked.timeout ?? defaults.timeout;
    this.#maxRetries = checked.maxRetries ?? defaults.maxRetries;
    const totalTimeout = checked.totalTimeout ?? defaults.totalTimeout;
    // The one clock: token expiry, Retry-After dates and attempt durations.
    const now = checked.now ?? Date.now;

    const transport = new HttpTransport({
      baseUrl: this.#baseUrl,
      userAgent: checked.userAgent,
      apiKey: checked.apiKey,
      fetch: checked.fetch,
      timeout: this.#timeout,
      totalTimeout,
      maxRetries: this.#maxRetries,
      maxResponseBytes: checked.maxResponseBytes ?? defaults.maxResponseBytes,
      retryDelay: { ...defaultRetryDelay, ...checked.retryDelay },
      observer: new Observer(checked.logger, checked.hooks),
      now,
    });
    // The Basic credential lives only inside this closure, never on a property.
    const basic = `Basic ${encodeBase64Utf8(`${checked.partnerId}:${checked.clientSecret}`)}`;
    const lifetime = defaultTokenLifetimeMs[this.#environment];
    const shared = checked.tokenCache && { cache: checked.tokenCache, key: `${this.#baseUrl}|${checked.partnerId}` };
    const tokens = new TokenManager(() => requestToken(transport, basic, lifetime, now), now, shared);
    const requester = new Requester(transport, tokens, totalTimeout);

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

  /** The same safe description, as text. */
  toString(): string {
    return `CoinmeClient ${JSON.stringify(this.toJSON())}`;
  }
}
