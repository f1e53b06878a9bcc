/**
 * zod schemas of the fields several resources share: what callers pass (numbers, bigints, Dates)
 * turned into the exact text Coinme expects, and what Coinme answers turned into the types the
 * SDK promises (amounts and ids as strings, `...At`/`...DateTime` as `Date`).
 */
import * as z from 'zod';
import { numberToPlainDecimal } from '../internal/decimal.js';
import { lazy } from '../internal/lazy.js';

const plainDecimal = /^\d+(\.\d+)?$/;
const signedDecimal = /^-?\d+(\.\d+)?$/;

// A number is read as the shortest decimal that round-trips it: what the caller wrote in source.
const asText = (value: number | string): string => (typeof value === 'number' ? numberToPlainDecimal(value) : value);

function buildFields() {
  // The transform follows the union: zod reports a branch's own issue only from plain branches.
  const numberOrText = z.union([z.number().max(Number.MAX_SAFE_INTEGER, 'is too large to be exact as a number; pass it as a string'), z.string()]);
  const amountInput = numberOrText.transform(asText).pipe(z.string().regex(plainDecimal, 'must be a non-negative decimal number such as "200" or "0.015"'));
  const nonEmptyString = z.string().min(1);
  return {
    /** A non-negative amount given as `number | string`, output as a plain decimal string (`"200"`, `"0.015"`). */
    amountInput,
    /** An amount above zero. */
    positiveAmountInput: amountInput.refine((text) => /[1-9]/.test(text), 'must be greater than zero'),
    /** A coordinate (may be negative) given as `number | string`, output as a decimal string. */
    coordinateInput: numberOrText
      .transform((value) => asText(value).trim())
      .pipe(z.string().regex(signedDecimal, 'must be a decimal number such as "-78.617716"')),
    /** A 64-bit customer id given as digits, a `bigint` or a safe integer; output as its digits. */
    customerIdInput: z
      .union([z.string(), z.bigint(), z.int()])
      .transform(String)
      .pipe(z.string().regex(/^\d{1,19}$/, 'must be a positive 64-bit integer id (pass ids beyond 2^53 as a string or bigint)')),
    /** A point in time given as a valid `Date` or a parseable string; output as ISO 8601 UTC (`...Z`). */
    dateTimeInput: z
      .union([z.date(), z.string().transform((text) => new Date(text))])
      .pipe(z.date('must be a valid date or ISO 8601 string'))
      .transform((date) => date.toISOString().replace('.000Z', 'Z')),
    /** A currency or asset code such as `USD` or `BTC`. */
    currencyCodeInput: z.string().regex(/^[A-Za-z0-9]{2,12}$/, 'must be a currency code such as "USD"'),
    /** A non-empty string. */
    nonEmptyString,
    /** An http(s) URL, as the URL parser reads it (trimmed, without tabs or line breaks). */
    httpUrlInput: z.url({ protocol: /^https?$/, hostname: z.regexes.hostname, error: 'must be an http(s) URL' }),
    /** An amount Coinme sent, as a number or a string: output as a decimal string. */
    decimalOutput: z.union([z.number(), z.string().regex(signedDecimal, 'must be a decimal number')]).transform(asText),
    /** An id Coinme sent as digits or a number: output as a string. */
    idOutput: z.union([z.number(), z.string()]).transform(asText),
    /** A timestamp Coinme sent: output as a `Date`. */
    dateOutput: z.string().pipe(z.coerce.date('must be a valid date')),
    /** A string that may arrive as `null` or be absent: output as a string, `''` for none. */
    textOrEmpty: z
      .string()
      .nullish()
      .transform((value) => value ?? ''),
  };
}

/** The shared field schemas, built on first use. */
export const fields = /* @__PURE__ */ lazy(buildFields);
