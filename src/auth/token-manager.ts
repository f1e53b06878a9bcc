/**
 * Caches the partner token, refreshes it before it expires, and lets concurrent calls share one
 * in-flight `authorize` (single flight). With a shared {@link TokenCache}, the single flight spans
 * every instance using that cache: one instance authorizes, the others wait for its token.
 */
import { sleep } from '../internal/sleep.js';
import type { SharedToken, TokenCache } from '../shared-state/token-cache.js';

/** A token and the instant (epoch ms) it stops being valid. */
export interface TokenGrant {
  token: string;
  expiresAt: number;
}

/** A cache shared with other instances, and this client's key in it. */
export interface SharedTokenSlot {
  cache: TokenCache;
  key: string;
}

// Refresh this long before expiry (at most), so a token never expires in flight.
const maxSafetyMarginMs = 60_000;
// Long enough for an authorize with its retries; if the holder dies, others take over after it.
const refreshLockMs = 10_000;
const pollMs = { first: 10, max: 200 };
// A waiter that saw no fresh token for this long authorizes itself (a cache that never grants).
const maxWaitMs = 2 * refreshLockMs;

/** Owns the current token; the only place that decides when to call `authorize`. */
export class TokenManager {
  readonly #fetchToken: () => Promise<TokenGrant>;
  readonly #now: () => number;
  readonly #shared: SharedTokenSlot | undefined;
  #cached: SharedToken | undefined;
  #inFlight: Promise<SharedToken> | undefined;
  // The last token Coinme refused: never adopted again from the shared cache.
  #refused: string | undefined;

  constructor(fetchToken: () => Promise<TokenGrant>, now: () => number, shared?: SharedTokenSlot) {
    this.#fetchToken = fetchToken;
    this.#now = now;
    this.#shared = shared;
  }

  /**
   * A valid token: the cached one while it is fresh, else the result of the one shared refresh.
   * `signal` only stops this caller from waiting; the shared refresh carries on for the others.
   */
  async getToken(signal?: AbortSignal): Promise<string> {
    const cached = this.#cached;
    if (cached && this.#isFresh(cached)) return cached.token;
    // Before starting a refresh: an already-aborted caller must not send an authorize nobody awaits.
    signal?.throwIfAborted();
    this.#inFlight ??= this.#refresh();
    const grant = await waitFor(this.#inFlight, signal);
    return grant.token;
  }

  /** Forgets `token` if it is still the current one (after Coinme refused it with a 401). */
  invalidate(token: string): void {
    this.#refused = token;
    if (this.#cached?.token === token) this.#cached = undefined;
  }

  async #refresh(): Promise<SharedToken> {
    try {
      const entry = this.#shared ? await this.#fromSharedCache(this.#shared) : this.#entryFor(await this.#fetchToken());
      this.#cached = entry;
      return entry;
    } finally {
      this.#inFlight = undefined;
    }
  }

  #entryFor(grant: TokenGrant): SharedToken {
    const lifetime = Math.max(0, grant.expiresAt - this.#now());
    const margin = Math.min(maxSafetyMarginMs, lifetime / 10);
    return { token: grant.token, expiresAt: grant.expiresAt, refreshAt: grant.expiresAt - margin };
  }

  #isFresh(entry: SharedToken): boolean {
    return this.#now() < entry.refreshAt && entry.token !== this.#refused;
  }

  // Adopt another instance's fresh token, or take the refresh lock and authorize; else wait.
  async #fromSharedCache({ cache, key }: SharedTokenSlot): Promise<SharedToken> {
    const lock = `${key}:refresh`;
    const giveUpAt = performance.now() + maxWaitMs;
    for (let attempt = 0; performance.now() < giveUpAt; attempt += 1) {
      let locked: boolean;
      try {
        const shared = await cache.get(key);
        if (shared && this.#isFresh(shared)) return shared;
        locked = await cache.claim(lock, refreshLockMs);
      } catch {
        // The cache is unreachable: authorize alone rather than fail the caller's request.
        return this.#entryFor(await this.#fetchToken());
      }
      if (locked) return this.#refreshUnderLock(cache, key, lock);
      await sleep(Math.min(pollMs.max, pollMs.first * 2 ** attempt));
    }
    return this.#entryFor(await this.#fetchToken());
  }

  async #refreshUnderLock(cache: TokenCache, key: string, lock: string): Promise<SharedToken> {
    try {
      // Another instance may have stored a fresh token between our read and our claim.
      const shared = await cache.get(key).catch(() => undefined);
      if (shared && this.#isFresh(shared)) return shared;
      const entry = this.#entryFor(await this.#fetchToken());
      await cache.set(key, entry).catch(() => undefined);
      return entry;
    } finally {
      await cache.release(lock).catch(() => undefined);
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
