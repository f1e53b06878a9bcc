import { createHmac } from 'node:crypto';
import { built } from '../../../helpers/schema-checks.js';
import { describe, expect, expectTypeOf, it } from 'vitest';
import fixtures from '../../../../src/testing/samples/callback.json' with { type: 'json' };
import { callbackDefinition, type CallbackEvent, type CallbackPayload } from '../../../../src/webhooks/schemas/callback.js';

const schemas: Readonly<Record<string, { safeParse(data: unknown): { success: boolean } }>> = built(callbackDefinition.table);
const delivered = fixtures.crypto_delivered;

describe('callback family', () => {
  it('has exactly one fixture per documented event', () => {
    expect(Object.keys(fixtures).sort()).toEqual(Object.keys(built(callbackDefinition.table)).sort());
  });

  it.each(Object.entries(fixtures))('classifies and accepts the %s fixture', (type, body) => {
    expect(callbackDefinition.classify(body)).toBe(type);
    expect(schemas[type]?.safeParse(body).success).toBe(true);
  });

  it('signs each fixture as the in-body scheme does', () => {
    for (const { signature, ...rest } of Object.values(fixtures)) {
      expect(createHmac('sha256', 'test-secret').update(JSON.stringify(rest)).digest('hex')).toBe(signature);
    }
  });

  it('derives a deterministic id and reads the time stamp', () => {
    const payload = callbackDefinition.table.crypto_delivered().parse(delivered);
    const again = callbackDefinition.table.crypto_delivered().parse(structuredClone(delivered));
    expect(callbackDefinition.id(payload)).toBe(
      '5a3288ea-0bd4-44d2-af11-aae1f88bbd61:crypto_delivered:2022-10-26T22:36:41.658Z',
    );
    expect(callbackDefinition.id(again)).toBe(callbackDefinition.id(payload));
    expect(callbackDefinition.occurredAt(payload).toISOString()).toBe('2022-10-26T22:36:41.658Z');
  });

  it('keeps unknown fields', () => {
    const payload = callbackDefinition.table.crypto_delivered().parse({ ...delivered, txHash: '0xabc', meta: { a: 1 } });
    expect(payload['txHash']).toBe('0xabc');
    expect(payload['meta']).toEqual({ a: 1 });
  });

  it('reports the path of a wrong-typed field', () => {
    const result = callbackDefinition.table.crypto_delivered().safeParse({ ...delivered, orderId: 7 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['orderId']);
    const mismatch = callbackDefinition.table.payment_received().safeParse(delivered);
    expect(mismatch.error?.issues[0]?.path).toEqual(['eventName']);
  });

  it('passes undocumented event names through and ignores other shapes', () => {
    expect(callbackDefinition.classify({ ...delivered, eventName: 'refund_sent' })).toBe('refund_sent');
    expect(callbackDefinition.classify({ eventName: 'crypto_delivered' })).toBeUndefined();
    expect(callbackDefinition.classify({ eventName: 1, orderId: 'o' })).toBeUndefined();
    expect(callbackDefinition.classify({ name: 'order:crypto-offramp:committed', data: {} })).toBeUndefined();
  });

  it('never throws on hostile input', () => {
    const hostile: unknown[] = [
      null,
      undefined,
      0,
      'crypto_delivered',
      [],
      [delivered],
      {},
      JSON.parse('{"__proto__": {"eventName": "crypto_delivered", "orderId": "o"}}'),
      Object.create({ eventName: 'crypto_delivered', orderId: 'o' }),
      Object.create(null),
    ];
    for (const body of hostile) {
      expect(() => callbackDefinition.classify(body as Record<string, unknown>)).not.toThrow();
      expect(callbackDefinition.classify(body as Record<string, unknown>)).toBeUndefined();
    }
  });

  it('narrows the payload by type', () => {
    expectTypeOf<Extract<CallbackEvent, { type: 'crypto_tx_failed' }>['payload']>().toEqualTypeOf<
      CallbackPayload<'crypto_tx_failed'>
    >();
    const check = (event: CallbackEvent) => {
      if (event.type === 'payment_expired') {
        expectTypeOf(event.payload.eventName).toEqualTypeOf<'payment_expired'>();
        expectTypeOf(event.payload.orderId).toEqualTypeOf<string>();
      }
    };
    expectTypeOf(check).parameter(0).toHaveProperty('source').toEqualTypeOf<'callback'>();
  });
});
