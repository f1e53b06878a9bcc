import type { RequestOptions } from '../core/request-options.js';
import type { CryptoChains } from '../resources/crypto-chains.js';
import type { LocationLicensing } from '../resources/location-licensing.js';
import type { TransactionLimits } from '../resources/transaction-limits.js';
import { buildPartnerMapping } from './build.js';
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
  const [assets, licensedStates, limits] = await Promise.all([
    sources.cryptoChains.list(options),
    // locationlicensing names countries with three letters.
    sources.locationLicensing.list({ country: country.toUpperCase() === 'US' ? 'USA' : country }, options),
    customerId === undefined
      ? undefined
      : sources.transactionLimits.get({ customerId, ...(fiatCurrencyCode === undefined ? {} : { fiatCurrencyCode }) }, options),
  ]);
  return buildPartnerMapping({ assets, licensedStates, limits, paymentMethods, country });
}
