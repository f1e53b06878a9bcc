import type { WebhookEvent } from '../webhooks/event.js';
import { caasOrderStatus } from '../webhooks/order-status.js';
import type { CoinmeNotificationEvent } from '../webhooks/schemas/coinme-notification.js';
import type { CoinmeWidgetEvent } from '../webhooks/schemas/coinme-widget.js';
import type { SessionAmount, SessionFacts, SessionFailure, SessionQuote } from './state.js';
import type { SessionStatus } from './status.js';

/**
 * The events the lifecycle reads: any parsed webhook (`parseWebhook`, `constructEvent`, the
 * adapters). Events outside a Coinme widget session are accepted and ignored.
 *
 * @example
 * ```ts
 * const event: LifecycleEvent = await constructEvent({ payload: rawBody, headers, secret });
 * await tracker.ingest(event);
 * ```
 */
export type LifecycleEvent = WebhookEvent;

// The status each Coinme event moves a session to. Events not listed teach ids only.
const widgetStatus: Readonly<Partial<Record<CoinmeWidgetEvent['type'], SessionStatus>>> = {
  'orchestrator.auth-state.changed': 'authenticated',
  'kyc-prove.onboarding.completed': 'kyc_passed',
  'kyc-prove.onboarding.failed': 'kyc_failed',
  'greendot.location.quote-confirmed': 'quote_confirmed',
  'discover.barcode.location-selected': 'quote_confirmed',
  'greendot.barcode.generation-succeeded': 'barcode_generated',
  'greendot.barcode.generation-failed': 'barcode_failed',
  'greendot.barcode.displayed': 'barcode_generated',
};

const orderTemplateStatus: Readonly<Record<string, SessionStatus>> = {
  CREATED: 'barcode_generated',
  CONSUMED: 'paid_in_store',
  COMPLETED: 'completed',
  EXPIRED: 'expired',
  DELETED: 'expired',
  REJECTED: 'failed',
};

const orderStatus: Readonly<Record<string, SessionStatus>> = {
  FULFILLED: 'fulfilled',
  BLOCKCHAIN_ACCEPTED: 'broadcast',
  COMPLETED: 'completed',
  FAILED: 'failed',
};

type Maybe<T> = T | null | undefined;

function text(value: Maybe<string>): string | undefined {
  return value === null || value === undefined || value === '' ? undefined : value;
}

function amount(figure: Maybe<string>, currency: Maybe<string>): SessionAmount | undefined {
  const a = text(figure);
  const c = text(currency);
  return a !== undefined && c !== undefined ? { amount: a, currency: c } : undefined;
}

/** Drops undefined fields, so the result fits exact optional properties. */
function compact<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}

function nonEmpty<T extends object>(value: T): T | undefined {
  return Object.keys(value).length > 0 ? value : undefined;
}

// Widget bodies differ by event; reading them through this view keeps every field optional.
interface WidgetFields {
  externalSessionId?: Maybe<string>;
  customer_id?: Maybe<string>;
  barcodeId?: Maybe<string>;
  orderTemplateId?: Maybe<string>;
  paymentMethod?: Maybe<string>;
  debit?: Maybe<{ amount?: Maybe<string>; currencyCode?: Maybe<string> }>;
  credit?: Maybe<{ amount?: Maybe<string>; currencyCode?: Maybe<string> }>;
  amount?: Maybe<{ value?: Maybe<string>; currencyCode?: Maybe<string> }>;
  fees?: Maybe<{ totalFees?: Maybe<string>; feeCurrency?: Maybe<string> }>;
  error_code?: Maybe<string>;
  errorCode?: Maybe<string>;
  error_message?: Maybe<string>;
}

function widgetFacts(event: CoinmeWidgetEvent): SessionFacts {
  const body: WidgetFields = event.payload;
  const quote: SessionQuote = compact({
    debit: amount(body.debit?.amount, body.debit?.currencyCode) ?? amount(body.amount?.value, body.amount?.currencyCode),
    credit: amount(body.credit?.amount, body.credit?.currencyCode),
    totalFees: amount(body.fees?.totalFees, body.fees?.feeCurrency),
    paymentMethod: text(body.paymentMethod),
  });
  const failure: SessionFailure = compact({ code: text(body.error_code) ?? text(body.errorCode), message: text(body.error_message) });
  return {
    ids: compact({
      externalSessionId: text(body.externalSessionId),
      customerId: text(body.customer_id),
      barcodeId: text(body.barcodeId),
      orderTemplateId: text(body.orderTemplateId),
    }),
    ...compact({ status: widgetStatus[event.type], quote: nonEmpty(quote), failure: nonEmpty(failure) }),
  };
}

// The same for notification bodies (order templates and CAAS orders).
interface NotificationData {
  externalSessionId?: Maybe<string>;
  orderTemplateId?: Maybe<string>;
  orderTemplateStatus?: Maybe<string>;
  transactionId?: Maybe<string>;
  userInputAmount?: Maybe<{ amount?: Maybe<string>; currency?: Maybe<string> }>;
  errorData?: Maybe<{ code?: unknown; errorCode?: unknown; message?: unknown }>;
  metadata?: Maybe<{
    orderStatus?: Maybe<string>;
    orderTemplateId?: Maybe<string>;
    blockchainData?: Maybe<{ blockchainTransactionId?: Maybe<string>; targetWalletAddress?: Maybe<string> }>;
  }>;
}

const asText = (value: unknown) => (typeof value === 'string' ? text(value) : undefined);

function notificationFacts(event: CoinmeNotificationEvent): SessionFacts {
  if (event.type === 'CAAS.ORDER_TRACKING' || event.type === 'PAYMENT_METHOD' || event.type === 'REFUND' || event.type === 'CAAS_BLOCKCHAIN') {
    // `data` not published: the ids it names, if any, link it to its session; no status.
    const open: Readonly<Record<string, unknown>> = event.payload.data;
    return { ids: compact({ externalSessionId: asText(open['externalSessionId']), orderTemplateId: asText(open['orderTemplateId']), transactionId: asText(open['transactionId']) }) };
  }
  const { payload } = event;
  const data: NotificationData = payload.data;
  const errorData = data.errorData;
  const failure = errorData ? compact({ code: asText(errorData.code) ?? asText(errorData.errorCode), message: asText(errorData.message) }) : undefined;
  const status =
    payload.type === 'ORDER_TEMPLATE'
      ? orderTemplateStatus[data.orderTemplateStatus ?? '']
      : orderStatus[caasOrderStatus(errorData, data.metadata?.orderStatus) ?? ''];
  const chain = data.metadata?.blockchainData;
  const userInput = amount(data.userInputAmount?.amount, data.userInputAmount?.currency);
  return {
    ids: compact({
      externalSessionId: text(data.externalSessionId),
      orderTemplateId: text(data.orderTemplateId) ?? text(data.metadata?.orderTemplateId),
      transactionId: text(data.transactionId),
    }),
    ...compact({
      status,
      quote: userInput ? { debit: userInput } : undefined,
      txHash: text(chain?.blockchainTransactionId),
      walletAddress: text(chain?.targetWalletAddress),
      failure,
    }),
  };
}

/**
 * What an event teaches about its session, or `undefined` for events that are not part of a
 * Coinme widget session (other families, unknown events).
 */
export function factsOf(event: LifecycleEvent): SessionFacts | undefined {
  if (event.source === 'coinme.widget') return widgetFacts(event);
  if (event.source === 'coinme.notification') return notificationFacts(event);
  return undefined;
}
