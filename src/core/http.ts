/**
 * The HTTP layer: one ky instance per client, with per-call timeout, retry policy, attempt
 * observation and translation of every failure into the SDK's error tree.
 */
import type { KyInstance, Options } from 'ky';
import { CoinmeError, ConnectionError, TimeoutError } from '../errors.js';
import { coinmeApiErrorFrom } from './api-error.js';
import type { RawResponse } from './envelope.js';
import type { Observer } from './observability.js';
import { pathOf, redactHeaders } from './redact.js';
import type { RequestOptions } from './request-options.js';
import { type AttemptFailure, parseRetryAfter, type RetryDelay, retryWait } from './retry-policy.js';
import { sleep } from './sleep.js';

/**
 * A WHATWG `fetch`-compatible function.
 *
 * @example
 * ```ts
 * const coinme = new CoinmeClient({ ...credentials, fetch: (input, init) => fetch(input, init) });
 * ```
 */
export type FetchFunction = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** Everything the transport needs from the client's options. */
export interface HttpTransportConfig {
  baseUrl: string;
  userAgent: string;
  apiKey: string | undefined;
  fetch: FetchFunction | undefined;
  timeout: number;
  maxRetries: number;
  retryDelay: RetryDelay;
  observer: Observer;
  now: () => number;
}

/** One logical call (possibly several attempts). */
export interface HttpCall {
  method: 'GET' | 'POST' | 'DELETE';
  /** Path below the base URL, e.g. `/cryptoChains`. */
  path: string;
  query?: Record<string, string | undefined> | undefined;
  /** JSON body. */
  json?: unknown;
  /** Raw body with its content type, for the form-encoded `authorize`. */
  form?: string;
  /** The full `Authorization` header value. */
  authorization: string;
  retryable: boolean;
  /** True for `POST /authorize` (changes how 401/403 are reported). */
  authorize?: boolean;
  options?: RequestOptions | undefined;
}

type KyModule = typeof import('ky');

let kyModule: Promise<KyModule> | undefined;

// ky probes `globalThis.Request` when it loads, so it is loaded on the first request rather than
// when the SDK is imported: importing the SDK touches no globals and does no work.
function loadKy(): Promise<KyModule> {
  kyModule ??= import('ky');
  return kyModule;
}

/** Sends calls to Coinme and returns the final successful response, or throws a `CoinmeError`. */
export class HttpTransport {
  readonly #config: HttpTransportConfig;
  #ky: KyInstance | undefined;
  #module: KyModule | undefined;

  constructor(config: HttpTransportConfig) {
    this.#config = config;
  }

  async #load(): Promise<KyInstance> {
    const module = await loadKy();
    if (!this.#ky) {
      const headers: Record<string, string> = { 'user-agent': this.#config.userAgent, accept: 'application/json' };
      if (this.#config.apiKey !== undefined) headers['x-api-key'] = this.#config.apiKey;
      this.#ky = module.default.create({ prefix: this.#config.baseUrl, headers, throwHttpErrors: true });
      this.#module = module;
    }
    return this.#ky;
  }

  /** The base URL every path is resolved against. */
  get baseUrl(): string {
    return this.#config.baseUrl;
  }

  async send(call: HttpCall): Promise<RawResponse> {
    const signal = call.options?.signal;
    signal?.throwIfAborted();
    const timeout = call.options?.timeout ?? this.#config.timeout;
    const maxRetries = call.retryable ? (call.options?.maxRetries ?? this.#config.maxRetries) : 0;
    const config = this.#config;
    const observer = config.observer;
    let last: Response | undefined;
    let attempts = 0;

    // Looked up per attempt, not captured at construction, so interceptors such as msw apply.
    const observedFetch: FetchFunction = observer.active
      ? async (input, init) => {
          attempts += 1;
          const request = input instanceof Request ? input : new Request(input, init);
          const info = { method: request.method, path: pathOf(request.url), attempt: attempts, headers: redactHeaders(request.headers) };
          observer.request(info);
          const started = config.now();
          const fetchImpl = config.fetch ?? globalThis.fetch;
          try {
            const response = await fetchImpl(input, init);
            last = response;
            const requestId = requestIdOf(response.headers);
            observer.response({ ...info, status: response.status, durationMs: config.now() - started, requestId });
            return response;
          } catch (error) {
            const { name, message } = error instanceof Error ? error : new Error(String(error));
            observer.error({ ...info, durationMs: config.now() - started, error: { name, message } });
            throw error;
          }
        }
      : async (input, init) => {
          attempts += 1;
          const response = await (config.fetch ?? globalThis.fetch)(input, init);
          last = response;
          return response;
        };

    const options: Options = {
      method: call.method,
      headers: { authorization: call.authorization },
      timeout,
      // Retried below rather than by ky, which clones every request up front in case it has to
      // resend it: a measurable cost on every call for the rare call that is retried.
      retry: 0,
      fetch: observedFetch,
    };
    if (signal) options.signal = signal;
    if (call.query) options.searchParams = call.query;
    if (call.json !== undefined) options.json = call.json;
    if (call.form !== undefined) {
      options.body = call.form;
      options.headers = { authorization: call.authorization, 'content-type': 'application/x-www-form-urlencoded' };
    }

    const ky = this.#ky ?? (await this.#load());
    const module = this.#module as KyModule;
    const path = call.path.charCodeAt(0) === 47 ? call.path.slice(1) : call.path;
    for (let retry = 1; ; retry++) {
      try {
        const text = await ky(path, options).text();
        return last ? { status: last.status, headers: last.headers, text } : { status: 200, headers: new Headers(), text };
      } catch (error) {
        const wait =
          retry <= maxRetries && !signal?.aborted ? retryWait(failureOf(module, error), retry, config.retryDelay, Date.now()) : undefined;
        if (wait === undefined) throw this.#translate(module, error, call, { signal, timeout, attempts });
        await sleep(wait, signal);
      }
    }
  }

  #translate(
    { isHTTPError, isNetworkError, isTimeoutError }: KyModule,
    error: unknown,
    call: HttpCall,
    context: { signal: AbortSignal | undefined; timeout: number; attempts: number },
  ): unknown {
    const label = `${call.method} ${call.path}`;
    if (context.signal?.aborted) return context.signal.reason;
    if (error instanceof CoinmeError) return error;
    if (isTimeoutError(error)) {
      return new TimeoutError(`${label} timed out after ${context.timeout} ms (${attemptsText(context.attempts)})`);
    }
    if (isHTTPError(error)) {
      const { headers, status } = error.response;
      return coinmeApiErrorFrom(status, error.data, {
        path: call.path,
        requestId: requestIdOf(headers),
        retryAfter: parseRetryAfter(headers.get('retry-after'), Date.now()),
        authorize: call.authorize ?? false,
      });
    }
    // Only the underlying network error is kept as the cause: ky's own errors hold the request,
    // and with it the Authorization header.
    const cause = isNetworkError(error) ? error.cause : error;
    return new ConnectionError(`${label} could not reach Coinme (${attemptsText(context.attempts)})`, { cause });
  }
}

function failureOf({ isHTTPError, isNetworkError, isTimeoutError }: KyModule, error: unknown): AttemptFailure {
  if (isHTTPError(error)) return { kind: 'http', status: error.response.status, headers: error.response.headers };
  if (isTimeoutError(error)) return { kind: 'timeout' };
  return { kind: isNetworkError(error) ? 'network' : 'other' };
}

function requestIdOf(headers: Headers): string | undefined {
  return headers.get('x-request-id') ?? headers.get('x-amzn-requestid') ?? undefined;
}

function attemptsText(attempts: number): string {
  return attempts === 1 ? '1 attempt' : `${attempts} attempts`;
}
