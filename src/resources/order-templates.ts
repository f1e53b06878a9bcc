/** `/order-template`: Green Dot cash on-ramp barcodes (order templates). */
import * as z from 'zod/mini';
import type { RequestOptions } from '../core/request-options.js';
import { parseInput } from '../core/validate.js';
import { jsonNumber } from '../internal/json-number.js';
import { lazy } from '../internal/lazy.js';
import { fields, optional } from './fields.js';
import { APIResource } from './resource.js';

/**
 * Parameters of {@link OrderTemplates.create}.
 *
 * @example
 * ```ts
 * const params: CreateOrderTemplateParams = {
 *   customerId: '1319354818066124800', debitCurrencyCode: 'USD', creditCurrencyCode: 'BTC',
 *   amountValue: '11', amountCurrencyCode: 'USD', providerId: 'greendot', locationReference: 'loc-ref',
 * };
 * ```
 */
export interface CreateOrderTemplateParams {
  /** Coinme's 64-bit customer id: digits as a string, a `bigint`, or a safe integer. */
  customerId: string | bigint | number;
  /** Cash currency, e.g. `USD`. */
  debitCurrencyCode: string;
  /** Crypto bought, e.g. `BTC`. */
  creditCurrencyCode: string;
  /** Amount to buy; a number is converted to its exact decimal text. */
  amountValue?: number | string;
  amountCurrencyCode?: string;
  /** Payment provider id issued by Coinme. */
  providerId: string;
  /** Encoded reference of the store location. */
  locationReference: string;
  /** For delivery to an external wallet. */
  externalCustodyCreditInfo?: { walletAddress: string; blockchainMemo?: string };
  /** Chain, only for assets Coinme trades on several chains (`XLM`, `ETH`, `LINEA`, `SOL`). */
  chain?: string;
}

/**
 * An order template (a barcode the customer pays at a store). Amounts are decimal strings,
 * ids are strings; fields Coinme adds are kept.
 *
 * @example
 * ```ts
 * const template: OrderTemplate = await coinme.orderTemplates.create(params);
 * showBarcode(template.transactionProviderRef);
 * ```
 */
export interface OrderTemplate {
  /** Coinme's id of the template; the one {@link OrderTemplates.delete} takes. */
  transactionSystemRef: string;
  /** Present in listings. */
  orderTemplateId?: string | undefined;
  /** The provider's reference: the barcode number. */
  transactionProviderRef?: string | undefined;
  /** `CREATED`, `CONSUMED`, `COMPLETED`, `EXPIRED`, `DELETED` or `REJECTED`, when reported. */
  status?: string | undefined;
  active?: boolean | undefined;
  sealed?: boolean | undefined;
  debitCurrencyCode?: string | undefined;
  debitCurrencyUnitPrice?: string | undefined;
  creditCurrencyCode?: string | undefined;
  creditCurrencyAmount?: string | undefined;
  amountValue?: string | undefined;
  amountCurrencyCode?: string | undefined;
  feesMap: Record<string, string>;
  /** When an unused template expires (Coinme's `expiryTimestamp`), when reported. */
  expiresAt?: Date | undefined;
  [field: string]: unknown;
}

/**
 * How many templates a customer has open with a provider.
 *
 * @example
 * ```ts
 * const { maximumReached } = await coinme.orderTemplates.count(customerId, { providerId });
 * ```
 */
export interface OrderTemplateCount {
  /** Templates in the `CREATED` state. */
  createdCount: number;
  /** How many may be open at once. */
  maxOrdersSubmitted: number;
  /** True when no more can be created. */
  maximumReached: boolean;
}

const schemas = /* @__PURE__ */ lazy(() => {
  const field = fields();
  const createParamsSchema = z.strictObject({
    customerId: field.idInput,
    debitCurrencyCode: field.currencyCodeInput,
    creditCurrencyCode: field.currencyCodeInput,
    amountValue: z.optional(field.positiveAmountInput),
    amountCurrencyCode: z.optional(field.currencyCodeInput),
    providerId: field.nonEmptyString,
    locationReference: field.nonEmptyString,
    externalCustodyCreditInfo: z.optional(z.strictObject({ walletAddress: field.nonEmptyString, blockchainMemo: z.optional(field.nonEmptyString) })),
    chain: z.optional(field.nonEmptyString),
  });

  const countParamsSchema = z.strictObject({ providerId: field.nonEmptyString });
  const deleteParamsSchema = z.strictObject({ customerId: field.idInput });

  const templateSchema = z.looseObject({
    transactionSystemRef: field.idOutput,
    orderTemplateId: optional(field.idOutput),
    transactionProviderRef: optional(field.idOutput),
    status: field.optionalText,
    active: optional(field.booleanOutput),
    sealed: optional(field.booleanOutput),
    debitCurrencyCode: field.optionalText,
    debitCurrencyUnitPrice: optional(field.decimalOutput),
    creditCurrencyCode: field.optionalText,
    creditCurrencyAmount: optional(field.decimalOutput),
    amountValue: optional(field.decimalOutput),
    amountCurrencyCode: field.optionalText,
    feesMap: field.feesOutput,
    expiryTimestamp: optional(field.dateOutput),
  });

  const createdSchema = z.looseObject({ transactionTemplate: templateSchema });
  const listSchema = z.looseObject({ transactionTemplate: optional(z.array(templateSchema)) });
  const countSchema = z.looseObject({
    createdCount: field.countOutput,
    maxOrdersSubmitted: field.countOutput,
    maximumReached: field.booleanOutput,
  });
  // Coinme documents the delete answer as `{}`; whatever arrives besides an error is accepted.
  const deletedSchema = z.unknown();
  return { createParamsSchema, countParamsSchema, deleteParamsSchema, templateSchema, createdSchema, listSchema, countSchema, deletedSchema };
});

function toTemplate({ expiryTimestamp, ...rest }: z.output<ReturnType<typeof schemas>['templateSchema']>): OrderTemplate {
  return { ...rest, expiresAt: expiryTimestamp };
}

/**
 * Green Dot cash on-ramp barcodes. Lifecycle: `CREATED` → `CONSUMED` → `COMPLETED`;
 * `CREATED` → `EXPIRED` (24 h unused) or `DELETED`; `CONSUMED` → `REJECTED`.
 *
 * @example
 * ```ts
 * const template = await coinme.orderTemplates.create(params);
 * const open = await coinme.orderTemplates.list(params.customerId);
 * ```
 */
export class OrderTemplates extends APIResource {
  /**
   * Creates an order template (a barcode). It creates something at Coinme, so it is never
   * re-sent once it may have reached Coinme (a 401 is replayed once with a fresh token).
   *
   * @example
   * ```ts
   * const template = await coinme.orderTemplates.create({
   *   customerId: '1319354818066124800', debitCurrencyCode: 'USD', creditCurrencyCode: 'BTC',
   *   amountValue: '11', amountCurrencyCode: 'USD', providerId, locationReference,
   * });
   * ```
   */
  async create(params: CreateOrderTemplateParams, options?: RequestOptions): Promise<OrderTemplate> {
    const input = parseInput(schemas().createParamsSchema, params);
    const json = { ...input, customerId: jsonNumber(input.customerId) };
    const data = await this.request({ method: 'POST', path: '/order-template', json, retryable: false, schema: schemas().createdSchema, options });
    return toTemplate(data.transactionTemplate);
  }

  /**
   * Lists a customer's order templates, in every state.
   *
   * @example
   * ```ts
   * const open = (await coinme.orderTemplates.list('1319354818066124800')).filter((t) => t.status === 'CREATED');
   * ```
   */
  async list(customerId: string | bigint | number, options?: RequestOptions): Promise<OrderTemplate[]> {
    const id = parseInput(fields().idInput, customerId, 'customerId');
    const data = await this.request({ method: 'GET', path: `/order-template/templates/${id}`, retryable: true, schema: schemas().listSchema, options });
    return (data.transactionTemplate ?? []).map(toTemplate);
  }

  /**
   * Counts a customer's open templates with a provider, and whether the maximum is reached.
   *
   * @example
   * ```ts
   * const { createdCount, maximumReached } = await coinme.orderTemplates.count('1319354818066124800', { providerId });
   * ```
   */
  async count(customerId: string | bigint | number, params: { providerId: string }, options?: RequestOptions): Promise<OrderTemplateCount> {
    const id = parseInput(fields().idInput, customerId, 'customerId');
    const { providerId } = parseInput(schemas().countParamsSchema, params);
    const path = `/order-template/templates/count/${id}`;
    const data = await this.request({ method: 'GET', path, query: { providerId }, retryable: true, schema: schemas().countSchema, options });
    return { createdCount: data.createdCount, maxOrdersSubmitted: data.maxOrdersSubmitted, maximumReached: data.maximumReached };
  }

  /**
   * Invalidates a template that is still `CREATED`. Not re-sent after it may have reached
   * Coinme: a replay of a delete that succeeded would be answered with an error.
   *
   * @example
   * ```ts
   * await coinme.orderTemplates.delete(template.transactionSystemRef, { customerId: '1319354818066124800' });
   * ```
   */
  async delete(transactionSystemRef: string, params: { customerId: string | bigint | number }, options?: RequestOptions): Promise<void> {
    const ref = parseInput(fields().nonEmptyString, transactionSystemRef, 'transactionSystemRef');
    const { customerId } = parseInput(schemas().deleteParamsSchema, params);
    const path = `/order-template/${encodeURIComponent(ref)}`;
    await this.request({ method: 'DELETE', path, query: { customerId }, retryable: false, envelope: 'optional', schema: schemas().deletedSchema, options });
  }
}
