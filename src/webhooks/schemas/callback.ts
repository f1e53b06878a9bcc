import * as z from 'zod/mini';
import { defineFamily, type EventsOf, type FamilyDefinition, type PayloadOf } from '../family.js';
import { toDate } from '../timestamp.js';
import { isRecord, own, timestampString } from './common.js';

// Payment callbacks (seed 004): a flat `{ eventName, orderId, timeStamp, signature }`.
// `signature` is the in-body scheme (hex HMAC of the rest of the body); verifying it is the
// signature module's job, so here it is only a string.

const callback = <N extends string>(eventName: N) =>
  z.looseObject({
    eventName: z.literal(eventName),
    orderId: z.string(),
    timeStamp: timestampString(),
    signature: z.string(),
  });

/** The documented payment callbacks, one row per event name. */
const table = {
  payment_received: () => callback('payment_received'),
  payment_rejected: () => callback('payment_rejected'),
  payment_expired: () => callback('payment_expired'),
  crypto_tx_sent: () => callback('crypto_tx_sent'),
  crypto_delivered: () => callback('crypto_delivered'),
  crypto_tx_failed: () => callback('crypto_tx_failed'),
};
type Table = typeof table;

/**
 * A documented payment callback event name: `payment_received` (payment confirmed),
 * `payment_rejected`, `payment_expired` (no payment in time), `crypto_tx_sent` and
 * `crypto_delivered` (on-ramps only), `crypto_tx_failed`.
 *
 * @example
 * const final: CallbackEventName[] = ['crypto_delivered', 'crypto_tx_failed'];
 */
export type CallbackEventName = keyof Table;

/**
 * Body of a payment callback; narrow it with the event name (`CallbackPayload<'crypto_delivered'>`).
 *
 * @example
 * const orderOf = (payload: CallbackPayload) => payload.orderId;
 */
export type CallbackPayload<N extends CallbackEventName = CallbackEventName> = PayloadOf<Table, N>;

/**
 * Recognises payment callbacks: a string `eventName` and a string `orderId`.
 *
 * @internal
 */
export const callbackDefinition = {
  source: 'callback',
  table,
  classify(body) {
    if (!isRecord(body)) return undefined;
    const eventName = own(body, 'eventName');
    return typeof eventName === 'string' && typeof own(body, 'orderId') === 'string' ? eventName : undefined;
  },
  // The body carries no event id. Order, event and time together name one delivery, and a
  // retry of it yields the same id, so duplicates can be dropped.
  id: (payload) => `${payload.orderId}:${payload.eventName}:${payload.timeStamp}`,
  occurredAt: (payload) => toDate(payload.timeStamp),
} satisfies FamilyDefinition<'callback', Table>;

/**
 * The callback family as `parseWebhook` asks it.
 *
 * @internal
 */
export const callbackFamily = /* @__PURE__ */ defineFamily(callbackDefinition);

/**
 * The payment callback members of the webhook union; `type` is the `eventName`.
 *
 * @example
 * if (event.type === 'crypto_delivered') console.log(event.payload.orderId);
 */
export type CallbackEvent = EventsOf<'callback', Table>;
