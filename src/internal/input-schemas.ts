/**
 * zod/mini building blocks for request inputs. Not part of the public API.
 *
 * Each one accepts what a caller naturally has (numbers, bigints, Dates) and outputs the exact
 * text Coinme expects, or reports an issue that becomes a `ValidationError` naming the field.
 */
import * as z from 'zod/mini';
import { numberToPlainDecimal } from './decimal.js';

const plainDecimalPattern = /^\d+(\.\d+)?$/;

function rejectWith<T>(ctx: { issues: unknown[] }, input: unknown, message: string): T {
  (ctx.issues as Array<{ code: 'custom'; message: string; input: unknown }>).push({ code: 'custom', message, input });
  return z.NEVER as T;
}

/**
 * A non-negative amount given as `number | string`, output as a plain decimal string with the
 * caller's exact digits. Numbers beyond 2^53 are refused: they have already lost digits.
 */
export function amountInput(options: { positive?: boolean } = {}) {
  return z.pipe(
    z.union([z.string(), z.number()]),
    z.transform((value, ctx): string => {
      let text: string;
      if (typeof value === 'number') {
        if (!Number.isFinite(value)) return rejectWith(ctx, value, 'must be a finite number');
        if (Math.abs(value) > Number.MAX_SAFE_INTEGER) {
          return rejectWith(ctx, value, 'is too large to be exact as a number; pass it as a string');
        }
        text = numberToPlainDecimal(value);
      } else {
        text = value;
      }
      if (text.startsWith('-')) return rejectWith(ctx, value, 'must not be negative');
      if (!plainDecimalPattern.test(text)) return rejectWith(ctx, value, 'must be a decimal number such as "200" or "0.015"');
      if (options.positive && !/[1-9]/.test(text)) return rejectWith(ctx, value, 'must be greater than zero');
      return text;
    }),
  );
}

/** A coordinate (may be negative) given as `number | string`, output as a decimal string. */
export const coordinateInput = z.pipe(
  z.union([z.string(), z.number()]),
  z.transform((value, ctx): string => {
    if (typeof value === 'number' && !Number.isFinite(value)) return rejectWith(ctx, value, 'must be a finite number');
    const text = typeof value === 'number' ? numberToPlainDecimal(value) : value.trim();
    if (!/^-?\d+(\.\d+)?$/.test(text)) return rejectWith(ctx, value, 'must be a decimal number such as "-78.617716"');
    return text;
  }),
);

/** A 64-bit customer id given as digits, `bigint` or a safe integer; output as its digits. */
export const customerIdInput = z.pipe(
  z.union([z.string(), z.number(), z.bigint()]),
  z.transform((value, ctx): string => {
    if (typeof value === 'number' && !Number.isSafeInteger(value)) {
      return rejectWith(ctx, value, 'must be an integer; pass ids beyond 2^53 as a string or bigint');
    }
    const text = String(value);
    if (!/^\d{1,19}$/.test(text)) return rejectWith(ctx, value, 'must be a positive 64-bit integer id');
    return text;
  }),
);

/** A point in time given as `Date` or a parseable string; output as ISO 8601 UTC (`...Z`). */
export const dateTimeInput = z.pipe(
  z.union([z.date(), z.string()]),
  z.transform((value, ctx): string => {
    const date = typeof value === 'string' ? new Date(value) : value;
    if (Number.isNaN(date.getTime())) return rejectWith(ctx, value, 'must be a valid date or ISO 8601 string');
    return date.toISOString().replace('.000Z', 'Z');
  }),
);

/** A currency or asset code such as `USD` or `BTC`. */
export const currencyCodeInput = z.string().check(z.regex(/^[A-Za-z0-9]{2,12}$/, 'must be a currency code such as "USD"'));

/** A non-empty string. */
export const nonEmptyString = z.string().check(z.minLength(1, 'must not be empty'));
