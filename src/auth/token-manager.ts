/**
 * Caches the partner token, refreshes it before it expires, and lets concurrent calls share one
 * in-flight `authorize` (single flight).
 */

/** A token and the instant (epoch ms) it stops being valid. */
export interface TokenGrant {
  token: string;
  expiresAt: number;
}

interface CachedToken extends TokenGrant {
  refreshAt: number;
}

// Refresh this long before expiry (at most), so a token never expires in flight.
const maxSafetyMarginMs = 60_000;

/** Owns the current token; the only place that decides when to call `authorize`. */
export class TokenManager {
  readonly #fetchToken: () => Promise<TokenGrant>;
  readonly #now: () => number;
  #cached: CachedToken | undefined;
  #inFlight: Promise<CachedToken> | undefined;

  constructor(fetchToken: () => Promise<TokenGrant>, now: () => number) {
    this.#fetchToken = fetchToken;
    this.#now = now;
  }

  /**
   * A valid token: the cached one while it is fresh, else the result of the one shared refresh.
   * `signal` only stops this caller from waiting; the shared refresh carries on for the others.
   */
  async getToken(signal?: AbortSignal): Promise<string> {
    const cached = this.#cached;
    if (cached && this.#now() < cached.refreshAt) return cached.token;
    // Before starting a refresh: an already-aborted caller must not send an authorize nobody awaits.
    signal?.throwIfAborted();
    this.#inFlight ??= this.#refresh();
    const grant = await waitFor(this.#inFlight, signal);
    return grant.token;
  }

  /** Forgets `token` if it is still the current one (after Coinme refused it with a 401). */
  invalidate(token: string): void {
    if (this.#cached?.token === token) this.#cached = undefined;
  }

  async #refresh(): Promise<CachedToken> {
    try {
      const grant = await this.#fetchToken();
      const issuedAt = this.#now();
      const lifetime = Math.max(0, grant.expiresAt - issuedAt);
      const margin = Math.min(maxSafetyMarginMs, lifetime / 10);
      const cached = { ...grant, refreshAt: grant.expiresAt - margin };
      this.#cached = cached;
      return cached;
    } finally {
      this.#inFlight = undefined;
    }
  }
}

function waitFor<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
