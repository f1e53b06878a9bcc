/**
 * zod/mini building blocks for request inputs. Not part of the public API.
 *
 * Each one accepts what a caller naturally has (numbers, bigints, Dates) and outputs the exact
 * text Coinme expects, or reports an issue that becomes a `ValidationError` naming the field.
 *
 * Most are a transform over `z.unknown()` that checks the value's type itself and words each
 * problem as the stock zod schema would (`z.union`, `z.int`, `z.url`, `z.regex`...), so the
 * client bundle carries only a few zod schema kinds.
 */
import { checked, invalid, isStringOrNumber, rejectWith } from './checked.js';
import { numberToPlainDecimal } from './decimal.js';

const plainDecimalPattern = /^\d+(\.\d+)?$/;

/**
 * A non-negative amount given as `number | string`, output as a plain decimal string with the
 * caller's exact digits. Numbers beyond 2^53 are refused: they have already lost digits.
 */
export function amountInput(options: { positive?: boolean } = {}) {
  return checked((value, ctx): string => {
    if (!isStringOrNumber(value)) return rejectWith(ctx, value, invalid);
    if (typeof value === 'number' && Math.abs(value) > Number.MAX_SAFE_INTEGER) {
      return rejectWith(ctx, value, 'is too large to be exact as a number; pass it as a string');
    }
    const text = typeof value === 'number' ? numberToPlainDecimal(value) : value;
    if (text.startsWith('-')) return rejectWith(ctx, value, 'must not be negative');
    if (!plainDecimalPattern.test(text)) return rejectWith(ctx, value, 'must be a decimal number such as "200" or "0.015"');
    if (options.positive && !/[1-9]/.test(text)) return rejectWith(ctx, value, 'must be greater than zero');
    return text;
  });
}

/** A coordinate (may be negative) given as `number | string`, output as a decimal string. */
export const coordinateInput = checked((value, ctx): string => {
  if (!isStringOrNumber(value)) return rejectWith(ctx, value, invalid);
  const text = typeof value === 'number' ? numberToPlainDecimal(value) : value.trim();
  if (!/^-?\d+(\.\d+)?$/.test(text)) return rejectWith(ctx, value, 'must be a decimal number such as "-78.617716"');
  return text;
});

/** A 64-bit customer id given as digits, `bigint` or a safe integer; output as its digits. */
export const customerIdInput = checked((value, ctx): string => {
  if (!isStringOrNumber(value) && typeof value !== 'bigint') return rejectWith(ctx, value, invalid);
  if (typeof value === 'number' && !Number.isSafeInteger(value)) {
    return rejectWith(ctx, value, 'must be an integer; pass ids beyond 2^53 as a string or bigint');
  }
  const text = String(value);
  if (!/^\d{1,19}$/.test(text)) return rejectWith(ctx, value, 'must be a positive 64-bit integer id');
  return text;
});

/** A point in time given as a valid `Date` or a parseable string; output as ISO 8601 UTC (`...Z`). */
export const dateTimeInput = checked((value, ctx): string => {
  if (typeof value !== 'string' && !(value instanceof Date && !Number.isNaN(value.getTime()))) return rejectWith(ctx, value, invalid);
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return rejectWith(ctx, value, 'must be a valid date or ISO 8601 string');
  return date.toISOString().replace('.000Z', 'Z');
});

/** An integer from `min` to `max`, with the messages of `z.int().check(z.minimum(min), z.maximum(max))`. */
export function integerInput(min: number, max?: number) {
  return checked((value, ctx): number => {
    if (!Number.isFinite(value)) return rejectWith(ctx, value, 'expected number');
    if (!Number.isInteger(value)) return rejectWith(ctx, value, 'expected int');
    const integer = value as number;
    // Every bound that fails is reported, the safe-integer range first.
    if (integer > Number.MAX_SAFE_INTEGER) rejectWith(ctx, value, `must be at most ${Number.MAX_SAFE_INTEGER}`);
    if (integer < Number.MIN_SAFE_INTEGER) rejectWith(ctx, value, `must be at least ${Number.MIN_SAFE_INTEGER}`);
    if (integer < min) rejectWith(ctx, value, `must be at least ${min}`);
    if (max !== undefined && integer > max) rejectWith(ctx, value, `must be at most ${max}`);
    return integer;
  });
}

/** An http(s) URL, trimmed and without tabs or line breaks, as `z.url({ protocol: /^https?$/ })` outputs it. */
export const httpUrlInput = checked((value, ctx): string => {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!/^https?:\/\//i.test(text) || !isUrl(text)) return rejectWith(ctx, value, 'must be an http(s) URL');
  // The URL parser ignores these, so a URL is sent as it was read.
  return text.replace(/[\t\n\r]/g, '');
});

function isUrl(text: string): boolean {
  try {
    new URL(text);
    return true;
  } catch {
    return false;
  }
}

/** A string that `pattern` matches, with the messages of `z.string().check(z.regex(pattern, message))`. */
export function stringMatching(pattern: RegExp, message: string) {
  return checked((value, ctx): string => {
    if (typeof value !== 'string') return rejectWith(ctx, value, 'expected string');
    return pattern.test(value) ? value : rejectWith(ctx, value, message);
  });
}

/**
 * A non-empty string, with the messages of `z.string(typeMessage).check(z.minLength(1))`: like
 * that check, a non-string with a zero `length` (an array) is reported as empty too.
 */
export function nonEmptyText(typeMessage: string) {
  return checked((value, ctx): string => {
    if (typeof value !== 'string') rejectWith(ctx, value, typeMessage);
    const length = (value as { length?: unknown } | null | undefined)?.length;
    if (length !== undefined && !((length as number) >= 1)) rejectWith(ctx, value, 'must not be empty');
    return value as string;
  });
}

/** A boolean; anything else is reported with `message`. */
export function booleanInput(message: string) {
  return checked((value, ctx): boolean => (typeof value === 'boolean' ? value : rejectWith(ctx, value, message)));
}

/** A currency or asset code such as `USD` or `BTC`. */
export const currencyCodeInput = stringMatching(/^[A-Za-z0-9]{2,12}$/, 'must be a currency code such as "USD"');

/** A non-empty string. */
export const nonEmptyString = nonEmptyText('expected string');
