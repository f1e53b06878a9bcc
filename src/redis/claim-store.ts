import type { ClaimStore } from '../shared-state/claim-store.js';
import { checkKey, checkTtl } from '../shared-state/checks.js';
import { RedisCommands } from './client.js';
import { checkRedisOptions, type RedisStoreOptions } from './options.js';

/**
 * A {@link ClaimStore} on Redis: `SET key 1 NX PX ttl`, so exactly one of any number of
 * concurrent claimers wins, across every process using the same Redis.
 *
 * @example
 * ```ts
 * import { createClient } from 'redis';
 * import { RedisClaimStore } from 'coinme-sdk/redis';
 *
 * const claims = new RedisClaimStore({ client: await createClient({ url: process.env.REDIS_URL }).connect() });
 * if (await claims.claim(`event:${event.id}`, 72 * 3600_000)) await handle(event);
 * ```
 */
export class RedisClaimStore implements ClaimStore {
  readonly #redis: RedisCommands;
  readonly #prefix: string;

  constructor(options: RedisStoreOptions) {
    this.#prefix = `${checkRedisOptions(options)}claim:`;
    this.#redis = new RedisCommands(options.client);
  }

  async claim(key: string, ttlMs: number): Promise<boolean> {
    checkKey(key);
    checkTtl(ttlMs);
    return (await this.#redis.send(['SET', this.#prefix + key, '1', 'NX', 'PX', String(ttlMs)])) !== null;
  }

  async release(key: string): Promise<void> {
    checkKey(key);
    await this.#redis.send(['DEL', this.#prefix + key]);
  }
}
