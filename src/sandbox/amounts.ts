/** Exact decimal multiplication for the simulated credit amount (never through floating point). */

function split(value: string): { digits: bigint; scale: number } | undefined {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) return undefined;
  const fraction = match[2] ?? '';
  return { digits: BigInt(`${match[1]}${fraction}`), scale: fraction.length };
}

/**
 * `a × b` rounded down to `decimals` places, or `undefined` when either is not a plain decimal.
 *
 * @internal
 */
export function multiplyDecimal(a: string, b: string, decimals: number): string | undefined {
  const x = split(a);
  const y = split(b);
  if (!x || !y) return undefined;
  const scale = x.scale + y.scale;
  let product = x.digits * y.digits;
  if (scale > decimals) product /= 10n ** BigInt(scale - decimals);
  else product *= 10n ** BigInt(decimals - scale);
  if (decimals === 0) return product.toString();
  const text = product.toString().padStart(decimals + 1, '0');
  return `${text.slice(0, -decimals)}.${text.slice(-decimals)}`;
}
