import { defineFamily, type EventsOf } from '../family.js';

// Placeholder: this family's schemas are being written; until then it recognises nothing.
const schemas = {};

export const coinmeWidgetFamily = defineFamily({
  source: 'coinme.widget',
  classify: () => undefined,
  schemas,
  eventId: () => '',
  occurredAt: () => new Date(Number.NaN),
});

export type CoinmeWidgetEvent = EventsOf<'coinme.widget', typeof schemas>;
