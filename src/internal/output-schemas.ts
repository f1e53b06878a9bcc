/**
 * zod/mini building blocks for Coinme's responses. Not part of the public API.
 *
 * Coinme documents amounts and ids as strings, but a number is accepted too (the JSON parser has
 * already kept its exact digits) and turned into the string form the SDK promises.
 */
import * as z from 'zod/mini';
import { numberToPlainDecimal } from './decimal.js';

/** An amount: output as a decimal string. */
export const decimalOutput = z.pipe(
  z.union([z.string(), z.number()]),
  z.transform((value): string => (typeof value === 'number' ? numberToPlainDecimal(value) : value)),
);

/** An id: output as a string. */
export const idOutput = z.pipe(
  z.union([z.string(), z.number()]),
  z.transform((value): string => (typeof value === 'number' ? numberToPlainDecimal(value) : value)),
);

/** A timestamp string: output as a `Date`. */
export const dateOutput = z.pipe(
  z.string(),
  z.transform((value, ctx): Date => {
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) {
      ctx.issues.push({ code: 'custom', message: 'is not a valid date', input: value });
      return z.NEVER;
    }
    return date;
  }),
);

/** A string that may arrive as `null` or be absent: output as a string, `''` for none. */
export const textOrEmpty = z.pipe(
  z.optional(z.nullable(z.string())),
  z.transform((value): string => value ?? ''),
);
