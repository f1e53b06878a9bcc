/** Which failures are retried, and how long to wait first. */

/**
 * Exponential backoff bounds, in milliseconds.
 *
 * @example
 * ```ts
 * const coinme = new CoinmeClient({ ...credentials, retryDelay: { initial: 200, max: 2_000 } });
 * ```
 */
export interface RetryDelay {
  /** Delay before the first retry (before jitter). */
  initial: number;
  /** Upper bound of any backoff delay. */
  max: number;
}

/** Default backoff: 0.5 s, 1 s, 2 s, ... capped at 8 s, each with jitter. */
export const defaultRetryDelay: RetryDelay = { initial: 500, max: 8_000 };

// Coinme's Retry-After is honoured up to this; beyond it waiting inside one call makes no sense.
const maxRetryAfterMs = 60_000;

/** What a failed attempt was, as far as retrying is concerned. */
export type AttemptFailure =
  | { kind: 'timeout' | 'network' | 'other' }
  | { kind: 'http'; status: number; headers: Headers };

const retryStatuses = new Set([408, 429, 500, 502, 503, 504]);
// Statuses whose Retry-After says when to come back.
const retryAfterStatuses = new Set([429, 503]);

/**
 * How long to wait before retry number `retry` (1-based) of a retryable call (GETs, `authorize`,
 * the informative quote), or `undefined` when the failure is not worth retrying. Network errors,
 * timeouts, 408, 429 and 5xx are retried; `Retry-After` is honoured on 429 and 503.
 */
export function retryWait(failure: AttemptFailure, retry: number, delay: RetryDelay, now: number): number | undefined {
  if (failure.kind === 'timeout' || failure.kind === 'network') return backoff(retry, delay);
  if (failure.kind !== 'http') return undefined;
  const { status, headers } = failure;
  if (!retryStatuses.has(status)) return undefined;
  const after = retryAfterStatuses.has(status) ? parseRetryAfter(headers.get('retry-after'), now) : undefined;
  // The server's own timing is used as given, without jitter.
  return after === undefined ? backoff(retry, delay) : Math.min(maxRetryAfterMs, after);
}

// Exponential backoff with "equal jitter": at least half the backoff, so retries spread out but
// never collapse to zero.
function backoff(retry: number, delay: RetryDelay): number {
  const ceiling = Math.min(delay.max, delay.initial * 2 ** (retry - 1));
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

/** `Retry-After` in milliseconds (seconds or an HTTP date), or `undefined`. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
