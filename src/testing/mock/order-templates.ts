/** The mock's Green Dot order templates (barcodes) and their `ORDER_TEMPLATE` webhooks. */
import type { EndpointContext, MockEndpoint } from './endpoints.js';
import { customerIdOf, firstMissing, missingField, record } from './request-fields.js';
import { envelope, errorEnvelope } from './responses.js';

/**
 * The states of an order template (`UPDATED` is not used for Green Dot).
 *
 * @example
 * ```ts
 * const status: MockOrderTemplateStatus = 'CONSUMED';
 * ```
 */
export type MockOrderTemplateStatus = 'CREATED' | 'CONSUMED' | 'COMPLETED' | 'EXPIRED' | 'DELETED' | 'REJECTED';

/**
 * An order template the mock created.
 *
 * @example
 * ```ts
 * const [template] = mock.orderTemplates;
 * template.status; // 'CREATED'
 * ```
 */
export interface MockOrderTemplate {
  transactionSystemRef: string;
  customerId: string;
  providerId: string;
  status: MockOrderTemplateStatus;
  createdAt: Date;
  expiresAt: Date;
  /** The body `POST /order-template` received. */
  params: Record<string, unknown>;
  /** The 30-digit barcode number. */
  transactionProviderRef: string;
}

/**
 * Transitions Coinme documents: CREATED → CONSUMED → COMPLETED; CREATED → EXPIRED or DELETED;
 * CONSUMED → REJECTED.
 *
 * @example
 * ```ts
 * orderTemplateTransitions.CREATED; // ['CONSUMED', 'EXPIRED', 'DELETED']
 * ```
 */
export const orderTemplateTransitions: Readonly<Record<MockOrderTemplateStatus, readonly MockOrderTemplateStatus[]>> = {
  CREATED: ['CONSUMED', 'EXPIRED', 'DELETED'],
  CONSUMED: ['COMPLETED', 'REJECTED'],
  COMPLETED: [],
  EXPIRED: [],
  DELETED: [],
  REJECTED: [],
};

/**
 * How long an unused template lives: 24 hours after creation, then it is `EXPIRED`.
 *
 * @example
 * ```ts
 * mock.clock.advance(orderTemplateLifetimeMs); // every CREATED template is now EXPIRED
 * ```
 */
export const orderTemplateLifetimeMs = 24 * 60 * 60_000;

/**
 * How many `CREATED` templates a customer may hold per provider.
 *
 * @example
 * ```ts
 * for (let i = 0; i < maxOpenOrderTemplates; i++) await coinme.orderTemplates.create(params);
 * ```
 */
export const maxOpenOrderTemplates = 2;

/** Moves templates whose 24 hours ran out on the mock clock to `EXPIRED`. */
export function expireOrderTemplates(context: Pick<EndpointContext, 'orderTemplates' | 'clock'>): void {
  for (const template of context.orderTemplates) {
    if (template.status === 'CREATED' && context.clock.now() >= template.expiresAt.getTime()) template.status = 'EXPIRED';
  }
}

function served(template: MockOrderTemplate, context: EndpointContext): Record<string, unknown> {
  const { params } = template;
  const quote = context.data.quotes[String(params['creditCurrencyCode'])] ?? {};
  return {
    orderTemplateId: template.transactionSystemRef,
    transactionSystemRef: template.transactionSystemRef,
    transactionProviderRef: template.transactionProviderRef,
    sealed: template.status !== 'CREATED',
    debitCurrencyCode: params['debitCurrencyCode'],
    debitCurrencyUnitPrice: quote['debitCurrencyUnitPrice'] ?? '1',
    creditCurrencyCode: params['creditCurrencyCode'],
    amountValue: params['amountValue'] === undefined ? undefined : String(params['amountValue']),
    amountCurrencyCode: params['amountCurrencyCode'],
    feesMap: {},
    providerExclusiveFees: { retailerCustomerFee: { amount: '3.95', currency: 'USD' } },
    active: template.status === 'CREATED',
    status: template.status,
    timestamp: template.createdAt.toISOString(),
    expiryTimestamp: template.expiresAt.toISOString(),
  };
}

function openCount(context: EndpointContext, customerId: string, providerId: string): number {
  return context.orderTemplates.filter((t) => t.customerId === customerId && t.providerId === providerId && t.status === 'CREATED').length;
}

export const createOrderTemplate: MockEndpoint = (_request, _url, body, context) => {
  const path = '/services/order-template POST';
  const params = record(body);
  const missing = firstMissing(params, ['customerId', 'debitCurrencyCode', 'creditCurrencyCode', 'providerId', 'locationReference']);
  if (missing) return missingField(path, missing, context.clock);
  const customerId = customerIdOf(params['customerId']);
  if (customerId === undefined || !context.data.customers[customerId]) return errorEnvelope({ path, message: 'Customer Id not found', now: context.clock.now() });
  expireOrderTemplates(context);
  const providerId = String(params['providerId']);
  if (openCount(context, customerId, providerId) >= maxOpenOrderTemplates) {
    return errorEnvelope({ path, message: 'Maximum number of order templates reached', now: context.clock.now() });
  }
  const transactionSystemRef = context.nextId();
  const createdAt = new Date(context.clock.now());
  const transactionProviderRef = `830324007540${transactionSystemRef.slice(-18).padStart(18, '0')}`;
  const template: MockOrderTemplate = {
    transactionSystemRef,
    customerId,
    providerId,
    status: 'CREATED',
    createdAt,
    expiresAt: new Date(createdAt.getTime() + orderTemplateLifetimeMs),
    params,
    transactionProviderRef,
  };
  context.orderTemplates.push(template);
  const { orderTemplateId: _listedOnly, ...created } = served(template, context);
  return envelope({ transactionTemplate: created });
};

export const listOrderTemplates: MockEndpoint = (_request, _url, _body, context, params) => {
  expireOrderTemplates(context);
  const customerId = String(params['customerId']);
  if (!context.data.customers[customerId]) return errorEnvelope({ path: '/services/order-template GET', message: 'Customer Id not found', now: context.clock.now() });
  return envelope({ transactionTemplate: context.orderTemplates.filter((t) => t.customerId === customerId).map((t) => served(t, context)) });
};

export const countOrderTemplates: MockEndpoint = (_request, url, _body, context, params) => {
  const path = '/services/order-template/templates/count GET';
  const providerId = url.searchParams.get('providerId');
  if (!providerId) return missingField(path, 'providerId', context.clock);
  const customerId = String(params['customerId']);
  if (!context.data.customers[customerId]) return errorEnvelope({ path, message: 'Customer Id not found', now: context.clock.now() });
  expireOrderTemplates(context);
  const createdCount = openCount(context, customerId, providerId);
  return envelope({ createdCount, maxOrdersSubmitted: maxOpenOrderTemplates, maximumReached: createdCount >= maxOpenOrderTemplates });
};

export const deleteOrderTemplate: MockEndpoint = (_request, url, _body, context, params) => {
  const path = '/services/order-template DELETE';
  const customerId = customerIdOf(url.searchParams.get('customerId'));
  if (customerId === undefined) return missingField(path, 'customerId', context.clock);
  expireOrderTemplates(context);
  const template = context.orderTemplates.find((t) => t.transactionSystemRef === params['transactionSystemRef'] && t.customerId === customerId);
  if (!template) return errorEnvelope({ path, message: 'Order template not found', now: context.clock.now(), status: 404, httpStatus: '404' });
  if (template.status !== 'CREATED') {
    return errorEnvelope({ path, message: `Order template is ${template.status}; only CREATED templates can be deleted`, now: context.clock.now(), status: 400, httpStatus: '400' });
  }
  template.status = 'DELETED';
  // Coinme documents this answer as `{}`.
  return Response.json({});
};

/** The `ORDER_TEMPLATE` notification for a template's current state, as Coinme delivers it. */
export function orderTemplateNotification(template: MockOrderTemplate, id: string, at: Date): Record<string, unknown> {
  const { params } = template;
  const data: Record<string, unknown> = {
    providerId: template.providerId,
    orderTemplateId: template.transactionSystemRef,
    orderTemplateStatus: template.status,
    userInputAmount: { amount: String(params['amountValue'] ?? '0'), currency: String(params['amountCurrencyCode'] ?? params['debitCurrencyCode']) },
  };
  if (template.status !== 'CREATED') {
    data['providerTransactionRef'] = template.transactionProviderRef;
    data['errorData'] = template.status === 'REJECTED' ? { code: '352-102-S1', message: 'Payment rejected by the retailer' } : null;
  }
  return { id, type: 'ORDER_TEMPLATE', data, at: at.toISOString().replace(/\.\d{3}Z$/, 'Z') };
}
