import type { ClaimStore } from '../shared-state/claim-store.js';
import { MemoryClaimStore } from '../shared-state/memory-claim-store.js';

/**
 * Options of {@link EventDeduper}.
 *
 * @example
 * ```ts
 * const options: EventDeduperOptions = { store: claims, ttlMs: 24 * 3600_000, prefix: 'coinme:event:' };
 * ```
 */
export interface EventDeduperOptions {
  /** Where claims live; a process-local {@link MemoryClaimStore} by default. Share one across instances. */
  store?: ClaimStore;
  /** How long an event id is remembered, in ms. Default 72 h, longer than Coinme retries. */
  ttlMs?: number;
  /** Prefix of the claim keys, so several dedupers can share a store. Default `'event:'`. */
  prefix?: string;
}

/**
 * Remembers event ids for a while, so a handler can skip deliveries it has already processed.
 * Release the claim when processing fails, or Coinme's retry of that delivery is skipped too.
 *
 * @example
 * ```ts
 * const dedupe = new EventDeduper({ store: claims });
 * // Skipped when seen already; if ingest throws, the claim is released and the error rethrown
 * // (answer 500), so Coinme's retry of the delivery is processed.
 * await dedupe.run(event.id, () => tracker.ingest(event));
 * ```
 */
export class EventDeduper {
  readonly #store: ClaimStore;
  readonly #ttlMs: number;
  readonly #prefix: string;

  constructor(options: EventDeduperOptions = {}) {
    this.#store = options.store ?? new MemoryClaimStore();
    this.#ttlMs = options.ttlMs ?? 72 * 3600_000;
    this.#prefix = options.prefix ?? 'event:';
  }

  /** True the first time an id is claimed within the TTL; false for a repeat. */
  claim(eventId: string): Promise<boolean> {
    return this.#store.claim(this.#prefix + eventId, this.#ttlMs);
  }

  /** Forgets an id, e.g. when processing it failed and the retry must go through. */
  release(eventId: string): Promise<void> {
    return this.#store.release(this.#prefix + eventId);
  }

  /**
   * Runs `work` unless the id was claimed already; if `work` throws, releases the claim and
   * rethrows, so the sender's retry is processed rather than skipped. True when `work` ran.
   *
   * @example
   * ```ts
   * const ran = await dedupe.run(event.id, () => tracker.ingest(event));
   * if (!ran) console.log(`repeat of ${event.id}, skipped`);
   * ```
   */
  async run(eventId: string, work: () => unknown): Promise<boolean> {
    if (!(await this.claim(eventId))) return false;
    try {
      await work();
    } catch (error) {
      await this.release(eventId);
      throw error;
    }
    return true;
  }
}
