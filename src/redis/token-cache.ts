import { checkKey, checkSharedToken, parseSharedToken } from '../shared-state/checks.js';
import type { SharedToken, TokenCache } from '../shared-state/token-cache.js';
import { RedisClaimStore } from './claim-store.js';
import { RedisCommands } from './client.js';
import { checkRedisOptions, type RedisStoreOptions } from './options.js';

/**
 * A {@link TokenCache} on Redis: N instances of `CoinmeClient` share one partner token, and one
 * of them refreshes it while the others wait. Each token key expires with its token.
 *
 * @example
 * ```ts
 * import Redis from 'ioredis';
 * import { RedisTokenCache } from 'coinme-sdk/redis';
 *
 * const tokenCache = new RedisTokenCache({ client: new Redis(process.env.REDIS_URL!) });
 * const coinme = new CoinmeClient({ partnerId, clientSecret, userAgent, tokenCache });
 * ```
 */
export class RedisTokenCache implements TokenCache {
  readonly #redis: RedisCommands;
  readonly #prefix: string;
  readonly #claims: RedisClaimStore;

  constructor(options: RedisStoreOptions) {
    this.#prefix = `${checkRedisOptions(options)}token:`;
    this.#redis = new RedisCommands(options.client);
    this.#claims = new RedisClaimStore(options);
  }

  async get(key: string): Promise<SharedToken | undefined> {
    checkKey(key);
    const stored = await this.#redis.send(['GET', this.#prefix + key]);
    // Anything else under the key (damaged, or not ours) counts as no token: refresh, don't use it.
    return typeof stored === 'string' ? parseSharedToken(stored) : undefined;
  }

  async set(key: string, entry: SharedToken): Promise<void> {
    checkKey(key);
    checkSharedToken(entry);
    const ttlMs = Math.floor(entry.expiresAt - Date.now());
    if (ttlMs <= 0) return; // already expired: nothing worth sharing
    const value = JSON.stringify({ token: entry.token, expiresAt: entry.expiresAt, refreshAt: entry.refreshAt });
    await this.#redis.send(['SET', this.#prefix + key, value, 'PX', String(ttlMs)]);
  }

  claim(key: string, ttlMs: number): Promise<boolean> {
    return this.#claims.claim(key, ttlMs);
  }

  release(key: string): Promise<void> {
    return this.#claims.release(key);
  }
}
