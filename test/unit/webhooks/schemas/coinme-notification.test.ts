import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  parseWebhook,
  webhookEventTypes,
  WebhookParseError,
  type CaasBuyCompletedPayload,
  type CaasBuyFailedPayload,
  type CoinmeNotificationEvent,
  type OrderTemplateConsumedPayload,
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

// Every notification type of seeds 000 and 003: ORDER_TEMPLATE.<status>, CAAS.<BUY|SELL>.<status>,
// CAAS.ORDER_TRACKING and the three types whose data is not published.
const templateStatuses = ['CREATED', 'CONSUMED', 'COMPLETED', 'EXPIRED', 'DELETED', 'REJECTED', 'UPDATED'] as const;
const orderStatuses = ['FULFILLED', 'BLOCKCHAIN_ACCEPTED', 'COMPLETED', 'FAILED'] as const;
const documented = [
  'ORDER_TEMPLATE.CREATED',
  'ORDER_TEMPLATE.CONSUMED',
  'ORDER_TEMPLATE.COMPLETED',
  'ORDER_TEMPLATE.EXPIRED',
  'ORDER_TEMPLATE.DELETED',
  'ORDER_TEMPLATE.REJECTED',
  'ORDER_TEMPLATE.UPDATED',
  'CAAS.BUY.FULFILLED',
  'CAAS.BUY.BLOCKCHAIN_ACCEPTED',
  'CAAS.BUY.COMPLETED',
  'CAAS.BUY.FAILED',
  'CAAS.SELL.FULFILLED',
  'CAAS.SELL.BLOCKCHAIN_ACCEPTED',
  'CAAS.SELL.COMPLETED',
  'CAAS.SELL.FAILED',
  'CAAS.ORDER_TRACKING',
  'PAYMENT_METHOD',
  'REFUND',
  'CAAS_BLOCKCHAIN',
] as const satisfies readonly CoinmeNotificationEvent['type'][];
type Documented = (typeof documented)[number];

const NOW = new Date('2025-03-04T05:06:07.000Z');
const factories = createEvents({ seed: 'notification-schema', now: NOW });
const copy = (type: Documented): Body => bodyOf(events, type);
const dataOf = (body: Body) => body['data'] as Body;
const parse = (body: WebhookBody) => parseWebhook(body, { strict: true });

// Seed 003's examples, comments removed.
const seedBuyFailed = {
  id: '7748297e-11e4-4a66-bca3-2d1cdde403e7',
  type: 'CAAS',
  data: {
    type: 'BUY',
    providerId: '828627387817136135',
    transactionId: '1263543643131744256',
    metadata: { orderStatus: 'COMPLETED', blockchainData: null },
    errorData: { code: '314-001-S3', message: 'Transaction cancelled by Auth Void' },
  },
  at: '2025-07-18T17:07:10Z',
};
const seedBuyCompleted = {
  id: '91ae00c4-4dd3-43fd-a027-98d50c384da3',
  type: 'CAAS',
  data: {
    type: 'BUY',
    providerId: '828627387817136135',
    transactionId: '1263543643131744256',
    metadata: { orderStatus: 'COMPLETED', blockchainData: null },
    errorData: null,
  },
  at: '2025-07-18T17:11:30Z',
};
const seedConsumed = {
  id: '5bca79f9-5718-4602-be41-8d45ca8cecfd',
  type: 'ORDER_TEMPLATE',
  data: {
    providerId: '828627387817136135',
    orderTemplateId: '1263543355914194944',
    providerTransactionRef: '830324007540008113329484765809',
    orderTemplateStatus: 'CONSUMED',
    userInputAmount: { amount: '59', currency: 'USD' },
    errorData: null,
  },
  at: '2025-07-18T17:11:20Z',
};

describe('coinme.notification family', () => {
  it('has one documented type for every notification of the seeds, and no other', () => {
    const family = webhookEventTypes.filter((type) => parseWebhook(bodyOf(events, type)).source === 'coinme.notification');
    expect([...family].sort()).toEqual([...documented].sort());
    for (const status of templateStatuses) expect(family).toContain(`ORDER_TEMPLATE.${status}`);
    for (const kind of ['BUY', 'SELL']) {
      for (const status of orderStatuses) expect(family).toContain(`CAAS.${kind}.${status}`);
    }
    expectTypeOf<CoinmeNotificationEvent['type']>().toEqualTypeOf<Documented>();
  });

  it.each(documented)('%s: a factory body parses as that type, unchanged, with its id and time', (type) => {
    const body = bodyOf(factories, type);
    const event = parse(JSON.stringify(body));
    expect(event.source).toBe('coinme.notification');
    expect(event.type).toBe(type);
    expect(event.payload).toEqual(body);
    expect(event.id).toBe(body['id']);
    expect(event.occurredAt).toEqual(NOW);
  });

  // A consumed template at each status, and a completed buy at each order status, as a buy and as a sell.
  const relabelled: [string, Body, Outcome][] = [
    ...templateStatuses.map((status): [string, Body, Outcome] => [
      `a consumed template whose status says ${status}`,
      withField(seedConsumed, ['data', 'orderTemplateStatus'], status),
      { type: `ORDER_TEMPLATE.${status}` },
    ]),
    ...(['BUY', 'SELL'] as const).flatMap((kind) =>
      orderStatuses.map((status): [string, Body, Outcome] => [
        `a completed buy whose data says ${kind} ${status}`,
        withField(withField(seedBuyCompleted, ['data', 'type'], kind), ['data', 'metadata', 'orderStatus'], status),
        { type: `CAAS.${kind}.${status}` },
      ]),
    ),
  ];
  it.each(relabelled)('%s parses as the type it names', (_label, body, outcome) => {
    expect(outcomeOf(JSON.stringify(body))).toEqual(outcome);
  });

  it('extracts the id and the time', () => {
    const body = events['CAAS.BUY.COMPLETED']({ id: '0f89283e-dfcc-4adc-a4da-7c232e897882', at: '2025-12-11T16:04:24Z' });
    const event = parse(JSON.stringify(body));
    expect(event.id).toBe('0f89283e-dfcc-4adc-a4da-7c232e897882');
    expect(event.occurredAt.toISOString()).toBe('2025-12-11T16:04:24.000Z');
  });

  it('reads `at` as epoch seconds or as an ISO string to the same Date', () => {
    const fromIso = parse(events['ORDER_TEMPLATE.CREATED']({ at: '2025-12-19T18:21:51Z' })).occurredAt;
    const fromEpoch = parse(events['ORDER_TEMPLATE.CREATED']({ at: Date.parse('2025-12-19T18:21:51Z') / 1000 })).occurredAt;
    expect(fromEpoch.getTime()).toBe(fromIso.getTime());
    expect(fromIso.toISOString()).toBe('2025-12-19T18:21:51.000Z');
    expect(parse(JSON.stringify(events.PAYMENT_METHOD({ at: 1766053311 }))).occurredAt.toISOString()).toBe(
      '2025-12-18T10:21:51.000Z',
    );
  });

  it('reads a FAILED orderStatus without errorData as a failed order', () => {
    const body = withField(withField(copy('CAAS.BUY.FAILED'), ['data', 'errorData'], null), ['data', 'metadata', 'orderStatus'], 'FAILED');
    const event = parse(JSON.stringify(body));
    expect(event.type).toBe('CAAS.BUY.FAILED');
    expect(event.payload).toMatchObject({ data: { errorData: null, metadata: { orderStatus: 'FAILED' } } });
  });

  it('maps a non-null errorData to FAILED whatever orderStatus says (seed 003)', () => {
    const event = parse(JSON.stringify(seedBuyFailed));
    if (event.type !== 'CAAS.BUY.FAILED') throw new Error(`parsed as ${event.type}`);
    expect(event.payload.data.errorData?.code).toBe('314-001-S3');
    expect(event.payload.data.metadata.orderStatus).toBe('COMPLETED');
    expect(event.id).toBe('7748297e-11e4-4a66-bca3-2d1cdde403e7');
    expect(event.occurredAt.toISOString()).toBe('2025-07-18T17:07:10.000Z');

    const sell = withField(copy('CAAS.SELL.COMPLETED'), ['data', 'errorData'], {
      code: '352-102-S1',
      message: 'Unexpected internal error occurred',
    });
    expect(outcomeOf(sell)).toEqual({ type: 'CAAS.SELL.FAILED' });
  });

  it("parses seed 003's other examples", () => {
    const completed = parse(JSON.stringify(seedBuyCompleted));
    expect(completed.type).toBe('CAAS.BUY.COMPLETED');
    expect(completed.payload).toEqual(seedBuyCompleted);
    const consumed = parse(JSON.stringify(seedConsumed));
    expect(consumed.type).toBe('ORDER_TEMPLATE.CONSUMED');
    expect(consumed.payload).toEqual(seedConsumed);
  });

  it('reads each body by its discriminating fields', () => {
    const expired = copy('ORDER_TEMPLATE.EXPIRED');
    expect(outcomeOf(expired)).toEqual({ type: 'ORDER_TEMPLATE.EXPIRED' });
    expect(outcomeOf(withField(expired, ['data', 'orderTemplateStatus'], 'CONSUMED'))).toEqual({
      type: 'ORDER_TEMPLATE.CONSUMED',
    });
    expect(outcomeOf(withField(copy('CAAS.BUY.COMPLETED'), ['data', 'type'], 'SELL'))).toEqual({ type: 'CAAS.SELL.COMPLETED' });
    expect(outcomeOf(withField(copy('CAAS.BUY.FULFILLED'), ['data', 'metadata', 'orderStatus'], 'COMPLETED'))).toEqual({
      type: 'CAAS.BUY.COMPLETED',
    });
    // A completed order with an error is a failed order, not a completed one, and the reverse.
    expect(outcomeOf(seedBuyFailed)).toEqual({ type: 'CAAS.BUY.FAILED' });
    expect(outcomeOf(seedBuyCompleted)).toEqual({ type: 'CAAS.BUY.COMPLETED' });
    expect(outcomeOf(withField(copy('PAYMENT_METHOD'), ['type'], 'REFUND'))).toEqual({ type: 'REFUND' });
    // Order tracking states a status of its own, which no buy has.
    expect(outcomeOf(withField(copy('CAAS.ORDER_TRACKING'), ['data', 'type'], 'BUY'))).toEqual({ unknown: 'CAAS.BUY.PROCESSING' });
  });

  it('keeps ids and amounts as strings and unknown fields, top level and nested', () => {
    const body = events['CAAS.BUY.BLOCKCHAIN_ACCEPTED']({
      deliveryAttempt: 2,
      data: { metadata: { blockchainData: { gasUsed: '21000' } } },
    });
    const event = parse(JSON.stringify(body));
    if (event.type !== 'CAAS.BUY.BLOCKCHAIN_ACCEPTED') throw new Error(`parsed as ${event.type}`);
    expect(event.payload['deliveryAttempt']).toBe(2);
    expect(event.payload.data.metadata.blockchainData?.['gasUsed']).toBe('21000');
    expect(event.payload.data.transactionId).toBe('1316435202751467520');

    const template = parse(JSON.stringify(events['ORDER_TEMPLATE.EXPIRED']()));
    expect(template.payload).toMatchObject({ data: { userInputAmount: { amount: '55.0' } } });

    // An id sent as a JSON number beyond 2^53 arrives as its exact digits.
    const text = JSON.stringify(body).replace('"transactionId":"1316435202751467520"', '"transactionId":1316435202751467520');
    expect(text).toContain('"transactionId":1316435202751467520');
    expect(parse(text).payload).toMatchObject({ data: { transactionId: '1316435202751467520' } });
  });

  it('keeps the unpublished data of PAYMENT_METHOD, REFUND and CAAS_BLOCKCHAIN as sent', () => {
    for (const type of ['PAYMENT_METHOD', 'REFUND', 'CAAS_BLOCKCHAIN'] as const) {
      const body = withField(copy(type), ['data', 'anything'], [{ nested: true }, 1.5, null]);
      const event = parse(JSON.stringify(body));
      expect(event.type).toBe(type);
      expect(event.payload).toEqual(body);
    }
    expect(parse(JSON.stringify(events.CAAS_BLOCKCHAIN())).payload).toMatchObject({
      data: {
        transactionId: '1316435202751467520',
        blockchainTransactionId: '0x466793e2409f499a0130610e849f5dd2ef25ca424e46573942307a72e7bf6adb',
        chain: 'ETH',
      },
    });
    // A list is no notification data: the body is not read as a REFUND.
    expect(outcomeOf({ ...copy('REFUND'), data: [] })).toEqual({ unknown: '' });
  });

  it('names the path of a missing or wrong-typed required field', () => {
    expect(failingPath(withoutField(copy('ORDER_TEMPLATE.CREATED'), ['data', 'orderTemplateId']))).toBe('$.data.orderTemplateId');
    expect(failingPath(withoutField(copy('CAAS.BUY.COMPLETED'), ['data', 'metadata', 'blockchainData', 'chain']))).toBe(
      '$.data.metadata.blockchainData.chain',
    );
    expect(failingPath(withoutField(copy('CAAS.BUY.FAILED'), ['data', 'errorData', 'code']))).toBe('$.data.errorData.code');
    expect(failingPath(withField(copy('CAAS.BUY.FAILED'), ['data', 'errorData'], 'declined'))).toBe('$.data.errorData');
    expect(failingPath(withField(copy('ORDER_TEMPLATE.CONSUMED'), ['data', 'userInputAmount', 'amount'], 55))).toBe(
      '$.data.userInputAmount.amount',
    );

    const refund = withField(copy('REFUND'), ['id'], 12);
    const error = parseError(() => parseWebhook(refund));
    expect(error.path).toBe('$.id');
    expect(error.message).toContain('REFUND');
  });

  it('returns undocumented types and statuses as unknown events with their names', () => {
    const cases: [Body, string][] = [
      [{ ...copy('REFUND'), type: 'KYC' }, 'KYC'],
      [{ ...seedConsumed, data: { ...seedConsumed.data, orderTemplateStatus: 'ARCHIVED' } }, 'ORDER_TEMPLATE.ARCHIVED'],
      [
        { ...seedBuyCompleted, data: { ...seedBuyCompleted.data, metadata: { orderStatus: 'PENDING' } } },
        'CAAS.BUY.PENDING',
      ],
      [{ ...seedBuyCompleted, data: { ...seedBuyCompleted.data, type: 'SWAP' } }, 'CAAS.SWAP.COMPLETED'],
      [{ ...seedBuyCompleted, data: { ...seedBuyCompleted.data, metadata: null } }, 'CAAS.BUY'],
      [{ ...seedBuyCompleted, data: { providerId: '1' } }, 'CAAS'],
      [{ ...seedConsumed, data: { providerId: '1' } }, 'ORDER_TEMPLATE'],
    ];
    for (const [body, name] of cases) {
      expect(outcomeOf(JSON.stringify(body))).toEqual({ unknown: name });
      expect(webhookEventTypes).not.toContain(name);
      const error = parseError(() => parseWebhook(body, { strict: true }));
      expect(error.path).toBe('$');
      expect(error.message).toContain(name);
    }
  });

  it('does not claim bodies of another shape', () => {
    expect(outcomeOf(dataOf(copy('CAAS.BUY.COMPLETED')))).toEqual({ unknown: '' });
    // A widget event is the widget family's, even when it is not a valid one.
    expect(outcomeOf({ event: 'kyc-prove.onboarding.completed', event_id: 'x' })).toEqual({ path: '$.timestamp' });
    expect(outcomeOf(withoutField(copy('CAAS.BUY.COMPLETED'), ['at']))).toEqual({ unknown: '' });
    expect(outcomeOf(withoutField(copy('CAAS.BUY.COMPLETED'), ['id']))).toEqual({ unknown: '' });
  });

  it('never throws anything but a WebhookParseError on hostile bodies', () => {
    const at = '2025-12-11T16:03:49Z';
    const refused: unknown[] = [null, '[]', [], 7, '"CAAS"', 'CAAS'];
    for (const body of refused) expect(outcomeOf(body as WebhookBody)).toEqual({ path: '$' });
    expect(outcomeOf(Object.create({ id: 'x', type: 'CAAS', data: {}, at: 1 }) as Body)).toEqual({ path: '$' });
    const unclaimed: WebhookBody[] = [
      { id: 'x', type: 'CAAS', data: null, at },
      { id: 'x', type: 'CAAS', data: [], at },
      { id: 'x', type: 'CAAS', data: 'BUY', at },
      { id: 'x', type: ['CAAS'], data: {}, at },
      { id: 'x', type: 1, data: {}, at },
      '{"__proto__": {"id": "x", "type": "CAAS", "data": {}, "at": 1}}',
      // Inherited fields (through a prototype without Object.prototype) are not the body's.
      Object.create(Object.setPrototypeOf({ id: 'x', type: 'CAAS', data: {}, at: 1 }, null)) as Body,
    ];
    for (const body of unclaimed) expect(outcomeOf(body)).toEqual({ unknown: '' });
    const odd: WebhookBody[] = [
      { id: 'x', type: 'CAAS', data: { type: null, errorData: 1 }, at },
      { id: 'x', type: 'CAAS', data: { type: 'BUY', metadata: [], errorData: null }, at },
      { id: 'x', type: 'CAAS', data: { type: 'BUY', metadata: { orderStatus: 5 } }, at },
      { id: 'x', type: 'ORDER_TEMPLATE', data: { orderTemplateStatus: {} }, at },
      '{"id": "x", "type": "CAAS", "data": {"__proto__": {"type": "BUY"}}, "at": 1}',
      '{"id": "x", "type": "CAAS", "data": {"type": "BUY", "metadata": {"__proto__": {"orderStatus": "COMPLETED"}}}, "at": 1}',
    ];
    expect(odd.map(outcomeOf)).toEqual([
      { unknown: 'CAAS' },
      { unknown: 'CAAS.BUY' },
      { unknown: 'CAAS.BUY' },
      { unknown: 'ORDER_TEMPLATE' },
      { unknown: 'CAAS' },
      { unknown: 'CAAS.BUY' },
    ]);
  });

  it('parses any envelope to an event or a WebhookParseError, and a notification only to a documented type', () => {
    const envelope = fc.record({
      id: fc.anything(),
      type: fc.constantFrom('CAAS', 'ORDER_TEMPLATE', 'REFUND'),
      at: fc.anything(),
      data: fc.oneof(
        fc.anything(),
        fc.record({ type: fc.anything(), errorData: fc.anything(), metadata: fc.anything() }, { requiredKeys: [] }),
        fc.record({ orderTemplateStatus: fc.anything() }),
      ),
    });
    fc.assert(
      fc.property(fc.oneof(fc.anything(), envelope), (body) => {
        try {
          const event = parseWebhook(body as WebhookBody);
          if (event.source === 'coinme.notification') expect(documented).toContain(event.type);
          if (event.type === 'unknown') expect(typeof event.name).toBe('string');
        } catch (error) {
          expect(error).toBeInstanceOf(WebhookParseError);
        }
      }),
    );
  });

  it('narrows the payload on type', () => {
    const read = (event: CoinmeNotificationEvent) => {
      switch (event.type) {
        case 'CAAS.BUY.FAILED':
          expectTypeOf(event.payload).toEqualTypeOf<CaasBuyFailedPayload>();
          expectTypeOf(event.payload.data.errorData?.message).toEqualTypeOf<string | undefined>();
          return event.payload.data.errorData?.code;
        case 'CAAS.BUY.COMPLETED':
          expectTypeOf(event.payload.data.metadata.orderStatus).toEqualTypeOf<'COMPLETED'>();
          expectTypeOf(event.payload.data.type).toEqualTypeOf<'BUY'>();
          return event.payload.data.transactionId;
        case 'ORDER_TEMPLATE.CONSUMED': {
          expectTypeOf(event.payload).toEqualTypeOf<OrderTemplateConsumedPayload>();
          // @ts-expect-error a template event is not a CAAS order
          const wrong: CaasBuyCompletedPayload = event.payload;
          return String(wrong);
        }
        default:
          return undefined;
      }
    };
    const event = parse(JSON.stringify(seedBuyFailed));
    if (event.source !== 'coinme.notification') throw new Error(`parsed as ${event.source}`);
    expect(read(event)).toBe('314-001-S3');
    const completed = parse(JSON.stringify(seedBuyCompleted));
    if (completed.source !== 'coinme.notification') throw new Error(`parsed as ${completed.source}`);
    expect(read(completed)).toBe('1263543643131744256');
  });
});
