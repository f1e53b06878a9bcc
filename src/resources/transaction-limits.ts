/** `GET /transactionlimits`: what a customer may still buy and sell. */
import * as z from 'zod/mini';
import type { RequestOptions } from '../core/request-options.js';
import { parseInput } from '../core/validate.js';
import { lazy } from '../internal/lazy.js';
import { fields } from './fields.js';
import { APIResource } from './resource.js';

/**
 * Parameters of {@link TransactionLimits.get}.
 *
 * @example
 * ```ts
 * const params: TransactionLimitsParams = { customerId: '1319354818066124800', fiatCurrencyCode: 'USD' };
 * ```
 */
export interface TransactionLimitsParams {
  /** Coinme's 64-bit customer id: digits as a string, a `bigint`, or a safe integer. */
  customerId: string | bigint | number;
  /** Fiat currency of the limits; defaults to `USD`. */
  fiatCurrencyCode?: string;
}

/**
 * A customer's remaining limits, as decimal strings in the requested fiat currency.
 *
 * @example
 * ```ts
 * const limits: TransactionLimitsResult = { buyLimitAmount: '500.00', sellLimitAmount: '500.00' };
 * ```
 */
export interface TransactionLimitsResult {
  buyLimitAmount: string;
  sellLimitAmount: string;
}

const schemas = /* @__PURE__ */ lazy(() => ({
  params: z.strictObject({
    customerId: fields().idInput,
    fiatCurrencyCode: z.optional(z.string().check(z.regex(/^[A-Za-z]{3}$/, 'must be a three-letter currency code such as "USD"'))),
  }),
  limits: z.looseObject({ buyLimitAmount: fields().decimalOutput, sellLimitAmount: fields().decimalOutput }),
}));

/**
 * Checks `TransactionLimitsParams` as `transactionLimits.get` does, without sending anything.
 *
 * @internal
 */
export function parseTransactionLimitsParams(params: TransactionLimitsParams): { customerId: string; fiatCurrencyCode?: string | undefined } {
  return parseInput(schemas().params, params);
}

/**
 * Per-customer limits.
 *
 * @example
 * ```ts
 * const { buyLimitAmount } = await coinme.transactionLimits.get({ customerId });
 * ```
 */
export class TransactionLimits extends APIResource {
  /**
   * Gets the customer's remaining buy and sell limits. An unknown customer is reported by Coinme
   * as a 200 carrying an `errorResponse`, which this throws as a `CoinmeApiError`.
   *
   * @example
   * ```ts
   * const limits = await coinme.transactionLimits.get({ customerId: '1319354818066124800', fiatCurrencyCode: 'USD' });
   * ```
   */
  async get(params: TransactionLimitsParams, options?: RequestOptions): Promise<TransactionLimitsResult> {
    const input = parseInput(schemas().params, params);
    const query = { customerId: input.customerId, fiatCurrencyCode: (input.fiatCurrencyCode ?? 'USD').toUpperCase() };
    const data = await this.request({ method: 'GET', path: '/transactionlimits', query, retryable: true, schema: schemas().limits, options });
    return { ...data, buyLimitAmount: data.buyLimitAmount, sellLimitAmount: data.sellLimitAmount };
  }
}
