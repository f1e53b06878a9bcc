import type { RequestOptions } from '../core/request-options.js';
import type { CryptoChains } from '../resources/crypto-chains.js';
import type { LocationLicensing } from '../resources/location-licensing.js';
import { parseTransactionLimitsParams, type TransactionLimits } from '../resources/transaction-limits.js';
import { buildPartnerMapping } from './build.js';
import { parseMappingInput } from './input.js';
import type { PartnerMapping, PaymentMethodOverride } from './types.js';

/** Options of `coinme.buildPartnerMapping()`. */
export interface FetchPartnerMappingParams {
  /** When given, the customer's remaining limits narrow the catalog limits. */
  customerId?: string | number | bigint | undefined;
  /** Fiat currency of the customer's limits; defaults to `USD`. */
  fiatCurrencyCode?: string | undefined;
  /** Changes to the built-in payment-method catalog. */
  paymentMethods?: readonly PaymentMethodOverride[] | undefined;
  /** `US` (default) or `USA`. */
  country?: string | undefined;
}

/** The resources the mapping is gathered from. */
export interface MappingSources {
  cryptoChains: CryptoChains;
  locationLicensing: LocationLicensing;
  transactionLimits: TransactionLimits;
}

/** Fetches the mapping's inputs concurrently, then builds it. */
export async function fetchPartnerMapping(
  sources: MappingSources,
  params: FetchPartnerMappingParams = {},
  options?: RequestOptions,
): Promise<PartnerMapping> {
  const { customerId, fiatCurrencyCode, paymentMethods, country = 'US' } = params;
  // Every input is checked before the first request: a bad one must send nothing.
  parseMappingInput({ assets: [], licensedStates: [], paymentMethods, country });
  const limitsParams = customerId === undefined ? undefined : { customerId, ...(fiatCurrencyCode === undefined ? {} : { fiatCurrencyCode }) };
  if (limitsParams) parseTransactionLimitsParams(limitsParams);
  const [assets, licensedStates, limits] = await Promise.all([
    sources.cryptoChains.list(options),
    // locationlicensing names countries with three letters.
    sources.locationLicensing.list({ country: country.toUpperCase() === 'US' ? 'USA' : country }, options),
    limitsParams && sources.transactionLimits.get(limitsParams, options),
  ]);
  return buildPartnerMapping({ assets, licensedStates, limits, paymentMethods, country });
}
