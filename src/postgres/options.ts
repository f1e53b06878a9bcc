import { ValidationError } from '../errors.js';
import type { PgQueryable } from './client.js';

/**
 * Options shared by the Postgres backends.
 *
 * @example
 * ```ts
 * const options: PostgresStoreOptions = { pool: new pg.Pool({ connectionString: process.env.DATABASE_URL }), schema: 'payments' };
 * ```
 */
export interface PostgresStoreOptions {
  /** A `pg.Pool` (or a connected `pg.Client`). */
  pool: PgQueryable;
  /** The schema holding the `coinme_*` tables; defaults to `'public'`. Create them with {@link migrate}. */
  schema?: string;
}

const identifier = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** Checks the options and returns the quoted schema name. */
export function checkPostgresOptions(options: PostgresStoreOptions | undefined): { pool: PgQueryable; schema: string } {
  if (typeof options !== 'object' || options === null) throw new ValidationError('options must be an object', { field: 'options' });
  if (typeof options.pool !== 'object' || options.pool === null || typeof options.pool.query !== 'function') {
    throw new ValidationError('pool must be a pg.Pool or a connected pg.Client', { field: 'pool' });
  }
  return { pool: options.pool, schema: quoteSchema(options.schema) };
}

/** `"name"` for a valid schema name (default `public`); a `ValidationError` otherwise. */
export function quoteSchema(schema: unknown = 'public'): string {
  if (typeof schema !== 'string' || !identifier.test(schema)) {
    throw new ValidationError('schema must be a plain SQL identifier (letters, digits, underscores; at most 63)', { field: 'schema' });
  }
  return `"${schema}"`;
}
