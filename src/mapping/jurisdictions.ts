/**
 * The US jurisdictions a money-transmitter licence can cover: the 50 states, DC and the five
 * inhabited territories (PR, GU, VI, AS, MP). Left out on purpose: UM (the Minor Outlying
 * Islands have no licensing regime or residents), the military mail codes AA/AE/AP (addresses,
 * not jurisdictions) and the freely associated states FM/MH/PW (not US jurisdictions). If
 * Coinme ever lists one of those, the mapping reports it as an unknown jurisdiction.
 *
 * @module
 */

/**
 * Every US jurisdiction, sorted.
 *
 * @example
 * ```ts
 * US_JURISDICTIONS.length;         // 56
 * US_JURISDICTIONS.includes('PR'); // true
 * ```
 */
export const US_JURISDICTIONS: readonly string[] = /* @__PURE__ */ Object.freeze([
  'AK', 'AL', 'AR', 'AS', 'AZ', 'CA', 'CO', 'CT', 'DC', 'DE', 'FL', 'GA', 'GU', 'HI',
  'IA', 'ID', 'IL', 'IN', 'KS', 'KY', 'LA', 'MA', 'MD', 'ME', 'MI', 'MN', 'MO', 'MP',
  'MS', 'MT', 'NC', 'ND', 'NE', 'NH', 'NJ', 'NM', 'NV', 'NY', 'OH', 'OK', 'OR', 'PA',
  'PR', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VA', 'VI', 'VT', 'WA', 'WI', 'WV', 'WY',
]);

const KNOWN: ReadonlySet<string> = /* @__PURE__ */ new Set(US_JURISDICTIONS);

/**
 * True for a code in `US_JURISDICTIONS` (already normalised).
 *
 * @example
 * ```ts
 * isUsJurisdiction('WA'); // true
 * isUsJurisdiction('AE'); // false
 * ```
 */
export function isUsJurisdiction(code: string): boolean {
  return KNOWN.has(code);
}

/**
 * Trims and upper-cases a state, country, asset or method code.
 *
 * @example
 * ```ts
 * normaliseCode(' wa '); // 'WA'
 * ```
 */
export function normaliseCode(code: string): string {
  return code.trim().toUpperCase();
}

/**
 * `US` for `US`/`USA` in any case, else `undefined`: Coinme's licensing covers the US only.
 * The locationlicensing endpoint takes `USA`, the mapping speaks `US`; both are accepted.
 *
 * @example
 * ```ts
 * normaliseCountry('usa'); // 'US'
 * normaliseCountry('CA');  // undefined
 * ```
 */
export function normaliseCountry(country: string | undefined): 'US' | undefined {
  const code = normaliseCode(country ?? 'US');
  return code === 'US' || code === 'USA' ? 'US' : undefined;
}
