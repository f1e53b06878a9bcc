import { defineFamily, type EventsOf } from '../family.js';

// Placeholder: this family's schemas are being written; until then it recognises nothing.
const schemas = {};

export const offrampFamily = defineFamily({
  source: 'offramp',
  classify: () => undefined,
  schemas,
  eventId: () => '',
  occurredAt: () => new Date(Number.NaN),
});

export type OfframpEvent = EventsOf<'offramp', typeof schemas>;
