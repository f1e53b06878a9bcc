import { describe, expect, expectTypeOf, it } from 'vitest';
import { createEvents, type EventPayload, events, sign } from 'coinme-sdk/testing';
import {
  parseWebhook,
  type UnknownWebhookEvent,
  verifySignature,
  type WebhookEvent,
  webhookEventTypes,
} from 'coinme-sdk/webhooks';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const callbacks = new Set(['payment_received', 'payment_rejected', 'payment_expired', 'crypto_tx_sent', 'crypto_delivered', 'crypto_tx_failed']);

type AnyFactory = (overrides?: unknown) => Record<string, unknown>;
const factory = (set: typeof events, type: string) => (set as unknown as Record<string, AnyFactory>)[type] as AnyFactory;

/** The body as a documented event; fails the test on anything else. */
function typed(body: Readonly<Record<string, unknown>>): Exclude<WebhookEvent, UnknownWebhookEvent> {
  const event = parseWebhook(body, { strict: true });
  if (event.type === 'unknown') throw new Error('parsed as unknown');
  return event;
}

describe('events', () => {
  it('has exactly one factory per documented event type', () => {
    expect(Object.keys(events).sort()).toEqual([...webhookEventTypes].sort());
    expect(webhookEventTypes.length).toBeGreaterThanOrEqual(66);
  });

  it.each([...webhookEventTypes])('%s: the body parses back to its own type, as an object and as raw JSON', (type) => {
    const body = factory(events, type)();
    expect(parseWebhook(body, { strict: true }).type).toBe(type);
    expect(parseWebhook(JSON.stringify(body), { strict: true }).type).toBe(type);
  });

  it('returns plain JSON objects that survive a JSON round trip unchanged', () => {
    for (const type of webhookEventTypes) {
      const body = factory(events, type)();
      expect(Object.getPrototypeOf(body)).toBe(Object.prototype);
      expect(JSON.parse(JSON.stringify(body))).toEqual(body);
    }
  });

  it('gives identical bodies for the same seed, call for call', () => {
    const a = createEvents({ seed: 42 });
    const b = createEvents({ seed: 42 });
    for (const type of webhookEventTypes) expect(factory(a, type)()).toEqual(factory(b, type)());
  });

  it('gives different event ids for different seeds', () => {
    const a = createEvents({ seed: 1 });
    const b = createEvents({ seed: 2 });
    for (const type of webhookEventTypes) {
      const idA = parseWebhook(factory(a, type)()).id;
      const idB = parseWebhook(factory(b, type)()).id;
      expect(idA, type).not.toBe(idB);
    }
  });

  it('gives every event of a set its own id (callbacks share their set order id)', () => {
    const set = createEvents({ seed: 'unique' });
    const ids = webhookEventTypes.filter((type) => !callbacks.has(type)).flatMap((type) => [factory(set, type)(), factory(set, type)()]);
    const eventIds = ids.map((body) => parseWebhook(body).id);
    expect(new Set(eventIds).size).toBe(eventIds.length);
    expect(set.payment_received().orderId).toBe(set.crypto_delivered().orderId);
  });

  it('shapes ids like the sample: UUIDs stay UUIDs, numbers stay numbers', () => {
    const set = createEvents({ seed: 9 });
    expect(set['kyc-prove.onboarding.completed']().event_id).toMatch(UUID);
    expect(set['CAAS.BUY.COMPLETED']().id).toMatch(UUID);
    expect(set['order:crypto-offramp:completed']().id).toMatch(UUID);
    expect(set.crypto_delivered().orderId).toMatch(UUID);
    const processingId = set.INVOICE_PAID().id;
    expect(typeof processingId === 'number' && Number.isSafeInteger(processingId) && processingId > 0).toBe(true);
  });

  it("keeps the sample's ids of what the events are about (order, transaction, session)", () => {
    const [a, b] = [createEvents({ seed: 3 }), createEvents({ seed: 4 })];
    expect(a['CAAS.BUY.COMPLETED']().data.transactionId).toBe(b['CAAS.BUY.COMPLETED']().data.transactionId);
    expect(a['greendot.barcode.displayed']().externalSessionId).toBe(b['greendot.barcode.displayed']().externalSessionId);
    expect(a['order:crypto-offramp:committed']().data.id).toBe(a['order:crypto-offramp:completed']().data.id);
  });

  it('stamps every event with `now`, as the parsed occurredAt', () => {
    // Whole seconds: bodies whose sample time is epoch seconds keep that form.
    const now = new Date('2030-05-06T07:08:09.000Z');
    const set = createEvents({ now });
    for (const type of webhookEventTypes) expect(typed(factory(set, type)()).occurredAt.toISOString(), type).toBe(now.toISOString());
  });

  it('asks a `now` function once per event', () => {
    let tick = Date.UTC(2031, 0, 1);
    const set = createEvents({ now: () => new Date((tick += 1000)) });
    const first = typed(set['CAAS.BUY.COMPLETED']()).occurredAt.getTime();
    const second = typed(set['CAAS.BUY.COMPLETED']()).occurredAt.getTime();
    expect(second - first).toBe(1000);
  });

  it('defaults to a fixed time, so bodies are reproducible', () => {
    expect(typed(createEvents()['greendot.barcode.displayed']()).occurredAt.toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  describe('overrides', () => {
    it('merge objects field by field and keep the rest of the sample', () => {
      const body = events['CAAS.BUY.COMPLETED']({ data: { metadata: { blockchainData: { chain: 'SOLANA' } } } });
      expect(body.data.metadata.blockchainData?.chain).toBe('SOLANA');
      expect(body.data.metadata.blockchainData?.targetWalletAddress).toBe(events['CAAS.BUY.COMPLETED']().data.metadata.blockchainData?.targetWalletAddress);
      expect(body.data.metadata.orderStatus).toBe('COMPLETED');
      expect(parseWebhook(body).type).toBe('CAAS.BUY.COMPLETED');
    });

    it('replace arrays whole', () => {
      const sampleFees = events['order:crypto-offramp:completed']().data.fees;
      expect(sampleFees.length).toBeGreaterThan(1);
      const fee = { amount: '9.99', asset: 'USD', normalized: '9.99', type: 'network' };
      expect(events['order:crypto-offramp:completed']({ data: { fees: [fee] } }).data.fees).toEqual([fee]);
    });

    it('win over the generated id and time', () => {
      const body = events['kyc-prove.onboarding.completed']({ event_id: 'evt_custom', timestamp: '2024-02-03T04:05:06.000Z' });
      const event = typed(body);
      expect(event.id).toBe('evt_custom');
      expect(event.occurredAt.toISOString()).toBe('2024-02-03T04:05:06.000Z');
    });

    it('never leak into later bodies or the samples', () => {
      const set = createEvents();
      const changed = set['ORDER_TEMPLATE.CREATED']({ data: { userInputAmount: { amount: '999' } } });
      changed.data.userInputAmount.currency = 'EUR';
      const next = set['ORDER_TEMPLATE.CREATED']();
      expect(next.data.userInputAmount).toEqual({ amount: '30', currency: 'USD' });
    });

    it('can move an event to another documented type, as the family classifies it', () => {
      // @ts-expect-error a completed buy's errorData is typed null: the override makes it another type
      const failed = events['CAAS.BUY.COMPLETED']({ data: { errorData: { code: 'E1', message: 'declined' } } });
      expect(parseWebhook(failed).type).toBe('CAAS.BUY.FAILED');
    });
  });

  it('types each factory with its union member payload', () => {
    expectTypeOf(events['CAAS.BUY.COMPLETED']()).toEqualTypeOf<Extract<WebhookEvent, { type: 'CAAS.BUY.COMPLETED' }>['payload']>();
    expectTypeOf(events.INVOICE_PAID()).toEqualTypeOf<EventPayload<'INVOICE_PAID'>>();
    // @ts-expect-error transactionId is a string
    events['CAAS.BUY.COMPLETED']({ data: { transactionId: 42 } });
    expect(typeof events['CAAS.BUY.COMPLETED']().data.transactionId).toBe('string');
  });

  it('keeps the sample signature on callbacks until sign recomputes it', async () => {
    const body = createEvents({ seed: 5 }).crypto_delivered();
    expect(body.signature).toMatch(/^[0-9a-f]{64}$/);
    expect(await verifySignature({ payload: JSON.stringify(body), secret: 'callback-secret', scheme: 'body' })).toBe(false);
    const signed = await sign(body, 'callback-secret', { scheme: 'body' });
    expect(await verifySignature({ payload: signed.body, secret: 'callback-secret', scheme: 'body' })).toBe(true);
    expect(parseWebhook(signed.body).type).toBe('crypto_delivered');
  });
});
