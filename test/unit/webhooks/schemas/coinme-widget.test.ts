import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { built, schemaChecks } from '../../../helpers/schema-checks.js';
import {
  coinmeWidgetDefinition as family,
  type BarcodeDisplayedPayload,
  type CoinmeWidgetEvent,
  type KycOnboardingFailedPayload,
} from '../../../../src/webhooks/schemas/coinme-widget.js';
import fixtures from '../../../../src/testing/samples/coinme.widget.json';

type Body = Record<string, unknown>;

const copy = (type: keyof typeof fixtures): Body => structuredClone(fixtures[type]) as Body;

const { schemaFor, firstIssuePath } = schemaChecks(family);

describe('coinme.widget family', () => {
  it('has one fixture for every documented event', () => {
    expect(Object.keys(fixtures).sort()).toEqual(Object.keys(family.table).sort());
    expect(Object.keys(family.table)).toHaveLength(8);
  });

  it.each(Object.entries(fixtures))('classifies and parses %s', (type, body) => {
    expect(family.classify(body)).toBe(type);
    const payload = schemaFor(type).parse(body);
    expect(family.id(payload)).toBe(body.event_id);
    expect(family.occurredAt(payload).toISOString()).toBe(new Date(body.timestamp).toISOString());
  });

  it('extracts the id and the time, microseconds included', () => {
    const payload = schemaFor('kyc-prove.onboarding.completed').parse(fixtures['kyc-prove.onboarding.completed']);
    expect(family.id(payload)).toBe('019b37a5-b9c0-751f-9d93-291167d48be4');
    expect(family.occurredAt(payload).toISOString()).toBe('2025-12-19T17:26:06.943Z');
  });

  it('keeps ids as strings and unknown fields, top level and nested', () => {
    const body = copy('discover.barcode.location-selected');
    body['newField'] = { a: 1 };
    (body['selectedLocation'] as Body)['rating'] = 4.5;
    const payload = schemaFor('discover.barcode.location-selected').parse(body) as Body;
    expect(payload['newField']).toEqual({ a: 1 });
    expect((payload['selectedLocation'] as Body)['rating']).toBe(4.5);
    const kyc = schemaFor('kyc-prove.onboarding.completed').parse(fixtures['kyc-prove.onboarding.completed']) as Body;
    expect(kyc['customer_id']).toBe('1319354818066124800');
  });

  it('accepts the optional parts as absent or null', () => {
    const body = copy('greendot.barcode.displayed');
    delete body['geoip'];
    body['fees'] = null;
    expect(schemaFor('greendot.barcode.displayed').safeParse(body).success).toBe(true);
    const auth = copy('orchestrator.auth-state.changed');
    delete auth['customer_id'];
    auth['customer_email'] = null;
    expect(schemaFor('orchestrator.auth-state.changed').safeParse(auth).success).toBe(true);
  });

  it('accepts an event without externalSessionId (optional when the session is created)', () => {
    const body = copy('orchestrator.auth-state.changed');
    delete body['externalSessionId'];
    expect(family.table['orchestrator.auth-state.changed']().safeParse(body).success).toBe(true);
  });

  it('names the path of a missing required field', () => {
    const location = copy('discover.barcode.location-selected');
    delete (location['selectedLocation'] as Body)['locationId'];
    expect(firstIssuePath('discover.barcode.location-selected', location)).toEqual(['selectedLocation', 'locationId']);

    const displayed = copy('greendot.barcode.displayed');
    delete displayed['orderTemplateId'];
    expect(firstIssuePath('greendot.barcode.displayed', displayed)).toEqual(['orderTemplateId']);

    const failed = copy('kyc-prove.onboarding.failed');
    delete failed['timestamp'];
    expect(firstIssuePath('kyc-prove.onboarding.failed', failed)).toEqual(['timestamp']);
  });

  it('pins the event name: a schema rejects another event', () => {
    expect(firstIssuePath('kyc-prove.onboarding.completed', fixtures['orchestrator.auth-state.changed'])).toEqual([
      'event',
    ]);
  });

  it('returns an undocumented event name as is, without a schema', () => {
    const body = { ...fixtures['greendot.barcode.displayed'], event: 'greendot.barcode.scanned' };
    expect(family.classify(body)).toBe('greendot.barcode.scanned');
    expect(Object.hasOwn(family.table, 'greendot.barcode.scanned')).toBe(false);
  });

  it('does not claim bodies of another shape', () => {
    expect(family.classify({ id: 'x', type: 'CAAS', data: {}, at: '2025-12-11T16:03:49Z' })).toBeUndefined();
    expect(family.classify({ event: 'kyc-prove.onboarding.completed' })).toBeUndefined();
    expect(family.classify({ event: 'kyc-prove.onboarding.completed', event_id: 7 })).toBeUndefined();
  });

  it('never throws on hostile bodies', () => {
    const hostile: unknown[] = [
      null,
      [],
      ['event', 'event_id'],
      42,
      'event',
      { event: null, event_id: null },
      { event: ['a'], event_id: 'x' },
      { event: 1, event_id: 2 },
      JSON.parse('{"__proto__": {"event": "a", "event_id": "b"}}'),
      Object.create({ event: 'inherited', event_id: 'inherited' }),
    ];
    for (const body of hostile) {
      expect(() => family.classify(body as Body)).not.toThrow();
      expect(family.classify(body as Body)).toBeUndefined();
    }
    const proto = JSON.parse('{"event": "__proto__", "event_id": "constructor"}') as Body;
    expect(family.classify(proto)).toBe('__proto__');
  });

  it('classify returns undefined or a string for any value', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.record({ event: fc.anything(), event_id: fc.anything() })), (body) => {
        const result = family.classify(body as Body);
        expect(result === undefined || typeof result === 'string').toBe(true);
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
    const payload = schemaFor('greendot.barcode.displayed').parse(fixtures['greendot.barcode.displayed']);
    const event = {
      source: 'coinme.widget',
      type: 'greendot.barcode.displayed',
      id: family.id(payload),
      occurredAt: family.occurredAt(payload),
      payload: payload as BarcodeDisplayedPayload,
    } as const;
    expect(read(event)).toBe('1313954797448204288');
  });
});
