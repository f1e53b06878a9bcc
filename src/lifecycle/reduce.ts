import { factsOf, type LifecycleEvent } from './facts.js';
import type { SessionState, TimelineEntry } from './state.js';
import { compareEntries, SessionSummary } from './summary.js';

/**
 * Derives a session from its timeline alone, so the result depends only on which events were
 * seen, never on their order. Later events win for every field; for status, the higher rank
 * wins and, within a rank, the later event.
 */
function deriveSession(timeline: readonly TimelineEntry[]): SessionState {
  const summary = new SessionSummary();
  const entries = [...timeline].sort(compareEntries);
  for (const entry of entries) summary.add(entry);
  return summary.toState(entries);
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
