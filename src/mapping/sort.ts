// Ordering by UTF-16 code units, not localeCompare: the order must not depend on the runtime's locale.

/**
 * Compares two strings by code units, for `Array.prototype.sort`.
 *
 * @example
 * ```ts
 * ['ETH', 'BTC'].sort(byString); // ['BTC', 'ETH']
 * ```
 */
export function byString(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A sorted copy without duplicates.
 *
 * @example
 * ```ts
 * sortedUnique(['USD', 'EUR', 'USD']); // ['EUR', 'USD']
 * ```
 */
export function sortedUnique(values: readonly string[]): string[] {
  return [...new Set(values)].sort(byString);
}
