import type * as z from 'zod/mini';

/** Which document family an event comes from. */
export type WebhookSource = 'coinme.widget' | 'coinme.notification' | 'offramp' | 'processing' | 'callback';

/** The members of the webhook union all have this shape. */
export interface TypedWebhookEvent<S extends WebhookSource, T extends string, P> {
  /** The document family the event belongs to. */
  readonly source: S;
  /** Unique across the union: `switch (event.type)` narrows `payload`. */
  readonly type: T;
  /** The event's own id (event_id, id, requestId + id, ... as the family defines it). */
  readonly id: string;
  /** When the event happened, as the body states it. */
  readonly occurredAt: Date;
  /** The body exactly as typed by its schema (unknown extra fields kept). */
  readonly payload: P;
}

/** A schema per documented `type`, each over the whole body. */
export type SchemaMap = Readonly<Record<string, z.ZodMiniType>>;

/**
 * One document family: how to recognise its bodies, the schema of each documented type, and
 * where its id and time are. Families are tried in order by `parseWebhook`.
 *
 * @internal
 */
export interface WebhookFamily<S extends WebhookSource = WebhookSource, M extends SchemaMap = SchemaMap> {
  readonly source: S;
  /** Every documented `type`, in the order of `schemas`; known without building any schema. */
  readonly types: readonly (keyof M & string)[];
  /**
   * If the body has this family's shape, the union `type` it claims (a key of `schemas` for a
   * documented event, or the provider's own name for an undocumented one); else `undefined`.
   * Never throws, whatever the body.
   */
  classify(body: Readonly<Record<string, unknown>>): string | undefined;
  /**
   * The schema of each documented type. Built on the first read (a getter over {@link lazy}), so
   * importing the SDK builds nothing and a family nobody receives is never built.
   */
  readonly schemas: M;
  /** The event id of a payload that passed its schema. */
  eventId(payload: z.output<M[keyof M]>): string;
  /** The event time of a payload that passed its schema. */
  occurredAt(payload: z.output<M[keyof M]>): Date;
}

/** The union of typed events a schema map describes. */
export type EventsOf<S extends WebhookSource, M extends SchemaMap> = {
  [K in keyof M & string]: TypedWebhookEvent<S, K, z.output<M[K]>>;
}[keyof M & string];

/**
 * Helps a family module keep its literal types while checking it against the interface.
 *
 * @internal
 */
/* @__NO_SIDE_EFFECTS__ */
export function defineFamily<S extends WebhookSource, M extends SchemaMap>(family: WebhookFamily<S, M>): WebhookFamily<S, M> {
  return family;
}

/**
 * `build`, run on the first call only; later calls return what it built. Family modules build
 * their schemas through it, so that work waits for the first body of the family.
 *
 * @internal
 */
/* @__NO_SIDE_EFFECTS__ */
export function lazy<T extends object>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}
