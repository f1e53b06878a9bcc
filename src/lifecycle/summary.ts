import type { SessionState, TimelineEntry } from './state.js';
import { statusRank } from './status.js';

/** Timeline order: by time, then event id, so any arrival order gives the same list. */
export function compareEntries(a: TimelineEntry, b: TimelineEntry): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  return a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0;
}

/** Inserts `entry` into a sorted timeline in place (binary search), unless its id is there. */
export function insertEntry(timeline: TimelineEntry[], entry: TimelineEntry): boolean {
  let low = 0;
  let high = timeline.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareEntries(timeline[middle]!, entry) < 0) low = middle + 1;
    else high = middle;
  }
  if (timeline[low]?.eventId === entry.eventId) return false;
  timeline.splice(low, 0, entry);
  return true;
}

/**
 * A session's fields without the timeline, with the event that set each one. Every field is a
 * "latest event wins" register (status: highest rank, then latest), so folding entries in any
 * order, any number of times, gives the same summary: a join-semilattice, computed in O(1) per
 * event however long the session is.
 */
export class SessionSummary {
  readonly state: Omit<SessionState, 'timeline'> = { status: 'started', updatedAt: new Date(0).toISOString() };
  readonly #setBy = new Map<string, TimelineEntry>();
  #statusBy: TimelineEntry | undefined;
  #count = 0;

  /** Folds one entry in. Idempotent and order-independent. */
  add(entry: TimelineEntry): void {
    const { facts } = entry;
    const state = this.state as Record<string, unknown>;
    if (this.#count++ === 0 || entry.at > this.state.updatedAt) this.state.updatedAt = entry.at;
    for (const [field, value] of Object.entries(facts.ids)) if (this.#wins(field, entry)) state[field] = value;
    if (facts.quote) {
      for (const [field, value] of Object.entries(facts.quote)) {
        if (this.#wins(`quote.${field}`, entry)) this.state.quote = { ...this.state.quote, [field]: value };
      }
    }
    if (facts.txHash !== undefined && this.#wins('txHash', entry)) this.state.txHash = facts.txHash;
    if (facts.walletAddress !== undefined && this.#wins('walletAddress', entry)) this.state.walletAddress = facts.walletAddress;
    if (facts.failure && this.#wins('failure', entry)) this.state.failure = facts.failure;
    if (facts.status && this.#statusWins(entry, facts.status)) {
      this.#statusBy = entry;
      this.state.status = facts.status;
    }
  }

  /** The session with this timeline (sorted, as {@link insertEntry} keeps it). */
  toState(timeline: readonly TimelineEntry[]): SessionState {
    return { ...structuredClone(this.state), timeline: [...timeline] };
  }

  #wins(field: string, entry: TimelineEntry): boolean {
    const current = this.#setBy.get(field);
    if (current !== undefined && compareEntries(entry, current) < 0) return false;
    this.#setBy.set(field, entry);
    return true;
  }

  #statusWins(entry: TimelineEntry, status: NonNullable<TimelineEntry['facts']['status']>): boolean {
    const current = this.#statusBy;
    if (current?.facts.status === undefined) return true;
    const byRank = statusRank(status) - statusRank(current.facts.status);
    return byRank !== 0 ? byRank > 0 : compareEntries(entry, current) >= 0;
  }
}
