import type { ClaimStore } from './claim-store.js';
import { Fifo } from './fifo.js';

/**
 * Options of {@link MemoryClaimStore}.
 *
 * @example
 * ```ts
 * const options: MemoryClaimStoreOptions = { maxEntries: 50_000 };
 * ```
 */
export interface MemoryClaimStoreOptions {
  /** At most this many claims are held; beyond it the oldest are dropped first. Default 100,000. */
  maxEntries?: number;
  /** The clock, for tests. */
  now?: () => number;
}

interface Held {
  readonly key: string;
  readonly expiresAt: number;
}

/**
 * The default {@link ClaimStore}: claims held in this process only. Right for one long-running
 * server and for tests; several instances need a shared one (`coinme-sdk/redis`,
 * `coinme-sdk/postgres`). `claim` and `release` are O(1) amortised, also at capacity.
 *
 * @example
 * ```ts
 * const claims = new MemoryClaimStore({ maxEntries: 50_000 });
 * if (await claims.claim('event:evt_1', 60_000)) console.log('first');
 * await claims.release('event:evt_1');
 * ```
 */
export class MemoryClaimStore implements ClaimStore {
  readonly #expiresAt = new Map<string, number>();
  // Claims in the order they were taken; an entry is stale once its key was released or retaken.
  readonly #order = new Fifo<Held>();
  readonly #maxEntries: number;
  readonly #now: () => number;

  constructor(options: MemoryClaimStoreOptions = {}) {
    this.#maxEntries = options.maxEntries ?? 100_000;
    this.#now = options.now ?? Date.now;
  }

  async claim(key: string, ttlMs: number): Promise<boolean> {
    const now = this.#now();
    const held = this.#expiresAt.get(key);
    if (held !== undefined && held > now) return false;
    const expiresAt = now + ttlMs;
    this.#expiresAt.set(key, expiresAt);
    this.#order.push({ key, expiresAt });
    this.#evict(now);
    return true;
  }

  async release(key: string): Promise<void> {
    this.#expiresAt.delete(key);
  }

  /** How many claims are held (expired ones may still count until they are swept). */
  get size(): number {
    return this.#expiresAt.size;
  }

  #isCurrent(held: Held): boolean {
    return this.#expiresAt.get(held.key) === held.expiresAt;
  }

  // Drops from the oldest end: stale entries, and live ones while over capacity. TTLs differ per
  // call, so an expired claim behind a live one waits for capacity or for its key's next claim.
  #evict(now: number): void {
    for (let oldest = this.#order.peek(); oldest !== undefined; oldest = this.#order.peek()) {
      const current = this.#isCurrent(oldest);
      if (current && oldest.expiresAt > now && this.#expiresAt.size <= this.#maxEntries) break;
      this.#order.shift();
      if (current) this.#expiresAt.delete(oldest.key);
    }
    // Released or retaken keys leave entries behind the head; sweep them once they dominate.
    if (this.#order.size > 2 * this.#expiresAt.size + 1024) this.#order.retain((held) => this.#isCurrent(held));
  }
}
