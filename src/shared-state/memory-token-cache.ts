import type { SharedToken, TokenCache } from './token-cache.js';

/**
 * A {@link TokenCache} inside one process, for several `CoinmeClient`s that share a token.
 * Without a `tokenCache` option each client keeps its own token in memory, which is the default.
 *
 * @example
 * ```ts
 * const tokenCache = new MemoryTokenCache();
 * const a = new CoinmeClient({ ...credentials, tokenCache });
 * const b = new CoinmeClient({ ...credentials, tokenCache }); // reuses a's token
 * ```
 */
export class MemoryTokenCache implements TokenCache {
  readonly #tokens = new Map<string, SharedToken>();
  readonly #claims = new Map<string, number>();
  readonly #now: () => number;

  /** `now` is the clock (epoch ms), for tests. */
  constructor(options: { now?: () => number } = {}) {
    this.#now = options.now ?? Date.now;
  }

  async get(key: string): Promise<SharedToken | undefined> {
    const entry = this.#tokens.get(key);
    if (entry && entry.expiresAt <= this.#now()) this.#tokens.delete(key);
    return entry && entry.expiresAt > this.#now() ? { ...entry } : undefined;
  }

  async set(key: string, entry: SharedToken): Promise<void> {
    this.#tokens.set(key, { ...entry });
  }

  async claim(key: string, ttlMs: number): Promise<boolean> {
    const now = this.#now();
    const heldUntil = this.#claims.get(key);
    if (heldUntil !== undefined && heldUntil > now) return false;
    this.#claims.set(key, now + ttlMs);
    return true;
  }

  async release(key: string): Promise<void> {
    this.#claims.delete(key);
  }
}
