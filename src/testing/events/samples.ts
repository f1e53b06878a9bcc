import type { WebhookSource } from '../../webhooks/family.js';
import callback from '../samples/callback.json' with { type: 'json' };
import coinmeNotification from '../samples/coinme.notification.json' with { type: 'json' };
import coinmeWidget from '../samples/coinme.widget.json' with { type: 'json' };
import offramp from '../samples/offramp.json' with { type: 'json' };
import processing from '../samples/processing.json' with { type: 'json' };

// One valid body per documented type, and where each family keeps its event id and event time.

/** A path into a body, one key per level. */
export type FieldPath = readonly string[];

/** How the bodies of one family are stamped with fresh ids and times. */
export interface FamilyStamp {
  /** The fields that name one event: a fresh value per generated event. */
  readonly eventIds: readonly FieldPath[];
  /** Fields that name the subject the events are about: one value per factory set. */
  readonly setIds: readonly FieldPath[];
  /** The field that says when the event happened. */
  readonly time: FieldPath;
}

/** A sample body and the family it belongs to. */
export interface Sample {
  readonly source: WebhookSource;
  readonly body: Readonly<Record<string, unknown>>;
  readonly stamp: FamilyStamp;
}

const stamps: Record<WebhookSource, FamilyStamp> = {
  'coinme.widget': { eventIds: [['event_id']], setIds: [], time: ['timestamp'] },
  'coinme.notification': { eventIds: [['id']], setIds: [], time: ['at'] },
  // The envelope has no time of its own; the order's last update is when the event happened.
  offramp: { eventIds: [['id']], setIds: [], time: ['data', 'updatedAt'] },
  // The event is named by `requestId` (the subscription) and `id` together: only `id` is fresh.
  processing: { eventIds: [['id']], setIds: [], time: ['createdDate'] },
  // No event id in the body: the order id and time name the delivery. One order per set keeps
  // a set's callbacks about the same order.
  callback: { eventIds: [], setIds: [['orderId']], time: ['timeStamp'] },
};

const files: ReadonlyArray<readonly [WebhookSource, Readonly<Record<string, unknown>>]> = [
  ['coinme.widget', coinmeWidget],
  ['coinme.notification', coinmeNotification],
  ['offramp', offramp],
  ['processing', processing],
  ['callback', callback],
];

/**
 * Every sample, keyed by its union `type`, in family order.
 *
 * @internal
 */
export const samples: ReadonlyMap<string, Sample> = new Map(
  files.flatMap(([source, bodies]) =>
    Object.entries(bodies).map(([type, body]) => [type, { source, body: body as Sample['body'], stamp: stamps[source] }] as const),
  ),
);
