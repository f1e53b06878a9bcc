/** `/paymentmethods`: a customer's debit cards. */
import * as z from 'zod/mini';
import type { RequestOptions } from '../core/request-options.js';
import { parseInput } from '../core/validate.js';
import { jsonNumber } from '../internal/json-number.js';
import { lazy } from '../internal/lazy.js';
import { fields, matchingInput, oneOfInput, optional } from './fields.js';
import { APIResource } from './resource.js';

/**
 * Parameters of {@link PaymentMethods.create}. The card travels to Coinme exactly as given and
 * nowhere else: no log line, hook, error message or error body ever shows it.
 *
 * @example
 * ```ts
 * const params: CreatePaymentMethodParams = {
 *   customerId: '1319354818066124800', providerId: 'card-provider', paymentProcessAssociation: 'BUY',
 *   card: { cardNumber: '4111111111111111', month: '03', year: '2030', cvv: '123' },
 *   billingAddress: { country: 'US', addressLine1: '11 Creekside St.', zipCode: '33414', city: 'West Palm Beach', state: 'FL' },
 * };
 * ```
 */
export interface CreatePaymentMethodParams {
  /** Coinme's 64-bit customer id: digits as a string, a `bigint`, or a safe integer. */
  customerId: string | bigint | number;
  /** Payment provider id issued by Coinme. */
  providerId: string;
  card: {
    /** The card's digits, without spaces. */
    cardNumber: string;
    /** Expiry month, two digits (`'03'`). */
    month: string;
    /** Expiry year, four digits (`'2030'`). */
    year: string;
    /** Security code, three or four digits. */
    cvv: string;
  };
  billingAddress: {
    firstName?: string;
    lastName?: string;
    /** Two-letter country code, e.g. `US`. */
    country: string;
    addressLine1: string;
    addressLine2?: string;
    zipCode: string;
    city: string;
    /** Two-letter state code, e.g. `FL`. */
    state: string;
  };
  /** Whether the card is for buying or selling. */
  paymentProcessAssociation: 'BUY' | 'SELL';
}

/**
 * A payment method (card) as Coinme reports it; the card number is Coinme's masked form.
 * Timestamps are parsed to `Date`s (Coinme sends epoch seconds or milliseconds).
 *
 * @example
 * ```ts
 * const card: PaymentMethod = await coinme.paymentMethods.retrieve(paymentMethodId, { customerId });
 * if (card.status === 'VERIFIED' && card.buySupported) offerCardBuy();
 * ```
 */
export interface PaymentMethod {
  paymentMethodId: string;
  /** `CREATED`, `VERIFIED`, `DECLINED`, `STAGED` or `DELETED`. */
  status: string;
  /** `DEBIT`, `CREDIT` or `PREPAID`, when reported. */
  type?: string | undefined;
  providerId?: string | undefined;
  providerName?: string | undefined;
  cardProvider?: string | undefined;
  card?: { cardNumber?: string | undefined; month?: string | undefined; year?: string | undefined; [field: string]: unknown } | undefined;
  billingAddress?: Record<string, unknown> | undefined;
  buySupported?: boolean | undefined;
  sellSupported?: boolean | undefined;
  createdAt?: Date | undefined;
  verifiedAt?: Date | undefined;
  declinedAt?: Date | undefined;
  deletedAt?: Date | undefined;
  [field: string]: unknown;
}

/**
 * The answer of {@link PaymentMethods.create}.
 *
 * @example
 * ```ts
 * const { paymentMethod } = await coinme.paymentMethods.create(params);
 * ```
 */
export interface CreatedPaymentMethod {
  customerId?: string | undefined;
  partnerId?: string | undefined;
  paymentMethod: PaymentMethod;
  [field: string]: unknown;
}

/**
 * Whether a customer may add or verify more cards.
 *
 * @example
 * ```ts
 * const { maxReached } = await coinme.paymentMethods.status({ customerId });
 * if (maxReached) hideAddCard();
 * ```
 */
export interface PaymentMethodStatus {
  /** No more cards can be added. */
  maxReached: boolean;
  /** No more cards can be verified. */
  maxVerifiedReached: boolean;
  /** The total number of cards in any state is reached. */
  maxTotalReached: boolean;
}

/**
 * Identifies the customer in payment-method calls.
 *
 * @example
 * ```ts
 * const params: PaymentMethodCustomerParams = { customerId: '1319354818066124800' };
 * ```
 */
export interface PaymentMethodCustomerParams {
  /** Coinme's 64-bit customer id: digits as a string, a `bigint`, or a safe integer. */
  customerId: string | bigint | number;
}

const twoLetters = (example: string) => matchingInput(/^[A-Za-z]{2}$/, `must be a two-letter code such as "${example}"`);

const schemas = /* @__PURE__ */ lazy(() => {
  const field = fields();

  // Messages name the rule, never the value: a card number must not reach an error.
  const cardSchema = z.strictObject({
    cardNumber: matchingInput(/^\d{12,19}$/, 'must be 12 to 19 digits, without spaces'),
    month: matchingInput(/^(0[1-9]|1[0-2])$/, 'must be two digits from "01" to "12"'),
    year: matchingInput(/^\d{4}$/, 'must be four digits such as "2030"'),
    cvv: matchingInput(/^\d{3,4}$/, 'must be 3 or 4 digits'),
  });

  const createParamsSchema = z.strictObject({
    customerId: field.idInput,
    providerId: field.nonEmptyString,
    card: cardSchema,
    billingAddress: z.strictObject({
      firstName: z.optional(field.nonEmptyString),
      lastName: z.optional(field.nonEmptyString),
      country: twoLetters('US'),
      addressLine1: field.nonEmptyString,
      addressLine2: z.optional(field.nonEmptyString),
      zipCode: field.nonEmptyString,
      city: field.nonEmptyString,
      state: twoLetters('FL'),
    }),
    paymentProcessAssociation: oneOfInput(['BUY', 'SELL'] as const),
  });

  const customerParamsSchema = z.strictObject({ customerId: field.idInput });

  const paymentMethodSchema = z.looseObject({
    paymentMethodId: field.idOutput,
    status: z.string(),
    type: field.optionalText,
    providerId: optional(field.idOutput),
    providerName: field.optionalText,
    cardProvider: field.optionalText,
    card: optional(z.looseObject({ cardNumber: field.optionalText, month: field.optionalText, year: field.optionalText })),
    billingAddress: optional(z.looseObject({})),
    buySupported: optional(field.booleanOutput),
    sellSupported: optional(field.booleanOutput),
    createdAt: optional(field.epochDateOutput),
    verifiedAt: optional(field.epochDateOutput),
    declinedAt: optional(field.epochDateOutput),
    deletedAt: optional(field.epochDateOutput),
  });

  const createdSchema = z.looseObject({
    customerId: optional(field.idOutput),
    partnerId: optional(field.idOutput),
    paymentMethod: paymentMethodSchema,
  });
  const listSchema = z.looseObject({ paymentMethods: optional(z.array(paymentMethodSchema)) });
  const statusSchema = z.looseObject({
    maxReached: field.booleanOutput,
    maxVerifiedReached: field.booleanOutput,
    maxTotalReached: field.booleanOutput,
  });
  return { createParamsSchema, customerParamsSchema, paymentMethodSchema, createdSchema, listSchema, statusSchema };
});

/**
 * A customer's debit cards.
 *
 * @example
 * ```ts
 * const cards = await coinme.paymentMethods.list({ customerId });
 * ```
 */
export class PaymentMethods extends APIResource {
  /**
   * Adds a card. It creates something at Coinme, so it is never re-sent once it may have reached
   * Coinme (a 401 is replayed once with a fresh token). The card data is sent as given and
   * appears in no log line, hook, or error.
   *
   * @example
   * ```ts
   * const { paymentMethod } = await coinme.paymentMethods.create({
   *   customerId: '1319354818066124800', providerId, paymentProcessAssociation: 'BUY',
   *   card: { cardNumber, month: '03', year: '2030', cvv },
   *   billingAddress: { country: 'US', addressLine1: '11 Creekside St.', zipCode: '33414', city: 'West Palm Beach', state: 'FL' },
   * });
   * ```
   */
  async create(params: CreatePaymentMethodParams, options?: RequestOptions): Promise<CreatedPaymentMethod> {
    const input = parseInput(schemas().createParamsSchema, params);
    const json = { ...input, customerId: jsonNumber(input.customerId) };
    const data = await this.request({ method: 'POST', path: '/paymentmethods', json, retryable: false, schema: schemas().createdSchema, options });
    return data;
  }

  /**
   * Lists a customer's cards, in every state.
   *
   * @example
   * ```ts
   * const verified = (await coinme.paymentMethods.list({ customerId })).filter((card) => card.status === 'VERIFIED');
   * ```
   */
  async list(params: PaymentMethodCustomerParams, options?: RequestOptions): Promise<PaymentMethod[]> {
    const { customerId } = parseInput(schemas().customerParamsSchema, params);
    const data = await this.request({ method: 'GET', path: '/paymentmethods', query: { customerId }, retryable: true, schema: schemas().listSchema, options });
    return data.paymentMethods ?? [];
  }

  /**
   * Gets one card.
   *
   * @example
   * ```ts
   * const card = await coinme.paymentMethods.retrieve('123456', { customerId: '1319354818066124800' });
   * ```
   */
  async retrieve(paymentMethodId: string, params: PaymentMethodCustomerParams, options?: RequestOptions): Promise<PaymentMethod> {
    const id = parseInput(fields().nonEmptyString, paymentMethodId, 'paymentMethodId');
    const { customerId } = parseInput(schemas().customerParamsSchema, params);
    const path = `/paymentmethods/${encodeURIComponent(id)}`;
    return this.request({ method: 'GET', path, query: { customerId }, retryable: true, schema: schemas().paymentMethodSchema, options });
  }

  /**
   * Deletes a card and returns it (`status: 'DELETED'`). Not re-sent after it may have reached
   * Coinme: a replay of a delete that succeeded would be answered with an error.
   *
   * @example
   * ```ts
   * const deleted = await coinme.paymentMethods.delete('123456', { customerId: '1319354818066124800' });
   * ```
   */
  async delete(paymentMethodId: string, params: PaymentMethodCustomerParams, options?: RequestOptions): Promise<PaymentMethod> {
    const id = parseInput(fields().nonEmptyString, paymentMethodId, 'paymentMethodId');
    const { customerId } = parseInput(schemas().customerParamsSchema, params);
    const path = `/paymentmethods/${encodeURIComponent(id)}`;
    return this.request({ method: 'DELETE', path, query: { customerId }, retryable: false, schema: schemas().paymentMethodSchema, options });
  }

  /**
   * Tells whether the customer may add or verify more cards.
   *
   * @example
   * ```ts
   * const { maxReached, maxVerifiedReached } = await coinme.paymentMethods.status({ customerId: '1319354818066124800' });
   * ```
   */
  async status(params: PaymentMethodCustomerParams, options?: RequestOptions): Promise<PaymentMethodStatus> {
    const { customerId } = parseInput(schemas().customerParamsSchema, params);
    const data = await this.request({ method: 'GET', path: '/paymentmethods/status', query: { customerId }, retryable: true, schema: schemas().statusSchema, options });
    return { maxReached: data.maxReached, maxVerifiedReached: data.maxVerifiedReached, maxTotalReached: data.maxTotalReached };
  }
}
