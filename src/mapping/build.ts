import { ValidationError } from '../errors.js';
import { compareDecimal, decimalToNumberAtMost } from '../internal/decimal.js';
import { parseMappingInput, type ParsedMappingInput } from './input.js';
import { isUsJurisdiction, US_JURISDICTIONS } from './jurisdictions.js';
import { byString, sortedUnique } from './sort.js';
import type {
  Asset,
  MappedPaymentMethod,
  MappingNotice,
  PartnerMapping,
  PartnerMappingInput,
  PaymentMethodDefinition,
  PaymentMethodLimit,
} from './types.js';

function mapAssets(assets: readonly Asset[]): Asset[] {
  const seen = new Set<string>();
  assets.forEach((asset, index) => {
    if (seen.has(asset.code)) {
      throw new ValidationError(`Invalid partner mapping assets.${index}.code: duplicate asset code "${asset.code}"`, {
        field: `assets.${index}.code`,
      });
    }
    seen.add(asset.code);
  });
  return assets
    .map((asset) => ({
      code: asset.code,
      name: asset.name,
      decimals: asset.decimals,
      supportedChains: sortedUnique(asset.supportedChains),
    }))
    .sort((a, b) => byString(a.code, b.code));
}

function mapMethod(method: PaymentMethodDefinition): MappedPaymentMethod {
  // Key order follows the guide's sample, so the JSON reads the same.
  return {
    id: method.id,
    label: method.label,
    type: method.type,
    availability: sortedUnique(method.availability),
    supportedCountry: sortedUnique(method.supportedCountry),
    onrampAvailable: method.onrampAvailable,
    offrampAvailable: method.offrampAvailable,
  };
}

/** The catalog max, lowered to every customer limit that applies to the method's directions. */
function narrowedMax(method: PaymentMethodDefinition, limits: ParsedMappingInput['limits']): number {
  let max = method.max;
  if (!limits) return max;
  // A method offered both ways gets the lower of both limits: one max cannot widen either.
  const caps = [
    ...(method.onrampAvailable ? [limits.buyLimitAmount] : []),
    ...(method.offrampAvailable ? [limits.sellLimitAmount] : []),
  ];
  for (const cap of caps) if (compareDecimal(cap, max) < 0) max = decimalToNumberAtMost(cap);
  return max;
}

/**
 * Builds the partner mapping (integration guide, step 1) from what Coinme's configuration
 * endpoints return. Pure and synchronous: the same input gives byte-identical
 * `JSON.stringify` output, whatever the order of the input arrays.
 *
 * - `paymentMethods` and their limits come from `DEFAULT_PAYMENT_METHODS`, changed by the
 *   partner's overrides; a customer's `limits` lower each method's `max` (buy limit for on-ramp
 *   methods, sell limit for off-ramp ones) and never raise it.
 * - `blockedStates` lists the US jurisdictions missing from `licensedStates`.
 * - `notices` (only when non-empty) reports licensed codes that are not US jurisdictions and
 *   methods whose customer limit fell below their minimum.
 *
 * Throws `ValidationError` naming the field when the input is malformed.
 *
 * @example
 * ```ts
 * const mapping = buildPartnerMapping({
 *   assets: await coinme.cryptoChains.list(),
 *   licensedStates: await coinme.locationLicensing.list({ country: 'USA' }),
 *   limits: await coinme.transactionLimits.get({ customerId, fiatCurrencyCode: 'USD' }),
 *   paymentMethods: [{ id: 'READYCODE', enabled: false }],
 * });
 * ```
 */
export function buildPartnerMapping(input: PartnerMappingInput): PartnerMapping {
  const parsed = parseMappingInput(input);
  const notices: MappingNotice[] = [];

  const licensed = new Set(parsed.licensedStates);
  for (const code of [...licensed].sort(byString)) {
    if (isUsJurisdiction(code)) continue;
    notices.push({
      code: 'unknown_jurisdiction',
      jurisdiction: code,
      message: `Coinme listed "${code}" as licensed, but it is not a US state, DC or territory; it was ignored.`,
    });
  }

  const methods = parsed.paymentMethods.sort((a, b) => byString(a.id, b.id));
  const byPaymentMethod: PaymentMethodLimit[] = methods.map((method) => {
    const max = narrowedMax(method, parsed.limits);
    if (max < method.min) {
      notices.push({
        code: 'limit_below_min',
        paymentMethodId: method.id,
        message: `${method.id}: the customer's remaining limit (${max} ${method.currency}) is below the minimum (${method.min} ${method.currency}), so no amount is possible.`,
      });
    }
    return { paymentMethodId: method.id, currency: method.currency, min: method.min, max };
  });

  const mapping: PartnerMapping = {
    paymentMethods: methods.map(mapMethod),
    assets: mapAssets(parsed.assets),
    transactionalLimits: { byPaymentMethod },
    regions: {
      supportedCountries: [parsed.country],
      stateRestrictions: { US: { blockedStates: US_JURISDICTIONS.filter((code) => !licensed.has(code)) } },
    },
  };
  if (notices.length > 0) mapping.notices = notices;
  return mapping;
}
