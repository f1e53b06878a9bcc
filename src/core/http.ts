/**
 * The HTTP layer: one ky instance per client. ky retries (with Coinme's rules from `retry.ts`),
 * parses every JSON body with the exact-number parser, and bounds the whole call
 * (`totalTimeout`); each attempt is bounded and checked by `attempt.ts`. Every failure leaves as
 * an error of the SDK's tree.
 */
import type { KyInstance, Options } from 'ky';
import { CoinmeError, ConnectionError, ResponseValidationError, TimeoutError } from '../errors.js';
import { parseJsonExact } from '../internal/json.js';
import { coinmeApiErrorFrom, requestIdOf } from './api-error.js';
import { attemptFetch, isAttemptTimeout, type AttemptConfig, type AttemptCounter } from './attempt.js';
import type { RequestOptions } from './request-options.js';
import { retryOptions, type RetryDelay } from './retry.js';

/** Everything the transport needs from the client's options. */
export interface HttpTransportConfig extends Omit<AttemptConfig, 'timeout'> {
  baseUrl: string;
  userAgent: string;
  apiKey: string | undefined;
  timeout: number;
  /** Milliseconds for the whole call, retries and waits included. */
  totalTimeout: number;
  maxRetries: number;
  retryDelay: RetryDelay;
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
  /** Whether a failed attempt may be sent again (never for calls that create something). */
  retryable: boolean;
  /** True for `POST /authorize` (changes how 401/403 are reported). */
  authorize?: boolean;
  /** `'text'` for a body that may not be JSON (`authorize`); JSON by default. */
  read?: 'json' | 'text';
  options?: RequestOptions | undefined;
}

/** A successful answer: its status and headers as ky's response has them, and the read body. */
export interface HttpAnswer {
  status: number;
  headers: Headers;
  /** Parsed JSON, or the text with `read: 'text'`. */
  body: unknown;
}

type KyModule = typeof import('ky');

let kyModule: Promise<KyModule> | undefined;

// ky probes `globalThis.Request` when it loads, so it is loaded on the first request rather than
// when the SDK is imported: importing the SDK touches no globals and does no work.
function loadKy(): Promise<KyModule> {
  kyModule ??= import('ky');
  return kyModule;
}

// What the JSON parser throws, so the body that was not JSON can be reported with its call.
class UnparsableBody extends Error {
  constructor(
    readonly text: string,
    options: { cause: unknown },
  ) {
    super('not JSON', options);
  }
}

function parseJson(text: string): unknown {
  try {
    return parseJsonExact(text);
  } catch (cause) {
    throw new UnparsableBody(text, { cause });
  }
}

/** Sends calls to Coinme and returns the final successful answer, or throws a `CoinmeError`. */
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
      // ky's own per-attempt timeout is off: the attempt's fetch has a deadline over headers and body.
      this.#ky = module.default.create({ prefix: this.#config.baseUrl, headers, redirect: 'manual', timeout: false, parseJson });
      this.#module = module;
    }
    return this.#ky;
  }

  /** The base URL every path is resolved against. */
  get baseUrl(): string {
    return this.#config.baseUrl;
  }

  /** Sends `call`; `totalTimeout` overrides the client's bound on the whole call (a replay after 401 gets what is left). */
  async send(call: HttpCall, totalTimeout = this.#config.totalTimeout): Promise<HttpAnswer> {
    const signal = call.options?.signal;
    signal?.throwIfAborted();
    const config = this.#config;
    const timeout = call.options?.timeout ?? config.timeout;
    const limit = call.retryable ? (call.options?.maxRetries ?? config.maxRetries) : 0;
    const counter: AttemptCounter = { attempts: 0 };
    const shouldRetry = ({ error }: { error: Error }): boolean | undefined => {
      if (signal?.aborted || error instanceof CoinmeError) return false;
      return isAttemptTimeout(error) ? true : undefined;
    };
    const options: Options = {
      method: call.method,
      headers: { authorization: call.authorization },
      retry: retryOptions(limit, config.retryDelay, call.retryable, shouldRetry),
      totalTimeout,
      fetch: attemptFetch({ ...config, timeout }, counter),
    };
    if (signal) options.signal = signal;
    if (call.query) options.searchParams = call.query;
    if (call.json !== undefined) options.json = call.json;
    if (call.form !== undefined) {
      options.body = call.form;
      options.headers = { authorization: call.authorization, 'content-type': 'application/x-www-form-urlencoded' };
    }

    const ky = this.#ky ?? (await this.#load());
    const path = call.path.charCodeAt(0) === 47 ? call.path.slice(1) : call.path;
    // Known once the response arrived, so an unreadable body is reported with its real status.
    let status = 0;
    try {
      const pending = ky(path, options);
      const response = await pending;
      status = response.status;
      const body = call.read === 'text' ? await pending.text() : await pending.json();
      return { status, headers: response.headers, body };
    } catch (error) {
      throw this.#translate(error, call, { signal, timeout, totalTimeout, attempts: counter.attempts, status });
    }
  }

  #translate(
    error: unknown,
    call: HttpCall,
    context: { signal: AbortSignal | undefined; timeout: number; totalTimeout: number; attempts: number; status: number },
  ): unknown {
    const { isHTTPError, isNetworkError, isTimeoutError } = this.#module as KyModule;
    const label = `${call.method} ${call.path}`;
    if (context.signal?.aborted) return context.signal.reason;
    if (error instanceof CoinmeError) return error;
    if (error instanceof UnparsableBody) {
      return new ResponseValidationError(`Coinme answered ${call.path} with a body that is not JSON`, {
        status: context.status,
        path: call.path,
        body: call.authorize ? '[redacted]' : error.text,
      });
    }
    if (isAttemptTimeout(error)) {
      return new TimeoutError(`${label} timed out after ${context.timeout} ms (${attemptsText(context.attempts)})`);
    }
    if (isTimeoutError(error)) {
      return new TimeoutError(`${label} did not finish within its total timeout of ${context.totalTimeout} ms (${attemptsText(context.attempts)})`);
    }
    if (isHTTPError(error)) {
      const { headers, status } = error.response;
      const retryAfter = headers.get('retry-after');
      return coinmeApiErrorFrom(status, error.data, {
        path: call.path,
        requestId: requestIdOf(headers),
        retryAfter: retryAfter === null ? undefined : Number(retryAfter) * 1000,
        authorize: call.authorize ?? false,
      });
    }
    // Only the underlying network error's name is kept: its message can quote a header value,
    // and ky's own errors hold the request with its Authorization header.
    const cause = isNetworkError(error) ? error.cause : error;
    return new ConnectionError(`${label} could not reach Coinme (${attemptsText(context.attempts)})`, { cause: scrubbedCause(cause) });
  }
}

// The platform's errors can quote a header value (a key or token with a line break in it), so
// only the error's name and code travel on.
function scrubbedCause(cause: unknown): Error {
  const name = cause instanceof Error ? cause.name : 'Error';
  const code = (cause as { code?: unknown } | undefined)?.code;
  const nested = (cause as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  const detail = [code, nested].filter((value) => typeof value === 'string').join(' ');
  const scrubbed = new Error(detail ? `${name} (${detail})` : name);
  scrubbed.name = name;
  return scrubbed;
}

function attemptsText(attempts: number): string {
  return attempts === 1 ? '1 attempt' : `${attempts} attempts`;
}
