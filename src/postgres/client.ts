/**
 * What the Postgres backends need from `pg`: `query(text, values)`, which both `pg.Pool` and a
 * connected `pg.Client` have. Only this shape is named, so `pg` itself is never loaded here.
 *
 * @example
 * ```ts
 * import pg from 'pg';
 * const db: PgQueryable = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 * ```
 */
export interface PgQueryable {
  query(text: string, values?: unknown[]): Promise<{ rows: Array<Record<string, unknown>>; rowCount: number | null }>;
}
