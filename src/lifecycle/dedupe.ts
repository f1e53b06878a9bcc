/** Options of {@link EventDeduper}. */
export interface EventDeduperOptions {
  /** How long an event id is remembered, in ms. Default 72 h, longer than senders retry. */
  ttlMs?: number;
  /** At most this many ids are remembered; the oldest go first. Default 100,000. */
  maxEntries?: number;
  /** The clock, for tests. */
  now?: () => number;
}

/**
 * Remembers event ids for a while, so a handler can skip deliveries it has already processed.
 * Process-local: across instances, use your store's "set if absent with expiry" (Redis
 * `SET key 1 NX EX`, DynamoDB conditional put with TTL) with the same contract.
 *
 * @example
 * ```ts
 * const dedupe = new EventDeduper({ ttlMs: 24 * 3600_000 });
 * if (!dedupe.claim(event.id)) return new Response(null, { status: 200 }); // seen already
 * ```
 */
export class EventDeduper {
  readonly #seen = new Map<string, number>();
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #now: () => number;

  constructor(options: EventDeduperOptions = {}) {
    this.#ttlMs = options.ttlMs ?? 72 * 3600_000;
    this.#maxEntries = options.maxEntries ?? 100_000;
    this.#now = options.now ?? Date.now;
  }

  /** True the first time an id is claimed within the TTL; false for a repeat. */
  claim(eventId: string): boolean {
    const now = this.#now();
    const expiresAt = this.#seen.get(eventId);
    if (expiresAt !== undefined && expiresAt > now) return false;
    this.#seen.delete(eventId);
    this.#seen.set(eventId, now + this.#ttlMs);
    this.#evict(now);
    return true;
  }

  /** Forgets an id, e.g. when processing it failed and the retry must go through. */
  release(eventId: string): void {
    this.#seen.delete(eventId);
  }

  // Map keeps insertion order, so the first entries are the oldest.
  #evict(now: number): void {
    for (const [id, expiresAt] of this.#seen) {
      if (expiresAt > now && this.#seen.size <= this.#maxEntries) break;
      this.#seen.delete(id);
    }
  }
}
