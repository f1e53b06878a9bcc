import type { ClaimStore } from './claim-store.js';

/**
 * A token as the client shares it: the bearer token, when it stops being valid, and when
 * instances should stop handing it out and refresh instead (all epoch ms).
 *
 * @example
 * ```ts
 * const entry: SharedToken = { token, expiresAt: Date.now() + 1_800_000, refreshAt: Date.now() + 1_740_000 };
 * ```
 */
export interface SharedToken {
  token: string;
  expiresAt: number;
  refreshAt: number;
}

/**
 * Where `CoinmeClient` keeps its partner token, so that N instances (serverless functions,
 * workers) share one token per lifetime instead of each calling `authorize`.
 *
 * It is a {@link ClaimStore} (the client claims `<key>:refresh` so that only one instance calls
 * `authorize` while the others wait for its result) plus one value slot per key. A backend needs
 * read-your-writes on a single key and an atomic set-if-absent with expiry; that is all.
 * The cached value is a bearer token: keep the backend as private as the client secret.
 *
 * @example
 * ```ts
 * import { createClient } from 'redis';
 * import { RedisTokenCache } from 'coinme-sdk/redis';
 *
 * const redis = await createClient({ url: process.env.REDIS_URL }).connect();
 * const coinme = new CoinmeClient({ partnerId, clientSecret, userAgent, tokenCache: new RedisTokenCache({ client: redis }) });
 * ```
 */
export interface TokenCache extends ClaimStore {
  /** The token stored under `key`, or `undefined` when there is none (or it expired). */
  get(key: string): Promise<SharedToken | undefined>;
  /** Stores `entry` under `key` until `entry.expiresAt` at the latest. */
  set(key: string, entry: SharedToken): Promise<void>;
}
