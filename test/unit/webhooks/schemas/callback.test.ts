import { createHmac } from 'node:crypto';
import { describe, expect, expectTypeOf, it } from 'vitest';
import fixtures from '../../../../src/testing/samples/callback.json' with { type: 'json' };
import { callbackFamily, type CallbackEvent, type CallbackPayload } from '../../../../src/webhooks/schemas/callback.js';

const schemas: Readonly<Record<string, { safeParse(data: unknown): { success: boolean } }>> = callbackFamily.schemas;
const delivered = fixtures.crypto_delivered;

describe('callback family', () => {
  it('has exactly one fixture per documented event', () => {
    expect(Object.keys(fixtures).sort()).toEqual(Object.keys(callbackFamily.schemas).sort());
  });

  it.each(Object.entries(fixtures))('classifies and accepts the %s fixture', (type, body) => {
    expect(callbackFamily.classify(body)).toBe(type);
    expect(schemas[type]?.safeParse(body).success).toBe(true);
  });

  it('signs each fixture as the in-body scheme does', () => {
    for (const { signature, ...rest } of Object.values(fixtures)) {
      expect(createHmac('sha256', 'test-secret').update(JSON.stringify(rest)).digest('hex')).toBe(signature);
    }
  });

  it('derives a deterministic id and reads the time stamp', () => {
    const payload = callbackFamily.schemas.crypto_delivered.parse(delivered);
    const again = callbackFamily.schemas.crypto_delivered.parse(structuredClone(delivered));
    expect(callbackFamily.eventId(payload)).toBe(
      '5a3288ea-0bd4-44d2-af11-aae1f88bbd61:crypto_delivered:2022-10-26T22:36:41.658Z',
    );
    expect(callbackFamily.eventId(again)).toBe(callbackFamily.eventId(payload));
    expect(callbackFamily.occurredAt(payload).toISOString()).toBe('2022-10-26T22:36:41.658Z');
  });

  it('keeps unknown fields', () => {
    const payload = callbackFamily.schemas.crypto_delivered.parse({ ...delivered, txHash: '0xabc', meta: { a: 1 } });
    expect(payload['txHash']).toBe('0xabc');
    expect(payload['meta']).toEqual({ a: 1 });
  });

  it('reports the path of a wrong-typed field', () => {
    const result = callbackFamily.schemas.crypto_delivered.safeParse({ ...delivered, orderId: 7 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['orderId']);
    const mismatch = callbackFamily.schemas.payment_received.safeParse(delivered);
    expect(mismatch.error?.issues[0]?.path).toEqual(['eventName']);
  });

  it('passes undocumented event names through and ignores other shapes', () => {
    expect(callbackFamily.classify({ ...delivered, eventName: 'refund_sent' })).toBe('refund_sent');
    expect(callbackFamily.classify({ eventName: 'crypto_delivered' })).toBeUndefined();
    expect(callbackFamily.classify({ eventName: 1, orderId: 'o' })).toBeUndefined();
    expect(callbackFamily.classify({ name: 'order:crypto-offramp:committed', data: {} })).toBeUndefined();
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
      expect(() => callbackFamily.classify(body as Record<string, unknown>)).not.toThrow();
      expect(callbackFamily.classify(body as Record<string, unknown>)).toBeUndefined();
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
