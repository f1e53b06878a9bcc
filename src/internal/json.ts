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
// whose shortest form differs from the source once trailing zeros are set aside.
function losesDigits(value: number, source: string): boolean {
  if (Number.isInteger(value)) return !Number.isSafeInteger(value);
  if (/e/i.test(source)) return false;
  const written = source.includes('.') ? source.replace(/0+$/, '').replace(/\.$/, '') : source;
  return numberToPlainDecimal(value) !== written;
}

/**
 * Parses JSON text; integers outside the safe range and decimals a double cannot spell exactly
 * come back as their source strings. Throws `SyntaxError` on invalid JSON.
 */
export function parseJsonExact(text: string): unknown {
  // The reviver costs a call per value; only a run of 16+ digits (a long id or a long decimal)
  // can lose precision, so plain bodies take the fast path.
  return mayLoseDigits.test(text) ? JSON.parse(text, keepExactNumbers) : JSON.parse(text);
}

const mayLoseDigits = /\d[\d.]{15}/;
