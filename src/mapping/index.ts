// The partner mapping: build it from Coinme's configuration, then ask it questions.
export { buildPartnerMapping } from './build.js';
export { DEFAULT_PAYMENT_METHODS } from './catalog.js';
export { checkEligibility } from './eligibility.js';
export { US_JURISDICTIONS } from './jurisdictions.js';
export { availableOptions } from './options.js';
export type {
  Asset,
  AvailableOptions,
  CustomerLimits,
  Direction,
  EligibilityQuery,
  EligibilityResult,
  IneligibilityCode,
  IneligibilityReason,
  MappedPaymentMethod,
  MappingNotice,
  OptionsQuery,
  PartnerMapping,
  PartnerMappingInput,
  PaymentMethodDefinition,
  PaymentMethodLimit,
  PaymentMethodOverride,
} from './types.js';
