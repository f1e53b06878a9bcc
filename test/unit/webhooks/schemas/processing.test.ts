import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  parseWebhook,
  webhookEventTypes,
  WebhookParseError,
  type InvoicePaidPayload,
  type ProcessingEvent,
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

// Every eventType of seed 002's tables, in document order.
const documented = [
  'INVOICE_CREATE_INVOICE',
  'INVOICE_CREATE_UNLIMITED_INVOICE',
  'INVOICE_FUNDS_RECEIVED_FOR_INVOICE',
  'INVOICE_PENDING_INTERVENTION',
  'INVOICE_TRANSLATION_TO_ACCOUNT_COMPLETED',
  'INVOICE_EXPIRED',
  'INVOICE_PAID',
  'INVOICE_MEMPOOL_FOUND',
  'FIAT_APPLIER_FIAT_FUNDS_RECEIVED',
  'FIAT_APPLIER_ORDER_UNPAID',
  'FIAT_APPLIER_PAYMENT_FAILED',
  'FIAT_APPLIER_ADJUSTMENT',
  'FIAT_APPLIER_WITHDRAWAL_SUCCESS',
  'FIAT_APPLIER_WITHDRAWAL_FAILED',
  'CUSTOMER_PURSE_EXPIRED',
  'CUSTOMER_PURSE_MEM_POOL_FOUND',
  'CUSTOMER_PURSE_PENDING_COMPLIANCE',
  'CUSTOMER_PURSE_COMPLIANCE_DECLINED',
  'CUSTOMER_PURSE_FUNDS_RECEIVED_FOR_PURSE',
  'PAYOUT_CHANGE_STATUS',
  'PAYOUT_CONFIRMED',
  'PAYOUT_VALIDATION_ERROR',
  'INVOICE_COMPLIANCE_CHECK',
  'INVOICE_COMPLIANCE_DECLINED',
  'TOP_UP_COMPLIANCE_CHECK',
  'TOP_UP_COMPLIANCE_DECLINED',
  'WALLET_FUNDS_DELIVERED_ACCOUNT',
] as const satisfies readonly ProcessingEvent['type'][];
type Documented = (typeof documented)[number];

const REQUEST = 'bf9348b7-2c14-46d7-868c-b597852da319';
const NOW = new Date('2025-03-04T05:06:07.089Z');
const factories = createEvents({ seed: 'processing-schema', now: NOW });
const clone = (type: Documented): Body => bodyOf(events, type);
const parse = (body: WebhookBody) => parseWebhook(body, { strict: true });

describe('processing schemas', () => {
  it('has one documented type per eventType of the seed, and no other', () => {
    expect(documented).toHaveLength(27);
    const family = webhookEventTypes.filter((type) => parseWebhook(bodyOf(events, type)).source === 'processing');
    expect([...family].sort()).toEqual([...documented].sort());
  });

  it.each(documented)('%s: a factory body parses as that type, unchanged, with its id and time', (type) => {
    const body = bodyOf(factories, type);
    const event = parse(JSON.stringify(body));
    expect(event.source).toBe('processing');
    expect(event.type).toBe(type);
    expect(event.payload).toEqual(body);
    expect(event.id).toBe(`${REQUEST}:${String(body['id'])}`);
    expect(event.occurredAt).toEqual(NOW);
  });

  // Each body with the next eventType (the last with the first) is read by that type's schema:
  // it parses as that type, or fails where the two types differ.
  const relabelled: [Documented, Outcome][] = [
    ['INVOICE_CREATE_INVOICE', { path: '$.data.type' }],
    ['INVOICE_CREATE_UNLIMITED_INVOICE', { path: '$.data.type' }],
    ['INVOICE_FUNDS_RECEIVED_FOR_INVOICE', { path: '$.data.type' }],
    ['INVOICE_PENDING_INTERVENTION', { path: '$.data.type' }],
    ['INVOICE_TRANSLATION_TO_ACCOUNT_COMPLETED', { path: '$.data.type' }],
    // An expired invoice's fiatAmount is by currency; a paid invoice's is one amount.
    ['INVOICE_EXPIRED', { path: '$.data.fiatAmount' }],
    ['INVOICE_PAID', { path: '$.data.type' }],
    // A fiat order's fiatAmount is a decimal string.
    ['INVOICE_MEMPOOL_FOUND', { path: '$.data.fiatAmount' }],
    ['FIAT_APPLIER_FIAT_FUNDS_RECEIVED', { type: 'FIAT_APPLIER_ORDER_UNPAID' }],
    ['FIAT_APPLIER_ORDER_UNPAID', { type: 'FIAT_APPLIER_PAYMENT_FAILED' }],
    ['FIAT_APPLIER_PAYMENT_FAILED', { type: 'FIAT_APPLIER_ADJUSTMENT' }],
    ['FIAT_APPLIER_ADJUSTMENT', { type: 'FIAT_APPLIER_WITHDRAWAL_SUCCESS' }],
    // The withdrawal tables do not name the value of data.type.
    ['FIAT_APPLIER_WITHDRAWAL_SUCCESS', { type: 'FIAT_APPLIER_WITHDRAWAL_FAILED' }],
    ['FIAT_APPLIER_WITHDRAWAL_FAILED', { path: '$.data.customerId' }],
    ['CUSTOMER_PURSE_EXPIRED', { type: 'CUSTOMER_PURSE_MEM_POOL_FOUND' }],
    ['CUSTOMER_PURSE_MEM_POOL_FOUND', { type: 'CUSTOMER_PURSE_PENDING_COMPLIANCE' }],
    ['CUSTOMER_PURSE_PENDING_COMPLIANCE', { type: 'CUSTOMER_PURSE_COMPLIANCE_DECLINED' }],
    ['CUSTOMER_PURSE_COMPLIANCE_DECLINED', { type: 'CUSTOMER_PURSE_FUNDS_RECEIVED_FOR_PURSE' }],
    ['CUSTOMER_PURSE_FUNDS_RECEIVED_FOR_PURSE', { path: '$.data.parentExternalId' }],
    ['PAYOUT_CHANGE_STATUS', { path: '$.data.type' }],
    ['PAYOUT_CONFIRMED', { path: '$.data.type' }],
    ['PAYOUT_VALIDATION_ERROR', { path: '$.data.type' }],
    ['INVOICE_COMPLIANCE_CHECK', { path: '$.data.type' }],
    ['INVOICE_COMPLIANCE_DECLINED', { path: '$.data.type' }],
    ['TOP_UP_COMPLIANCE_CHECK', { path: '$.data.type' }],
    ['TOP_UP_COMPLIANCE_DECLINED', { path: '$.data.type' }],
    ['WALLET_FUNDS_DELIVERED_ACCOUNT', { path: '$.data.parentExternalId' }],
  ];
  it('lists every documented type once in the relabelling table', () => {
    expect(relabelled.map(([type]) => type)).toEqual([...documented]);
  });
  it.each(relabelled)("%s: with the next type's eventType, is read by that type: %j", (type, outcome) => {
    const next = documented[(documented.indexOf(type) + 1) % documented.length] ?? 'INVOICE_CREATE_INVOICE';
    const body = withField(clone(type), ['eventType'], next);
    expect(outcomeOf(JSON.stringify(body))).toEqual(outcome);
    if ('type' in outcome) {
      expect(outcome.type).toBe(next);
      expect(parse(body).payload).toEqual(body);
    }
  });

  it('rejects a data.type that names another event', () => {
    expect(failingPath(withField(clone('INVOICE_PAID'), ['data', 'type'], 'INVOICE_EXPIRED'))).toBe('$.data.type');
    // data.type may be left out or null; when given, it is the eventType.
    expect(parse(withoutField(clone('INVOICE_PAID'), ['data', 'type'])).type).toBe('INVOICE_PAID');
    expect(parse(withField(clone('INVOICE_PAID'), ['data', 'type'], null)).type).toBe('INVOICE_PAID');
  });

  it('keeps unknown fields of the envelope and of data', () => {
    const body = events.PAYOUT_CONFIRMED({ retry: 2, data: { approvedBy: [{ email: 'finance@example.com' }] } });
    const event = parse(JSON.stringify(body));
    expect(event.type).toBe('PAYOUT_CONFIRMED');
    expect(event.payload).toMatchObject({ retry: 2, data: { approvedBy: [{ email: 'finance@example.com' }] } });
  });

  const mutations: [Documented, string, (body: Body) => Body][] = [
    ['INVOICE_PAID', '$.data.amount', (body) => withField(body, ['data', 'amount'], true)],
    ['INVOICE_PAID', '$.data.parentExternalId', (body) => withoutField(body, ['data', 'parentExternalId'])],
    ['CUSTOMER_PURSE_EXPIRED', '$.data.customerBlocked', (body) => withField(body, ['data', 'customerBlocked'], 'no')],
    ['INVOICE_FUNDS_RECEIVED_FOR_INVOICE', '$.data.fiatAmount.EUR', (body) => withField(body, ['data', 'fiatAmount'], { EUR: {} })],
    ['INVOICE_CREATE_INVOICE', '$.id', (body) => withField(body, ['id'], {})],
    ['INVOICE_CREATE_INVOICE', '$.level', (body) => withField(body, ['level'], 3)],
    ['INVOICE_CREATE_INVOICE', '$.data', (body) => withField(body, ['data'], null)],
  ];
  it.each(mutations)('%s fails at %s', (type, path, mutate) => {
    const error = parseError(() => parseWebhook(JSON.stringify(mutate(clone(type)))));
    expect(error.path).toBe(path);
    expect(error.message).toContain(type);
  });

  it('accepts null or absent optional data fields, and both spellings of fiatCurrency', () => {
    const body = withoutField(events.INVOICE_CREATE_INVOICE({ data: { message: null, fiatCurrency: 'USD' } }), ['data', 'amount']);
    const event = parse(JSON.stringify(body));
    if (event.type !== 'INVOICE_CREATE_INVOICE') throw new Error(`parsed as ${event.type}`);
    expect(event.payload.data).toMatchObject({ message: null, fiatCurrency: 'USD', fiatcurrency: 'USD' });
    expect(event.payload.data).not.toHaveProperty('amount');
  });

  it('accepts an undocumented level string and big ids and amounts as strings', () => {
    const body = events.INVOICE_PAID({
      level: 'ERROR',
      id: '9007199254740993',
      data: { parentExternalId: '9007199254740995', realAmount: '123456789012345678.5' },
    });
    const expected = {
      level: 'ERROR',
      id: '9007199254740993',
      data: { parentExternalId: '9007199254740995', realAmount: '123456789012345678.5' },
    };
    const event = parse(JSON.stringify(body));
    expect(event.payload).toMatchObject(expected);
    expect(event.id).toBe(`${REQUEST}:9007199254740993`);
    // The same numbers sent as JSON numbers arrive as their exact digits.
    const text = JSON.stringify(body)
      .replace('"9007199254740993"', '9007199254740993')
      .replace('"9007199254740995"', '9007199254740995')
      .replace('"123456789012345678.5"', '123456789012345678.5');
    expect(text).not.toContain('"9007199254740993"');
    expect(text).not.toContain('"123456789012345678.5"');
    const fromNumbers = parse(text);
    expect(fromNumbers.type).toBe('INVOICE_PAID');
    expect(fromNumbers.payload).toMatchObject(expected);
    expect(fromNumbers.id).toBe(`${REQUEST}:9007199254740993`);
  });
});

describe('processing event id and occurredAt', () => {
  const created = () => events.INVOICE_CREATE_INVOICE({ id: 1, createdDate: '2022-03-15T12:13:05.909616' });

  it('names the event by subscription request and event id', () => {
    expect(parse(JSON.stringify(created())).id).toBe('bf9348b7-2c14-46d7-868c-b597852da319:1');
    expect(parse(withField(created(), ['id'], '9007199254740993')).id).toBe(
      'bf9348b7-2c14-46d7-868c-b597852da319:9007199254740993',
    );
  });

  it('gives the same id to a redelivery and different ids to other subscriptions', () => {
    const first = parse(JSON.stringify(created()));
    const again = parse(structuredClone(created()));
    expect(again.id).toBe(first.id);
    expect(parse(withField(created(), ['requestId'], 'other')).id).not.toBe(first.id);
    expect(parse(withField(created(), ['requestId'], 'other')).id).toBe('other:1');
  });

  it('reads createdDate without a zone as UTC', () => {
    expect(parse(JSON.stringify(created())).occurredAt.toISOString()).toBe('2022-03-15T12:13:05.909Z');
    const zoned = withField(created(), ['createdDate'], '2022-03-15T12:13:05+02:00');
    expect(parse(zoned).occurredAt.toISOString()).toBe('2022-03-15T10:13:05.000Z');
  });
});

describe('processing: which bodies are processing events', () => {
  it('returns an undocumented eventType as sent', () => {
    expect(outcomeOf({ requestId: 'r', id: 1, service: 'INVOICE', eventType: 'INVOICE_REFUNDED', data: {} })).toEqual({
      unknown: 'INVOICE_REFUNDED',
    });
    expect(outcomeOf({ requestId: 'r', eventType: 'INVOICE_REFUNDED' })).toEqual({ unknown: 'INVOICE_REFUNDED' });
    // A documented eventType with a requestId beside it is that event, and is checked as one.
    expect(outcomeOf({ requestId: 'r', eventType: 'INVOICE_PAID' })).toEqual({ path: '$.id' });
  });

  it.each<[string, WebhookBody, Outcome]>([
    ['no envelope beside eventType', { eventType: 'INVOICE_PAID' }, { unknown: '' }],
    ['empty eventType', { eventType: '', service: 'INVOICE' }, { unknown: '' }],
    ['numeric eventType', { eventType: 7, service: 'INVOICE' }, { unknown: '' }],
    [
      'eventType through the prototype',
      Object.create(Object.setPrototypeOf({ eventType: 'INVOICE_PAID', service: 'INVOICE' }, null)) as Body,
      { unknown: '' },
    ],
    ['an object with a prototype of its own', Object.create({ eventType: 'INVOICE_PAID', service: 'INVOICE' }) as Body, { path: '$' }],
    ['eventType under __proto__', '{"__proto__":{"eventType":"INVOICE_PAID"},"service":"INVOICE"}', { unknown: '' }],
    ['an array', JSON.stringify([events.INVOICE_PAID()]), { path: '$' }],
    ['null', 'null', { path: '$' }],
    ['a number', '42', { path: '$' }],
    ['a string', '"INVOICE_PAID"', { path: '$' }],
  ])('is no processing event for %s', (_, body, outcome) => {
    expect(outcomeOf(body)).toEqual(outcome);
  });

  it('never throws anything but a WebhookParseError, and reads a processing event only as a documented type', () => {
    const envelope = fc.record(
      {
        requestId: fc.oneof(fc.string(), fc.anything()),
        service: fc.oneof(fc.string(), fc.anything()),
        eventType: fc.oneof(fc.constantFrom(...documented), fc.string(), fc.anything()),
        id: fc.oneof(fc.integer(), fc.string(), fc.anything()),
        createdDate: fc.oneof(fc.date().map((date) => (Number.isNaN(date.getTime()) ? 'x' : date.toISOString())), fc.anything()),
        level: fc.anything(),
        data: fc.anything({ withNullPrototype: true }),
      },
      { requiredKeys: ['eventType'] },
    );
    const anything = fc.anything({ withNullPrototype: true, withMap: true, withSparseArray: true });
    fc.assert(
      fc.property(fc.oneof(anything, envelope), (body) => {
        try {
          const event = parseWebhook(body as WebhookBody);
          if (event.source === 'processing') expect(documented).toContain(event.type);
          if (event.type === 'unknown') expect(typeof event.name).toBe('string');
        } catch (error) {
          expect(error).toBeInstanceOf(WebhookParseError);
        }
      }),
    );
  });
});

describe('processing event types', () => {
  type Data<T extends Documented> = Extract<ProcessingEvent, { type: T }>['payload']['data'];

  it('narrows the payload on type', () => {
    expectTypeOf<ProcessingEvent['type']>().toEqualTypeOf<Documented>();
    const realAmount = (event: ProcessingEvent) => {
      if (event.type !== 'INVOICE_PAID') return undefined;
      expectTypeOf(event.payload).toEqualTypeOf<InvoicePaidPayload>();
      return event.payload.data.realAmount;
    };
    expectTypeOf(realAmount).returns.toEqualTypeOf<number | string | null | undefined>();
    expectTypeOf<InvoicePaidPayload['eventType']>().toEqualTypeOf<'INVOICE_PAID'>();
    expectTypeOf<Data<'CUSTOMER_PURSE_EXPIRED'>['purseId']>().toEqualTypeOf<string>();
    expectTypeOf<Data<'PAYOUT_CONFIRMED'>['approved']>().toEqualTypeOf<unknown[] | null | undefined>();
    // Another event's field is only an unknown extra here.
    expectTypeOf<Data<'PAYOUT_CONFIRMED'>['realAmount']>().toEqualTypeOf<unknown>();
    expectTypeOf<Data<'INVOICE_PAID'>['type']>().toEqualTypeOf<'INVOICE_PAID' | null | undefined>();

    const event = parse(JSON.stringify(events.INVOICE_PAID({ data: { realAmount: 0.5 } })));
    if (event.source !== 'processing') throw new Error(`parsed as ${event.source}`);
    expect(realAmount(event)).toBe(0.5);
  });
});
