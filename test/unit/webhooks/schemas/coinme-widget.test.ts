import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  parseWebhook,
  webhookEventTypes,
  WebhookParseError,
  type BarcodeDisplayedPayload,
  type CoinmeWidgetEvent,
  type KycOnboardingFailedPayload,
  type WebhookBody,
} from 'coinme-sdk/webhooks';
import { createEvents, events } from 'coinme-sdk/testing';
import {
  bodyOf,
  failingPath,
  outcomeOf,
  parseError,
  withField,
  withoutField,
  type Body,
  type Outcome,
} from '../../../helpers/webhook-bodies.js';

// Every widget event of seed 000 (4.1), in document order.
const documented = [
  'kyc-prove.onboarding.completed',
  'kyc-prove.onboarding.failed',
  'orchestrator.auth-state.changed',
  'greendot.location.quote-confirmed',
  'discover.barcode.location-selected',
  'greendot.barcode.generation-succeeded',
  'greendot.barcode.generation-failed',
  'greendot.barcode.displayed',
] as const satisfies readonly CoinmeWidgetEvent['type'][];
type Documented = (typeof documented)[number];

const NOW = new Date('2025-03-04T05:06:07.089Z');
const factories = createEvents({ seed: 'widget-schema', now: NOW });
const copy = (type: Documented): Body => bodyOf(events, type);
const parse = (body: WebhookBody) => parseWebhook(body, { strict: true });

describe('coinme.widget family', () => {
  it('has one documented type for every event of the seed, and no other', () => {
    const family = webhookEventTypes.filter((type) => parseWebhook(bodyOf(events, type)).source === 'coinme.widget');
    expect([...family].sort()).toEqual([...documented].sort());
    expect(family).toHaveLength(8);
    expectTypeOf<CoinmeWidgetEvent['type']>().toEqualTypeOf<Documented>();
  });

  it.each(documented)('%s: a factory body parses as that type, unchanged, with its id and time', (type) => {
    const body = bodyOf(factories, type);
    const event = parse(JSON.stringify(body));
    expect(event.source).toBe('coinme.widget');
    expect(event.type).toBe(type);
    expect(event.payload).toEqual(body);
    expect(event.id).toBe(body['event_id']);
    expect(event.occurredAt).toEqual(NOW);
  });

  // The auth-state event renamed: each event's own required fields decide.
  const renamed: [Documented, Outcome][] = [
    ['kyc-prove.onboarding.completed', { type: 'kyc-prove.onboarding.completed' }],
    ['kyc-prove.onboarding.failed', { type: 'kyc-prove.onboarding.failed' }],
    ['orchestrator.auth-state.changed', { type: 'orchestrator.auth-state.changed' }],
    ['greendot.location.quote-confirmed', { type: 'greendot.location.quote-confirmed' }],
    ['discover.barcode.location-selected', { path: '$.selectedLocation' }],
    ['greendot.barcode.generation-succeeded', { path: '$.barcodeId' }],
    ['greendot.barcode.generation-failed', { type: 'greendot.barcode.generation-failed' }],
    ['greendot.barcode.displayed', { path: '$.barcodeId' }],
  ];
  it.each(renamed)('an auth-state event named %s is read by that event: %j', (name, outcome) => {
    expect(outcomeOf(withField(copy('orchestrator.auth-state.changed'), ['event'], name))).toEqual(outcome);
  });

  it('extracts the id and the time, microseconds included', () => {
    const body = events['kyc-prove.onboarding.completed']({
      event_id: '019b37a5-b9c0-751f-9d93-291167d48be4',
      timestamp: '2025-12-19T17:26:06.943000Z',
    });
    const event = parse(JSON.stringify(body));
    expect(event.id).toBe('019b37a5-b9c0-751f-9d93-291167d48be4');
    expect(event.occurredAt.toISOString()).toBe('2025-12-19T17:26:06.943Z');
  });

  it('keeps ids as strings and unknown fields, top level and nested', () => {
    const body = events['discover.barcode.location-selected']({ newField: { a: 1 }, selectedLocation: { rating: 4.5 } });
    const event = parse(JSON.stringify(body));
    if (event.type !== 'discover.barcode.location-selected') throw new Error(`parsed as ${event.type}`);
    expect(event.payload['newField']).toEqual({ a: 1 });
    expect(event.payload.selectedLocation['rating']).toBe(4.5);
    expect(event.payload.selectedLocation.locationId).toBe('CVS11002');
    const kyc = parse(JSON.stringify(events['kyc-prove.onboarding.completed']()));
    expect(kyc.payload).toMatchObject({ customer_id: '1319354818066124800' });
  });

  it('accepts the optional parts as absent or null', () => {
    const displayed = withField(withoutField(copy('greendot.barcode.displayed'), ['geoip']), ['fees'], null);
    const event = parse(displayed);
    expect(event.type).toBe('greendot.barcode.displayed');
    expect(event.payload).toMatchObject({ fees: null });
    expect(event.payload).not.toHaveProperty('geoip');
    const auth = withField(withoutField(copy('orchestrator.auth-state.changed'), ['customer_id']), ['customer_email'], null);
    expect(parse(auth).type).toBe('orchestrator.auth-state.changed');
  });

  it('accepts an event without externalSessionId (optional when the session is created)', () => {
    const body = withoutField(copy('orchestrator.auth-state.changed'), ['externalSessionId']);
    expect(parse(body).type).toBe('orchestrator.auth-state.changed');
  });

  it('names the path of a missing required field', () => {
    const location = withoutField(copy('discover.barcode.location-selected'), ['selectedLocation', 'locationId']);
    expect(failingPath(location)).toBe('$.selectedLocation.locationId');
    expect(failingPath(withoutField(copy('greendot.barcode.displayed'), ['orderTemplateId']))).toBe('$.orderTemplateId');
    expect(failingPath(withoutField(copy('kyc-prove.onboarding.failed'), ['timestamp']))).toBe('$.timestamp');
  });

  it('names the path of a wrong-typed field', () => {
    expect(failingPath(withField(copy('greendot.barcode.displayed'), ['geoip', 'latitude'], '33.1494'))).toBe(
      '$.geoip.latitude',
    );
    expect(failingPath(withField(copy('kyc-prove.onboarding.failed'), ['error_code'], 234))).toBe('$.error_code');
  });

  it('reads a body by the event it names: a completed KYC named as an auth-state change is one', () => {
    const body = withField(copy('orchestrator.auth-state.changed'), ['event'], 'kyc-prove.onboarding.completed');
    const event = parse(body);
    expect(event.type).toBe('kyc-prove.onboarding.completed');
    expect(event.payload).toMatchObject({ event: 'kyc-prove.onboarding.completed' });
  });

  it('returns an undocumented event name as is, as an unknown event', () => {
    const body = { ...copy('greendot.barcode.displayed'), event: 'greendot.barcode.scanned' };
    expect(outcomeOf(body)).toEqual({ unknown: 'greendot.barcode.scanned' });
    expect(webhookEventTypes).not.toContain('greendot.barcode.scanned');
    const error = parseError(() => parseWebhook(body, { strict: true }));
    expect(error.path).toBe('$');
    expect(error.message).toContain('greendot.barcode.scanned');
  });

  it('does not claim bodies of another shape', () => {
    // A Coinme notification envelope is that family's (an undocumented CAAS notification here).
    expect(outcomeOf({ id: 'x', type: 'CAAS', data: {}, at: '2025-12-11T16:03:49Z' })).toEqual({ unknown: 'CAAS' });
    expect(outcomeOf({ event: 'kyc-prove.onboarding.completed' })).toEqual({ unknown: '' });
    expect(outcomeOf({ event: 'kyc-prove.onboarding.completed', event_id: 7 })).toEqual({ unknown: '' });
  });

  it('never throws anything but a WebhookParseError on hostile bodies, and reads no widget event from them', () => {
    const refused: unknown[] = [null, '[]', [], ['event', 'event_id'], 42, '"event"', 'event'];
    for (const body of refused) expect(outcomeOf(body as WebhookBody)).toEqual({ path: '$' });
    expect(outcomeOf(Object.create({ event: 'inherited', event_id: 'inherited' }) as Body)).toEqual({ path: '$' });
    const unclaimed: WebhookBody[] = [
      { event: null, event_id: null },
      { event: ['a'], event_id: 'x' },
      { event: 1, event_id: 2 },
      '{"__proto__": {"event": "a", "event_id": "b"}}',
      // Inherited fields (through a prototype without Object.prototype) are not the body's.
      Object.create(Object.setPrototypeOf({ event: 'inherited', event_id: 'inherited' }, null)) as Body,
    ];
    for (const body of unclaimed) expect(outcomeOf(body)).toEqual({ unknown: '' });
    // An event named after an Object.prototype key is only an undocumented name.
    expect(outcomeOf('{"event": "__proto__", "event_id": "constructor"}')).toEqual({ unknown: '__proto__' });
    expect(outcomeOf('{"event": "constructor", "event_id": "x"}')).toEqual({ unknown: 'constructor' });
  });

  it('parses any value to an event or a WebhookParseError, and a widget event only to a documented type', () => {
    const names = fc.oneof(fc.constantFrom(...documented), fc.string(), fc.anything());
    const bodies = fc.oneof(
      fc.anything(),
      fc.record({ event: names, event_id: fc.anything() }),
      fc.record({ event: names, event_id: fc.string(), timestamp: fc.anything(), selectedLocation: fc.anything() }),
    );
    fc.assert(
      fc.property(bodies, (body) => {
        try {
          const event = parseWebhook(body as WebhookBody);
          if (event.source === 'coinme.widget') expect(documented).toContain(event.type);
          if (event.type === 'unknown') expect(typeof event.name).toBe('string');
        } catch (error) {
          expect(error).toBeInstanceOf(WebhookParseError);
        }
      }),
    );
  });

  it('narrows the payload on type', () => {
    const read = (event: CoinmeWidgetEvent) => {
      if (event.type === 'greendot.barcode.displayed') {
        expectTypeOf(event.payload).toEqualTypeOf<BarcodeDisplayedPayload>();
        expectTypeOf(event.payload.orderTemplateId).toEqualTypeOf<string>();
        return event.payload.barcodeId;
      }
      if (event.type === 'kyc-prove.onboarding.failed') {
        expectTypeOf(event.payload).toEqualTypeOf<KycOnboardingFailedPayload>();
        expectTypeOf(event.payload.event).toEqualTypeOf<'kyc-prove.onboarding.failed'>();
        // @ts-expect-error a KYC event is not a barcode event
        const wrong: BarcodeDisplayedPayload = event.payload;
        return String(wrong);
      }
      return undefined;
    };
    const event = parse(JSON.stringify(events['greendot.barcode.displayed']()));
    if (event.source !== 'coinme.widget') throw new Error(`parsed as ${event.source}`);
    expect(read(event)).toBe('1313954797448204288');
  });
});
