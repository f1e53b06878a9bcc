import type { ClaimStore } from '../shared-state/claim-store.js';
import { checkKey, checkTtl } from '../shared-state/checks.js';
import type { PgQueryable } from './client.js';
import { checkPostgresOptions, type PostgresStoreOptions } from './options.js';

/**
 * A {@link ClaimStore} on Postgres: an `INSERT ... ON CONFLICT` that replaces a row only once it
 * has expired, so exactly one of any number of concurrent claimers wins. Expiry uses the
 * database's clock, not the callers'. Needs the tables of `migrate()`.
 *
 * @example
 * ```ts
 * import pg from 'pg';
 * import { PostgresClaimStore, migrate } from 'coinme-sdk/postgres';
 *
 * const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 * await migrate(pool);
 * const claims = new PostgresClaimStore({ pool });
 * if (await claims.claim(`event:${event.id}`, 72 * 3600_000)) await handle(event);
 * ```
 */
export class PostgresClaimStore implements ClaimStore {
  readonly #pool: PgQueryable;
  readonly #table: string;

  constructor(options: PostgresStoreOptions) {
    const { pool, schema } = checkPostgresOptions(options);
    this.#pool = pool;
    this.#table = `${schema}.coinme_claims`;
  }

  async claim(key: string, ttlMs: number): Promise<boolean> {
    checkKey(key);
    checkTtl(ttlMs);
    const result = await this.#pool.query(
      `INSERT INTO ${this.#table} AS c (key, expires_at) VALUES ($1, clock_timestamp() + $2 * interval '1 millisecond')
       ON CONFLICT (key) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE c.expires_at <= clock_timestamp()`,
      [key, ttlMs],
    );
    return result.rowCount === 1;
  }

  async release(key: string): Promise<void> {
    checkKey(key);
    await this.#pool.query(`DELETE FROM ${this.#table} WHERE key = $1`, [key]);
  }

  /**
   * Deletes expired claims. They are harmless (a later `claim` takes them over) but take space:
   * call this from a daily job when you dedupe many events.
   *
   * @example
   * ```ts
   * const removed = await claims.purgeExpired();
   * ```
   */
  async purgeExpired(): Promise<number> {
    const result = await this.#pool.query(`DELETE FROM ${this.#table} WHERE expires_at <= clock_timestamp()`);
    return result.rowCount ?? 0;
  }
}
