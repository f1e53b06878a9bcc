/** When and how long to wait before retrying, expressed as ky retry options. */
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

// Coinme's Retry-After is honoured up to this; beyond it waiting inside one call makes no sense.
const maxRetryAfterMs = 60_000;

/**
 * Retry options for one call. Retryable calls (GETs, `authorize`, the informative quote) retry on
 * network errors, timeouts, 408, 429 and 5xx, honouring `Retry-After`; other calls never retry.
 */
export function retryOptions(retryable: boolean, maxRetries: number, delay: RetryDelay): RetryOptions {
  if (!retryable || maxRetries === 0) return { limit: 0 };
  return {
    limit: maxRetries,
    methods: ['get', 'post'],
    statusCodes: [408, 429, 500, 502, 503, 504],
    afterStatusCodes: [429, 503],
    maxRetryAfter: maxRetryAfterMs,
    retryOnTimeout: true,
    delay: (attempt) => Math.min(delay.max, delay.initial * 2 ** (attempt - 1)),
    // "Equal jitter": at least half the backoff, so retries spread out but never collapse to zero.
    jitter: (backoff) => backoff / 2 + Math.random() * (backoff / 2),
    backoffLimit: delay.max,
  };
}

/** `Retry-After` in milliseconds (seconds or an HTTP date), or `undefined`. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
