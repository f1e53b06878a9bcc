/** `POST /cryptoquote/informative`, `POST /cryptoquote`, `GET /cryptoquote/{quoteId}`, `POST /cryptoquote/sell-all`: price quotes. */
import * as z from 'zod/mini';
import type { RequestOptions } from '../core/request-options.js';
import { parseInput } from '../core/validate.js';
import { lazy } from '../internal/lazy.js';
import { jsonNumber } from '../internal/json-number.js';
import { fields, oneOfInput, optional } from './fields.js';
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

/**
 * Parameters of {@link Quotes.create}: a binding quote for one customer.
 *
 * @example
 * ```ts
 * const params: CreateQuoteParams = { customerId: '1319354818066124800', debitCurrencyCode: 'USD', creditCurrencyCode: 'DOGE', amountValue: '100', amountCurrencyCode: 'USD' };
 * ```
 */
export interface CreateQuoteParams {
  /** Coinme's 64-bit customer id: digits as a string, a `bigint`, or a safe integer. */
  customerId: string | bigint | number;
  /** Payment provider id issued by Coinme. */
  providerId?: string;
  /** Currency the customer pays with, e.g. `USD`. */
  debitCurrencyCode: string;
  /** Currency the customer receives, e.g. `DOGE`. */
  creditCurrencyCode: string;
  /** Amount to quote; a number is converted to its exact decimal text. */
  amountValue: number | string;
  /** Currency of `amountValue`; one of the two above. */
  amountCurrencyCode: string;
  /** Only when fiat settles at a physical location (selling crypto for cash). */
  locationReference?: string;
  /** Alternative to `locationReference`. */
  gpsCoordinates?: { latitude: number | string; longitude: number | string };
  /** `EXTERNAL` adds the blockchain fee; Coinme defaults to `INTERNAL`. */
  cryptoSettlementType?: 'INTERNAL' | 'EXTERNAL';
  /** Chain, only for assets Coinme trades on several chains (`XLM`, `ETH`, `LINEA`). */
  chain?: string;
  promoCode?: string;
}

/**
 * Parameters of {@link Quotes.sellAll}: a quote selling all of a custodial customer's `debitCurrencyCode`.
 *
 * @example
 * ```ts
 * const params: SellAllQuoteParams = { customerId: '1319354818066124800', debitCurrencyCode: 'DOGE', creditCurrencyCode: 'USD' };
 * ```
 */
export interface SellAllQuoteParams {
  /** Coinme's 64-bit customer id: digits as a string, a `bigint`, or a safe integer. */
  customerId: string | bigint | number;
  /** The crypto sold, e.g. `DOGE`. */
  debitCurrencyCode: string;
  /** The fiat received, e.g. `USD`. */
  creditCurrencyCode: string;
  cryptoSettlementType?: 'INTERNAL' | 'EXTERNAL';
  chain?: string;
}

/**
 * A binding (transactional) quote: its `quoteId` starts a buy or sell until `expiresAt`
 * (30 seconds after creation by default). Amounts and prices are decimal strings.
 *
 * @example
 * ```ts
 * const quote: TransactionalQuote = await coinme.quotes.create(params);
 * if (quote.expiresAt.getTime() > Date.now()) await placeOrder(quote.quoteId);
 * ```
 */
export interface TransactionalQuote {
  quoteId: string;
  /** When the quote stops being honoured: Coinme's `expirationTime`, else the time of the call plus `expiresIn`. */
  expiresAt: Date;
  /** Lifetime in milliseconds, as Coinme reports it. */
  expiresIn: number | undefined;
  creditCurrencyUnitPrice: string;
  creditCurrencyUnitPriceCode: string | undefined;
  debitCurrencyUnitPrice: string;
  debitCurrencyUnitPriceCode: string | undefined;
  creditCurrencyAmount: string;
  creditCurrencyCode: string;
  debitCurrencyAmount: string;
  debitCurrencyCode: string;
  totalFees: string;
  /** Currency of the fees (Coinme spells it `feeCurrencyCode` or `feeCurrency`; both are read). */
  feeCurrency: string | undefined;
  feesMap: QuoteFees;
  /** Spread amount (Coinme spells it `spreadAmount` or `spread`; both are read). */
  spread: string | undefined;
  spreadCurrencyCode: string | undefined;
  [field: string]: unknown;
}

const schemas = /* @__PURE__ */ lazy(() => {
  const { coordinateInput, currencyCodeInput, decimalOutput, nonEmptyString, positiveAmountInput } = fields();
  const paramsSchema = z.strictObject({
    debitCurrencyCode: currencyCodeInput,
    creditCurrencyCode: currencyCodeInput,
    amountValue: positiveAmountInput,
    amountCurrencyCode: currencyCodeInput,
    cryptoSettlementType: z.optional(z.enum(['INTERNAL', 'EXTERNAL'])),
    chain: z.optional(nonEmptyString),
    latitude: z.optional(coordinateInput),
    longitude: z.optional(coordinateInput),
    locationReference: z.optional(nonEmptyString),
    promoCode: z.optional(nonEmptyString),
  });

  const optionalText = z.nullish(z.string());
  const optionalDecimal = z.nullish(decimalOutput);

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
    feesMap: z.nullish(z.record(z.string(), decimalOutput)),
    spread: optionalDecimal,
    spreadAmount: optionalDecimal,
    spreadCurrencyCode: optionalText,
    chain: optionalText,
  });
  return { paramsSchema, quoteSchema };
});

const bindingSchemas = /* @__PURE__ */ lazy(() => {
  const field = fields();
  const settlementInput = z.optional(oneOfInput(['INTERNAL', 'EXTERNAL'] as const));

  const createParamsSchema = z.strictObject({
    customerId: field.idInput,
    providerId: z.optional(field.nonEmptyString),
    debitCurrencyCode: field.currencyCodeInput,
    creditCurrencyCode: field.currencyCodeInput,
    amountValue: field.positiveAmountInput,
    amountCurrencyCode: field.currencyCodeInput,
    locationReference: z.optional(field.nonEmptyString),
    gpsCoordinates: z.optional(z.strictObject({ latitude: field.coordinateInput, longitude: field.coordinateInput })),
    cryptoSettlementType: settlementInput,
    chain: z.optional(field.nonEmptyString),
    promoCode: z.optional(field.nonEmptyString),
  });

  const sellAllParamsSchema = z.strictObject({
    customerId: field.idInput,
    debitCurrencyCode: field.currencyCodeInput,
    creditCurrencyCode: field.currencyCodeInput,
    cryptoSettlementType: settlementInput,
    chain: z.optional(field.nonEmptyString),
  });

  const quoteIdInput = field.nonEmptyString;

  const transactionalQuoteSchema = z.looseObject({
    quoteId: field.idOutput,
    expiresIn: optional(field.countOutput),
    expirationTime: optional(field.dateOutput),
    creditCurrencyUnitPrice: field.decimalOutput,
    creditCurrencyUnitPriceCode: field.optionalText,
    debitCurrencyUnitPrice: field.decimalOutput,
    debitCurrencyUnitPriceCode: field.optionalText,
    creditCurrencyAmount: field.decimalOutput,
    creditCurrencyCode: z.string(),
    debitCurrencyAmount: field.decimalOutput,
    debitCurrencyCode: z.string(),
    totalFees: field.decimalOutput,
    feeCurrency: field.optionalText,
    feeCurrencyCode: field.optionalText,
    feesMap: field.feesOutput,
    spread: optional(field.decimalOutput),
    spreadAmount: optional(field.decimalOutput),
    spreadCurrencyCode: field.optionalText,
  });

  return { createParamsSchema, sellAllParamsSchema, quoteIdInput, transactionalQuoteSchema };
});

// Coinme's documented default lifetime of a binding quote, used only when it reports neither expiry.
const defaultQuoteLifetimeMs = 30_000;

function toTransactionalQuote(data: z.output<ReturnType<typeof bindingSchemas>['transactionalQuoteSchema']>, requestedAt: number): TransactionalQuote {
  const { feeCurrencyCode, spreadAmount, expirationTime, ...rest } = data;
  return {
    ...rest,
    expiresAt: expirationTime ?? new Date(requestedAt + (data.expiresIn ?? defaultQuoteLifetimeMs)),
    expiresIn: data.expiresIn,
    feeCurrency: data.feeCurrency ?? feeCurrencyCode,
    spread: data.spread ?? spreadAmount,
  };
}

/** A body with `customerId` written as the JSON integer the spec declares, digit for digit. */
function withIntegerCustomerId<T extends { customerId: string }>(input: T): Record<string, unknown> {
  return { ...input, customerId: jsonNumber(input.customerId) };
}

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

  /**
   * Creates a binding quote for a customer. Its `quoteId` starts a transaction until `expiresAt`
   * (30 s by default). This creates something at Coinme, so it is never re-sent once it may have
   * reached Coinme (a 401 is replayed once with a fresh token: Coinme refused it without acting).
   *
   * @example
   * ```ts
   * const quote = await coinme.quotes.create({
   *   customerId: '1319354818066124800', debitCurrencyCode: 'USD', creditCurrencyCode: 'DOGE',
   *   amountValue: '100', amountCurrencyCode: 'USD',
   * });
   * console.log(quote.quoteId, quote.expiresAt);
   * ```
   */
  async create(params: CreateQuoteParams, options?: RequestOptions): Promise<TransactionalQuote> {
    const json = withIntegerCustomerId(parseInput(bindingSchemas().createParamsSchema, params));
    const requestedAt = Date.now();
    const data = await this.request({ method: 'POST', path: '/cryptoquote', json, retryable: false, schema: bindingSchemas().transactionalQuoteSchema, options });
    return toTransactionalQuote(data, requestedAt);
  }

  /**
   * Gets a binding quote by its id (retried like any GET).
   *
   * @example
   * ```ts
   * const quote = await coinme.quotes.retrieve('1016647805236006912');
   * ```
   */
  async retrieve(quoteId: string, options?: RequestOptions): Promise<TransactionalQuote> {
    const id = parseInput(bindingSchemas().quoteIdInput, quoteId, 'quoteId');
    const requestedAt = Date.now();
    const path = `/cryptoquote/${encodeURIComponent(id)}`;
    const data = await this.request({ method: 'GET', path, retryable: true, schema: bindingSchemas().transactionalQuoteSchema, options });
    return toTransactionalQuote(data, requestedAt);
  }

  /**
   * Quotes selling all of a custodial customer's `debitCurrencyCode` (only for crypto held in
   * Coinme's custody). Like {@link Quotes.create}, never re-sent once it may have reached Coinme.
   *
   * @example
   * ```ts
   * const quote = await coinme.quotes.sellAll({ customerId: '1319354818066124800', debitCurrencyCode: 'DOGE', creditCurrencyCode: 'USD' });
   * ```
   */
  async sellAll(params: SellAllQuoteParams, options?: RequestOptions): Promise<TransactionalQuote> {
    const json = withIntegerCustomerId(parseInput(bindingSchemas().sellAllParamsSchema, params));
    const requestedAt = Date.now();
    const data = await this.request({ method: 'POST', path: '/cryptoquote/sell-all', json, retryable: false, schema: bindingSchemas().transactionalQuoteSchema, options });
    return toTransactionalQuote(data, requestedAt);
  }
}
