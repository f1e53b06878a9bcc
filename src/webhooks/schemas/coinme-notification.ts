import { defineFamily, type EventsOf } from '../family.js';

// Placeholder: this family's schemas are being written; until then it recognises nothing.
const schemas = {};

export const coinmeNotificationFamily = defineFamily({
  source: 'coinme.notification',
  classify: () => undefined,
  schemas,
  eventId: () => '',
  occurredAt: () => new Date(Number.NaN),
});

export type CoinmeNotificationEvent = EventsOf<'coinme.notification', typeof schemas>;
