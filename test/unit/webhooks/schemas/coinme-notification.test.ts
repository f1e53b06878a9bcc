import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { built, schemaChecks } from '../../../helpers/schema-checks.js';
import {
  coinmeNotificationDefinition as family,
  type CaasBuyCompletedPayload,
  type CaasBuyFailedPayload,
  type CoinmeNotificationEvent,
  type OrderTemplateConsumedPayload,
} from '../../../../src/webhooks/schemas/coinme-notification.js';
import fixtures from '../../../../src/testing/samples/coinme.notification.json';

type Body = Record<string, unknown>;

const copy = (type: keyof typeof fixtures): Body => structuredClone(fixtures[type]) as Body;
const dataOf = (body: Body) => body['data'] as Body;

const { schemaFor, firstIssuePath } = schemaChecks(family);

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
  it('has one fixture for every documented type', () => {
    expect(Object.keys(fixtures).sort()).toEqual(Object.keys(family.table).sort());
    for (const status of ['CREATED', 'CONSUMED', 'COMPLETED', 'EXPIRED', 'DELETED', 'REJECTED', 'UPDATED']) {
      expect(Object.hasOwn(family.table, `ORDER_TEMPLATE.${status}`)).toBe(true);
    }
    for (const kind of ['BUY', 'SELL']) {
      for (const status of ['FULFILLED', 'BLOCKCHAIN_ACCEPTED', 'COMPLETED', 'FAILED']) {
        expect(Object.hasOwn(family.table, `CAAS.${kind}.${status}`)).toBe(true);
      }
    }
  });

  it.each(Object.entries(fixtures))('classifies and parses %s', (type, body) => {
    expect(family.classify(body)).toBe(type);
    const payload = schemaFor(type).parse(body);
    expect(family.id(payload)).toBe(body.id);
    expect(Number.isNaN(family.occurredAt(payload).getTime())).toBe(false);
  });

  it('extracts the id and the time', () => {
    const payload = schemaFor('CAAS.BUY.COMPLETED').parse(fixtures['CAAS.BUY.COMPLETED']);
    expect(family.id(payload)).toBe('0f89283e-dfcc-4adc-a4da-7c232e897882');
    expect(family.occurredAt(payload).toISOString()).toBe('2025-12-11T16:04:24.000Z');
  });

  it('reads `at` as epoch seconds or as an ISO string to the same Date', () => {
    const iso = copy('ORDER_TEMPLATE.CREATED');
    const epoch = { ...iso, at: Date.parse('2025-12-19T18:21:51Z') / 1000 };
    const fromIso = family.occurredAt(schemaFor('ORDER_TEMPLATE.CREATED').parse(iso));
    const fromEpoch = family.occurredAt(schemaFor('ORDER_TEMPLATE.CREATED').parse(epoch));
    expect(fromEpoch.getTime()).toBe(fromIso.getTime());
    expect(fromIso.toISOString()).toBe('2025-12-19T18:21:51.000Z');
    expect(family.occurredAt(schemaFor('PAYMENT_METHOD').parse(fixtures.PAYMENT_METHOD)).toISOString()).toBe(
      '2025-12-18T10:21:51.000Z',
    );
  });

  it('accepts a FAILED orderStatus without errorData', () => {
    const body = copy('CAAS.BUY.FAILED');
    dataOf(body)['errorData'] = null;
    ((dataOf(body)['metadata']) as Body)['orderStatus'] = 'FAILED';
    expect(family.classify(body)).toBe('CAAS.BUY.FAILED');
    expect(schemaFor('CAAS.BUY.FAILED').safeParse(body).success).toBe(true);
  });

  it('maps a non-null errorData to FAILED whatever orderStatus says (seed 003)', () => {
    expect(family.classify(seedBuyFailed)).toBe('CAAS.BUY.FAILED');
    const payload = schemaFor('CAAS.BUY.FAILED').parse(seedBuyFailed) as CaasBuyFailedPayload;
    expect(payload.data.errorData?.code).toBe('314-001-S3');
    expect(payload.data.metadata.orderStatus).toBe('COMPLETED');

    const sell = copy('CAAS.SELL.COMPLETED');
    dataOf(sell)['errorData'] = { code: '352-102-S1', message: 'Unexpected internal error occurred' };
    expect(family.classify(sell)).toBe('CAAS.SELL.FAILED');
    expect(schemaFor('CAAS.SELL.FAILED').safeParse(sell).success).toBe(true);
  });

  it("parses seed 003's other examples", () => {
    expect(family.classify(seedBuyCompleted)).toBe('CAAS.BUY.COMPLETED');
    expect(schemaFor('CAAS.BUY.COMPLETED').safeParse(seedBuyCompleted).success).toBe(true);
    expect(family.classify(seedConsumed)).toBe('ORDER_TEMPLATE.CONSUMED');
    expect(schemaFor('ORDER_TEMPLATE.CONSUMED').safeParse(seedConsumed).success).toBe(true);
  });

  it('pins the discriminating fields in each schema', () => {
    expect(firstIssuePath('ORDER_TEMPLATE.CONSUMED', fixtures['ORDER_TEMPLATE.EXPIRED'])).toEqual([
      'data',
      'orderTemplateStatus',
    ]);
    expect(firstIssuePath('CAAS.SELL.COMPLETED', fixtures['CAAS.BUY.COMPLETED'])).toEqual(['data', 'type']);
    expect(firstIssuePath('CAAS.BUY.COMPLETED', fixtures['CAAS.BUY.FULFILLED'])).toEqual([
      'data',
      'metadata',
      'orderStatus',
    ]);
    // A completed order with an error is a failed order, not a completed one.
    expect(firstIssuePath('CAAS.BUY.COMPLETED', seedBuyFailed)).toEqual(['data', 'errorData']);
    expect(firstIssuePath('CAAS.BUY.FAILED', seedBuyCompleted)).toEqual(['data', 'errorData']);
    expect(firstIssuePath('REFUND', fixtures.PAYMENT_METHOD)).toEqual(['type']);
  });

  it('keeps ids and amounts as strings and unknown fields, top level and nested', () => {
    const body = copy('CAAS.BUY.BLOCKCHAIN_ACCEPTED');
    body['deliveryAttempt'] = 2;
    const blockchain = (dataOf(body)['metadata'] as Body)['blockchainData'] as Body;
    blockchain['gasUsed'] = '21000';
    const payload = schemaFor('CAAS.BUY.BLOCKCHAIN_ACCEPTED').parse(body) as Body;
    expect(payload['deliveryAttempt']).toBe(2);
    const parsedData = payload['data'] as CaasBuyCompletedPayload['data'];
    expect(parsedData.metadata.blockchainData?.['gasUsed']).toBe('21000');
    expect(parsedData.transactionId).toBe('1316435202751467520');

    const template = schemaFor('ORDER_TEMPLATE.EXPIRED').parse(fixtures['ORDER_TEMPLATE.EXPIRED']) as Body;
    expect((dataOf(template)['userInputAmount'] as Body)['amount']).toBe('55.0');
  });

  it('keeps the unpublished data of PAYMENT_METHOD, REFUND and CAAS_BLOCKCHAIN as sent', () => {
    const payload = schemaFor('CAAS_BLOCKCHAIN').parse(fixtures.CAAS_BLOCKCHAIN) as Body;
    expect(payload['data']).toEqual(fixtures.CAAS_BLOCKCHAIN.data);
    expect(firstIssuePath('REFUND', { ...fixtures.REFUND, data: [] })).toEqual(['data']);
  });

  it('names the path of a missing required field', () => {
    const template = copy('ORDER_TEMPLATE.CREATED');
    delete dataOf(template)['orderTemplateId'];
    expect(firstIssuePath('ORDER_TEMPLATE.CREATED', template)).toEqual(['data', 'orderTemplateId']);

    const buy = copy('CAAS.BUY.COMPLETED');
    delete ((dataOf(buy)['metadata'] as Body)['blockchainData'] as Body)['chain'];
    expect(firstIssuePath('CAAS.BUY.COMPLETED', buy)).toEqual(['data', 'metadata', 'blockchainData', 'chain']);

    const failed = copy('CAAS.BUY.FAILED');
    delete (dataOf(failed)['errorData'] as Body)['code'];
    expect(firstIssuePath('CAAS.BUY.FAILED', failed)).toEqual(['data', 'errorData', 'code']);

    const refund = copy('REFUND');
    refund['id'] = 12;
    expect(family.classify(refund)).toBe('REFUND');
    expect(firstIssuePath('REFUND', refund)).toEqual(['id']);
  });

  it('returns undocumented types and statuses as names without a schema', () => {
    const cases: [Body, string][] = [
      [{ ...fixtures.REFUND, type: 'KYC' }, 'KYC'],
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
      expect(family.classify(body)).toBe(name);
      expect(Object.hasOwn(family.table, name)).toBe(false);
    }
  });

  it('does not claim bodies of another shape', () => {
    expect(family.classify(fixtures['CAAS.BUY.COMPLETED'].data)).toBeUndefined();
    expect(family.classify({ event: 'kyc-prove.onboarding.completed', event_id: 'x' })).toBeUndefined();
    const { at: _at, ...withoutAt } = fixtures['CAAS.BUY.COMPLETED'];
    expect(family.classify(withoutAt)).toBeUndefined();
    const { id: _id, ...withoutId } = fixtures['CAAS.BUY.COMPLETED'];
    expect(family.classify(withoutId)).toBeUndefined();
  });

  it('never throws on hostile bodies', () => {
    const at = '2025-12-11T16:03:49Z';
    const hostile: unknown[] = [
      null,
      [],
      7,
      'CAAS',
      { id: 'x', type: 'CAAS', data: null, at },
      { id: 'x', type: 'CAAS', data: [], at },
      { id: 'x', type: 'CAAS', data: 'BUY', at },
      { id: 'x', type: ['CAAS'], data: {}, at },
      { id: 'x', type: 1, data: {}, at },
      JSON.parse('{"__proto__": {"id": "x", "type": "CAAS", "data": {}, "at": 1}}'),
      Object.create({ id: 'x', type: 'CAAS', data: {}, at: 1 }),
    ];
    for (const body of hostile) {
      expect(() => family.classify(body as Body)).not.toThrow();
      expect(family.classify(body as Body)).toBeUndefined();
    }
    const odd: unknown[] = [
      { id: 'x', type: 'CAAS', data: { type: null, errorData: 1 }, at },
      { id: 'x', type: 'CAAS', data: { type: 'BUY', metadata: [], errorData: null }, at },
      { id: 'x', type: 'CAAS', data: { type: 'BUY', metadata: { orderStatus: 5 } }, at },
      { id: 'x', type: 'ORDER_TEMPLATE', data: { orderTemplateStatus: {} }, at },
      JSON.parse(`{"id": "x", "type": "CAAS", "data": {"__proto__": {"type": "BUY"}}, "at": 1}`),
      JSON.parse(
        `{"id": "x", "type": "CAAS", "data": {"type": "BUY", "metadata": {"__proto__": {"orderStatus": "COMPLETED"}}}, "at": 1}`,
      ),
    ];
    expect(odd.map((body) => family.classify(body as Body))).toEqual([
      'CAAS',
      'CAAS.BUY',
      'CAAS.BUY',
      'ORDER_TEMPLATE',
      'CAAS',
      'CAAS.BUY',
    ]);
  });

  it('classify returns undefined or a string for any value', () => {
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
        const result = family.classify(body as Body);
        expect(result === undefined || typeof result === 'string').toBe(true);
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
    const payload = schemaFor('CAAS.BUY.FAILED').parse(seedBuyFailed);
    const event = {
      source: 'coinme.notification',
      type: 'CAAS.BUY.FAILED',
      id: family.id(payload),
      occurredAt: family.occurredAt(payload),
      payload: payload as CaasBuyFailedPayload,
    } as const;
    expect(read(event)).toBe('314-001-S3');
  });
});
