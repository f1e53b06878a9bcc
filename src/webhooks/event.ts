import { families } from './families.js';
import type { CallbackEvent } from './schemas/callback.js';
import type { CoinmeNotificationEvent } from './schemas/coinme-notification.js';
import type { CoinmeWidgetEvent } from './schemas/coinme-widget.js';
import type { OfframpEvent } from './schemas/offramp.js';
import type { ProcessingEvent } from './schemas/processing.js';

/**
 * A webhook whose family or type is not documented, kept whole so nothing is lost.
 *
 * @example
 * ```ts
 * if (event.type === 'unknown') log.info({ name: event.name, body: event.payload });
 * ```
 */
export interface UnknownWebhookEvent {
  readonly source: 'unknown';
  readonly type: 'unknown';
  /** The provider's own event name when a family recognised the body, else `''`. */
  readonly name: string;
  /**
   * The body's top-level `id`, `eventId` or `event_id` when it has a string one; else an id
   * derived from the body's content (`unknown:...`), the same for every copy of the body.
   */
  readonly id: string;
  /**
   * The body's own time when a common field states one (`timestamp`, `at`, `createdDate`,
   * `timeStamp`, `createdAt`, `occurredAt`); else when it was parsed (`timeStated` says which).
   */
  readonly occurredAt: Date;
  /** Whether `occurredAt` was read from the body. */
  readonly timeStated: boolean;
  /** The body as parsed. */
  readonly payload: Readonly<Record<string, unknown>>;
}

/**
 * Any webhook the SDK parses: one member per documented event type, narrowed by `type`, plus
 * {@link UnknownWebhookEvent} for everything else.
 *
 * @example
 * ```ts
 * switch (event.type) {
 *   case 'CAAS.BUY.COMPLETED': fulfil(event.payload.data); break;
 *   case 'unknown': log.info(event.name); break;
 * }
 * ```
 */
export type WebhookEvent =
  | CoinmeWidgetEvent
  | CoinmeNotificationEvent
  | OfframpEvent
  | ProcessingEvent
  | CallbackEvent
  | UnknownWebhookEvent;

/**
 * Every documented event `type`.
 *
 * @example
 * ```ts
 * const handled: Partial<Record<WebhookEventType, (event: WebhookEvent) => void>> = {};
 * ```
 */
export type WebhookEventType = Exclude<WebhookEvent['type'], 'unknown'>;

/**
 * Every documented event `type`, at runtime (for routing tables, dashboards or exhaustive tests).
 *
 * @example
 * ```ts
 * if ((webhookEventTypes as readonly string[]).includes(name)) subscribe(name);
 * ```
 */
export const webhookEventTypes: readonly WebhookEventType[] = /* @__PURE__ */ Object.freeze(
  // The tables' rows are exactly the union's types.
  /* @__PURE__ */ families.flatMap((family) => family.types) as WebhookEventType[],
);
