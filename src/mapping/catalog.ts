import type { PaymentMethodDefinition } from './types.js';

/**
 * The built-in payment methods: the three the integration guide names.
 *
 * - `CARD` and `GREENDOT`: exactly as in the guide's sample mapping (step 1).
 * - `READYCODE`: the ReadyCode ATM cash sell at Allpoint ATMs (off-ramp). The guide gives no
 *   limits for it. `min: 20` because Coinme quotes ATM cash sells in $20 steps only (ATMs
 *   dispense $20 bills; Coinme's cash off-ramp guide); `max: 500` is a conservative default,
 *   the amount Coinme's transactionlimits example shows. Partners with other terms override it.
 *
 * Frozen: build changed copies through `PartnerMappingInput.paymentMethods`.
 *
 * @example
 * ```ts
 * DEFAULT_PAYMENT_METHODS.map((method) => method.id); // ['CARD', 'GREENDOT', 'READYCODE']
 * ```
 */
export const DEFAULT_PAYMENT_METHODS: readonly Readonly<PaymentMethodDefinition>[] = /* @__PURE__ */ Object.freeze([
  /* @__PURE__ */ Object.freeze({
    id: 'CARD',
    label: 'Debit Card',
    type: 'card',
    availability: ['USD'],
    supportedCountry: ['US'],
    onrampAvailable: true,
    offrampAvailable: false,
    currency: 'USD',
    min: 5,
    max: 15000,
  }),
  /* @__PURE__ */ Object.freeze({
    id: 'GREENDOT',
    label: 'Greendot Cash Buy',
    type: 'cash',
    availability: ['USD'],
    supportedCountry: ['US'],
    onrampAvailable: true,
    offrampAvailable: false,
    currency: 'USD',
    min: 20,
    max: 2000,
  }),
  /* @__PURE__ */ Object.freeze({
    id: 'READYCODE',
    label: 'ReadyCode ATM Cash Sell (Allpoint)',
    type: 'cash',
    availability: ['USD'],
    supportedCountry: ['US'],
    onrampAvailable: false,
    offrampAvailable: true,
    currency: 'USD',
    min: 20,
    max: 500,
  }),
]);
