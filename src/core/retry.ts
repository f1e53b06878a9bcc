/** The client's retry rules, as ky retry options. */
import type { RetryOptions } from 'ky';

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

/** Coinme's `Retry-After` is honoured up to this; beyond it, waiting inside one call makes no sense. */
export const maxRetryAfterMs = 60_000;

/** Network errors, timeouts, 408, 429 and 5xx are retried; `Retry-After` is honoured on 429 and 503. */
const statusCodes = [408, 429, 500, 502, 503, 504];
const afterStatusCodes = [429, 503];

/**
 * ky retry options for one call. Only GETs are retried by ky's default method list; a POST is
 * added only when the call says it is safe to send twice (`authorize`, the informative quote).
 * A widget session or any money-moving POST keeps `idempotent: false` and is never resent.
 * `isAttemptTimeout` tells ky that an attempt's own deadline fired (ky cannot see that one).
 */
export function retryOptions(
  limit: number,
  delay: RetryDelay,
  idempotent: boolean,
  shouldRetry: NonNullable<RetryOptions['shouldRetry']>,
): RetryOptions {
  return {
    limit,
    methods: idempotent ? ['get', 'post'] : ['get'],
    statusCodes,
    afterStatusCodes,
    maxRetryAfter: maxRetryAfterMs,
    backoffLimit: delay.max,
    delay: (attempt) => delay.initial * 2 ** (attempt - 1),
    // "Equal jitter": at least half the backoff, so retries spread out but never collapse to zero.
    jitter: (ms) => ms / 2 + Math.random() * (ms / 2),
    shouldRetry,
  };
}
