/**
 * zod schemas of the fields the resources share: what callers pass (numbers, bigints, Dates)
 * turned into the exact text Coinme expects, and what Coinme answers turned into the types the
 * SDK promises (amounts and ids as strings, timestamps as `Date`).
 *
 * Messages name the rule, never the value (a field may hold card data). A missing field is
 * reported as "is missing" by `parseInput`/`parseResponse`, so messages here leave it to them.
 */
import * as z from 'zod/mini';
import { numberToPlainDecimal } from '../internal/decimal.js';
import { lazy } from '../internal/lazy.js';

const plainDecimal = /^\d+(\.\d+)?$/;
const signedDecimal = /^-?\d+(\.\d+)?$/;
const digits = /^\d+$/;

// Epoch values below this are seconds: 1e11 s is the year 5138, 1e11 ms is March 1973.
const secondsBelow = 1e11;

// A number is read as the shortest decimal that round-trips it: what the caller wrote in source.
const asText = (value: number | string): string => (typeof value === 'number' ? numberToPlainDecimal(value) : value);

/** zod's issue message `text`, except for a missing value, which the parse reports as "is missing". */
const says = (text: string) => ({ error: (issue: { input?: unknown }) => (issue.input === undefined ? undefined : text) });

/** A string matching `pattern`; the message never repeats the value. */
export const matchingInput = (pattern: RegExp, message: string) => z.string(says(message)).check(z.regex(pattern, message));

/** One of `values`. */
export const oneOfInput = <const T extends string>(values: readonly [T, ...T[]]) =>
  z.enum(values, says(`must be one of ${values.map((value) => JSON.stringify(value)).join(', ')}`));

/** `schema`, or `null`/absent, which is output as `undefined` (Coinme sends `null` for "none"). */
export const optional = <S extends z.ZodMiniType>(schema: S) => z.optional(z.pipe(z.nullish(schema), z.transform((value) => value ?? undefined)));

function buildFields() {
  // The transform follows the union: zod reports a branch's own issue only from plain branches.
  const numberOrText = z.union(
    [z.number().check(z.maximum(Number.MAX_SAFE_INTEGER, 'is too large to be exact as a number; pass it as a string')), z.string()],
    says('must be a number or a decimal string'),
  );
  const amountInput = z.pipe(
    z.pipe(numberOrText, z.transform(asText)),
    z.string().check(z.regex(plainDecimal, 'must be a non-negative decimal number such as "200" or "0.015"')),
  );
  const decimalOutput = z.pipe(
    z.union([z.number(), z.string().check(z.regex(signedDecimal, 'must be a decimal number'))], says('must be a decimal number')),
    z.transform(asText),
  );
  const isoDateMessage = 'must be an ISO 8601 date-time';
  const nonEmptyString = z.string(says('must be a non-empty string')).check(z.minLength(1, 'must be a non-empty string'));
  const countMessage = 'must be a non-negative integer';
  const epochMessage = 'must be an epoch timestamp or ISO 8601 date-time';
  const digitsToNumber = (message: string) => z.pipe(z.string().check(z.regex(digits, message)), z.transform(Number));
  const optionalString = z.nullish(z.string());
  return {
    /** A non-negative amount given as `number | string`, output as a plain decimal string (`"200"`, `"0.015"`). */
    amountInput,
    /** An amount above zero. */
    positiveAmountInput: amountInput.check(z.refine((text) => /[1-9]/.test(text), 'must be greater than zero')),
    /** A coordinate (may be negative) given as `number | string`, output as a decimal string. */
    coordinateInput: z.pipe(
      z.pipe(
        numberOrText,
        z.transform((value) => asText(value).trim()),
      ),
      z.string().check(z.regex(signedDecimal, 'must be a decimal number such as "-78.617716"')),
    ),
    /** A 64-bit id given as digits, a `bigint` or a safe integer; output as its digits. */
    idInput: z.pipe(
      z.pipe(
        z.union(
          [z.string(), z.bigint(), z.number().check(z.refine(Number.isSafeInteger, 'must be an integer; pass ids beyond 2^53 as a string or bigint'))],
          says('must be a positive 64-bit integer id'),
        ),
        z.transform(String),
      ),
      z.string().check(z.regex(/^\d{1,19}$/, 'must be a positive 64-bit integer id (pass ids beyond 2^53 as a string or bigint)')),
    ),
    /** A point in time given as a valid `Date` or a parseable string; output as ISO 8601 UTC (`...Z`). */
    dateTimeInput: z.pipe(
      z.pipe(
        z.union(
          [
            z.date(),
            z.pipe(
              z.string(),
              z.transform((text) => new Date(text)),
            ),
          ],
          says('must be a valid date or ISO 8601 string'),
        ),
        z.date('must be a valid date or ISO 8601 string'),
      ),
      z.transform((date) => date.toISOString().replace('.000Z', 'Z')),
    ),
    /** A currency or asset code such as `USD` or `BTC`. */
    currencyCodeInput: matchingInput(/^[A-Za-z0-9]{2,12}$/, 'must be a currency code such as "USD"'),
    /** A non-empty string, passed on exactly as given. */
    nonEmptyString,
    /** An http(s) URL, as the URL parser reads it (trimmed, without tabs or line breaks). */
    httpUrlInput: z.url({ protocol: /^https?$/, hostname: z.regexes.hostname, error: 'must be an http(s) URL' }),
    /** An amount Coinme sent, as a number or a string: output as a decimal string. */
    decimalOutput,
    /** An id Coinme sent as a number or a non-empty string (ids beyond 2^53 arrive as their digits): output as a string. */
    idOutput: z.pipe(z.union([z.number(), nonEmptyString], says('must be an id string')), z.transform(asText)),
    /** An ISO 8601 timestamp Coinme sent: output as a `Date`. */
    dateOutput: z.pipe(z.string(says(isoDateMessage)), z.coerce.date(isoDateMessage)),
    /**
     * A point in time sent as epoch seconds or milliseconds (a number or its digits; Coinme's
     * reference says millis and shows seconds) or as an ISO string, output as a `Date`.
     */
    epochDateOutput: z.pipe(
      z.union(
        [
          z.pipe(
            z.union([z.number().check(z.minimum(0, epochMessage)), digitsToNumber(epochMessage)]),
            z.transform((epoch) => new Date(epoch < secondsBelow ? epoch * 1000 : epoch)),
          ),
          z.pipe(z.string(), z.coerce.date()),
        ],
        says(epochMessage),
      ),
      z.date(epochMessage),
    ),
    /** A string that may arrive as `null` or be absent: output as `undefined` then. */
    optionalText: z.pipe(
      optionalString,
      z.transform((value) => value ?? undefined),
    ),
    /** A string that may arrive as `null` or be absent: output as a string, `''` for none. */
    textOrEmpty: z.pipe(
      optionalString,
      z.transform((value) => value ?? ''),
    ),
    /** A boolean Coinme may send as `"true"` / `"false"`. */
    booleanOutput: z.union(
      [
        z.boolean(),
        z.pipe(
          z.enum(['true', 'false']),
          z.transform((text) => text === 'true'),
        ),
      ],
      says('must be a boolean'),
    ),
    /** A count: a non-negative integer, or its digits. */
    countOutput: z.pipe(z.union([z.number(), digitsToNumber(countMessage)], says(countMessage)), z.int(countMessage).check(z.minimum(0, countMessage))),
    /** Fee amounts keyed by fee name; `{}` for none. */
    feesOutput: z.pipe(
      optional(z.record(z.string(), decimalOutput)),
      z.transform((fees) => fees ?? {}),
    ),
  };
}

/** The shared field schemas, built on first use. */
export const fields = /* @__PURE__ */ lazy(buildFields);
