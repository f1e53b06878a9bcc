/**
 * JSON parsing that keeps numbers exact. Not part of the public API.
 *
 * Coinme's ids are 64-bit integers; if one arrives as a JSON number beyond 2^53 a plain
 * `JSON.parse` silently rounds it. Where the runtime passes the number's source text to the
 * reviver (Node 22+, Bun, Deno), such numbers become their exact source string instead; elsewhere
 * parsing still works, only without that protection.
 */

import { numberToPlainDecimal } from './decimal.js';

interface ReviverContext {
  source?: string;
}

function keepExactNumbers(_key: string, value: unknown, context?: ReviverContext): unknown {
  if (typeof value !== 'number' || context?.source === undefined) return value;
  return losesDigits(value, context.source) ? context.source : value;
}

// True when the double no longer spells what Coinme wrote: an integer beyond 2^53, or a decimal
// whose shortest form differs from the source once trailing zeros are set aside. A number written
// with an exponent was never a digit string, so it stays a number.
function losesDigits(value: number, source: string): boolean {
  if (/e/i.test(source)) return false;
  if (Number.isInteger(value)) return !Number.isSafeInteger(value);
  const written = source.includes('.') ? source.replace(/0+$/, '').replace(/\.$/, '') : source;
  return numberToPlainDecimal(value) !== written;
}

/**
 * Parses JSON text; integers outside the safe range and decimals a double cannot spell exactly
 * come back as their source strings. Throws `SyntaxError` on invalid JSON.
 */
export function parseJsonExact(text: string): unknown {
  // The reviver costs a call per value; only a number token of 16+ characters can lose digits,
  // so bodies without one (ids sent as strings included) take the fast path.
  return longNumber.test(text) || longNumberText.test(text) ? JSON.parse(text, keepExactNumbers) : JSON.parse(text);
}

// A JSON number of 16 or more digits and points where a value starts after `:`, `,` or `[`. A
// match inside a string only costs the slow path, never a wrong result. A leading class instead
// of an `^` alternative lets the regexp engine skip ahead (about 40% faster on a 500-byte body).
const longNumber = /[:,[]\s*-?\d[\d.]{15}/;
// The same where the whole text is a number.
const longNumberText = /^\s*-?\d[\d.]{15}/;
