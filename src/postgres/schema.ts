import type { PgQueryable } from './client.js';
import { quoteSchema } from './options.js';

/**
 * The DDL of every table the Postgres backends use, in `schema` (default `public`). Every
 * statement is `IF NOT EXISTS`, so it is safe to run again; run it with your own migration tool,
 * or call {@link migrate}.
 *
 * @example
 * ```ts
 * await writeFile('migrations/0007_coinme.sql', schemaSql({ schema: 'payments' }));
 * ```
 */
export function schemaSql(options: { schema?: string } = {}): string {
  const s = quoteSchema(options.schema);
  return `CREATE SCHEMA IF NOT EXISTS ${s};
-- Claims (dedupe, exactly-once effects, token refresh lock): one row per key while it is held.
CREATE TABLE IF NOT EXISTS ${s}.coinme_claims (
  key text PRIMARY KEY,
  expires_at timestamptz NOT NULL
);
-- The shared partner token of CoinmeClient, one row per partner and environment.
CREATE TABLE IF NOT EXISTS ${s}.coinme_tokens (
  key text PRIMARY KEY,
  token text NOT NULL,
  expires_at_ms bigint NOT NULL,
  refresh_at_ms bigint NOT NULL
);
-- Session lifecycle, grow-only: each event's entry under its id ...
CREATE TABLE IF NOT EXISTS ${s}.coinme_session_events (
  event_id text PRIMARY KEY,
  entry jsonb NOT NULL,
  expires_at timestamptz
);
-- ... and for each session id (externalSessionId:abc, ...) the events linked to it, in order:
-- the head row's lock makes positions dense and committed in order.
CREATE TABLE IF NOT EXISTS ${s}.coinme_session_heads (
  id text PRIMARY KEY,
  length bigint NOT NULL,
  expires_at timestamptz
);
CREATE TABLE IF NOT EXISTS ${s}.coinme_session_links (
  id text NOT NULL,
  position bigint NOT NULL,
  event_id text NOT NULL,
  PRIMARY KEY (id, position)
);
CREATE INDEX IF NOT EXISTS coinme_session_links_event ON ${s}.coinme_session_links (id, event_id);
`;
}

/**
 * Creates the tables of {@link schemaSql} if they do not exist. Safe to run twice, and from
 * several processes at once (they take turns on an advisory lock).
 *
 * @example
 * ```ts
 * import pg from 'pg';
 * import { migrate } from 'coinme-sdk/postgres';
 *
 * const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 * await migrate(pool);
 * ```
 */
export async function migrate(pool: PgQueryable, options: { schema?: string } = {}): Promise<void> {
  // One simple-protocol query runs as one implicit transaction: the lock is held until it ends,
  // and a failure rolls every statement back.
  await pool.query(`SELECT pg_advisory_xact_lock(hashtext('coinme-sdk:migrate'));\n${schemaSql(options)}`);
}
