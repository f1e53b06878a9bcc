/** `POST /cryptoquote/informative`: non-binding price quotes. */
import * as z from 'zod';
import type { RequestOptions } from '../core/request-options.js';
import { parseInput } from '../core/validate.js';
import { lazy } from '../internal/lazy.js';
import { fields } from './fields.js';
import { APIResource } from './resource.js';

/**
 * Parameters of {@link Quotes.informative}.
 *
 * @example
 * ```ts
 * const params: InformativeQuoteParams = { debitCurrencyCode: 'USD', creditCurrencyCode: 'BTC', amountValue: '200', amountCurrencyCode: 'USD' };
 * ```
 */
export interface InformativeQuoteParams {
  /** Currency the customer pays with, e.g. `USD`. */
  debitCurrencyCode: string;
  /** Currency the customer receives, e.g. `BTC`. */
  creditCurrencyCode: string;
  /** Amount to quote; a number is converted to its exact decimal text (`200` → `"200"`). */
  amountValue: number | string;
  /** Currency of `amountValue`; one of the two above. */
  amountCurrencyCode: string;
  /** `EXTERNAL` adds the blockchain fee for sending off-platform; Coinme defaults to `INTERNAL`. */
  cryptoSettlementType?: 'INTERNAL' | 'EXTERNAL';
  /** Chain, only for assets Coinme trades on several chains. */
  chain?: string;
  latitude?: number | string;
  longitude?: number | string;
  locationReference?: string;
  promoCode?: string;
}

/**
 * Fees of a quote, as decimal strings. Which ones appear depends on the quote.
 *
 * @example
 * ```ts
 * const fees: QuoteFees = { exchangeFee: '3.80' };
 * ```
 */
export interface QuoteFees {
  exchangeFee?: string;
  processingFee?: string;
  /** Present when `cryptoSettlementType` is `EXTERNAL`. */
  blockchainFee?: string;
  [fee: string]: string | undefined;
}

/**
 * A non-binding quote. Amounts and prices are decimal strings.
 *
 * @example
 * ```ts
 * const quote: InformativeQuote = await coinme.quotes.informative(params);
 * console.log(`${quote.creditCurrencyAmount} ${quote.creditCurrencyCode} for ${quote.debitCurrencyAmount} ${quote.debitCurrencyCode}`);
 * ```
 */
export interface InformativeQuote {
  creditCurrencyUnitPrice: string;
  creditCurrencyUnitPriceCode: string;
  debitCurrencyUnitPrice: string;
  debitCurrencyUnitPriceCode: string;
  creditCurrencyAmount: string;
  creditCurrencyCode: string;
  debitCurrencyAmount: string;
  debitCurrencyCode: string;
  totalFees: string;
  /** Currency of the fees (Coinme also spells it `feeCurrencyCode`; both are read). */
  feeCurrency: string | undefined;
  feesMap: QuoteFees;
  /** Spread amount (Coinme also spells it `spreadAmount`; both are read). */
  spread: string | undefined;
  spreadCurrencyCode: string | undefined;
  chain: string | undefined;
}

const schemas = /* @__PURE__ */ lazy(() => {
  const { coordinateInput, currencyCodeInput, decimalOutput, nonEmptyString, positiveAmountInput } = fields();
  const paramsSchema = z.strictObject({
    debitCurrencyCode: currencyCodeInput,
    creditCurrencyCode: currencyCodeInput,
    amountValue: positiveAmountInput,
    amountCurrencyCode: currencyCodeInput,
    cryptoSettlementType: z.enum(['INTERNAL', 'EXTERNAL']).optional(),
    chain: nonEmptyString.optional(),
    latitude: coordinateInput.optional(),
    longitude: coordinateInput.optional(),
    locationReference: nonEmptyString.optional(),
    promoCode: nonEmptyString.optional(),
  });

  const optionalText = z.string().nullish();
  const optionalDecimal = decimalOutput.nullish();

  const quoteSchema = z.looseObject({
    creditCurrencyUnitPrice: decimalOutput,
    creditCurrencyUnitPriceCode: z.string(),
    debitCurrencyUnitPrice: decimalOutput,
    debitCurrencyUnitPriceCode: z.string(),
    creditCurrencyAmount: decimalOutput,
    creditCurrencyCode: z.string(),
    debitCurrencyAmount: decimalOutput,
    debitCurrencyCode: z.string(),
    totalFees: decimalOutput,
    feeCurrency: optionalText,
    feeCurrencyCode: optionalText,
    feesMap: z.record(z.string(), decimalOutput).nullish(),
    spread: optionalDecimal,
    spreadAmount: optionalDecimal,
    spreadCurrencyCode: optionalText,
    chain: optionalText,
  });
  return { paramsSchema, quoteSchema };
});

/**
 * Price quotes.
 *
 * @example
 * ```ts
 * const quote = await coinme.quotes.informative({ debitCurrencyCode: 'USD', creditCurrencyCode: 'BTC', amountValue: 200, amountCurrencyCode: 'USD' });
 * ```
 */
export class Quotes extends APIResource {
  /**
   * Gets a non-binding quote to show before opening the widget. It changes nothing at Coinme,
   * so failed attempts are retried like a GET.
   *
   * @example
   * ```ts
   * const quote = await coinme.quotes.informative({
   *   debitCurrencyCode: 'USD', creditCurrencyCode: 'BTC', amountValue: '200', amountCurrencyCode: 'USD',
   * });
   * quote.totalFees; // '3.80'
   * ```
   */
  async informative(params: InformativeQuoteParams, options?: RequestOptions): Promise<InformativeQuote> {
    const json = parseInput(schemas().paramsSchema, params);
    const data = await this.request({ method: 'POST', path: '/cryptoquote/informative', json, retryable: true, schema: schemas().quoteSchema, options });
    const { feeCurrencyCode, spreadAmount, ...rest } = data;
    return {
      ...rest,
      feeCurrency: data.feeCurrency ?? feeCurrencyCode ?? undefined,
      feesMap: data.feesMap ?? {},
      spread: data.spread ?? spreadAmount ?? undefined,
      spreadCurrencyCode: data.spreadCurrencyCode ?? undefined,
      chain: data.chain ?? undefined,
    };
  }
}
