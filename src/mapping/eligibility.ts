import { compareDecimal, isNegativeDecimal, parseDecimal } from '../internal/decimal.js';
import { isUsJurisdiction, normaliseCode, normaliseCountry } from './jurisdictions.js';
import type { EligibilityQuery, EligibilityResult, IneligibilityReason, PartnerMapping } from './types.js';

const DIRECTION_FLAG = { onramp: 'onrampAvailable', offramp: 'offrampAvailable' } as const;
const DIRECTION_NAME = { onramp: 'buying', offramp: 'selling' } as const;

/**
 * Why a customer in `state` (of `country`) cannot transact at all, or `undefined` when they can.
 * An unrecognised state code counts as blocked: the mapping cannot vouch for it.
 *
 * @example
 * ```ts
 * regionReason(mapping, 'US', 'NY'); // { code: 'blocked_state', ... } when NY is blocked
 * ```
 */
export function regionReason(
  mapping: PartnerMapping,
  country: string | undefined,
  state: string | undefined,
): IneligibilityReason | undefined {
  const code = normaliseCountry(country);
  if (code === undefined || !mapping.regions.supportedCountries.includes(code)) {
    return { code: 'unsupported_country', message: `Coinme is not available in ${normaliseCode(country ?? 'US')}.` };
  }
  if (state === undefined) return undefined;
  const st = normaliseCode(state);
  if (!isUsJurisdiction(st)) return { code: 'blocked_state', message: `"${st}" is not a US state or territory.` };
  if (mapping.regions.stateRestrictions.US.blockedStates.includes(st)) {
    return { code: 'blocked_state', message: `Coinme is not licensed in ${st}.` };
  }
  return undefined;
}

/**
 * Checks whether a customer can make a transaction, against a mapping from
 * `buildPartnerMapping`. Every failing check is reported, in a stable order. Codes are matched
 * case-insensitively; the amount is compared exactly as a decimal (never as a float).
 *
 * `amount` is a plain decimal string (`"50"`, `"14999.99"`) or a finite number, in the method's
 * limit currency. Empty strings, negatives, exponent notation (`"1e3"`) and anything else that
 * is not a plain decimal give `invalid_amount`.
 *
 * @example
 * ```ts
 * const result = checkEligibility(mapping, { asset: 'BTC', paymentMethod: 'CARD', state: 'WA', amount: '50', direction: 'onramp' });
 * if (!result.ok) console.log(result.reasons.map((reason) => reason.message).join(' '));
 * ```
 */
export function checkEligibility(mapping: PartnerMapping, query: EligibilityQuery): EligibilityResult {
  const reasons: IneligibilityReason[] = [];
  const add = (reason: IneligibilityReason | undefined): void => {
    if (reason && !reasons.some((r) => r.code === reason.code)) reasons.push(reason);
  };

  const assetCode = normaliseCode(query.asset);
  const asset = mapping.assets.find((a) => normaliseCode(a.code) === assetCode);
  if (!asset) add({ code: 'unsupported_asset', message: `${assetCode} is not a supported asset.` });
  else if (query.chain !== undefined) {
    const chain = normaliseCode(query.chain);
    if (!asset.supportedChains.some((c) => normaliseCode(c) === chain)) {
      add({ code: 'unsupported_chain', message: `${asset.code} is not supported on the ${chain} chain.` });
    }
  }

  const methodId = normaliseCode(query.paymentMethod);
  const method = mapping.paymentMethods.find((m) => normaliseCode(m.id) === methodId);
  const country = normaliseCountry(query.country);
  if (!method) add({ code: 'unsupported_payment_method', message: `${methodId} is not a supported payment method.` });
  else {
    if (!method[DIRECTION_FLAG[query.direction]]) {
      add({ code: 'unsupported_direction', message: `${method.label} cannot be used for ${DIRECTION_NAME[query.direction]} crypto.` });
    }
    if (country !== undefined && !method.supportedCountry.includes(country)) {
      add({ code: 'unsupported_country', message: `${method.label} is not available in ${country}.` });
    }
  }
  add(regionReason(mapping, query.country, query.state));

  const limit = method && mapping.transactionalLimits.byPaymentMethod.find((l) => l.paymentMethodId === method.id);
  if (query.amount !== undefined) {
    const amount = parseDecimal(query.amount);
    if (amount === undefined || isNegativeDecimal(amount)) {
      add({ code: 'invalid_amount', message: `${JSON.stringify(String(query.amount))} is not a valid amount; use a plain decimal such as "50" or "49.99".` });
    } else if (limit && compareDecimal(amount, limit.min) < 0) {
      add({ code: 'below_min', message: `The minimum for ${method?.label ?? limit.paymentMethodId} is ${limit.min} ${limit.currency}.` });
    } else if (limit && compareDecimal(amount, limit.max) > 0) {
      add({ code: 'above_max', message: `The maximum for ${method?.label ?? limit.paymentMethodId} is ${limit.max} ${limit.currency}.` });
    }
  } else if (limit && limit.max < limit.min) {
    // Without an amount, a method whose limits leave no room is still worth refusing up front.
    add({ code: 'above_max', message: `${method?.label ?? limit.paymentMethodId} cannot be used: the remaining limit (${limit.max} ${limit.currency}) is below its minimum (${limit.min} ${limit.currency}).` });
  }

  return reasons.length === 0 ? { ok: true } : { ok: false, reasons };
}
