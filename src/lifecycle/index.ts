export { reduceSession, mergeSessions } from './reduce.js';
export { SessionTracker, type SessionTrackerOptions } from './tracker.js';
export { MemorySessionStore, type SessionStore, type StoredSession } from './store.js';
export { EventDeduper, type EventDeduperOptions } from './dedupe.js';
export { reconcile, type ReconcilableTransaction, type ReconciledPair, type AmountMismatch, type ReconciliationReport, type ReconcileOptions } from './reconcile.js';
export { isTerminalStatus, type SessionStatus } from './status.js';
export type { LifecycleEvent } from './facts.js';
export type { SessionState, SessionIds, SessionAmount, SessionQuote, SessionFailure, SessionFacts, TimelineEntry } from './state.js';
