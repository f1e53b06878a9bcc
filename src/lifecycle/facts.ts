import type { SessionAmount, SessionFacts, SessionIds, SessionQuote } from './state.js';
import type { SessionStatus } from './status.js';

/** The part of a webhook event the lifecycle reads. */
export interface LifecycleEvent {
  readonly source: string;
  readonly type: string;
  readonly id?: string | undefined;
  readonly occurredAt?: Date | undefined;
  readonly payload: unknown;
}

// The status each Coinme event moves a session to. Events not listed teach ids only.
const widgetStatus: Readonly<Record<string, SessionStatus>> = {
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

/** Reads a nested field without trusting the shape. */
function at(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function amount(value: unknown, amountKey: string, currencyKey: string): SessionAmount | undefined {
  const figure = text(at(value, amountKey));
  const currency = text(at(value, currencyKey));
  return figure !== undefined && currency !== undefined ? { amount: figure, currency } : undefined;
}

/** Drops undefined fields, so the result fits exact optional properties. */
function compact<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}

function widgetFacts(type: string, body: unknown): SessionFacts {
  const ids: SessionIds = compact({
    externalSessionId: text(at(body, 'externalSessionId')),
    customerId: text(at(body, 'customer_id')),
    barcodeId: text(at(body, 'barcodeId')),
    orderTemplateId: text(at(body, 'orderTemplateId')),
  });
  const fees = at(body, 'fees');
  const quote: SessionQuote = compact({
    debit: amount(at(body, 'debit'), 'amount', 'currencyCode') ?? amount(at(body, 'amount'), 'value', 'currencyCode'),
    credit: amount(at(body, 'credit'), 'amount', 'currencyCode'),
    totalFees: amount(fees, 'totalFees', 'feeCurrency'),
    paymentMethod: text(at(body, 'paymentMethod')),
  });
  const code = text(at(body, 'error_code')) ?? text(at(body, 'errorCode'));
  const message = text(at(body, 'error_message'));
  return {
    ids,
    ...compact({
      status: widgetStatus[type],
      quote: Object.keys(quote).length > 0 ? quote : undefined,
      failure: code !== undefined || message !== undefined ? compact({ code, message }) : undefined,
    }),
  };
}

function notificationFacts(body: unknown): SessionFacts {
  const data = at(body, 'data');
  const kind = text(at(body, 'type'));
  const ids: SessionIds = compact({
    externalSessionId: text(at(data, 'externalSessionId')),
    orderTemplateId: text(at(data, 'orderTemplateId')) ?? text(at(data, 'metadata', 'orderTemplateId')),
    transactionId: text(at(data, 'transactionId')),
  });
  const errorData = at(data, 'errorData');
  const failure =
    typeof errorData === 'object' && errorData !== null
      ? compact({ code: text(at(errorData, 'code')) ?? text(at(errorData, 'errorCode')), message: text(at(errorData, 'message')) })
      : undefined;
  let status: SessionStatus | undefined;
  if (kind === 'ORDER_TEMPLATE') status = orderTemplateStatus[text(at(data, 'orderTemplateStatus')) ?? ''];
  if (kind === 'CAAS') status = failure ? 'failed' : orderStatus[text(at(data, 'metadata', 'orderStatus')) ?? ''];
  const chain = at(data, 'metadata', 'blockchainData');
  const userInput = amount(at(data, 'userInputAmount'), 'amount', 'currency');
  return {
    ids,
    ...compact({
      status,
      quote: userInput ? { debit: userInput } : undefined,
      txHash: text(at(chain, 'blockchainTransactionId')),
      walletAddress: text(at(chain, 'targetWalletAddress')),
      failure,
    }),
  };
}

/**
 * What an event teaches about its session, or `undefined` for events that are not part of a
 * Coinme widget session (other families, unknown events).
 */
export function factsOf(event: LifecycleEvent): SessionFacts | undefined {
  if (event.source === 'coinme.widget') return widgetFacts(event.type, event.payload);
  if (event.source === 'coinme.notification') return notificationFacts(event.payload);
  return undefined;
}
