export { reduceSession, mergeSessions } from './reduce.js';
export { SessionTracker, type SessionTrackerOptions, type SessionIdKind } from './tracker.js';
export type { SessionStore, FinishedSession } from './store.js';
export { MemorySessionStore, type MemorySessionStoreOptions } from './memory-store.js';
export { EventDeduper, type EventDeduperOptions } from './dedupe.js';
export { reconcile, type ReconcilableTransaction, type ReconciledPair, type AmountMismatch, type ReconciliationReport, type ReconcileOptions } from './reconcile.js';
export { isTerminalStatus, type SessionStatus } from './status.js';
export type { LifecycleEvent } from './facts.js';
export type { SessionState, SessionIds, SessionAmount, SessionQuote, SessionFailure, SessionFacts, TimelineEntry } from './state.js';
