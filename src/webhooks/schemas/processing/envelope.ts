import * as z from 'zod/mini';
import { jsonAmount, maybe, numericId, timestampString } from '../common.js';

// The envelope every processing event shares (seed 002): `{ requestId, id, createdDate, level,
// service, eventType, data }`. Only `data` differs between event types.

/** The documented notification levels of a processing event. */
export type ProcessingLevel = 'SUCCESS' | 'INFO' | 'WARNING';

// Any string is accepted: the level only grades the notification, and a new level should not
// make an otherwise valid payment event unreadable. The type still offers the documented ones.
const level = () => z.string() as z.ZodMiniType<ProcessingLevel | (string & {})>;

/** Builds the schema of one processing event: the envelope with `eventType` pinned. */
export const processingEvent = <T extends string, S extends Record<string, z.ZodMiniType>>(eventType: T, data: S) =>
  z.looseObject({
    requestId: z.string(),
    id: numericId(),
    createdDate: timestampString(),
    level: level(),
    service: z.string(),
    eventType: z.literal(eventType),
    data: z.looseObject(data),
  });

/** `data.type`, where the event's table names it: the event type again. */
export const dataType = <T extends string>(eventType: T) => maybe(z.literal(eventType));

/** Fiat values of an amount by currency: `{ "EUR": 31.994837336, "USD": 36.844106264 }`. */
export const fiatAmounts = () => z.record(z.string(), jsonAmount());

/** System ids of deposits; numbers, or strings when beyond 2^53. */
export const idList = () => z.array(numericId());
