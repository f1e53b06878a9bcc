/**
 * Classic zod field schemas shared by the quote, order-template, payment-method and transaction
 * resources. Not part of the public API.
 *
 * Inputs take what a caller naturally has and output the exact text Coinme expects; outputs
 * accept Coinme's strings (or numbers, whose exact digits the JSON parser kept) and output the
 * SDK's types. A field that is absent is reported as "is missing", not as a type mismatch.
 */
import * as z from 'zod';
import { numberToPlainDecimal } from '../internal/decimal.js';
import { lazy } from '../internal/lazy.js';

type Issues = { issues: Array<{ code: 'custom'; message: string; input: unknown }> };

/** Reports `message` (or "is missing" for `undefined`) at the field being parsed. */
function reject(ctx: { issues: unknown[] }, value: unknown, message: string): never {
  (ctx as Issues).issues.push({ code: 'custom', message: value === undefined ? 'is missing' : message, input: value });
  return z.NEVER;
}

/** A schema that hands any value to `check`, which converts it or calls `reject`. */
function field<T>(check: (value: unknown, ctx: { issues: unknown[] }) => T) {
  return z.unknown().transform(check);
}

const decimalPattern = /^-?\d+(\.\d+)?$/;
const positiveDecimalPattern = /^\d+(\.\d+)?$/;

// Epoch values below this are seconds: 1e11 s is the year 5138, 1e11 ms is March 1973.
const secondsBelow = 1e11;

/** A string matching `pattern`; the message never repeats the value (it may be card data). */
export function matchingInput(pattern: RegExp, message: string) {
  return field((value, ctx): string => (typeof value === 'string' && pattern.test(value) ? value : reject(ctx, value, message)));
}

/** One of `values`. */
export function oneOfInput<const T extends string>(values: readonly T[]) {
  const message = `must be one of ${values.map((value) => JSON.stringify(value)).join(', ')}`;
  return field((value, ctx): T => (values.includes(value as T) ? (value as T) : reject(ctx, value, message)));
}

/** `schema`, or `null`/absent, output as `undefined`; a present value keeps `schema`'s own issues. */
export function optional<S extends z.ZodType>(schema: S) {
  return field((value, ctx): z.output<S> | undefined => {
    if (value === null || value === undefined) return undefined;
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    ctx.issues.push(...result.error.issues);
    return z.NEVER;
  }).optional();
}

function buildPartnerFields() {
  const decimalOutput = field((value, ctx): string => {
    if (typeof value === 'number' && Number.isFinite(value)) return numberToPlainDecimal(value);
    return typeof value === 'string' && decimalPattern.test(value) ? value : reject(ctx, value, 'must be a decimal string such as "2.5"');
  });
  return {
    /** A 64-bit id (customer ids): digits, a `bigint` or a safe integer; output as its digits. */
    idInput: field((value, ctx): string => {
      if (typeof value === 'number' && !Number.isSafeInteger(value)) {
        return reject(ctx, value, 'must be an integer; pass ids beyond 2^53 as a string or bigint');
      }
      const text = typeof value === 'string' || typeof value === 'bigint' || typeof value === 'number' ? String(value) : '';
      return /^\d{1,19}$/.test(text) ? text : reject(ctx, value, 'must be a positive 64-bit integer id');
    }),
    /** An amount as `number | string`, output as a plain decimal string greater than zero. */
    amountInput: field((value, ctx): string => {
      if (typeof value === 'number' && (!Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER)) {
        return reject(ctx, value, 'must be a finite number below 2^53; pass larger amounts as a string');
      }
      const text = typeof value === 'number' ? numberToPlainDecimal(value) : value;
      if (typeof text !== 'string' || !positiveDecimalPattern.test(text)) return reject(ctx, value, 'must be a decimal number such as "200" or "0.015"');
      return /[1-9]/.test(text) ? text : reject(ctx, value, 'must be greater than zero');
    }),
    /** A coordinate as `number | string` (may be negative), output as a decimal string. */
    coordinateInput: field((value, ctx): string => {
      const text = typeof value === 'number' && Number.isFinite(value) ? numberToPlainDecimal(value) : value;
      return typeof text === 'string' && decimalPattern.test(text) ? text : reject(ctx, value, 'must be a decimal number such as "-78.617716"');
    }),
    /** A point in time as a valid `Date` or a parseable string; output as ISO 8601 UTC (`2022-01-24T16:44:49Z`). */
    dateTimeInput: field((value, ctx): string => {
      const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : undefined;
      if (!date || Number.isNaN(date.getTime())) return reject(ctx, value, 'must be a valid Date or ISO 8601 string');
      return date.toISOString().replace('.000Z', 'Z');
    }),
    /** A currency or asset code such as `USD` or `BTC`. */
    currencyCodeInput: field((value, ctx): string =>
      typeof value === 'string' && /^[A-Za-z0-9]{2,12}$/.test(value) ? value : reject(ctx, value, 'must be a currency code such as "USD"'),
    ),
    /** A non-empty string, passed on exactly as given. */
    textInput: field((value, ctx): string =>
      typeof value === 'string' && value !== '' ? value : reject(ctx, value, 'must be a non-empty string'),
    ),
    /** An amount or price: a decimal string (a JSON number is converted with its exact digits). */
    decimalOutput,
    /** An id: a non-empty string, or an integer (ids beyond 2^53 already arrive as their digits). */
    idOutput: field((value, ctx): string => {
      if (typeof value === 'number' && Number.isInteger(value)) return String(value);
      return typeof value === 'string' && value !== '' ? value : reject(ctx, value, 'must be an id string');
    }),
    /** A string Coinme may send as `null`: output as `undefined` then. */
    optionalText: z.string().nullish().transform((value) => value ?? undefined),
    /** A boolean Coinme may send as `"true"` / `"false"`. */
    booleanOutput: field((value, ctx): boolean => {
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 'false') return value === 'true';
      return reject(ctx, value, 'must be a boolean');
    }),
    /** A count: a non-negative integer, or its digits. */
    countOutput: field((value, ctx): number => {
      const count = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
      return typeof count === 'number' && Number.isSafeInteger(count) && count >= 0 ? count : reject(ctx, value, 'must be a non-negative integer');
    }),
    /** An ISO 8601 date-time, output as a `Date`. */
    isoDateOutput: field((value, ctx): Date => {
      const date = typeof value === 'string' ? new Date(value) : undefined;
      return date && !Number.isNaN(date.getTime()) ? date : reject(ctx, value, 'must be an ISO 8601 date-time');
    }),
    /**
     * A point in time sent as epoch seconds or milliseconds (a number or its digits; Coinme's
     * reference says millis and shows seconds) or as an ISO string, output as a `Date`.
     */
    epochDateOutput: field((value, ctx): Date => {
      const epoch = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
      if (typeof epoch === 'number' && Number.isFinite(epoch) && epoch >= 0) return new Date(epoch < secondsBelow ? epoch * 1000 : epoch);
      const date = typeof value === 'string' ? new Date(value) : undefined;
      return date && !Number.isNaN(date.getTime()) ? date : reject(ctx, value, 'must be an epoch timestamp or ISO 8601 date-time');
    }),
    /** Fee amounts keyed by fee name. */
    feesOutput: optional(z.record(z.string(), decimalOutput)).transform((fees) => fees ?? {}),
  };
}

/** The partner-API field schemas, built on first use. */
export const partnerFields = /* @__PURE__ */ lazy(buildPartnerFields);
