import type { SessionStatus } from './status.js';

/** The identifiers a session is known by; events carry different subsets of them. */
export interface SessionIds {
  externalSessionId?: string;
  customerId?: string;
  barcodeId?: string;
  orderTemplateId?: string;
  transactionId?: string;
}

/** An amount with its currency, as decimal string. */
export interface SessionAmount {
  amount: string;
  currency: string;
}

/** The quote the user confirmed or the barcode was generated for. */
export interface SessionQuote {
  debit?: SessionAmount;
  credit?: SessionAmount;
  totalFees?: SessionAmount;
  paymentMethod?: string;
}

/** Why the session failed, as the event said. */
export interface SessionFailure {
  code?: string;
  message?: string;
}

/** What one event taught about the session. Kept in the timeline so state can be re-derived. */
export interface SessionFacts {
  ids: SessionIds;
  status?: SessionStatus;
  quote?: SessionQuote;
  txHash?: string;
  walletAddress?: string;
  failure?: SessionFailure;
}

/** One event in a session's timeline. */
export interface TimelineEntry {
  eventId: string;
  /** The event's union `type`, e.g. `greendot.barcode.displayed` or `CAAS.BUY.COMPLETED`. */
  type: string;
  /** ISO 8601 time the event happened. */
  at: string;
  facts: SessionFacts;
}

/**
 * Everything known about one widget session, merged from its webhooks. Plain JSON, so any
 * store can hold it.
 */
export interface SessionState extends SessionIds {
  status: SessionStatus;
  quote?: SessionQuote;
  txHash?: string;
  walletAddress?: string;
  failure?: SessionFailure;
  /** ISO time of the latest event. */
  updatedAt: string;
  /** Every distinct event, oldest first (ties by event id). */
  timeline: TimelineEntry[];
}
