/**
 * JSON parsing that keeps numbers exact. Not part of the public API.
 *
 * Coinme's ids are 64-bit integers; if one arrives as a JSON number beyond 2^53 a plain
 * `JSON.parse` silently rounds it. Such numbers (and decimals a double cannot spell exactly) come
 * back as their exact source string instead.
 */

import { numberToPlainDecimal } from './decimal.js';

// True when the double no longer spells what Coinme wrote: an integer beyond 2^53, or a decimal
// whose shortest form differs from the source once trailing zeros are set aside. A number written
// with an exponent was never a digit string, so it stays a number.
function losesDigits(source: string): boolean {
  if (/e/i.test(source)) return false;
  const value = Number(source);
  if (Number.isInteger(value)) return !Number.isSafeInteger(value);
  const written = source.includes('.') ? source.replace(/0+$/, '').replace(/\.$/, '') : source;
  return numberToPlainDecimal(value) !== written;
}

// A number token of 16 or more characters, where a value starts: only such a token can lose digits.
const longNumber = /((?:^|[:,[])\s*)(-?\d[\d.eE+-]{15,})(?=\s*(?:[,\]}]|$))/g;
// Quick tests for any such token (a match inside a string only costs the slow path). A leading
// class instead of an `^` alternative lets the regexp engine skip ahead.
const anyLongNumber = /[:,[]\s*-?\d[\d.]{15}/;
const longNumberText = /^\s*-?\d[\d.]{15}/;

// Whether `index` of `text` is inside a string, given the state at `from`: walks the quotes
// between, skipping escaped ones.
function insideString(text: string, from: number, index: number, inside: boolean): boolean {
  for (let quote = text.indexOf('"', from); quote !== -1 && quote < index; quote = text.indexOf('"', quote + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 92) backslashes += 1;
    if (backslashes % 2 === 0) inside = !inside;
  }
  return inside;
}

/**
 * Parses JSON text; integers outside the safe range and decimals a double cannot spell exactly
 * come back as their source strings. Throws `SyntaxError` on invalid JSON.
 */
export function parseJsonExact(text: string): unknown {
  // Measured: a reviver over the whole body costs a call per value (0.12x of `JSON.parse` with
  // one long number in it); quoting only the long tokens that lose digits costs one scan of the
  // quotes before each of them, and a body without any takes `JSON.parse` as is.
  if (!anyLongNumber.test(text) && !longNumberText.test(text)) return JSON.parse(text);
  longNumber.lastIndex = 0;
  let match = longNumber.exec(text);
  if (match === null) return JSON.parse(text);
  let rewritten = '';
  let copied = 0;
  let scanned = 0;
  let inside = false;
  for (; match !== null; match = longNumber.exec(text)) {
    const [, lead = '', token = ''] = match;
    const start = match.index + lead.length;
    inside = insideString(text, scanned, start, inside);
    scanned = start;
    if (inside || !losesDigits(token)) continue;
    rewritten += `${text.slice(copied, start)}"${token}"`;
    copied = start + token.length;
  }
  return JSON.parse(copied === 0 ? text : rewritten + text.slice(copied));
}
