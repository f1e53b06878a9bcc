import type { Family } from './family.js';
import { callbackFamily } from './schemas/callback.js';
import { coinmeNotificationFamily } from './schemas/coinme-notification.js';
import { coinmeWidgetFamily } from './schemas/coinme-widget.js';
import { offrampFamily } from './schemas/offramp.js';
import { processingFamily } from './schemas/processing.js';

/**
 * Every document family, in the order `parseWebhook` asks them; the first to claim a body wins.
 *
 * @internal
 */
export const families: readonly Family[] = [
  coinmeWidgetFamily,
  coinmeNotificationFamily,
  offrampFamily,
  processingFamily,
  callbackFamily,
];
