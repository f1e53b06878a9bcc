/**
 * A set of keys that expire, shared by every process using the same backend: the primitive behind
 * webhook dedupe, exactly-once side effects and the client's single-flight token refresh.
 * Memory is the default; `coinme-sdk/redis` and `coinme-sdk/postgres` share it across processes.
 *
 * A backend needs one atomic "set if absent, with expiry" (Redis `SET key v NX PX ttl`,
 * Postgres `INSERT ... ON CONFLICT` that replaces only an expired row).
 *
 * @example
 * ```ts
 * if (await claims.claim(`event:${event.id}`, 72 * 3600_000)) {
 *   try { await process(event); } catch (error) { await claims.release(`event:${event.id}`); throw error; }
 * }
 * ```
 */
export interface ClaimStore {
  /** Takes `key` for `ttlMs` milliseconds if nobody holds it; true when this caller took it. */
  claim(key: string, ttlMs: number): Promise<boolean>;
  /** Gives `key` up, so the next `claim` succeeds (processing failed and its retry must go through). */
  release(key: string): Promise<void>;
}
