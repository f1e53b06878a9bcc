import * as z from 'zod/mini';

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

/**
 * A family's table: one row per documented event, its union `type` to a function building its
 * schema. The union type, the type list, the samples and the tests all derive from it, so a new
 * event is one row here (plus its sample). Schemas are built on first use, never at import.
 *
 * @internal
 */
export type EventTable = Readonly<Record<string, () => z.ZodMiniType>>;

/** The body type of one row of a table. */
export type PayloadOf<T extends EventTable, K extends keyof T> = z.output<ReturnType<T[K]>>;

/** The union of typed events a table describes. */
export type EventsOf<S extends WebhookSource, T extends EventTable> = {
  [K in keyof T & string]: TypedWebhookEvent<S, K, PayloadOf<T, K>>;
}[keyof T & string];

/**
 * One document family: its table, how to recognise its bodies, and where its id and time are.
 *
 * @internal
 */
export interface FamilyDefinition<S extends WebhookSource, T extends EventTable> {
  readonly source: S;
  readonly table: T;
  /**
   * If the body has this family's shape, the union `type` it claims (a row of `table` for a
   * documented event, or the provider's own name for an undocumented one); else `undefined`.
   * Never throws, whatever the body.
   */
  classify(body: Readonly<Record<string, unknown>>): string | undefined;
  /** The event id of a payload that passed its schema. */
  id(payload: PayloadOf<T, keyof T>): string;
  /** The event time of a payload that passed its schema. */
  occurredAt(payload: PayloadOf<T, keyof T>): Date;
}

/** A validated body: its schema's output, id and time. */
export interface ReadEvent {
  readonly payload: unknown;
  readonly id: string;
  readonly occurredAt: Date;
}

/**
 * What `parseWebhook` needs of a family, with its literal types set aside: the list of families
 * holds several tables of different types.
 *
 * @internal
 */
export interface Family {
  readonly source: WebhookSource;
  readonly types: readonly string[];
  classify(body: Readonly<Record<string, unknown>>): string | undefined;
  /** The schema of a documented `type`, built on first use; `undefined` for any other name. */
  schema(type: string): z.ZodMiniType | undefined;
  /** The id and time of a payload that passed `schema(type)`. */
  describe(payload: unknown): Omit<ReadEvent, 'payload'>;
}

// zod's ahead-of-time compiled parser is 2 to 5 times faster on these bodies, but compiling
// costs milliseconds: a type is compiled when it comes a second time, so a cold start that sees
// one delivery never pays for it. Where code generation is refused (workerd, CSP), the schema
// keeps zod's regular parser.
function compiled(schema: z.ZodMiniType): z.ZodMiniType {
  try {
    return z.compile(schema);
  } catch {
    return schema;
  }
}

interface Built {
  schema: z.ZodMiniType;
  uses: number;
}

/**
 * Turns a family definition into what `parseWebhook` asks of it.
 *
 * @internal
 */
/* @__NO_SIDE_EFFECTS__ */
export function defineFamily<S extends WebhookSource, T extends EventTable>(definition: FamilyDefinition<S, T>): Family {
  const built = new Map<string, Built>();
  const { table } = definition;
  return {
    source: definition.source,
    types: Object.keys(table),
    classify: definition.classify,
    schema(type) {
      // Own rows only: a provider name such as `constructor` must not reach Object.prototype.
      if (!Object.hasOwn(table, type)) return undefined;
      let entry = built.get(type);
      if (entry === undefined) {
        entry = { schema: (table[type] as () => z.ZodMiniType)(), uses: 0 };
        built.set(type, entry);
      }
      if (++entry.uses === 2) entry.schema = compiled(entry.schema);
      return entry.schema;
    },
    // Only ever given the output of one of this family's schemas, which is a PayloadOf<T>.
    describe: (payload) => ({
      id: definition.id(payload as PayloadOf<T, keyof T>),
      occurredAt: definition.occurredAt(payload as PayloadOf<T, keyof T>),
    }),
  };
}
