import { Fifo } from '../shared-state/fifo.js';
import type { TimelineEntry } from './state.js';
import { insertEntry, SessionSummary } from './summary.js';

/**
 * What one process has read of one session: the ids it is known by, with how far each id's link
 * list was read, and the events seen so far, folded. The store only grows, so a view is never
 * wrong, only behind; a read brings it up to date by asking for what is new since its cursors.
 *
 * @internal
 */
export class SessionView {
  /** Session id → how many of its links have been read and folded in. */
  readonly cursors = new Map<string, number>();
  readonly timeline: TimelineEntry[] = [];
  readonly summary = new SessionSummary();
  /** Set when merged into another view: follow it. */
  mergedInto: SessionView | undefined;
  registered = true;
  busy = 0;
  usedAt: number;

  constructor(now: number) {
    this.usedAt = now;
  }

  get root(): SessionView {
    let view: SessionView = this;
    while (view.mergedInto) view = view.mergedInto;
    return view;
  }

  readonly #known = new Set<string>();

  /** True when the event is folded in already. */
  has(eventId: string): boolean {
    return this.#known.has(eventId);
  }

  /** Folds an entry in; false when it was already there. */
  add(entry: TimelineEntry): boolean {
    if (this.#known.has(entry.eventId)) return false;
    this.#known.add(entry.eventId);
    insertEntry(this.timeline, entry);
    this.summary.add(entry);
    return true;
  }
}

/**
 * The views of one process, by session id: bounded in number and in age, so a session that
 * other processes moved on is re-read from the store rather than trusted for long.
 *
 * @internal
 */
export class ViewCache {
  readonly #byId = new Map<string, SessionView>();
  readonly #order = new Fifo<SessionView>();
  #count = 0;

  constructor(
    readonly maxViews: number,
    readonly ttlMs: number,
    readonly now: () => number,
  ) {}

  /** The view holding any of `ids`, merged into one, or a new one; every id is in it after. */
  open(ids: readonly string[]): SessionView {
    let view: SessionView | undefined;
    for (const id of ids) {
      const found = this.#lookup(id);
      if (found) view = view && view !== found ? this.merge(view, found) : found;
    }
    view ??= this.#create();
    for (const id of ids) this.attach(view, id);
    view.usedAt = this.now();
    return view;
  }

  /** Adds `id` to `view` (merging the view that holds it, if any); returns the view to go on with. */
  attach(view: SessionView, id: string): SessionView {
    if (view.cursors.has(id)) return view;
    const other = view.registered ? this.#lookup(id) : undefined;
    if (other && other !== view) return this.merge(view, other);
    view.cursors.set(id, 0);
    if (view.registered) this.#byId.set(id, view);
    return view;
  }

  /** Moves everything `from` knows into `into`; `from` then points at `into`. */
  merge(into: SessionView, from: SessionView): SessionView {
    for (const [id, cursor] of from.cursors) {
      into.cursors.set(id, Math.max(cursor, into.cursors.get(id) ?? 0));
      if (into.registered) this.#byId.set(id, into);
    }
    for (const entry of from.timeline) into.add(entry);
    if (into.registered) {
      from.mergedInto = into;
      this.#unregister(from);
    }
    return into;
  }

  /** Stops caching a view; reads still using it carry on with it alone. */
  forget(view: SessionView): void {
    this.#unregister(view);
  }

  #lookup(id: string): SessionView | undefined {
    const view = this.#byId.get(id)?.root;
    if (view && view.busy === 0 && view.usedAt + this.ttlMs < this.now()) {
      this.#unregister(view);
      return undefined;
    }
    return view;
  }

  #create(): SessionView {
    const view = new SessionView(this.now());
    this.#order.push(view);
    this.#count += 1;
    // Oldest first; a view a read is using goes to the back instead.
    for (let budget = this.#order.size; this.#count > this.maxViews && budget > 0; budget--) {
      const oldest = this.#order.shift();
      if (!oldest?.registered) continue;
      if (oldest.busy > 0) this.#order.push(oldest);
      else this.#unregister(oldest);
    }
    // Merged and forgotten views leave entries behind; sweep them once they dominate.
    if (this.#order.size > 2 * this.#count + 1024) this.#order.retain((kept) => kept.registered);
    return view;
  }

  #unregister(view: SessionView): void {
    if (!view.registered) return;
    view.registered = false;
    this.#count -= 1;
    for (const id of view.cursors.keys()) if (this.#byId.get(id) === view) this.#byId.delete(id);
  }
}
