import type { SessionState } from './state.js';

/** A stored session and the version a compare-and-set must name to replace it. */
export interface StoredSession {
  state: SessionState;
  version: number;
}

/**
 * Where a {@link SessionTracker} keeps sessions. Back it with any database that can do a
 * conditional write (Redis `WATCH`/Lua, DynamoDB `ConditionExpression`, Postgres
 * `UPDATE ... WHERE version = $n`). Every method may be called concurrently from many processes.
 *
 * @example
 * ```ts
 * const tracker = new SessionTracker({ store: new MemorySessionStore() });
 * ```
 */
export interface SessionStore {
  /** The session stored under `key`, with its version. */
  get(key: string): Promise<StoredSession | undefined>;
  /**
   * Writes `state` under `key` only if the stored version is still `expectedVersion`
   * (`undefined`: only if nothing is stored there). Returns false when another writer won.
   */
  compareAndSet(key: string, state: SessionState, expectedVersion: number | undefined): Promise<boolean>;
  /** Removes the session under `key` if its version is still `expectedVersion`. */
  delete(key: string, expectedVersion: number): Promise<boolean>;
  /** The session key an identifier (`externalSessionId:abc`, `orderTemplateId:123`, ...) points to. */
  resolve(alias: string): Promise<string | undefined>;
  /** Points an identifier at a session key (overwriting). */
  link(alias: string, key: string): Promise<void>;
}

/**
 * The default {@link SessionStore}: a process-local map. Fine for one long-running server and
 * for tests; serverless deployments need a shared database instead.
 *
 * @example
 * ```ts
 * const store = new MemorySessionStore();
 * const tracker = new SessionTracker({ store });
 * ```
 */
export class MemorySessionStore implements SessionStore {
  readonly #sessions = new Map<string, StoredSession>();
  readonly #aliases = new Map<string, string>();

  async get(key: string): Promise<StoredSession | undefined> {
    const stored = this.#sessions.get(key);
    return stored ? { state: structuredClone(stored.state), version: stored.version } : undefined;
  }

  async compareAndSet(key: string, state: SessionState, expectedVersion: number | undefined): Promise<boolean> {
    if (this.#sessions.get(key)?.version !== expectedVersion) return false;
    this.#sessions.set(key, { state: structuredClone(state), version: (expectedVersion ?? 0) + 1 });
    return true;
  }

  async delete(key: string, expectedVersion: number): Promise<boolean> {
    if (this.#sessions.get(key)?.version !== expectedVersion) return false;
    this.#sessions.delete(key);
    return true;
  }

  async resolve(alias: string): Promise<string | undefined> {
    return this.#aliases.get(alias);
  }

  async link(alias: string, key: string): Promise<void> {
    this.#aliases.set(alias, key);
  }

  /** Every stored session, for reconciliation and tests. */
  values(): SessionState[] {
    return [...this.#sessions.values()].map((stored) => structuredClone(stored.state));
  }
}
