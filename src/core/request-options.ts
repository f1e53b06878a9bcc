/** Per-call options, and the one check of the limits they share with the client's options. */
import * as z from 'zod/mini';
import { lazy } from '../internal/lazy.js';

/**
 * Per-call options, accepted as the last argument of every resource method.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * await coinme.cryptoChains.list({ signal: controller.signal, timeout: 5_000, maxRetries: 0 });
 * ```
 */
export interface RequestOptions {
  /** Aborts the call; the promise rejects with the signal's reason and nothing is retried. */
  signal?: AbortSignal | undefined;
  /** Milliseconds per attempt (headers and body); overrides the client's `timeout`. */
  timeout?: number | undefined;
  /** Retries of retryable failures, 0 to 5; overrides the client's `maxRetries`. */
  maxRetries?: number | undefined;
}

/** Largest `maxRetries`: with the total timeout, it bounds how long and how often one call can hammer Coinme. */
export const maxRetriesLimit = 5;

/** The limits a client and a call share, and the schema of {@link RequestOptions}, built on first use. */
export const limitSchemas = /* @__PURE__ */ lazy(() => {
  /** Milliseconds, as timers accept them (at most 2^31 - 1). */
  const milliseconds = z.int().check(z.positive(), z.maximum(2_147_483_647));
  /** A retry count from 0 to {@link maxRetriesLimit}. */
  const maxRetries = z.int().check(z.minimum(0), z.maximum(maxRetriesLimit));
  const requestOptions = z.optional(
    z.strictObject({ signal: z.optional(z.instanceof(AbortSignal)), timeout: z.optional(milliseconds), maxRetries: z.optional(maxRetries) }),
  );
  return { milliseconds, maxRetries, requestOptions };
});
