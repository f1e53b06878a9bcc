import { $constructor, $ZodObjectJIT, type $loose, type $ZodLooseShape } from 'zod/v4/core';
import * as z from 'zod/mini';
import { lazy } from '../family.js';

// Shared building blocks of the family schemas. Objects are loose: unknown fields are kept.
// They are functions, not schemas: nothing is built when the module is imported, only when a
// family builds its schemas on first use.

/** A decimal amount sent as a string ("0.047116964221968237"); never converted to a number. */
export const decimalString = () => z.string();

/** A timestamp string as sent (ISO 8601, with or without zone). */
export const timestampString = () => z.string();

/**
 * A numeric id. The parser turns integers beyond 2^53 into strings before validation, so ids
 * arrive as a safe number or as a string, never as a rounded number.
 */
export const numericId = () => z.union([z.number(), z.string()]);

/** An amount a document sends as a JSON number (precision beyond 2^53 kept as a string). */
export const jsonAmount = () => z.union([z.number(), z.string()]);

type LooseObject = z.ZodMiniObject<$ZodLooseShape, $loose>;

// `z.looseObject` as zod/mini builds it, but on the object core that `zod` itself uses for its
// objects: on first parse it generates a parser specialised to the shape (about 6 times faster
// on these bodies), and where code generation is not allowed it parses as zod/mini does. Same
// results, same issues.
type Init = (inst: LooseObject, def: LooseObject['_zod']['def']) => void;
const JitLooseObject = /* @__PURE__ */ lazy(() => {
  const objectInit: Init = $ZodObjectJIT.init;
  const miniInit: Init = z.ZodMiniType.init;
  return $constructor<LooseObject>('ZodMiniObject', (inst, def) => {
    objectInit(inst, def);
    miniInit(inst, def);
    Object.defineProperty(inst, 'shape', { value: def.shape, configurable: true, writable: true });
  });
});

/** An object whose unknown fields are kept (`z.looseObject`), parsed through zod's JIT object core. */
export function looseObject<S extends $ZodLooseShape>(shape: S): z.ZodMiniObject<S, $loose> {
  const Constructor = JitLooseObject();
  return new Constructor({ type: 'object', shape, catchall: z.unknown() }) as unknown as z.ZodMiniObject<S, $loose>;
}

/** Optional and nullable: the documents show the field as sometimes absent or null. */
export const maybe = <T extends z.ZodMiniType>(schema: T) => z.optional(z.nullable(schema));

/** A JSON object (not null, not an array). Used by the families' `classify`. */
export const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A body's own property: a key inherited through a prototype is not part of the body. */
export const own = (body: Readonly<Record<string, unknown>>, key: string): unknown =>
  Object.hasOwn(body, key) ? body[key] : undefined;
