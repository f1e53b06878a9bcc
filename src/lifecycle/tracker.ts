import { CoinmeError } from '../errors.js';
import { factsOf, type LifecycleEvent } from './facts.js';
import { mergeSessions, reduceSession } from './reduce.js';
import type { SessionIds, SessionState } from './state.js';
import { MemorySessionStore, type SessionStore, type StoredSession } from './store.js';

/** Options of {@link SessionTracker}. */
export interface SessionTrackerOptions {
  /** Where sessions live; a process-local {@link MemorySessionStore} by default. */
  store?: SessionStore;
  /** How many times a write lost to a concurrent writer is retried. Default 10. */
  maxAttempts?: number;
}

// Identifiers that name one session. customerId is left out: a customer has many sessions.
const linkingIds = ['externalSessionId', 'orderTemplateId', 'barcodeId', 'transactionId'] as const satisfies readonly (keyof SessionIds)[];

function aliasesOf(ids: SessionIds): string[] {
  return linkingIds.flatMap((kind) => (ids[kind] === undefined ? [] : [`${kind}:${ids[kind]}`]));
}

/**
 * Folds a stream of webhook events into one record per widget session, in a store that may be
 * shared by many processes. Events keyed by different ids (session id, barcode, order template,
 * transaction) end in one record as soon as an event links them.
 *
 * @example
 * ```ts
 * const tracker = new SessionTracker();
 * app.post('/webhooks/coinme', async (req, res) => {
 *   const event = await constructEvent({ payload: req.body, headers: req.headers, secret });
 *   const session = await tracker.ingest(event);
 *   if (session?.status === 'completed') await creditUser(session);
 *   res.sendStatus(200);
 * });
 * ```
 */
export class SessionTracker {
  readonly store: SessionStore;
  readonly #maxAttempts: number;

  constructor(options: SessionTrackerOptions = {}) {
    this.store = options.store ?? new MemorySessionStore();
    this.#maxAttempts = options.maxAttempts ?? 10;
  }

  /**
   * Adds an event and returns the merged session record, or `undefined` for an event that is not
   * part of a Coinme widget session or names no session id. Idempotent.
   */
  async ingest(event: LifecycleEvent): Promise<SessionState | undefined> {
    const facts = factsOf(event);
    if (!facts) return undefined;
    const eventAliases = aliasesOf(facts.ids);
    if (eventAliases.length === 0) return undefined;

    for (let attempt = 0; attempt < this.#maxAttempts; attempt++) {
      const keys = await this.#keysOf(eventAliases);
      const records = await this.#load(keys);
      if (records === undefined) continue;
      const [primaryKey = `session:${eventAliases[0]}`] = keys;
      const merged = reduceSession(records.map((r) => r.state).reduce<SessionState | undefined>((a, b) => (a ? mergeSessions(a, b) : b), undefined), event);
      if (!(await this.store.compareAndSet(primaryKey, merged, records[0]?.version))) continue;
      for (const alias of aliasesOf(merged)) await this.store.link(alias, primaryKey);
      let absorbed = true;
      for (const [index, key] of keys.entries()) {
        if (index > 0) absorbed = (await this.store.delete(key, records[index]!.version)) && absorbed;
      }
      // A concurrent writer may have started a record under one of these ids meanwhile.
      const after = await this.#keysOf(aliasesOf(merged));
      if (absorbed && after.length === 1 && after[0] === primaryKey) return merged;
    }
    throw new CoinmeError(`SessionTracker gave up after ${this.#maxAttempts} concurrent write conflicts`);
  }

  /** The session an identifier belongs to, e.g. `get('orderTemplateId', '1316433953436078080')`. */
  async get(kind: (typeof linkingIds)[number], value: string): Promise<SessionState | undefined> {
    const key = await this.store.resolve(`${kind}:${value}`);
    return key === undefined ? undefined : (await this.store.get(key))?.state;
  }

  // Distinct keys of existing records, sorted so that every writer picks the same primary.
  async #keysOf(aliases: readonly string[]): Promise<string[]> {
    const keys = await Promise.all(aliases.map((alias) => this.store.resolve(alias)));
    return [...new Set(keys.filter((key): key is string => key !== undefined))].sort();
  }

  // All records, or undefined when one vanished (merged away by another writer): start over.
  async #load(keys: readonly string[]): Promise<StoredSession[] | undefined> {
    const records = await Promise.all(keys.map((key) => this.store.get(key)));
    return records.every((record) => record !== undefined) ? (records as StoredSession[]) : undefined;
  }
}
