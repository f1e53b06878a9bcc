import { factsOf, type LifecycleEvent } from './facts.js';
import type { SessionState, TimelineEntry } from './state.js';
import { statusRank } from './status.js';

// Timeline order: by time, then event id, so any arrival order gives the same list.
function compareEntries(a: TimelineEntry, b: TimelineEntry): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  return a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0;
}

/**
 * Derives a session from its timeline alone, so the result depends only on which events were
 * seen, never on their order. Later events win for every field; for status, the higher rank
 * wins and, within a rank, the later event.
 */
function deriveSession(timeline: readonly TimelineEntry[]): SessionState {
  const entries = [...timeline].sort(compareEntries);
  const state: SessionState = { status: 'started', updatedAt: entries.at(-1)?.at ?? new Date(0).toISOString(), timeline: entries };
  for (const { facts } of entries) {
    Object.assign(state, facts.ids);
    if (facts.quote) state.quote = { ...state.quote, ...facts.quote };
    if (facts.txHash !== undefined) state.txHash = facts.txHash;
    if (facts.walletAddress !== undefined) state.walletAddress = facts.walletAddress;
    if (facts.failure) state.failure = facts.failure;
    if (facts.status && statusRank(facts.status) >= statusRank(state.status)) state.status = facts.status;
  }
  return state;
}

/**
 * Folds one webhook event into a session's state. Pure: returns a new state and never mutates
 * its input. Duplicates (same event id) leave the state as it was; events that are not part of a
 * Coinme widget session (other families, unknown events) are ignored.
 *
 * @example
 * ```ts
 * let session: SessionState | undefined;
 * for (const event of events) session = reduceSession(session, event);
 * console.log(session?.status); // 'completed'
 * ```
 */
export function reduceSession(state: SessionState | undefined, event: LifecycleEvent): SessionState {
  const facts = factsOf(event);
  const timeline = state?.timeline ?? [];
  if (!facts) return state ?? deriveSession(timeline);
  const eventId = event.id ?? `${event.type}@${event.occurredAt?.toISOString() ?? ''}`;
  if (timeline.some((entry) => entry.eventId === eventId)) return state ?? deriveSession(timeline);
  const when = event.occurredAt && !Number.isNaN(event.occurredAt.getTime()) ? event.occurredAt : new Date(0);
  return deriveSession([...timeline, { eventId, type: event.type, at: when.toISOString(), facts }]);
}

/**
 * Merges two records of the same session that started apart (e.g. one keyed by the widget's
 * `externalSessionId`, one by an order template id): the union of their timelines.
 *
 * @example
 * ```ts
 * const merged = mergeSessions(byBarcode, byOrderTemplate);
 * ```
 */
export function mergeSessions(a: SessionState, b: SessionState): SessionState {
  const seen = new Set(a.timeline.map((entry) => entry.eventId));
  return deriveSession([...a.timeline, ...b.timeline.filter((entry) => !seen.has(entry.eventId))]);
}
