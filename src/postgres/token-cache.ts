import { checkKey, checkSharedToken } from '../shared-state/checks.js';
import type { SharedToken, TokenCache } from '../shared-state/token-cache.js';
import { PostgresClaimStore } from './claim-store.js';
import type { PgQueryable } from './client.js';
import { checkPostgresOptions, type PostgresStoreOptions } from './options.js';

/**
 * A {@link TokenCache} on Postgres: N instances of `CoinmeClient` share one partner token, and
 * one of them refreshes it while the others wait. Needs the tables of `migrate()`.
 *
 * @example
 * ```ts
 * import pg from 'pg';
 * import { PostgresTokenCache, migrate } from 'coinme-sdk/postgres';
 *
 * const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 * await migrate(pool);
 * const coinme = new CoinmeClient({ partnerId, clientSecret, userAgent, tokenCache: new PostgresTokenCache({ pool }) });
 * ```
 */
export class PostgresTokenCache implements TokenCache {
  readonly #pool: PgQueryable;
  readonly #table: string;
  readonly #claims: PostgresClaimStore;

  constructor(options: PostgresStoreOptions) {
    const { pool, schema } = checkPostgresOptions(options);
    this.#pool = pool;
    this.#table = `${schema}.coinme_tokens`;
    this.#claims = new PostgresClaimStore(options);
  }

  async get(key: string): Promise<SharedToken | undefined> {
    checkKey(key);
    const { rows } = await this.#pool.query(
      `SELECT token, expires_at_ms::float8 AS expires_at, refresh_at_ms::float8 AS refresh_at FROM ${this.#table} WHERE key = $1`,
      [key],
    );
    const row = rows[0];
    if (!row || typeof row['token'] !== 'string') return undefined;
    const entry = { token: row['token'], expiresAt: Number(row['expires_at']), refreshAt: Number(row['refresh_at']) };
    return entry.expiresAt > Date.now() ? entry : undefined;
  }

  async set(key: string, entry: SharedToken): Promise<void> {
    checkKey(key);
    checkSharedToken(entry);
    // The later-expiring token wins, so a slow writer never replaces a newer token with an older one.
    await this.#pool.query(
      `INSERT INTO ${this.#table} AS t (key, token, expires_at_ms, refresh_at_ms) VALUES ($1, $2, $3, $4)
       ON CONFLICT (key) DO UPDATE SET token = EXCLUDED.token, expires_at_ms = EXCLUDED.expires_at_ms, refresh_at_ms = EXCLUDED.refresh_at_ms
       WHERE t.expires_at_ms < EXCLUDED.expires_at_ms`,
      [key, entry.token, Math.floor(entry.expiresAt), Math.floor(entry.refreshAt)],
    );
  }

  claim(key: string, ttlMs: number): Promise<boolean> {
    return this.#claims.claim(key, ttlMs);
  }

  release(key: string): Promise<void> {
    return this.#claims.release(key);
  }
}
