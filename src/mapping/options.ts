import { regionReason } from './eligibility.js';
import { normaliseCountry } from './jurisdictions.js';
import type { AvailableOptions, OptionsQuery, PartnerMapping } from './types.js';

const DIRECTION_FLAG = { onramp: 'onrampAvailable', offramp: 'offrampAvailable' } as const;

/**
 * What a customer in one state can pick for one direction, to build a picker: the payment
 * methods offered that way in that country whose limits leave room for some amount, their
 * limits, and the assets (all of them when some method is available, none otherwise).
 * A blocked or unknown state, or an unsupported country, gives empty lists.
 *
 * @example
 * ```ts
 * const { assets, paymentMethods, limits } = availableOptions(mapping, { state: 'WA', direction: 'onramp' });
 * ```
 */
export function availableOptions(mapping: PartnerMapping, query: OptionsQuery): AvailableOptions {
  const country = normaliseCountry(query.country);
  if (country === undefined || regionReason(mapping, query.country, query.state)) {
    return { assets: [], paymentMethods: [], limits: [] };
  }
  const limits = mapping.transactionalLimits.byPaymentMethod.filter((limit) => {
    const method = mapping.paymentMethods.find((m) => m.id === limit.paymentMethodId);
    return (
      method !== undefined &&
      method[DIRECTION_FLAG[query.direction]] &&
      method.supportedCountry.includes(country) &&
      limit.min <= limit.max
    );
  });
  const ids = new Set(limits.map((limit) => limit.paymentMethodId));
  const paymentMethods = mapping.paymentMethods.filter((method) => ids.has(method.id));
  return { assets: paymentMethods.length > 0 ? [...mapping.assets] : [], paymentMethods, limits };
}
