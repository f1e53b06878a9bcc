/**
 * Types of the partner mapping: its inputs (as the client's resources return them) and its
 * output (exactly the shape of the sample mapping in Coinme's integration guide, step 1).
 *
 * @module
 */

import type { Asset } from '../resources/crypto-chains.js';

export type { Asset };

/**
 * A customer's remaining limits as `transactionLimits.get()` returns them: decimal strings in
 * the fiat currency asked for (USD). Finite numbers are accepted too and read exactly.
 *
 * @example
 * ```ts
 * const limits: CustomerLimits = { buyLimitAmount: '500.00', sellLimitAmount: '500.00' };
 * ```
 */
export interface CustomerLimits {
  buyLimitAmount: string | number;
  sellLimitAmount: string | number;
}

/**
 * One payment method of the catalog: what the mapping lists, plus its per-transaction limits.
 *
 * @example
 * ```ts
 * const card: PaymentMethodDefinition = {
 *   id: 'CARD', label: 'Debit Card', type: 'card', availability: ['USD'], supportedCountry: ['US'],
 *   onrampAvailable: true, offrampAvailable: false, currency: 'USD', min: 5, max: 15000,
 * };
 * ```
 */
export interface PaymentMethodDefinition extends MappedPaymentMethod {
  /** Upper-case id, e.g. `CARD`, `GREENDOT`, `READYCODE`. */
  id: string;
  /** Currency of `min` and `max`. */
  currency: string;
  /** Smallest amount per transaction. */
  min: number;
  /** Largest amount per transaction. */
  max: number;
}

/**
 * A partner's change to the catalog. An `id` already in the catalog replaces the fields given
 * (the rest are kept); a new `id` adds a method and must give every field; `enabled: false`
 * removes the method from the mapping.
 *
 * @example
 * ```ts
 * const overrides: PaymentMethodOverride[] = [
 *   { id: 'GREENDOT', max: 1000 },
 *   { id: 'READYCODE', enabled: false },
 * ];
 * ```
 */
export type PaymentMethodOverride = { id: string; enabled?: boolean } & Partial<Omit<PaymentMethodDefinition, 'id'>>;

/**
 * Input of `buildPartnerMapping`.
 *
 * @example
 * ```ts
 * const input: PartnerMappingInput = {
 *   assets: await coinme.cryptoChains.list(),
 *   licensedStates: await coinme.locationLicensing.list({ country: 'USA' }),
 * };
 * ```
 */
export interface PartnerMappingInput {
  assets: readonly Asset[];
  /** Two-letter codes of the licensed jurisdictions; trimmed and upper-cased before use. */
  licensedStates: readonly string[];
  /** A customer's remaining limits; they narrow the catalog limits, never widen them. */
  limits?: CustomerLimits | undefined;
  /** Changes to the built-in catalog. */
  paymentMethods?: readonly PaymentMethodOverride[] | undefined;
  /** `US` (default) or `USA`: Coinme licenses US jurisdictions only. */
  country?: string | undefined;
}

/**
 * A payment method as the mapping lists it.
 *
 * @example
 * ```ts
 * mapping.paymentMethods.filter((method) => method.onrampAvailable).map((method) => method.label);
 * ```
 */
export interface MappedPaymentMethod {
  id: string;
  label: string;
  type: string;
  availability: string[];
  supportedCountry: string[];
  onrampAvailable: boolean;
  offrampAvailable: boolean;
}

/**
 * The per-transaction limits of one payment method. When a customer's remaining limit is below
 * the method's minimum, `max < min`: no amount fits (a notice says so).
 *
 * @example
 * ```ts
 * const card = mapping.transactionalLimits.byPaymentMethod.find((l) => l.paymentMethodId === 'CARD');
 * ```
 */
export interface PaymentMethodLimit {
  paymentMethodId: string;
  currency: string;
  min: number;
  max: number;
}

/**
 * Something the mapping could not express in its seed-shaped fields, reported instead of dropped.
 *
 * - `unknown_jurisdiction`: Coinme listed a code that is not a US state, DC or territory.
 * - `limit_below_min`: the customer's remaining limit is below the method's minimum.
 *
 * @example
 * ```ts
 * for (const notice of mapping.notices ?? []) console.warn(notice.code, notice.message);
 * ```
 */
export type MappingNotice =
  | { code: 'unknown_jurisdiction'; jurisdiction: string; message: string }
  | { code: 'limit_below_min'; paymentMethodId: string; message: string };

/**
 * The partner mapping: a plain, JSON-serialisable object in the shape of the integration
 * guide's sample. Every array is sorted, so equal inputs give byte-identical JSON.
 *
 * @example
 * ```ts
 * const mapping: PartnerMapping = buildPartnerMapping({ assets, licensedStates });
 * mapping.regions.stateRestrictions.US.blockedStates; // e.g. ['NY']
 * ```
 */
export interface PartnerMapping {
  paymentMethods: MappedPaymentMethod[];
  assets: Asset[];
  transactionalLimits: { byPaymentMethod: PaymentMethodLimit[] };
  regions: {
    supportedCountries: string[];
    stateRestrictions: { US: { blockedStates: string[] } };
  };
  /** Present only when there is something to report. */
  notices?: MappingNotice[];
}

/**
 * Which way the money goes: `onramp` buys crypto with fiat, `offramp` sells crypto for fiat.
 *
 * @example
 * ```ts
 * const direction: Direction = 'onramp';
 * ```
 */
export type Direction = 'onramp' | 'offramp';

/**
 * A question to `checkEligibility`. Codes are compared case-insensitively.
 *
 * @example
 * ```ts
 * const query: EligibilityQuery = { asset: 'BTC', paymentMethod: 'CARD', state: 'WA', amount: '50', direction: 'onramp' };
 * ```
 */
export interface EligibilityQuery {
  asset: string;
  chain?: string | undefined;
  paymentMethod: string;
  /** Two-letter jurisdiction code; not checked when absent. */
  state?: string | undefined;
  /** Defaults to `US`. */
  country?: string | undefined;
  /** In the method's limit currency; a plain decimal string or a finite number. */
  amount?: string | number | undefined;
  direction: Direction;
}

/**
 * Why a query is not eligible.
 *
 * @example
 * ```ts
 * const code: IneligibilityCode = 'blocked_state';
 * ```
 */
export type IneligibilityCode =
  | 'unsupported_asset'
  | 'unsupported_chain'
  | 'unsupported_payment_method'
  | 'unsupported_direction'
  | 'unsupported_country'
  | 'blocked_state'
  | 'below_min'
  | 'above_max'
  | 'invalid_amount';

/**
 * One reason a query is not eligible, with a message fit to show a user.
 *
 * @example
 * ```ts
 * const reason: IneligibilityReason = { code: 'blocked_state', message: 'Not available in NY.' };
 * ```
 */
export interface IneligibilityReason {
  code: IneligibilityCode;
  message: string;
}

/**
 * The answer of `checkEligibility`: every reason at once, so a form can show them all.
 *
 * @example
 * ```ts
 * const result: EligibilityResult = checkEligibility(mapping, query);
 * if (!result.ok) result.reasons.forEach((reason) => console.log(reason.message));
 * ```
 */
export type EligibilityResult = { ok: true } | { ok: false; reasons: IneligibilityReason[] };

/**
 * A question to `availableOptions`.
 *
 * @example
 * ```ts
 * const where: OptionsQuery = { state: 'WA', direction: 'onramp' };
 * ```
 */
export interface OptionsQuery {
  state: string;
  direction: Direction;
  /** Defaults to `US`. */
  country?: string | undefined;
}

/**
 * What a customer in one place can pick for one direction; empty lists where nothing is possible.
 *
 * @example
 * ```ts
 * const { assets, paymentMethods, limits }: AvailableOptions = availableOptions(mapping, { state: 'WA', direction: 'onramp' });
 * ```
 */
export interface AvailableOptions {
  assets: Asset[];
  paymentMethods: MappedPaymentMethod[];
  limits: PaymentMethodLimit[];
}
