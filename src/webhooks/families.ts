import type { SchemaMap, WebhookFamily, WebhookSource } from './family.js';
import { callbackFamily } from './schemas/callback.js';
import { coinmeNotificationFamily } from './schemas/coinme-notification.js';
import { coinmeWidgetFamily } from './schemas/coinme-widget.js';
import { offrampFamily } from './schemas/offramp.js';
import { processingFamily } from './schemas/processing.js';

// Forgets a family's literal types. Sound in use: parseWebhook hands `eventId` and `occurredAt`
// only what the same family's own schema produced.
const erase = <S extends WebhookSource, M extends SchemaMap>(family: WebhookFamily<S, M>) =>
  family as unknown as WebhookFamily;

/**
 * Every document family, in the order `parseWebhook` asks them; the first to claim a body wins.
 *
 * @internal
 */
export const families: readonly WebhookFamily[] = [
  erase(coinmeWidgetFamily),
  erase(coinmeNotificationFamily),
  erase(offrampFamily),
  erase(processingFamily),
  erase(callbackFamily),
];
