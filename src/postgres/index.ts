// `coinme-sdk/postgres`: shared state on Postgres with `pg` 8, an optional peer dependency that
// only this entry uses. Create the tables with `migrate(pool)` (or run `schemaSql()` yourself).
export { migrate, schemaSql } from './schema.js';
export { PostgresClaimStore } from './claim-store.js';
export { PostgresTokenCache } from './token-cache.js';
export type { PgQueryable } from './client.js';
export type { PostgresStoreOptions } from './options.js';
export { PostgresSessionStore, type PostgresSessionStoreOptions } from './session-store.js';
