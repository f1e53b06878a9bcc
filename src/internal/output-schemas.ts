/**
 * zod/mini building blocks for Coinme's responses. Not part of the public API.
 *
 * Coinme documents amounts and ids as strings, but a number is accepted too (the JSON parser has
 * already kept its exact digits) and turned into the string form the SDK promises.
 */
import * as z from 'zod/mini';
import { numberToPlainDecimal } from './decimal.js';
import { checked, invalid, isStringOrNumber, rejectWith } from './checked.js';

/** An amount: output as a decimal string. */
export const decimalOutput = checked((value, ctx): string => {
  if (!isStringOrNumber(value)) return rejectWith(ctx, value, invalid);
  return typeof value === 'number' ? numberToPlainDecimal(value) : value;
});

/** An id: output as a string (the same conversion as an amount). */
export const idOutput = decimalOutput;

/** A timestamp string: output as a `Date`. */
export const dateOutput = z.pipe(
  z.string(),
  z.transform((value, ctx): Date => {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? rejectWith(ctx, value, 'is not a valid date') : date;
  }),
);

/**
 * `schema`, or `null` (output as is): what `z.nullable(schema)` accepts, with the same issues,
 * built from schemas already in the client bundle.
 */
export function orNull<S extends z.ZodMiniType>(schema: S) {
  return checked((value, ctx): z.output<S> | null => {
    if (value === null) return null;
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    ctx.issues.push(...result.error.issues);
    return z.NEVER;
  });
}

/** A string that may arrive as `null` or be absent: output as a string, `''` for none. */
export const textOrEmpty = z.pipe(
  z.optional(orNull(z.string())),
  z.transform((value): string => value ?? ''),
);

/**
 * A JSON object whose values all match `value`, reported as `z.record(z.string(), value)`
 * reports it. Only parsed JSON reaches it: no symbol keys, inherited keys or class instances.
 */
export function recordOf<S extends z.ZodMiniType>(value: S) {
  return z.pipe(
    checked((input, ctx) =>
      typeof input === 'object' && input !== null && !Array.isArray(input) ? input : rejectWith<object>(ctx, input, 'expected record'),
    ),
    z.catchall(z.object({}), value),
  );
}
