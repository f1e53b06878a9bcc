import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  constructEvent,
  parseWebhook,
  webhookEventTypes,
  type CallbackEvent,
  type CallbackEventName,
  type CallbackPayload,
  type WebhookBody,
} from 'coinme-sdk/webhooks';
import { createEvents, events, sign } from 'coinme-sdk/testing';
import { bodyOf, failingPath, outcomeOf, withField, type Body } from '../../../helpers/webhook-bodies.js';

// Every payment callback of seed 004, in document order.
const documented = [
  'payment_received',
  'payment_rejected',
  'payment_expired',
  'crypto_tx_sent',
  'crypto_delivered',
  'crypto_tx_failed',
] as const satisfies readonly CallbackEventName[];
type Documented = (typeof documented)[number];

// The seed's own deliveries: one order, and the time stamp each event was sent with.
const ORDER = '5a3288ea-0bd4-44d2-af11-aae1f88bbd61';
const seedTimes: Record<Documented, string> = {
  payment_received: '2022-10-26T22:30:12.104Z',
  payment_rejected: '2022-10-26T22:31:05.377Z',
  payment_expired: '2022-10-27T22:30:12.104Z',
  crypto_tx_sent: '2022-10-26T22:33:48.920Z',
  crypto_delivered: '2022-10-26T22:36:41.658Z',
  crypto_tx_failed: '2022-10-26T22:40:02.511Z',
};
// The seed's body of each event: the factory's sample with the seed's order and time put back.
const seedBody = (type: Documented): Body => bodyOf(events, type, { orderId: ORDER, timeStamp: seedTimes[type] });

const NOW = new Date('2025-03-04T05:06:07.089Z');
const factories = createEvents({ seed: 'callback-schema', now: NOW });
const delivered = () => seedBody('crypto_delivered');
const parse = (body: WebhookBody) => parseWebhook(body, { strict: true });

describe('callback family', () => {
  it('has exactly one documented type per event of the seed, and no other', () => {
    const family = webhookEventTypes.filter((type) => parseWebhook(bodyOf(events, type)).source === 'callback');
    expect([...family].sort()).toEqual([...documented].sort());
    expectTypeOf<CallbackEvent['type']>().toEqualTypeOf<Documented>();
  });

  it.each(documented)('%s: a factory body parses as that type, unchanged, with its id and time', (type) => {
    const body = bodyOf(factories, type);
    const event = parse(JSON.stringify(body));
    expect(event.source).toBe('callback');
    expect(event.type).toBe(type);
    expect(event.payload).toEqual(body);
    expect(event.id).toBe(`${String(body['orderId'])}:${type}:${NOW.toISOString()}`);
    expect(event.occurredAt).toEqual(NOW);
  });

  it.each(documented)("%s: the seed's body carries the in-body signature of the rest of it", async (type) => {
    const body = seedBody(type);
    expect(parse(body).type).toBe(type);
    const { signature } = await sign(body, 'test-secret', { scheme: 'body' });
    expect(body['signature']).toBe(signature);
    const event = await constructEvent({ payload: JSON.stringify(body), secret: 'test-secret', scheme: 'body' });
    expect(event.type).toBe(type);
    await expect(
      constructEvent({ payload: JSON.stringify(body), secret: 'another-secret', scheme: 'body' }),
    ).rejects.toThrow(/signature/);
  });

  it.each(documented)('%s: a body whose eventName names the next documented event parses as that one', (type) => {
    const next = documented[(documented.indexOf(type) + 1) % documented.length] ?? 'payment_received';
    const event = parse(withField(seedBody(type), ['eventName'], next));
    expect(event.type).toBe(next);
    expect(event.payload).toMatchObject({ eventName: next, orderId: ORDER, timeStamp: seedTimes[type] });
  });

  it('derives a deterministic id and reads the time stamp', () => {
    const event = parse(JSON.stringify(delivered()));
    const again = parse(structuredClone(delivered()));
    expect(event.id).toBe('5a3288ea-0bd4-44d2-af11-aae1f88bbd61:crypto_delivered:2022-10-26T22:36:41.658Z');
    expect(again.id).toBe(event.id);
    expect(event.occurredAt.toISOString()).toBe('2022-10-26T22:36:41.658Z');
    // Another time is another delivery.
    expect(parse(withField(delivered(), ['timeStamp'], '2022-10-26T22:36:42.658Z')).id).not.toBe(event.id);
  });

  it('keeps unknown fields', () => {
    const body = events.crypto_delivered({ txHash: '0xabc', meta: { a: 1 } });
    const event = parse(JSON.stringify(body));
    expect(event.type).toBe('crypto_delivered');
    expect(event.payload).toMatchObject({ txHash: '0xabc', meta: { a: 1 } });
  });

  it('reports the path of a wrong-typed or missing field', () => {
    // A callback is recognised by its string eventName and orderId: with another orderId it is no callback.
    expect(outcomeOf(withField(delivered(), ['orderId'], 7))).toEqual({ unknown: '' });
    expect(outcomeOf(withField(delivered(), ['eventName'], 7))).toEqual({ unknown: '' });
    expect(failingPath(withField(delivered(), ['timeStamp'], 7))).toBe('$.timeStamp');
    expect(failingPath(withField(delivered(), ['signature'], null))).toBe('$.signature');
    const { signature: _signature, ...unsigned } = delivered();
    expect(failingPath(unsigned)).toBe('$.signature');
  });

  it('passes undocumented event names through and leaves other shapes to the other families', () => {
    expect(outcomeOf({ ...delivered(), eventName: 'refund_sent' })).toEqual({ unknown: 'refund_sent' });
    expect(outcomeOf({ eventName: 'crypto_delivered' })).toEqual({ unknown: '' });
    expect(outcomeOf({ eventName: 1, orderId: 'o' })).toEqual({ unknown: '' });
    // An off-ramp order event is the off-ramp family's, even when it is not a valid one.
    expect(outcomeOf({ name: 'order:crypto-offramp:committed', data: {} })).toEqual({ path: '$.id' });
  });

  it('never throws anything but a WebhookParseError on hostile input, and reads no callback from it', () => {
    const refused: unknown[] = [null, undefined, 0, '"crypto_delivered"', 'crypto_delivered', '[]', [], [delivered()]];
    for (const body of refused) expect(outcomeOf(body as WebhookBody)).toEqual({ path: '$' });
    // Class instances and objects with a prototype of their own are not JSON bodies.
    expect(outcomeOf(Object.create({ eventName: 'crypto_delivered', orderId: 'o' }) as Body)).toEqual({ path: '$' });
    const unclaimed: WebhookBody[] = [
      {},
      '{}',
      '{"__proto__": {"eventName": "crypto_delivered", "orderId": "o"}}',
      // Inherited fields (through a prototype without Object.prototype) are not the body's.
      Object.create(Object.setPrototypeOf({ eventName: 'crypto_delivered', orderId: 'o' }, null)) as Body,
      Object.create(null) as Body,
    ];
    for (const body of unclaimed) expect(outcomeOf(body)).toEqual({ unknown: '' });
  });

  it('narrows the payload by type', () => {
    expectTypeOf<Extract<CallbackEvent, { type: 'crypto_tx_failed' }>['payload']>().toEqualTypeOf<
      CallbackPayload<'crypto_tx_failed'>
    >();
    const check = (event: CallbackEvent) => {
      if (event.type === 'payment_expired') {
        expectTypeOf(event.payload.eventName).toEqualTypeOf<'payment_expired'>();
        expectTypeOf(event.payload.orderId).toEqualTypeOf<string>();
        return event.payload.orderId;
      }
      return undefined;
    };
    expectTypeOf(check).parameter(0).toHaveProperty('source').toEqualTypeOf<'callback'>();
    const event = parse(JSON.stringify(seedBody('payment_expired')));
    if (event.source !== 'callback') throw new Error(`parsed as ${event.source}`);
    expect(check(event)).toBe(ORDER);
  });
});
