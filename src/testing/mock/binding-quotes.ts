/** The mock's binding quotes: `POST /cryptoquote`, `GET /cryptoquote/{quoteId}`, `POST /cryptoquote/sell-all`. */
import type { EndpointContext, MockEndpoint } from './endpoints.js';
import { customerIdOf, firstMissing, missingField, record } from './request-fields.js';
import { envelope, errorEnvelope } from './responses.js';

/**
 * A binding quote the mock issued. It is honoured for {@link bindingQuoteLifetimeMs} on the mock's clock.
 *
 * @example
 * ```ts
 * const [quote] = mock.bindingQuotes;
 * mock.clock.advance(31_000); // quote.expiresAt has passed: retrieving it now fails
 * ```
 */
export interface MockBindingQuote {
  quoteId: string;
  customerId: string;
  expiresAt: Date;
  /** The quote's fields as served (without the expiry fields, computed per request). */
  quote: Record<string, unknown>;
}

/**
 * How long a binding quote lives: Coinme's documented default, 30 seconds.
 *
 * @example
 * ```ts
 * mock.clock.advance(bindingQuoteLifetimeMs);
 * ```
 */
export const bindingQuoteLifetimeMs = 30_000;

const createPath = '/services/cryptoquote POST';

function issue(context: EndpointContext, customerId: string, quote: Record<string, unknown>): Response {
  const quoteId = context.nextId();
  const expiresAt = new Date(context.clock.now() + bindingQuoteLifetimeMs);
  context.bindingQuotes.push({ quoteId, customerId, expiresAt, quote });
  return envelope(served({ quoteId, customerId, expiresAt, quote }, context));
}

function served(issued: MockBindingQuote, context: EndpointContext): Record<string, unknown> {
  const expiresIn = Math.max(0, issued.expiresAt.getTime() - context.clock.now());
  return { expiresIn, expirationTime: issued.expiresAt.toISOString(), quoteId: issued.quoteId, ...issued.quote };
}

/** The seeded informative quote of the crypto side of a pair, priced for `amount`. */
function priced(context: EndpointContext, input: Record<string, unknown>): Record<string, unknown> | undefined {
  const debit = String(input['debitCurrencyCode']);
  const credit = String(input['creditCurrencyCode']);
  const template = context.data.quotes[credit] ?? context.data.quotes[debit];
  if (!template) return undefined;
  const { feeCurrency, spread, ...rest } = template;
  const amount = input['amountValue'] === undefined ? {} : input['amountCurrencyCode'] === credit ? { creditCurrencyAmount: String(input['amountValue']) } : { debitCurrencyAmount: String(input['amountValue']) };
  const fees = input['cryptoSettlementType'] === 'EXTERNAL' ? { feesMap: { ...record(template['feesMap']), blockchainFee: '0.3' } } : {};
  // The transactional endpoints spell these `feeCurrencyCode` and `spreadAmount`.
  return { ...rest, debitCurrencyCode: debit, creditCurrencyCode: credit, ...amount, ...fees, feeCurrencyCode: feeCurrency, spreadAmount: spread };
}

export const createBindingQuote: MockEndpoint = (_request, _url, body, context) => {
  const input = record(body);
  const missing = firstMissing(input, ['customerId', 'debitCurrencyCode', 'creditCurrencyCode', 'amountValue', 'amountCurrencyCode']);
  if (missing) return missingField(createPath, missing, context.clock);
  const customerId = customerIdOf(input['customerId']);
  if (customerId === undefined || !context.data.customers[customerId]) {
    return errorEnvelope({ path: createPath, message: 'Customer Id not found', now: context.clock.now() });
  }
  if (input['debitCurrencyCode'] === input['creditCurrencyCode']) {
    return errorEnvelope({ path: createPath, message: 'CreditCurrencyCode cannot be same as DebitCurrencyCode', now: context.clock.now() });
  }
  const quote = priced(context, input);
  if (!quote) return errorEnvelope({ path: createPath, message: 'Currency pair is not supported', now: context.clock.now() });
  return issue(context, customerId, quote);
};

export const retrieveBindingQuote: MockEndpoint = (_request, _url, _body, context, params) => {
  const path = '/services/cryptoquote GET';
  const issued = context.bindingQuotes.find((candidate) => candidate.quoteId === params['quoteId']);
  if (!issued) return errorEnvelope({ path, message: 'Quote not found', now: context.clock.now(), status: 404, httpStatus: '404' });
  if (context.clock.now() >= issued.expiresAt.getTime()) return errorEnvelope({ path, message: 'Quote has expired', now: context.clock.now() });
  return envelope(served(issued, context));
};

export const sellAllQuote: MockEndpoint = (_request, _url, body, context) => {
  const path = '/services/cryptoquote/sell-all POST';
  const input = record(body);
  const missing = firstMissing(input, ['customerId', 'debitCurrencyCode', 'creditCurrencyCode']);
  if (missing) return missingField(path, missing, context.clock);
  const customerId = customerIdOf(input['customerId']);
  const customer = customerId === undefined ? undefined : context.data.customers[customerId];
  if (customerId === undefined || !customer) return errorEnvelope({ path, message: 'Customer Id not found', now: context.clock.now() });
  const held = customer.holdings?.[String(input['debitCurrencyCode'])];
  if (held === undefined || !/[1-9]/.test(held)) return errorEnvelope({ path, message: 'No custodial balance to sell', now: context.clock.now() });
  const quote = priced(context, { ...input, amountValue: held, amountCurrencyCode: input['debitCurrencyCode'] });
  if (!quote) return errorEnvelope({ path, message: 'Currency pair is not supported', now: context.clock.now() });
  return issue(context, customerId, { ...quote, timestamp: new Date(context.clock.now()).toISOString() });
};
