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
  /** Milliseconds per attempt; overrides the client's `timeout`. */
  timeout?: number | undefined;
  /** Retries of retryable failures; overrides the client's `maxRetries`. */
  maxRetries?: number | undefined;
}
