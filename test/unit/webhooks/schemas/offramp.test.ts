import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  parseWebhook,
  webhookEventTypes,
  type OfframpEvent,
  type OfframpOrderCommittedPayload,
  type OfframpOrderFailedPayload,
  type OfframpOrderRefundCompletedPayload,
  type WebhookBody,
} from 'coinme-sdk/webhooks';
import { createEvents, events } from 'coinme-sdk/testing';
import { bodyOf, failingPath, outcomeOf, withField, withoutField, type Body, type Outcome } from '../../../helpers/webhook-bodies.js';

// Every crypto off-ramp order event of seed 001, in document order.
const documented = [
  'order:crypto-offramp:committed',
  'order:crypto-offramp:funds-sent',
  'order:crypto-offramp:funds-received',
  'order:crypto-offramp:completed',
  'order:crypto-offramp:failed',
  'order:crypto-offramp:refund:completed',
] as const satisfies readonly OfframpEvent['type'][];
type Documented = (typeof documented)[number];

const NOW = new Date('2025-03-04T05:06:07.089Z');
const factories = createEvents({ seed: 'offramp-schema', now: NOW });
const COMMITTED = 'order:crypto-offramp:committed';
// The seed's committed order: its envelope id and its order's times.
const committed = () =>
  events[COMMITTED]({
    id: '00a991cf-a870-43af-88b8-43c51532831d',
    data: { createdAt: '2023-06-12T17:21:21.240Z', updatedAt: '2023-06-12T17:21:21.240Z' },
  });
const parse = (body: WebhookBody) => parseWebhook(body, { strict: true });

describe('offramp family', () => {
  it('has exactly one documented type per event of the seed, and no other', () => {
    const family = webhookEventTypes.filter((type) => parseWebhook(bodyOf(events, type)).source === 'offramp');
    expect([...family].sort()).toEqual([...documented].sort());
    expectTypeOf<OfframpEvent['type']>().toEqualTypeOf<Documented>();
  });

  it.each(documented)('%s: a factory body parses as that type, unchanged, with its id and time', (type) => {
    const body = bodyOf(factories, type);
    const event = parse(JSON.stringify(body));
    expect(event.source).toBe('offramp');
    expect(event.type).toBe(type);
    expect(event.payload).toEqual(body);
    expect(event.id).toBe(body['id']);
    expect(event.occurredAt).toEqual(NOW);
  });

  // A committed order renamed: all six events share the order's shape, only a refund adds to it.
  const renamed: [Documented, Outcome][] = [
    ['order:crypto-offramp:committed', { type: 'order:crypto-offramp:committed' }],
    ['order:crypto-offramp:funds-sent', { type: 'order:crypto-offramp:funds-sent' }],
    ['order:crypto-offramp:funds-received', { type: 'order:crypto-offramp:funds-received' }],
    ['order:crypto-offramp:completed', { type: 'order:crypto-offramp:completed' }],
    ['order:crypto-offramp:failed', { type: 'order:crypto-offramp:failed' }],
    ['order:crypto-offramp:refund:completed', { path: '$.data.refund' }],
  ];
  it.each(renamed)('a committed order named %s is read by that event: %j', (name, outcome) => {
    expect(outcomeOf(withField(committed(), ['name'], name))).toEqual(outcome);
  });

  it('takes the id from the envelope and the time from the order update', () => {
    const body = events[COMMITTED]({
      id: '00a991cf-a870-43af-88b8-43c51532831d',
      data: { createdAt: '2023-06-12T17:21:21.240Z', updatedAt: '2023-06-12T18:00:00.000Z' },
    });
    const event = parse(JSON.stringify(body));
    expect(event.type).toBe(COMMITTED);
    expect(event.id).toBe('00a991cf-a870-43af-88b8-43c51532831d');
    expect(event.occurredAt.toISOString()).toBe('2023-06-12T18:00:00.000Z');
  });

  it('falls back to the creation time when the update time cannot be read', () => {
    const body = events[COMMITTED]({ data: { createdAt: '2023-06-12T17:21:21.240Z', updatedAt: 'not a date' } });
    expect(parse(body).occurredAt.toISOString()).toBe('2023-06-12T17:21:21.240Z');
  });

  it('keeps unknown fields, nested ones too, and reads a deposit tag', () => {
    const body = events[COMMITTED]({
      extra: 1,
      data: {
        origin: { depositAddress: { tag: { type: 'memo', value: '42', note: 'x' } } },
        widget: { theme: 'dark' },
      },
    });
    const event = parse(JSON.stringify(body));
    if (event.type !== COMMITTED) throw new Error(`parsed as ${event.type}`);
    expect(event.payload['extra']).toBe(1);
    expect(event.payload.data.origin.depositAddress.tag).toEqual({ type: 'memo', value: '42', note: 'x' });
    expect(event.payload.data.widget['theme']).toBe('dark');
    expect(event.payload.data.origin.amount).toBe('0.047116964221968237');
  });

  it('reports the path of a wrong-typed field', () => {
    expect(failingPath(withField(committed(), ['data', 'fees', 1, 'amount'], 1))).toBe('$.data.fees[1].amount');
    expect(failingPath(withField(committed(), ['data', 'origin', 'depositAddress', 'tag'], { type: 'memo' }))).toBe(
      '$.data.origin.depositAddress.tag.value',
    );
    expect(failingPath(withField(committed(), ['bootstrapTokenId'], null))).toBe('$.bootstrapTokenId');
  });

  it("accepts the document's own completed example, whose status says processing", () => {
    const body = events['order:crypto-offramp:completed']({ data: { status: 'processing' } });
    const event = parse(JSON.stringify(body));
    expect(event.type).toBe('order:crypto-offramp:completed');
    expect(event.payload).toMatchObject({ data: { status: 'processing' } });
  });

  it('rejects a status that is not a string, with its path', () => {
    const body = withField(bodyOf(events, 'order:crypto-offramp:completed'), ['data', 'status'], 7);
    expect(failingPath(body)).toBe('$.data.status');
  });

  it('requires the refund on a refunded order and accepts a failure without a reason', () => {
    const refunded = withoutField(bodyOf(events, 'order:crypto-offramp:refund:completed'), ['data', 'refund']);
    expect(failingPath(refunded)).toBe('$.data.refund');
    const failed = withoutField(bodyOf(events, 'order:crypto-offramp:failed'), ['data', 'error']);
    expect(parse(failed).type).toBe('order:crypto-offramp:failed');
    // A failure says its reason as a string, when it says one.
    expect(failingPath(withField(bodyOf(events, 'order:crypto-offramp:failed'), ['data', 'error'], { reason: 1 }))).toBe(
      '$.data.error.reason',
    );
  });

  it('passes undocumented order names through and leaves other shapes to the other families', () => {
    expect(outcomeOf({ ...committed(), name: 'order:crypto-offramp:expired' })).toEqual({
      unknown: 'order:crypto-offramp:expired',
    });
    expect(outcomeOf({ name: 'invoice:paid', data: {} })).toEqual({ unknown: '' });
    expect(outcomeOf({ name: 'order:x', data: [] })).toEqual({ unknown: '' });
    expect(outcomeOf({ name: 'order:x', data: null })).toEqual({ unknown: '' });
    // A payment callback is the callback family's, even when it is not a valid one.
    expect(outcomeOf({ eventName: 'crypto_delivered', orderId: 'o' })).toEqual({ path: '$.timeStamp' });
  });

  it('never throws anything but a WebhookParseError on hostile input, and reads no order event from it', () => {
    const refused: unknown[] = [null, undefined, 42, '"order:crypto-offramp:committed"', '[]', [], [committed()]];
    for (const body of refused) expect(outcomeOf(body as WebhookBody)).toEqual({ path: '$' });
    expect(outcomeOf(Object.create({ name: 'order:inherited', data: {} }) as Body)).toEqual({ path: '$' });
    const unclaimed: WebhookBody[] = [
      {},
      '{"__proto__": {"name": "order:x", "data": {}}}',
      '{"name": {"toString": 1}, "data": {}}',
      // Inherited fields (through a prototype without Object.prototype) are not the body's.
      Object.create(Object.setPrototypeOf({ name: 'order:inherited', data: {} }, null)) as Body,
      Object.create(null) as Body,
    ];
    for (const body of unclaimed) expect(outcomeOf(body)).toEqual({ unknown: '' });
  });

  it('narrows the payload by type', () => {
    expectTypeOf<Extract<OfframpEvent, { type: 'order:crypto-offramp:failed' }>['payload']>().toEqualTypeOf<
      OfframpOrderFailedPayload
    >();
    expectTypeOf<Extract<OfframpEvent, { type: typeof COMMITTED }>['payload']>().toEqualTypeOf<OfframpOrderCommittedPayload>();
    const check = (event: OfframpEvent) => {
      if (event.type === 'order:crypto-offramp:refund:completed') {
        expectTypeOf(event.payload).toEqualTypeOf<OfframpOrderRefundCompletedPayload>();
        expectTypeOf(event.payload.data.refund.amount).toEqualTypeOf<string>();
        expectTypeOf(event.payload.data.status).toEqualTypeOf<'failed' | (string & {})>();
        return event.payload.data.refund.amount;
      }
      return undefined;
    };
    expectTypeOf(check).parameter(0).toHaveProperty('source').toEqualTypeOf<'offramp'>();
    const event = parse(JSON.stringify(events['order:crypto-offramp:refund:completed']()));
    if (event.source !== 'offramp') throw new Error(`parsed as ${event.source}`);
    expect(check(event)).toBe('0.047116964221968237');
  });
});
