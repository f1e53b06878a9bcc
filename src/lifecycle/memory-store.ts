import { Fifo } from '../shared-state/fifo.js';
import type { TimelineEntry } from './state.js';
import type { FinishedSession, SessionStore } from './store.js';

/**
 * Options of {@link MemorySessionStore}.
 *
 * @example
 * ```ts
 * const options: MemorySessionStoreOptions = { finishedTtlMs: 24 * 3600_000, maxIds: 200_000 };
 * ```
 */
export interface MemorySessionStoreOptions {
  /**
   * How long a finished session (completed, failed, expired) is kept after the tracker saw it
   * finish, in ms. Default 72 h, as long as Coinme retries a delivery.
   */
  finishedTtlMs?: number;
  /**
   * At most this many session ids are kept (a session has one to four: its `externalSessionId`,
   * barcode, order template and transaction ids). Beyond it the oldest ids and their events are
   * dropped, finished or not: size it above the sessions you have in flight. Default 400,000.
   */
  maxIds?: number;
  /** The clock, for tests. */
  now?: () => number;
}

interface Links {
  readonly eventIds: string[];
  // Built once a list is long enough that a linear scan for repeats would show.
  seen?: Set<string>;
  expiresAt?: number;
}

interface StoredEvent {
  readonly entry: TimelineEntry;
  // How many link lists name the event; it is dropped with the last of them.
  refs: number;
}

const scanLimit = 32;

/**
 * The default {@link SessionStore}: process-local maps. Right for one long-running server and
 * for tests; serverless deployments and several instances need a shared store
 * (`coinme-sdk/redis`, `coinme-sdk/postgres`). Memory is bounded: finished sessions expire
 * `finishedTtlMs` after they finish, and at most `maxIds` ids are kept.
 *
 * @example
 * ```ts
 * const store = new MemorySessionStore({ finishedTtlMs: 24 * 3600_000, maxIds: 100_000 });
 * const tracker = new SessionTracker({ store });
 * ```
 */
export class MemorySessionStore implements SessionStore {
  readonly #events = new Map<string, StoredEvent>();
  readonly #links = new Map<string, Links>();
  readonly #created = new Fifo<{ readonly id: string; readonly links: Links }>();
  readonly #expiries = new Fifo<{ readonly id: string; readonly at: number }>();
  readonly #finishedTtlMs: number;
  readonly #maxIds: number;
  readonly #now: () => number;

  constructor(options: MemorySessionStoreOptions = {}) {
    this.#finishedTtlMs = options.finishedTtlMs ?? 72 * 3600_000;
    this.#maxIds = options.maxIds ?? 400_000;
    this.#now = options.now ?? Date.now;
  }

  async putEvent(entry: TimelineEntry): Promise<void> {
    this.#sweep();
    if (!this.#events.has(entry.eventId)) this.#events.set(entry.eventId, { entry: structuredClone(entry), refs: 0 });
  }

  async link(id: string, eventId: string): Promise<void> {
    this.#sweep();
    const stored = this.#events.get(eventId);
    if (!stored) return; // the tracker stores the event first; a link to nothing would leak
    let links = this.#links.get(id);
    if (!links) {
      links = { eventIds: [] };
      this.#links.set(id, links);
      this.#created.push({ id, links });
    }
    if (links.seen ? links.seen.has(eventId) : links.eventIds.includes(eventId)) return;
    links.eventIds.push(eventId);
    links.seen?.add(eventId);
    if (!links.seen && links.eventIds.length > scanLimit) links.seen = new Set(links.eventIds);
    stored.refs += 1;
    this.#evictOverflow();
  }

  async linked(id: string, from: number): Promise<string[]> {
    this.#sweep();
    return this.#links.get(id)?.eventIds.slice(from) ?? [];
  }

  async getEvents(eventIds: readonly string[]): Promise<TimelineEntry[]> {
    this.#sweep();
    return eventIds.flatMap((eventId) => {
      const stored = this.#events.get(eventId);
      return stored ? [structuredClone(stored.entry)] : [];
    });
  }

  async finish(session: FinishedSession): Promise<void> {
    this.#sweep();
    const at = this.#now() + this.#finishedTtlMs;
    for (const id of session.ids) {
      const links = this.#links.get(id);
      if (!links) continue;
      links.expiresAt = at;
      this.#expiries.push({ id, at });
    }
  }

  /** How many ids and events are held, for monitoring and tests. */
  get size(): { ids: number; events: number } {
    return { ids: this.#links.size, events: this.#events.size };
  }

  /** Every session id held (`externalSessionId:abc`, ...), e.g. to list sessions with `tracker.get`. */
  ids(): string[] {
    return [...this.#links.keys()];
  }

  #drop(id: string): void {
    const links = this.#links.get(id);
    if (!links) return;
    this.#links.delete(id);
    for (const eventId of links.eventIds) {
      const stored = this.#events.get(eventId);
      if (stored && --stored.refs <= 0) this.#events.delete(eventId);
    }
  }

  // Finished sessions whose time is up. One TTL for all, so the queue is in expiry order.
  #sweep(): void {
    const now = this.#now();
    for (let next = this.#expiries.peek(); next !== undefined && next.at <= now; next = this.#expiries.peek()) {
      this.#expiries.shift();
      if (this.#links.get(next.id)?.expiresAt === next.at) this.#drop(next.id);
    }
  }

  #evictOverflow(): void {
    while (this.#links.size > this.#maxIds) {
      const oldest = this.#created.shift();
      if (oldest === undefined) break;
      // An id dropped and linked again has a newer entry further back.
      if (this.#links.get(oldest.id) === oldest.links) this.#drop(oldest.id);
    }
    // Ids that expired leave their creation entries behind; sweep them once they dominate.
    if (this.#created.size > 2 * this.#links.size + 1024) this.#created.retain(({ id, links }) => this.#links.get(id) === links);
  }
}
