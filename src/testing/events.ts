import type { WebhookEvent, WebhookEventType } from '../webhooks/event.js';
import { type EventSeed, idLike } from './events/ids.js';
import { type DeepPartial, deepMerge } from './events/merge.js';
import { type FieldPath, samples } from './events/samples.js';

export type { DeepPartial } from './events/merge.js';
export type { EventSeed } from './events/ids.js';

/**
 * The body of the documented event `T`, exactly as `parseWebhook` types `event.payload`.
 *
 * @example
 * ```ts
 * const body: EventPayload<'CAAS.BUY.COMPLETED'> = events['CAAS.BUY.COMPLETED']();
 * body.data.metadata.blockchainData;
 * ```
 */
export type EventPayload<T extends WebhookEventType> = Extract<WebhookEvent, { type: T }>['payload'];

/**
 * Builds a valid body of event `T`: a corrected sample from the documents, with a fresh event
 * id and time, and `overrides` merged in (objects field by field; arrays and scalars replaced).
 *
 * @example
 * ```ts
 * const factory: EventFactory<'INVOICE_PAID'> = events.INVOICE_PAID;
 * const body = factory({ data: { realAmount: 0.5 } });
 * ```
 */
export type EventFactory<T extends WebhookEventType> = (overrides?: DeepPartial<EventPayload<T>>) => EventPayload<T>;

/**
 * A factory for every documented event type of the webhook union.
 *
 * @example
 * ```ts
 * const factories: EventFactories = createEvents({ seed: 7 });
 * const body = factories['order:crypto-offramp:completed']();
 * ```
 */
export type EventFactories = { readonly [T in WebhookEventType]: EventFactory<T> };

/**
 * Options of {@link createEvents}.
 *
 * @example
 * ```ts
 * const options: CreateEventsOptions = { seed: 'refund-flow', now: () => new Date() };
 * ```
 */
export interface CreateEventsOptions {
  /** Event ids derive from this seed and a per-set counter. Default `0`. */
  seed?: EventSeed;
  /**
   * The time stamped on every event: a date, or a function asked once per event (pass
   * `() => new Date()` for live timestamps). Default `2026-01-01T00:00:00.000Z`, so bodies are
   * reproducible.
   */
  now?: Date | (() => Date);
}

const DEFAULT_NOW = new Date('2026-01-01T00:00:00.000Z');

type Body = Record<string, unknown>;

/** Writes `value` at `path` when the field's parent exists, keeping bodies to their sample's shape. */
function put(body: Body, path: FieldPath, value: unknown): void {
  let parent: unknown = body;
  for (const key of path.slice(0, -1)) parent = typeof parent === 'object' && parent !== null ? (parent as Body)[key] : undefined;
  const last = path.at(-1);
  if (last !== undefined && typeof parent === 'object' && parent !== null) (parent as Body)[last] = value;
}

function get(body: Body, path: FieldPath): unknown {
  let value: unknown = body;
  for (const key of path) value = typeof value === 'object' && value !== null ? (value as Body)[key] : undefined;
  return value;
}

// A time in the sample's own form: epoch seconds stay epoch seconds, anything else becomes ISO 8601.
function timeLike(sample: unknown, now: Date): unknown {
  const seconds = Math.floor(now.getTime() / 1000);
  if (typeof sample === 'number') return seconds;
  if (typeof sample === 'string' && /^\d+$/.test(sample)) return String(seconds);
  return now.toISOString();
}

/**
 * Creates a set of event factories. Within a set, every call gets the next counter value, and
 * the event's id fields are derived from the seed and that counter: UUIDs where the sample has a
 * UUID, digit strings where it has a digit string, integers where it has a number. Two sets with
 * the same seed and `now` give identical bodies call for call; different seeds give different
 * ids. Ids that name what the events are about (order, transaction, session) keep the sample's
 * values so a set's events link up, except the payment callbacks' `orderId` (their only id),
 * which is derived from the seed once per set.
 *
 * Payment callbacks (`payment_received`, ...) carry their signature in the body. Factories keep
 * the sample's `signature`, which no longer matches once ids, time or overrides change it:
 * `sign(payload, secret, { scheme: 'body' })` recomputes it.
 *
 * @example
 * ```ts
 * const a = createEvents({ seed: 'checkout-test', now: new Date('2025-06-01T12:00:00Z') });
 * const completed = a['CAAS.BUY.COMPLETED']({ data: { transactionId: '1316435202751467520' } });
 * const live = createEvents({ seed: crypto.randomUUID(), now: () => new Date() });
 * ```
 */
export function createEvents(options: CreateEventsOptions = {}): EventFactories {
  const seed = options.seed ?? 0;
  const now = options.now ?? DEFAULT_NOW;
  let counter = 0;
  const factories: Record<string, (overrides?: unknown) => unknown> = {};
  for (const [type, sample] of samples) {
    factories[type] = (overrides) => {
      counter += 1;
      const body = structuredClone(sample.body) as Body;
      const { eventIds, setIds, time } = sample.stamp;
      for (const path of eventIds) put(body, path, idLike(get(body, path), seed, counter, path.join('.')));
      for (const path of setIds) put(body, path, idLike(get(body, path), seed, 0, `set:${path.join('.')}`));
      put(body, time, timeLike(get(body, time), typeof now === 'function' ? now() : now));
      return deepMerge(body, overrides);
    };
  }
  // One factory per sample, and the samples are keyed by the union's types.
  return Object.freeze(factories) as EventFactories;
}

/**
 * The default factory set (seed `0`, fixed time): one factory per documented event type, each
 * returning a plain JSON body that `parseWebhook` maps back to that type.
 *
 * @example
 * ```ts
 * const payload = events['CAAS.BUY.COMPLETED']({ data: { externalSessionId: 'session-42' } });
 * const { body, headers } = await sign(payload, secret);
 * await fetch('http://localhost:3000/webhooks/coinme', { method: 'POST', body, headers });
 * ```
 */
export const events: EventFactories = /* @__PURE__ */ createEvents();
