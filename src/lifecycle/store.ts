import type { TimelineEntry } from './state.js';

/**
 * What a {@link SessionStore} may forget once a session is over: the ids it is known by
 * (`externalSessionId:abc`, `orderTemplateId:123`, ...) and the ids of its events.
 *
 * @example
 * ```ts
 * async finish({ ids, eventIds }: FinishedSession) {
 *   for (const key of [...ids.map((id) => `links:${id}`), ...eventIds.map((id) => `event:${id}`)]) await redis.pExpire(key, 72 * 3600_000);
 * }
 * ```
 */
export interface FinishedSession {
  readonly ids: readonly string[];
  readonly eventIds: readonly string[];
}

/**
 * Where a {@link SessionTracker} keeps what it learnt: two grow-only collections, never updated
 * in place, so concurrent writers from any number of processes cannot overwrite each other.
 *
 * - **events**: each event's {@link TimelineEntry}, under its event id;
 * - **links**: for each id a session is known by (`externalSessionId:abc`, `orderTemplateId:123`,
 *   `transactionId:456`, `barcodeId:789`), the ids of the events that named it, in the order they
 *   were linked.
 *
 * A session is whatever events are connected through shared ids; the tracker computes it on
 * read. Every write is idempotent and commutes with every other, so no write needs a
 * transaction, a lock, a version or a retry.
 *
 * **Consistency needed**: per key, a read that starts after a write finished sees that write
 * (read-your-writes, what Redis, Postgres and DynamoDB strongly consistent reads give). No
 * multi-key atomicity. The tracker writes the event before its links, so a linked event's entry
 * is always there.
 *
 * @example
 * ```ts
 * // The whole contract over two maps; the session-lifecycle guide shows Postgres and Redis.
 * const events = new Map<string, TimelineEntry>();
 * const links = new Map<string, string[]>();
 * const store: SessionStore = {
 *   async putEvent(entry) { events.set(entry.eventId, entry); },
 *   async link(id, eventId) { links.set(id, [...(links.get(id) ?? []), eventId]); },
 *   async linked(id, from) { return (links.get(id) ?? []).slice(from); },
 *   async getEvents(eventIds) { return eventIds.flatMap((id) => events.get(id) ?? []); },
 * };
 * const tracker = new SessionTracker({ store });
 * ```
 */
export interface SessionStore {
  /**
   * Stores an event's entry under `entry.eventId`. An event id always carries the same entry, so
   * a second write may be ignored (insert if absent) or may overwrite.
   */
  putEvent(entry: TimelineEntry): Promise<void>;
  /**
   * Appends `eventId` to the events linked to `id`. Linking the same pair again may be ignored or
   * may append a repeat (the tracker skips repeats).
   */
  link(id: string, eventId: string): Promise<void>;
  /**
   * The event ids linked to `id`, in the order they were linked, skipping the first `from`
   * (`[]` for an unknown id). Positions never change: an id's list only grows at its end, so a
   * reader can ask for what is new since its last read.
   */
  linked(id: string, from: number): Promise<string[]>;
  /** The stored entries of these event ids, in any order; unknown ids are left out. */
  getEvents(eventIds: readonly string[]): Promise<TimelineEntry[]>;
  /**
   * Optional: told when a session reached a terminal status, so the store may forget its keys
   * after a retention period. Keep them for at least as long as late or retried deliveries may
   * arrive (Coinme retries for up to 72 h), and longer than the tracker's cache (`cacheTtlMs`).
   */
  finish?(session: FinishedSession): Promise<void>;
}
