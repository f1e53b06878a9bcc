import type { TimelineEntry } from '../lifecycle/state.js';
import type { FinishedSession, SessionStore } from '../lifecycle/store.js';
import { checkFrom, checkKey, checkTimelineEntry, checkTtl } from '../shared-state/checks.js';
import type { PgQueryable } from './client.js';
import { checkPostgresOptions, type PostgresStoreOptions } from './options.js';

/**
 * Options of {@link PostgresSessionStore}.
 *
 * @example
 * ```ts
 * const options: PostgresSessionStoreOptions = { pool, schema: 'payments', finishedTtlMs: 72 * 3600_000 };
 * ```
 */
export interface PostgresSessionStoreOptions extends PostgresStoreOptions {
  /** How long a finished session is kept after it finished, in ms, before `purgeExpired` removes it. Default 72 h. */
  finishedTtlMs?: number;
}

/**
 * A {@link SessionStore} on Postgres (`pg`), in plain SQL over the tables of `migrate()`: events
 * are inserted once (`ON CONFLICT DO NOTHING`), and links are appended at dense positions in
 * one statement that holds the id's head row until it commits, so a list only ever grows at its
 * end. Every write is idempotent and commutes, so any number of processes may ingest at once.
 * Finished sessions are marked to expire; `purgeExpired()` (from a daily job) removes them.
 *
 * @example
 * ```ts
 * import pg from 'pg';
 * import { PostgresClaimStore, PostgresSessionStore, migrate } from 'coinme-sdk/postgres';
 *
 * const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 * await migrate(pool);
 * const tracker = new SessionTracker({ store: new PostgresSessionStore({ pool }), claims: new PostgresClaimStore({ pool }) });
 * ```
 */
export class PostgresSessionStore implements SessionStore {
  readonly #pool: PgQueryable;
  readonly #sql: ReturnType<typeof statements>;
  readonly #finishedTtlMs: number;

  constructor(options: PostgresSessionStoreOptions) {
    const { pool, schema } = checkPostgresOptions(options);
    const finishedTtlMs = options.finishedTtlMs ?? 72 * 3600_000;
    checkTtl(finishedTtlMs, 'finishedTtlMs');
    this.#pool = pool;
    this.#sql = statements(schema);
    this.#finishedTtlMs = finishedTtlMs;
  }

  async putEvent(entry: TimelineEntry): Promise<void> {
    checkTimelineEntry(entry);
    await this.#pool.query(this.#sql.putEvent, [entry.eventId, JSON.stringify(entry)]);
  }

  async link(id: string, eventId: string): Promise<void> {
    checkKey(id, 'id');
    checkKey(eventId, 'eventId');
    await this.#pool.query(this.#sql.link, [id, eventId]);
  }

  async linked(id: string, from: number): Promise<string[]> {
    checkKey(id, 'id');
    checkFrom(from);
    const { rows } = await this.#pool.query(this.#sql.linked, [id, from]);
    return rows.map((row) => String(row['event_id']));
  }

  async getEvents(eventIds: readonly string[]): Promise<TimelineEntry[]> {
    if (eventIds.length === 0) return [];
    const { rows } = await this.#pool.query(this.#sql.getEvents, [[...eventIds]]);
    return rows.map((row) => JSON.parse(String(row['entry'])) as TimelineEntry);
  }

  async finish(session: FinishedSession): Promise<void> {
    await this.#pool.query(this.#sql.finishHeads, [[...session.ids], this.#finishedTtlMs]);
    await this.#pool.query(this.#sql.finishEvents, [[...session.eventIds], this.#finishedTtlMs]);
  }

  /**
   * Deletes finished sessions whose retention is over; returns how many ids went. Run it from a
   * daily job.
   *
   * @example
   * ```ts
   * const removed = await store.purgeExpired();
   * ```
   */
  async purgeExpired(): Promise<number> {
    const { rows } = await this.#pool.query(this.#sql.purge);
    return Number(rows[0]?.['ids'] ?? 0);
  }
}

function statements(schema: string) {
  const events = `${schema}.coinme_session_events`;
  const heads = `${schema}.coinme_session_heads`;
  const links = `${schema}.coinme_session_links`;
  return {
    putEvent: `INSERT INTO ${events} (event_id, entry) VALUES ($1, $2::jsonb) ON CONFLICT (event_id) DO NOTHING`,
    // The upsert locks the head row until commit, so appends to one id commit in position order
    // and a reader sees a dense prefix. A repeat found here is skipped; one racing past the check
    // is appended again, which the contract allows.
    link: `WITH head AS (
        INSERT INTO ${heads} AS h (id, length)
        SELECT $1, 1 WHERE NOT EXISTS (SELECT 1 FROM ${links} WHERE id = $1 AND event_id = $2)
        ON CONFLICT (id) DO UPDATE SET length = h.length + 1
        RETURNING length)
      INSERT INTO ${links} (id, position, event_id) SELECT $1, length - 1, $2 FROM head`,
    linked: `SELECT event_id FROM ${links} WHERE id = $1 AND position >= $2 ORDER BY position`,
    // As text: parsed by JSON.parse here, whatever type parsers the pool has.
    getEvents: `SELECT entry::text AS entry FROM ${events} WHERE event_id = ANY($1::text[])`,
    // Rows locked in key order: two instances finishing the same session at once cannot deadlock.
    finishHeads: `UPDATE ${heads} SET expires_at = clock_timestamp() + $2 * interval '1 millisecond'
      WHERE id IN (SELECT id FROM ${heads} WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE)`,
    finishEvents: `UPDATE ${events} SET expires_at = clock_timestamp() + $2 * interval '1 millisecond'
      WHERE event_id IN (SELECT event_id FROM ${events} WHERE event_id = ANY($1::text[]) ORDER BY event_id FOR UPDATE)`,
    purge: `WITH gone AS (DELETE FROM ${heads} WHERE expires_at <= clock_timestamp() RETURNING id),
        unlinked AS (DELETE FROM ${links} WHERE id IN (SELECT id FROM gone)),
        dropped AS (DELETE FROM ${events} WHERE expires_at <= clock_timestamp())
      SELECT count(*) AS ids FROM gone`,
  };
}
