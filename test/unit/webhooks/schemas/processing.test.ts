import { built } from '../../../helpers/schema-checks.js';
import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as z from 'zod/mini';
import {
  processingDefinition,
  type InvoicePaidPayload,
  type ProcessingEvent,
} from '../../../../src/webhooks/schemas/processing.js';
import fixtures from '../../../../src/testing/samples/processing.json';

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
] as const;
type Documented = (typeof documented)[number];

const schemas = built(processingDefinition.table);
const bodies: Record<string, unknown> = fixtures;
const entries = documented.map((type) => [type, fixtures[type]] as const);

type Body = Record<string, unknown> & { data: Record<string, unknown> };

const clone = (type: Documented): Body => structuredClone(fixtures[type]);

const parse = (type: Documented, body: unknown) => z.safeParse(schemas[type], body);

const firstPath = (type: Documented, body: unknown) => parse(type, body).error?.issues[0]?.path;

describe('processing schemas', () => {
  it('has one schema and one fixture per documented eventType', () => {
    expect(documented).toHaveLength(27);
    expect(Object.keys(schemas).sort()).toEqual([...documented].sort());
    expect(Object.keys(bodies).sort()).toEqual([...documented].sort());
  });

  it.each(entries)('%s: classifies to its key and passes its schema unchanged', (type, body) => {
    expect(processingDefinition.classify(body)).toBe(type);
    const result = parse(type, body);
    expect(result.error).toBeUndefined();
    expect(result.data).toEqual(body);
  });

  it.each(entries)("%s: fails another type's schema on eventType", (type, body) => {
    const other = documented[(documented.indexOf(type) + 1) % documented.length] ?? 'INVOICE_PAID';
    expect(firstPath(other, body)).toEqual(['eventType']);
  });

  it('rejects a data.type that names another event', () => {
    const body = clone('INVOICE_PAID');
    body.data.type = 'INVOICE_EXPIRED';
    expect(firstPath('INVOICE_PAID', body)).toEqual(['data', 'type']);
  });

  it('keeps unknown fields of the envelope and of data', () => {
    const body = { ...clone('PAYOUT_CONFIRMED'), retry: 2 };
    body.data.approvedBy = [{ email: 'finance@example.com' }];
    const result = parse('PAYOUT_CONFIRMED', body);
    expect(result.data).toMatchObject({ retry: 2, data: { approvedBy: [{ email: 'finance@example.com' }] } });
  });

  const mutations: [Documented, (string | number)[], (body: Body) => void][] = [
    ['INVOICE_PAID', ['data', 'amount'], (body) => void (body.data.amount = true)],
    ['INVOICE_PAID', ['data', 'parentExternalId'], (body) => void delete body.data.parentExternalId],
    ['CUSTOMER_PURSE_EXPIRED', ['data', 'customerBlocked'], (body) => void (body.data.customerBlocked = 'no')],
    [
      'INVOICE_FUNDS_RECEIVED_FOR_INVOICE',
      ['data', 'fiatAmount', 'EUR'],
      (body) => void (body.data.fiatAmount = { EUR: {} }),
    ],
    ['INVOICE_CREATE_INVOICE', ['id'], (body) => void (body.id = {})],
    ['INVOICE_CREATE_INVOICE', ['level'], (body) => void (body.level = 3)],
    ['INVOICE_CREATE_INVOICE', ['data'], (body) => void (body.data = null as never)],
  ];
  it.each(mutations)('%s fails at %j', (type, path, mutate) => {
    const body = clone(type);
    mutate(body);
    expect(firstPath(type, body)).toEqual(path);
  });

  it('accepts null or absent optional data fields, and both spellings of fiatCurrency', () => {
    const body = clone('INVOICE_CREATE_INVOICE');
    body.data.message = null;
    delete body.data.amount;
    body.data.fiatCurrency = 'USD';
    const result = parse('INVOICE_CREATE_INVOICE', body);
    expect(result.data?.data).toMatchObject({ message: null, fiatCurrency: 'USD', fiatcurrency: 'USD' });
    expect(result.data?.data).not.toHaveProperty('amount');
  });

  it('accepts an undocumented level string and big ids and amounts as strings', () => {
    const body = { ...clone('INVOICE_PAID'), level: 'ERROR', id: '9007199254740993' };
    body.data.parentExternalId = '9007199254740995';
    body.data.realAmount = '123456789012345678.5';
    const result = parse('INVOICE_PAID', body);
    expect(result.data).toMatchObject({
      level: 'ERROR',
      id: '9007199254740993',
      data: { parentExternalId: '9007199254740995', realAmount: '123456789012345678.5' },
    });
  });
});

describe('processingDefinition.eventId and occurredAt', () => {
  const payload = z.parse(schemas.INVOICE_CREATE_INVOICE, fixtures.INVOICE_CREATE_INVOICE);

  it('names the event by subscription request and event id', () => {
    expect(processingDefinition.id(payload)).toBe('bf9348b7-2c14-46d7-868c-b597852da319:1');
    expect(processingDefinition.id({ ...payload, id: '9007199254740993' })).toBe(
      'bf9348b7-2c14-46d7-868c-b597852da319:9007199254740993',
    );
  });

  it('gives the same id to a redelivery and different ids to other subscriptions', () => {
    const again = z.parse(schemas.INVOICE_CREATE_INVOICE, structuredClone(fixtures.INVOICE_CREATE_INVOICE));
    expect(processingDefinition.id(again)).toBe(processingDefinition.id(payload));
    expect(processingDefinition.id({ ...payload, requestId: 'other' })).not.toBe(processingDefinition.id(payload));
  });

  it('reads createdDate without a zone as UTC', () => {
    expect(processingDefinition.occurredAt(payload).toISOString()).toBe('2022-03-15T12:13:05.909Z');
    expect(processingDefinition.occurredAt({ ...payload, createdDate: '2022-03-15T12:13:05+02:00' }).toISOString()).toBe(
      '2022-03-15T10:13:05.000Z',
    );
  });
});

describe('processingDefinition.classify', () => {
  const classify = (body: unknown) => processingDefinition.classify(body as Readonly<Record<string, unknown>>);

  it('returns an undocumented eventType as sent', () => {
    expect(classify({ requestId: 'r', id: 1, service: 'INVOICE', eventType: 'INVOICE_REFUNDED', data: {} })).toBe(
      'INVOICE_REFUNDED',
    );
  });

  it.each([
    ['no envelope beside eventType', { eventType: 'INVOICE_PAID' }],
    ['empty eventType', { eventType: '', service: 'INVOICE' }],
    ['numeric eventType', { eventType: 7, service: 'INVOICE' }],
    ['eventType through the prototype', Object.create({ eventType: 'INVOICE_PAID', service: 'INVOICE' })],
    ['eventType under __proto__', JSON.parse('{"__proto__":{"eventType":"INVOICE_PAID"},"service":"INVOICE"}')],
    ['an array', [fixtures.INVOICE_PAID]],
    ['null', null],
    ['a number', 42],
    ['a string', 'INVOICE_PAID'],
  ])('is undefined for %s', (_, body) => {
    expect(classify(body)).toBeUndefined();
  });

  it('never throws, and answers a string or undefined, whatever the body', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withMap: true, withSparseArray: true }), (body) => {
        const type = classify(body);
        expect(type === undefined || typeof type === 'string').toBe(true);
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
    expectTypeOf<Data<'CUSTOMER_PURSE_EXPIRED'>['purseId']>().toEqualTypeOf<string>();
    expectTypeOf<Data<'PAYOUT_CONFIRMED'>['approved']>().toEqualTypeOf<unknown[] | null | undefined>();
    // Another event's field is only an unknown extra here.
    expectTypeOf<Data<'PAYOUT_CONFIRMED'>['realAmount']>().toEqualTypeOf<unknown>();
    expectTypeOf<Data<'INVOICE_PAID'>['type']>().toEqualTypeOf<'INVOICE_PAID' | null | undefined>();
  });
});
