import type { WebhookFamily } from './family.js';
import { callbackFamily } from './schemas/callback.js';
import { coinmeNotificationFamily } from './schemas/coinme-notification.js';
import { coinmeWidgetFamily } from './schemas/coinme-widget.js';
import { offrampFamily } from './schemas/offramp.js';
import { processingFamily } from './schemas/processing.js';

/**
 * Every document family, in the order `parseWebhook` asks them; the first to claim a body wins.
 * Each family's literal types are forgotten by a plain cast, so the list costs nothing at import;
 * sound in use, since parseWebhook hands `eventId` and `occurredAt` only what the same family's
 * own schema produced.
 *
 * @internal
 */
export const families: readonly WebhookFamily[] = [
  coinmeWidgetFamily as unknown as WebhookFamily,
  coinmeNotificationFamily as unknown as WebhookFamily,
  offrampFamily as unknown as WebhookFamily,
  processingFamily as unknown as WebhookFamily,
  callbackFamily as unknown as WebhookFamily,
];
