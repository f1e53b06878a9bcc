import { built } from '../../../helpers/schema-checks.js';
import { describe, expect, expectTypeOf, it } from 'vitest';
import fixtures from '../../../../src/testing/samples/offramp.json' with { type: 'json' };
import {
  offrampDefinition,
  type OfframpEvent,
  type OfframpOrderFailedPayload,
  type OfframpOrderRefundCompletedPayload,
} from '../../../../src/webhooks/schemas/offramp.js';

const schemas: Readonly<Record<string, { safeParse(data: unknown): { success: boolean; error?: unknown } }>> =
  built(offrampDefinition.table);
const clone = <T>(value: T): T => structuredClone(value);
const committed = fixtures['order:crypto-offramp:committed'];

describe('offramp family', () => {
  it('has exactly one fixture per documented event', () => {
    expect(Object.keys(fixtures).sort()).toEqual(Object.keys(built(offrampDefinition.table)).sort());
  });

  it.each(Object.entries(fixtures))('classifies and accepts the %s fixture', (type, body) => {
    expect(offrampDefinition.classify(body)).toBe(type);
    expect(schemas[type]?.safeParse(body).success).toBe(true);
  });

  it('takes the id from the envelope and the time from the order update', () => {
    const body = clone(committed);
    body.data.updatedAt = '2023-06-12T18:00:00.000Z';
    const payload = offrampDefinition.table['order:crypto-offramp:committed']().parse(body);
    expect(offrampDefinition.id(payload)).toBe('00a991cf-a870-43af-88b8-43c51532831d');
    expect(offrampDefinition.occurredAt(payload).toISOString()).toBe('2023-06-12T18:00:00.000Z');
  });

  it('falls back to the creation time when the update time cannot be read', () => {
    const body = { ...clone(committed), data: { ...clone(committed.data), updatedAt: 'not a date' } };
    const payload = offrampDefinition.table['order:crypto-offramp:committed']().parse(body);
    expect(offrampDefinition.occurredAt(payload).toISOString()).toBe('2023-06-12T17:21:21.240Z');
  });

  it('keeps unknown fields, nested ones too, and reads a deposit tag', () => {
    const body = clone(committed) as typeof committed & Record<string, unknown>;
    body['extra'] = 1;
    Object.assign(body.data.origin.depositAddress, { tag: { type: 'memo', value: '42', note: 'x' } });
    Object.assign(body.data.widget, { theme: 'dark' });
    const payload = offrampDefinition.table['order:crypto-offramp:committed']().parse(body);
    expect(payload['extra']).toBe(1);
    expect(payload.data.origin.depositAddress.tag).toEqual({ type: 'memo', value: '42', note: 'x' });
    expect(payload.data.widget['theme']).toBe('dark');
  });

  it('reports the path of a wrong-typed field', () => {
    const body = clone(committed) as unknown as { data: { fees: { amount: unknown }[] } };
    body.data.fees[1]!.amount = 1;
    const result = offrampDefinition.table['order:crypto-offramp:committed']().safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['data', 'fees', 1, 'amount']);
  });

  it("accepts the document's own completed example, whose status says processing", () => {
    const body = clone(fixtures['order:crypto-offramp:completed']);
    body.data.status = 'processing';
    expect(offrampDefinition.table['order:crypto-offramp:completed']().safeParse(body).success).toBe(true);
  });

  it('rejects a status that is not a string, with its path', () => {
    const body = clone(fixtures['order:crypto-offramp:completed']) as unknown as { data: { status: unknown } };
    body.data.status = 7;
    const result = offrampDefinition.table['order:crypto-offramp:completed']().safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['data', 'status']);
  });

  it('requires the refund on a refunded order and accepts a failure without a reason', () => {
    const refunded = clone(fixtures['order:crypto-offramp:refund:completed']) as Record<string, unknown> & {
      data: Record<string, unknown>;
    };
    delete refunded.data['refund'];
    expect(offrampDefinition.table['order:crypto-offramp:refund:completed']().safeParse(refunded).success).toBe(false);
    const failed = clone(fixtures['order:crypto-offramp:failed']) as { data: Record<string, unknown> };
    delete failed.data['error'];
    expect(offrampDefinition.table['order:crypto-offramp:failed']().safeParse(failed).success).toBe(true);
  });

  it('passes undocumented order names through and ignores other shapes', () => {
    expect(offrampDefinition.classify({ ...committed, name: 'order:crypto-offramp:expired' })).toBe(
      'order:crypto-offramp:expired',
    );
    expect(offrampDefinition.classify({ name: 'invoice:paid', data: {} })).toBeUndefined();
    expect(offrampDefinition.classify({ name: 'order:x', data: [] })).toBeUndefined();
    expect(offrampDefinition.classify({ name: 'order:x', data: null })).toBeUndefined();
    expect(offrampDefinition.classify({ eventName: 'crypto_delivered', orderId: 'o' })).toBeUndefined();
  });

  it('never throws on hostile input', () => {
    const hostile: unknown[] = [
      null,
      undefined,
      42,
      'order:crypto-offramp:committed',
      [],
      [committed],
      {},
      JSON.parse('{"__proto__": {"name": "order:x", "data": {}}}'),
      JSON.parse('{"name": {"toString": 1}, "data": {}}'),
      Object.create({ name: 'order:inherited', data: {} }),
      Object.create(null),
    ];
    for (const body of hostile) {
      expect(() => offrampDefinition.classify(body as Record<string, unknown>)).not.toThrow();
      expect(offrampDefinition.classify(body as Record<string, unknown>)).toBeUndefined();
    }
  });

  it('narrows the payload by type', () => {
    expectTypeOf<Extract<OfframpEvent, { type: 'order:crypto-offramp:failed' }>['payload']>().toEqualTypeOf<
      OfframpOrderFailedPayload
    >();
    const check = (event: OfframpEvent) => {
      if (event.type === 'order:crypto-offramp:refund:completed') {
        expectTypeOf(event.payload).toEqualTypeOf<OfframpOrderRefundCompletedPayload>();
        expectTypeOf(event.payload.data.refund.amount).toEqualTypeOf<string>();
        expectTypeOf(event.payload.data.status).toEqualTypeOf<'failed' | (string & {})>();
      }
    };
    expectTypeOf(check).parameter(0).toHaveProperty('source').toEqualTypeOf<'offramp'>();
  });
});
