import { ValidationError } from '../errors.js';
import type { ClaimStore } from '../shared-state/claim-store.js';
import { MemoryClaimStore } from '../shared-state/memory-claim-store.js';
import { factsOf, type LifecycleEvent } from './facts.js';
import { MemorySessionStore } from './memory-store.js';
import type { SessionFacts, SessionIds, SessionState, TimelineEntry } from './state.js';
import { isTerminalStatus } from './status.js';
import type { SessionStore } from './store.js';
import { type SessionView, ViewCache } from './view-cache.js';

/** Options of {@link SessionTracker}. */
export interface SessionTrackerOptions {
  /** Where events and links live; a process-local {@link MemorySessionStore} by default. */
  store?: SessionStore;
  /**
   * Where {@link SessionTracker.once} claims its side effects; a process-local
   * {@link MemoryClaimStore} by default. Share one across instances, as the store.
   */
  claims?: ClaimStore;
  /** How long a side effect stays claimed after it ran, in ms. Default 30 days. */
  effectTtlMs?: number;
  /** At most this many sessions are cached in this process. Default 10,000. */
  cacheSize?: number;
  /** A cached session unused for this long is read afresh from the store, in ms. Default 10 min. */
  cacheTtlMs?: number;
  /** The clock, for tests. */
  now?: () => number;
}

// Identifiers that name one session. customerId is left out: a customer has many sessions.
const linkingIds = ['externalSessionId', 'orderTemplateId', 'barcodeId', 'transactionId'] as const satisfies readonly (keyof SessionIds)[];

/**
 * A kind of id {@link SessionTracker.get} looks sessions up by.
 *
 * @example
 * ```ts
 * const kind: SessionIdKind = 'orderTemplateId';
 * const session = await tracker.get(kind, '1316433953436078080');
 * ```
 */
export type SessionIdKind = (typeof linkingIds)[number];

function idsOf(ids: SessionIds): string[] {
  return linkingIds.flatMap((kind) => (ids[kind] === undefined ? [] : [`${kind}:${ids[kind]}`]));
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

function entryOf(event: LifecycleEvent, facts: SessionFacts): TimelineEntry {
  const at = event.occurredAt && !Number.isNaN(event.occurredAt.getTime()) ? event.occurredAt : new Date(0);
  const eventId = event.id ?? `${event.type}@${at.toISOString()}`;
  return { eventId, type: event.type, at: at.toISOString(), facts };
}

/**
 * Folds webhook events into one record per widget session, in a store that may be shared by
 * many processes. Events keyed by different ids (session id, barcode, order template,
 * transaction) end in one record as soon as an event links them.
 *
 * Nothing is lost under concurrency, by construction: `ingest` only adds (the event under its id,
 * then a link from each of its session ids), and a session is computed on read from the events
 * connected to it. Of several ingests racing on one session, the one whose writes finish last
 * reads every event of all of them.
 *
 * @example
 * ```ts
 * const tracker = new SessionTracker({ store, claims });
 * app.post('/webhooks/coinme', async (req, res) => {
 *   const event = await constructEvent({ payload: req.body, headers: req.headers, secret });
 *   const session = await tracker.ingest(event);
 *   if (session?.status === 'completed') await tracker.once(session, 'credit-user', () => creditUser(session));
 *   res.sendStatus(200);
 * });
 * ```
 */
export class SessionTracker {
  readonly store: SessionStore;
  readonly claims: ClaimStore;
  readonly #effectTtlMs: number;
  readonly #views: ViewCache;

  constructor(options: SessionTrackerOptions = {}) {
    this.store = options.store ?? new MemorySessionStore();
    this.claims = options.claims ?? new MemoryClaimStore();
    this.#effectTtlMs = options.effectTtlMs ?? 30 * 24 * 3600_000;
    this.#views = new ViewCache(options.cacheSize ?? 10_000, options.cacheTtlMs ?? 10 * 60_000, options.now ?? Date.now);
  }

  /**
   * Adds an event and returns its session as known after it, or `undefined` for an event that is
   * not part of a Coinme widget session or names no session id. Idempotent; safe to call
   * concurrently, from any number of processes sharing the store. When it throws (the store
   * failed), call it again with the same event: nothing half-written is lost or doubled.
   */
  async ingest(event: LifecycleEvent): Promise<SessionState | undefined> {
    const facts = factsOf(event);
    if (!facts) return undefined;
    const ids = idsOf(facts.ids);
    if (ids.length === 0) return undefined;
    const entry = entryOf(event, facts);
    // The event before its links, so a reader that finds a link always finds the event.
    await this.store.putEvent(entry);
    await Promise.all(ids.map((id) => this.store.link(id, entry.eventId)));
    return this.#read(ids, true);
  }

  /** The session an identifier belongs to, e.g. `get('orderTemplateId', '1316433953436078080')`. */
  async get(kind: SessionIdKind, value: string): Promise<SessionState | undefined> {
    return this.#read([`${kind}:${value}`], false);
  }

  /**
   * Runs `effect` once per session, across every process sharing the tracker's `claims`: the
   * first caller claims `name` under each id the session is known by and runs it; later callers,
   * here or elsewhere, get `false` without running it. If `effect` throws, the claim is released
   * and the error rethrown, so a retried delivery runs it again. Returns true when this call ran it.
   *
   * @example
   * ```ts
   * const session = await tracker.ingest(event);
   * if (session?.status === 'completed') {
   *   await tracker.once(session, 'credit-user', () => wallet.credit(session.customerId, session.quote?.credit));
   * }
   * ```
   */
  async once(session: SessionState, name: string, effect: () => unknown): Promise<boolean> {
    if (typeof name !== 'string' || name === '') throw new ValidationError('once: `name` must be a non-empty string naming the effect', { field: 'name' });
    const ids = idsOf(session);
    if (ids.length === 0) throw new ValidationError('once: the session has no id to claim the effect under', { field: 'session' });
    // Sorted, so racing callers contend on the same first key and one of them gets all of them.
    const keys = ids.sort().map((id) => `effect:${name}:${id}`);
    const taken: string[] = [];
    const releaseAll = () => Promise.all(taken.map((key) => this.claims.release(key)));
    for (const key of keys) {
      if (!(await this.claims.claim(key, this.#effectTtlMs))) {
        await releaseAll();
        return false;
      }
      taken.push(key);
    }
    try {
      await effect();
    } catch (error) {
      await releaseAll();
      throw error;
    }
    return true;
  }

  // Brings this process's view of the session up to date: reads what is new on every id, adds
  // the events found, follows the ids they name, until a whole pass finds nothing new.
  async #read(ids: readonly string[], ingesting: boolean): Promise<SessionState | undefined> {
    let view: SessionView = this.#views.open(ids);
    // Every view this read works on, kept from eviction until it is done.
    const held = new Set<SessionView>();
    const hold = (current: SessionView) => {
      if (!held.has(current)) {
        held.add(current);
        current.busy += 1;
      }
      return current;
    };
    hold(view);
    try {
      for (let grew = true; grew; ) {
        grew = false;
        const cursors = [...view.cursors];
        const lists = await Promise.all(cursors.map(([id, from]) => this.store.linked(id, from)));
        view = hold(view.root);
        const unknown = [...new Set(lists.flat())].filter((eventId) => !view.has(eventId));
        const entries = unknown.length === 0 ? [] : await this.store.getEvents(unknown);
        view = hold(view.root);
        for (const entry of entries) {
          if (!view.add(deepFreeze(entry))) continue;
          grew = true;
          for (const id of idsOf(entry.facts.ids)) {
            if (!view.cursors.has(id)) view = hold(this.#views.attach(view, id));
          }
        }
        // Cursors move only once their events are folded in, so a concurrent read of this view
        // never skips events that are still being fetched.
        for (const [index, [id, from]] of cursors.entries()) {
          const to = from + lists[index]!.length;
          if (to > (view.cursors.get(id) ?? 0)) view.cursors.set(id, to);
        }
        if (view.cursors.size > cursors.length) grew = true;
      }
    } finally {
      for (const current of held) current.busy -= 1;
    }
    if (view.timeline.length === 0) {
      this.#views.forget(view);
      return undefined;
    }
    const state = view.summary.toState(view.timeline);
    if (isTerminalStatus(state.status)) {
      // The store may forget a finished session after its retention: re-read it if a late event
      // comes, rather than trust cursors into lists the store may have dropped meanwhile.
      this.#views.forget(view);
      if (ingesting) await this.store.finish?.({ ids: [...view.cursors.keys()], eventIds: view.timeline.map((entry) => entry.eventId) });
    }
    return state;
  }
}
