/** The mock's card payment methods (`/paymentmethods`). The mock keeps no card number or CVV. */
import type { EndpointContext, MockEndpoint } from './endpoints.js';
import { customerIdOf, firstMissing, missingField, record } from './request-fields.js';
import { envelope, errorEnvelope } from './responses.js';

/**
 * A card the mock holds: only its last four digits, never the full number or the CVV.
 *
 * @example
 * ```ts
 * const [card] = mock.paymentMethods;
 * card.last4; // '1111'
 * ```
 */
export interface MockPaymentMethod {
  paymentMethodId: string;
  customerId: string;
  providerId: string;
  last4: string;
  month: string;
  year: string;
  billingAddress: Record<string, unknown>;
  association: 'BUY' | 'SELL';
  status: 'CREATED' | 'VERIFIED' | 'DECLINED' | 'STAGED' | 'DELETED';
  createdAt: Date;
  verifiedAt?: Date;
  deletedAt?: Date;
}

/**
 * The mock's per-customer card limits (Coinme's defaults): 5 cards in any live state, 3 verified,
 * 10 ever added.
 *
 * @example
 * ```ts
 * paymentMethodLimits.maxCards; // 5
 * ```
 */
export const paymentMethodLimits = { maxCards: 5, maxVerified: 3, maxTotal: 10 } as const;

/** A card number as the mock answers it: masked but for the last four digits. */
export function maskCardNumber(cardNumber: string): string {
  return `${'*'.repeat(Math.max(0, cardNumber.length - 4))}${cardNumber.slice(-4)}`;
}

function served(card: MockPaymentMethod): Record<string, unknown> {
  return {
    paymentMethodId: card.paymentMethodId,
    providerId: card.providerId,
    providerName: 'Mock card processor',
    type: 'DEBIT',
    cardProvider: card.last4.startsWith('4') ? 'Visa' : 'Mastercard',
    card: { cardNumber: `************${card.last4}`, month: card.month, year: card.year },
    billingAddress: card.billingAddress,
    status: card.status,
    buySupported: card.association === 'BUY',
    sellSupported: card.association === 'SELL',
    createdAt: card.createdAt.getTime(),
    ...(card.verifiedAt ? { verifiedAt: card.verifiedAt.getTime() } : {}),
    ...(card.deletedAt ? { deletedAt: card.deletedAt.getTime() } : {}),
  };
}

function live(context: EndpointContext, customerId: string): MockPaymentMethod[] {
  return context.paymentMethods.filter((card) => card.customerId === customerId && card.status !== 'DELETED');
}

/** The customer named by `?customerId=`, or the error Coinme answers. */
function customerOf(url: URL, context: EndpointContext, path: string): string | Response {
  const customerId = customerIdOf(url.searchParams.get('customerId'));
  if (customerId === undefined) return missingField(path, 'customerId', context.clock);
  return context.data.customers[customerId] ? customerId : errorEnvelope({ path, message: 'Invalid customer id', now: context.clock.now() });
}

export const createPaymentMethod: MockEndpoint = (_request, _url, body, context) => {
  const path = '/external/partners/v1/payment-method';
  const input = record(body);
  const missing = firstMissing(input, ['customerId', 'providerId', 'card', 'billingAddress', 'paymentProcessAssociation']);
  if (missing) return missingField(path, missing, context.clock);
  const card = record(input['card']);
  const cardMissing = firstMissing(card, ['cardNumber', 'month', 'year', 'cvv']);
  if (cardMissing) return missingField(path, `card.${cardMissing}`, context.clock);
  const customerId = customerIdOf(input['customerId']);
  if (customerId === undefined || !context.data.customers[customerId]) return errorEnvelope({ path, message: 'Invalid customer id', now: context.clock.now() });
  const all = context.paymentMethods.filter((candidate) => candidate.customerId === customerId);
  const cards = live(context, customerId);
  if (cards.length >= paymentMethodLimits.maxCards || all.length >= paymentMethodLimits.maxTotal) {
    return errorEnvelope({ path, message: 'Maximum number of payment methods reached', now: context.clock.now() });
  }
  const now = new Date(context.clock.now());
  const verified = cards.filter((candidate) => candidate.status === 'VERIFIED').length < paymentMethodLimits.maxVerified;
  const created: MockPaymentMethod = {
    paymentMethodId: context.nextId(),
    customerId,
    providerId: String(input['providerId']),
    last4: String(card['cardNumber']).slice(-4),
    month: String(card['month']),
    year: String(card['year']),
    billingAddress: record(input['billingAddress']),
    association: input['paymentProcessAssociation'] === 'SELL' ? 'SELL' : 'BUY',
    status: verified ? 'VERIFIED' : 'CREATED',
    createdAt: now,
    ...(verified ? { verifiedAt: now } : {}),
  };
  context.paymentMethods.push(created);
  return envelope({ customerId, partnerId: context.partnerId, paymentMethod: served(created) });
};

export const listPaymentMethods: MockEndpoint = (_request, url, _body, context) => {
  const customerId = customerOf(url, context, '/external/v1/payment-method');
  if (customerId instanceof Response) return customerId;
  return envelope({ paymentMethods: live(context, customerId).map(served) });
};

function findLive(context: EndpointContext, customerId: string, paymentMethodId: unknown): MockPaymentMethod | undefined {
  return live(context, customerId).find((card) => card.paymentMethodId === paymentMethodId);
}

export const retrievePaymentMethod: MockEndpoint = (_request, url, _body, context, params) => {
  const path = '/external/partners/v1/payment-method';
  const customerId = customerOf(url, context, path);
  if (customerId instanceof Response) return customerId;
  const card = findLive(context, customerId, params['paymentMethodId']);
  return card ? envelope(served(card)) : errorEnvelope({ path, message: 'Payment method not found', now: context.clock.now(), status: 404, httpStatus: '404' });
};

export const deletePaymentMethod: MockEndpoint = (_request, url, _body, context, params) => {
  const path = '/external/partners/v1/payment-method';
  const customerId = customerOf(url, context, path);
  if (customerId instanceof Response) return customerId;
  const card = findLive(context, customerId, params['paymentMethodId']);
  if (!card) return errorEnvelope({ path, message: 'Payment method not found', now: context.clock.now(), status: 404, httpStatus: '404' });
  card.status = 'DELETED';
  card.deletedAt = new Date(context.clock.now());
  return envelope(served(card));
};

export const paymentMethodStatus: MockEndpoint = (_request, url, _body, context) => {
  const customerId = customerOf(url, context, '/services/paymentmethods/status GET');
  if (customerId instanceof Response) return customerId;
  const cards = live(context, customerId);
  const total = context.paymentMethods.filter((card) => card.customerId === customerId).length;
  return envelope({
    maxReached: cards.length >= paymentMethodLimits.maxCards,
    maxVerifiedReached: cards.filter((card) => card.status === 'VERIFIED').length >= paymentMethodLimits.maxVerified,
    maxTotalReached: total >= paymentMethodLimits.maxTotal,
  });
};
