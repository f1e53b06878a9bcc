/**
 * One attempt, as the `fetch` ky calls: a deadline over headers and body together, redirects
 * refused, a response size cap, and the attempt reported to hooks and the logger.
 */
import { RedirectError, ResponseValidationError } from '../errors.js';
import { requestIdOf } from './api-error.js';
import type { Observer } from './observability.js';
import { pathOf, redactHeaders } from './redact.js';

/**
 * A WHATWG `fetch`-compatible function.
 *
 * @example
 * ```ts
 * const coinme = new CoinmeClient({ ...credentials, fetch: (input, init) => fetch(input, init) });
 * ```
 */
export type FetchFunction = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** What every attempt of one call shares. */
export interface AttemptConfig {
  /** Looked up per attempt when unset, so interceptors such as msw apply. */
  fetch: FetchFunction | undefined;
  /** Milliseconds for headers and body together. */
  timeout: number;
  maxResponseBytes: number;
  observer: Observer;
  now: () => number;
}

/** Counts the attempts of one call, for error messages. */
export interface AttemptCounter {
  attempts: number;
}

/** True for the error an attempt's own deadline produces (`AbortSignal.timeout`). */
export function isAttemptTimeout(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'TimeoutError';
}

/**
 * The `fetch` ky calls for each attempt of one call. ky's `timeout` times headers and body
 * separately (an attempt could take twice as long), so the deadline here is the platform's
 * `AbortSignal.timeout`, which also aborts the body read.
 */
export function attemptFetch(config: AttemptConfig, counter: AttemptCounter): FetchFunction {
  return async (input, init) => {
    counter.attempts += 1;
    const request = input instanceof Request ? input : new Request(input, init);
    const deadline = AbortSignal.timeout(config.timeout);
    const signal = AbortSignal.any([request.signal, deadline]);
    const observer = config.observer;
    const info = observer.active
      ? { method: request.method, path: pathOf(request.url), attempt: counter.attempts, headers: redactHeaders(request.headers) }
      : undefined;
    if (info) observer.request(info);
    const started = config.now();
    let response: Response;
    try {
      response = await (config.fetch ?? globalThis.fetch)(request, { ...init, signal, redirect: 'manual' });
    } catch (error) {
      if (info) {
        const { name, message } = error instanceof Error ? error : new Error(String(error));
        observer.error({ ...info, durationMs: config.now() - started, error: { name, message } });
      }
      throw error;
    }
    if (info) observer.response({ ...info, status: response.status, durationMs: config.now() - started, requestId: requestIdOf(response.headers) });
    refuseRedirect(request, response);
    return normaliseRetryAfter(capBody(request, response, config.maxResponseBytes), config.now);
  };
}

function refuseRedirect(request: Request, response: Response): void {
  const redirected = (response.status >= 300 && response.status < 400) || response.type === 'opaqueredirect';
  if (!redirected) return;
  void response.body?.cancel().catch(() => undefined);
  const location = safeLocation(response.headers.get('location'), request.url);
  const target = location ? ` to ${location}` : '';
  throw new RedirectError(
    `Coinme answered ${request.method} ${pathOf(request.url)} with a ${response.status} redirect${target}; redirects are never followed, so credentials stay on Coinme's origin (check baseUrl)`,
    { status: response.status, location },
  );
}

// The target is shown in the error, so any user info in it is dropped.
function safeLocation(location: string | null, base: string): string | undefined {
  if (location === null) return undefined;
  try {
    const url = new URL(location, base);
    url.username = '';
    url.password = '';
    return url.href;
  } catch {
    return undefined;
  }
}

function tooLarge(request: Request, response: Response, limit: number): ResponseValidationError {
  return new ResponseValidationError(
    `Coinme answered ${request.method} ${pathOf(request.url)} with a body over maxResponseBytes (${limit} bytes); it was not read`,
    { status: response.status, path: pathOf(request.url), body: undefined },
  );
}

function capBody(request: Request, response: Response, limit: number): Response {
  const length = response.headers.get('content-length');
  if (length !== null && Number(length) > limit) {
    void response.body?.cancel().catch(() => undefined);
    throw tooLarge(request, response, limit);
  }
  // With a Content-Length the runtime already stops at that many bytes: only a body of unknown
  // length (chunked) needs counting.
  if (length !== null || response.body === null) return response;
  let seen = 0;
  const counter = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      seen += chunk.byteLength;
      if (seen > limit) controller.error(tooLarge(request, response, limit));
      else controller.enqueue(chunk);
    },
  });
  return new Response(response.body.pipeThrough(counter), { status: response.status, statusText: response.statusText, headers: response.headers });
}

// ky reads an HTTP-date `Retry-After` with its own clock; turned into seconds here with the
// client's clock, the wait and `RateLimitError.retryAfter` agree with the clock tokens use.
function normaliseRetryAfter(response: Response, now: () => number): Response {
  const value = response.headers.get('retry-after');
  if (value === null || /^\s*\d+\s*$/.test(value)) return response;
  // Only an HTTP date has letters; `Date.parse` would also read "1.5" as a date.
  const date = /[a-z]/i.test(value) ? Date.parse(value) : Number.NaN;
  const headers = new Headers(response.headers);
  if (Number.isNaN(date)) headers.delete('retry-after');
  else headers.set('retry-after', String(Math.max(0, Math.ceil((date - now()) / 1000))));
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
