/** What each mocked endpoint answers once the request is authenticated. */
import { HttpResponse } from 'msw';
import type { MockBindingQuote } from './binding-quotes.js';
import type { MockClock } from './clock.js';
import type { MockOrderTemplate } from './order-templates.js';
import type { MockPaymentMethod } from './payment-methods.js';
import { envelope, errorEnvelope } from './responses.js';
import type { MockCoinmeData } from './seed-data.js';

/** A widget session the mock created. */
export interface MockWidgetSession {
  token: string;
  widgetUrl: string;
  expiresAt: Date;
  /** The body `POST /widget` received. */
  params: Record<string, unknown>;
}

/** Shared state every endpoint reads. */
export interface EndpointContext {
  data: MockCoinmeData;
  clock: MockClock;
  widgetSessions: MockWidgetSession[];
  bindingQuotes: MockBindingQuote[];
  orderTemplates: MockOrderTemplate[];
  paymentMethods: MockPaymentMethod[];
  /** The partner id the mock accepts. */
  partnerId: string;
  /** A fresh 64-bit id, as digits. */
  nextId: () => string;
}

const widgetLifetimeMs = 30 * 60_000;
const maxPageSize = 500;

/** What an endpoint answers, given the request, its parsed body and its path parameters. */
export type MockEndpoint = (request: Request, url: URL, body: unknown, context: EndpointContext, params: Record<string, string>) => Response;
type Endpoint = MockEndpoint;

function record(body: unknown): Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

export const cryptoChains: Endpoint = (_request, _url, _body, { data }) => envelope({ cryptoChains: data.cryptoChains });

export const locationLicensing: Endpoint = (_request, url, body, { data, clock }) => {
  const country = url.searchParams.get('country') ?? String(record(body)['country'] ?? 'USA');
  const locations = data.locations[country.toUpperCase()];
  if (!locations) {
    return errorEnvelope({ path: '/services/locationlicensing GET', message: 'Not able to return the list of states for the country specified in the request', now: clock.now() });
  }
  return envelope({ locations });
};

export const informativeQuote: Endpoint = (_request, _url, body, { data, clock }) => {
  const input = record(body);
  const path = '/services/cryptoquote POST';
  const missing = ['debitCurrencyCode', 'creditCurrencyCode', 'amountValue', 'amountCurrencyCode'].find((field) => input[field] == null);
  if (missing) return errorEnvelope({ path, message: `${missing} is required`, now: clock.now(), status: 400, httpStatus: '400' });
  if (input['debitCurrencyCode'] === input['creditCurrencyCode']) {
    return errorEnvelope({ path, message: 'CreditCurrencyCode cannot be same as DebitCurrencyCode', now: clock.now() });
  }
  const quote = data.quotes[String(input['creditCurrencyCode'])];
  if (!quote) return errorEnvelope({ path, message: 'Currency pair is not supported', now: clock.now() });
  const feesMap = record(quote['feesMap']);
  const external = input['cryptoSettlementType'] === 'EXTERNAL';
  return envelope({ ...quote, feesMap: external ? { blockchainFee: '0.4', ...feesMap } : feesMap });
};

export const createWidget: Endpoint = (request, _url, body, { clock, widgetSessions }) => {
  const params = record(body);
  const missing = ['destinationCurrency', 'walletAddress'].find((field) => typeof params[field] !== 'string' || params[field] === '');
  if (missing) {
    return errorEnvelope({ path: '/services/widget POST', message: `${missing} is required`, now: clock.now(), status: 400, httpStatus: 400 });
  }
  const token = crypto.randomUUID();
  const widgetUrl = `${new URL(request.url).origin}/widget/${token}`;
  const expiresAt = new Date(clock.now() + widgetLifetimeMs);
  widgetSessions.push({ token, widgetUrl, expiresAt, params });
  // Seed 000 shows this response without the envelope.
  return HttpResponse.json({ widgetUrl, expiresAt: expiresAt.toISOString() });
};

export const hostedWidget = (token: string, { clock, widgetSessions }: EndpointContext): Response => {
  const session = widgetSessions.find((candidate) => candidate.token === token);
  if (!session) return new HttpResponse('Unknown widget session', { status: 404 });
  if (clock.now() >= session.expiresAt.getTime()) return new HttpResponse('Widget session expired', { status: 410 });
  return HttpResponse.html('<!doctype html><title>Coinme widget (mock)</title>');
};

function customerOf(url: URL, context: EndpointContext, path: string): Response | MockCoinmeData['customers'][string] {
  const customerId = url.searchParams.get('customerId');
  if (customerId === null || !/^\d+$/.test(customerId)) {
    return errorEnvelope({ path, message: 'customerId is required', now: context.clock.now(), status: 400, httpStatus: '400' });
  }
  return context.data.customers[customerId] ?? errorEnvelope({ path, message: 'Customer Id not found', now: context.clock.now() });
}

export const transactionHistory: Endpoint = (_request, url, _body, context) => {
  const path = '/services/transactionhistory GET';
  const customer = customerOf(url, context, path);
  if (customer instanceof Response) return customer;
  const page = Number(url.searchParams.get('page') ?? '0');
  const size = Number(url.searchParams.get('size') ?? '20');
  if (!Number.isInteger(page) || page < 0 || !Number.isInteger(size) || size < 1 || size > maxPageSize) {
    return errorEnvelope({ path, message: `page must be >= 0 and size between 1 and ${maxPageSize}`, now: context.clock.now(), status: 400, httpStatus: '400' });
  }
  const currency = url.searchParams.get('currencyCode');
  const start = url.searchParams.get('startDateTime');
  const end = url.searchParams.get('endDateTime');
  const matching = customer.transactions.filter((transaction) => {
    const at = Date.parse(transaction.transactionDateTime);
    if (currency && transaction.creditCurrencyCode !== currency && transaction.debitCurrencyCode !== currency) return false;
    if (start && at < Date.parse(start)) return false;
    if (end && at > Date.parse(end)) return false;
    return true;
  });
  return envelope({ transactions: matching.slice(page * size, (page + 1) * size) });
};

export const transactionLimits: Endpoint = (_request, url, _body, context) => {
  const path = '/services/transactionlimits GET';
  const customer = customerOf(url, context, path);
  if (customer instanceof Response) return customer;
  const fiat = url.searchParams.get('fiatCurrencyCode') ?? 'USD';
  const limits = customer.limits[fiat];
  return limits ? envelope(limits) : errorEnvelope({ path, message: `No limits for fiat currency ${fiat}`, now: context.clock.now() });
};
