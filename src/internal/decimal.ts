/**
 * Exact decimal arithmetic for amounts, on BigInt-scaled integers. Internal: not exported from
 * the package.
 *
 * Grammar of a decimal string: `-?digits(.digits)?`, nothing else. Exponent notation (`"1e3"`),
 * a leading `+` or `.`, a trailing `.`, and surrounding spaces are rejected: Coinme sends plain
 * decimals, and a string like `"1e3"` in an amount field is more likely a mistake than intent.
 * A `number` is read as the shortest decimal that round-trips it (`0.1` → `"0.1"`, `1e21` →
 * `"1000000000000000000000"`), which is what the caller wrote in source.
 *
 * @module
 */

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;
const NUMBER_PARTS = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

interface Parts {
  negative: boolean;
  /** Integer digits without leading zeros ("" for zero). */
  int: string;
  /** Fraction digits without trailing zeros. */
  frac: string;
}

function split(sign: string, int: string, frac: string): Parts {
  const i = int.replace(/^0+/, '');
  const f = frac.replace(/0+$/, '');
  return { negative: sign === '-' && (i !== '' || f !== ''), int: i, frac: f };
}

function partsOf(value: string | number): Parts | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    // String(n) is the shortest round-trip form, but may use an exponent: shift it into digits.
    const m = NUMBER_PARTS.exec(String(value));
    if (!m) return undefined;
    const digits = (m[2] ?? '') + (m[3] ?? '');
    const point = (m[2] ?? '').length + Number(m[4] ?? '0');
    const padded = point <= 0 ? '0'.repeat(1 - point) + digits : digits.padEnd(point, '0');
    const at = Math.max(point, 1);
    return split(m[1] ?? '', padded.slice(0, at), padded.slice(at));
  }
  if (typeof value !== 'string') return undefined;
  const m = DECIMAL.exec(value);
  return m ? split(m[1] ?? '', m[2] ?? '', m[3] ?? '') : undefined;
}

function format(p: Parts): string {
  return `${p.negative ? '-' : ''}${p.int || '0'}${p.frac ? `.${p.frac}` : ''}`;
}

function partsOrThrow(value: string | number): Parts {
  const p = partsOf(value);
  if (!p) throw new RangeError(`Not a decimal: ${JSON.stringify(String(value))}`);
  return p;
}

/**
 * Parses a decimal string or a finite number into its normalised form (no leading zeros, no
 * trailing fraction zeros, no exponent, `-0` → `0`), or `undefined` when it is not a decimal.
 *
 * @example
 * ```ts
 * parseDecimal('0010.50'); // '10.5'
 * parseDecimal(1e21);      // '1000000000000000000000'
 * parseDecimal('1e3');     // undefined
 * ```
 */
export function parseDecimal(value: string | number): string | undefined {
  const p = partsOf(value);
  return p ? format(p) : undefined;
}

/**
 * Compares two decimals exactly: -1 when `a < b`, 0 when equal, 1 when `a > b`.
 * Throws `RangeError` when either is not a decimal.
 *
 * @example
 * ```ts
 * compareDecimal('0.1', '0.10');                       // 0
 * compareDecimal('14999.999999999999999999', 15000);  // -1
 * ```
 */
export function compareDecimal(a: string | number, b: string | number): -1 | 0 | 1 {
  const x = partsOrThrow(a);
  const y = partsOrThrow(b);
  const scale = Math.max(x.frac.length, y.frac.length);
  const scaled = (p: Parts): bigint => {
    const n = BigInt((p.int || '0') + p.frac.padEnd(scale, '0'));
    return p.negative ? -n : n;
  };
  const d = scaled(x) - scaled(y);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/**
 * The smaller of two decimals, normalised. Throws `RangeError` when either is not a decimal.
 *
 * @example
 * ```ts
 * minDecimal('500.00', 15000); // '500'
 * ```
 */
export function minDecimal(a: string | number, b: string | number): string {
  return format(partsOrThrow(compareDecimal(a, b) <= 0 ? a : b));
}

/**
 * True when the value is a decimal below zero.
 *
 * @example
 * ```ts
 * isNegativeDecimal('-0.01'); // true
 * isNegativeDecimal('-0');    // false
 * ```
 */
export function isNegativeDecimal(value: string | number): boolean {
  return partsOf(value)?.negative === true;
}

/**
 * The largest `number` not above the decimal: the decimal itself when a double holds it exactly,
 * else the double just below it. Used where a limit must become a `number` without ever growing.
 *
 * @example
 * ```ts
 * decimalToNumberAtMost('500.00');                 // 500
 * decimalToNumberAtMost('0.30000000000000000001'); // 0.3 (0.3 reads back as "0.3", below it)
 * ```
 */
export function decimalToNumberAtMost(value: string): number {
  partsOrThrow(value);
  const n = Number(value);
  // Beyond the double range: the largest finite double is still not above a huge positive value.
  if (!Number.isFinite(n)) return n > 0 ? Number.MAX_VALUE : n;
  return compareDecimal(n, value) <= 0 ? n : nextDown(n);
}

function nextDown(n: number): number {
  if (n === 0) return -Number.MIN_VALUE;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, n);
  const bits = view.getBigUint64(0);
  // For a positive double the next smaller one has the bit pattern minus one; for a negative, plus one.
  view.setBigUint64(0, n > 0 ? bits - 1n : bits + 1n);
  return view.getFloat64(0);
}

/**
 * Writes a finite number as a plain decimal string, never with an exponent (`1e-7` →
 * `"0.0000001"`, `1.5e21` → `"1500000000000000000000"`). Callers reject non-finite numbers first.
 */
export function numberToPlainDecimal(value: number): string {
  return parseDecimal(value) ?? String(value);
}
