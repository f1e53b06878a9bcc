import { describe, expect, it } from 'vitest';
import { WebhookParseError, parseWebhook } from 'coinme-sdk/webhooks';
import { jsonPath } from '../../../src/webhooks/json-path.js';
import { MAX_DEPTH } from '../../../src/webhooks/json.js';
import callbacks from '../../../src/testing/samples/callback.json' with { type: 'json' };
import notifications from '../../../src/testing/samples/coinme.notification.json' with { type: 'json' };
import offramp from '../../../src/testing/samples/offramp.json' with { type: 'json' };
import processing from '../../../src/testing/samples/processing.json' with { type: 'json' };
import { parseError, type Body } from '../../helpers/webhook-bodies.js';

const clone = (body: object): Body => structuredClone(body) as Body;
const caasCompleted = () => clone(notifications['CAAS.BUY.COMPLETED']);

describe('parseWebhook: documented events', () => {
  it('types a Coinme notification: source, type, id, occurredAt and the whole payload', () => {
    const body = caasCompleted();
    const event = parseWebhook(JSON.stringify(body));
    expect(event.source).toBe('coinme.notification');
    expect(event.type).toBe('CAAS.BUY.COMPLETED');
    expect(event.id).toBe(body['id']);
    expect(event.occurredAt).toEqual(new Date('2025-12-11T16:04:24Z'));
    expect(event.payload).toEqual(body);
    if (event.type === 'CAAS.BUY.COMPLETED') {
      expect(event.payload.data.metadata.blockchainData?.currency).toBe('ETH');
    }
  });

  it('keeps unknown extra fields', () => {
    const body = { ...caasCompleted(), partnerExtra: { nested: [1, 2] } };
    expect(parseWebhook(JSON.stringify(body)).payload).toMatchObject({ partnerExtra: { nested: [1, 2] } });
  });

  it('gives the same event for a string, a Uint8Array, an ArrayBuffer and an object', () => {
    const text = JSON.stringify(caasCompleted());
    const bytes = new TextEncoder().encode(text);
    const expected = parseWebhook(text);
    expect(parseWebhook(bytes)).toEqual(expected);
    expect(parseWebhook(Buffer.from(text))).toEqual(expected);
    expect(parseWebhook(bytes.slice().buffer)).toEqual(expected);
    expect(parseWebhook(caasCompleted())).toEqual(expected);
    // A UTF-8 byte order mark is not part of the JSON.
    expect(parseWebhook(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]))).toEqual(expected);
  });

  it('names the type and the JSON path of the first bad field', () => {
    const body = caasCompleted();
    ((body['data'] as Body)['metadata'] as Body)['orderTemplateId'] = 42;
    const error = parseError(() => parseWebhook(body));
    expect(error.path).toBe('$.data.metadata.orderTemplateId');
    expect(error.message).toContain('CAAS.BUY.COMPLETED');
    expect(error.message).toContain('$.data.metadata.orderTemplateId');
  });

  it("says what was expected and what came, in zod's English wording", () => {
    const body = caasCompleted();
    ((body['data'] as Body)['metadata'] as Body)['orderTemplateId'] = 42;
    expect(parseError(() => parseWebhook(body)).message).toBe(
      'Invalid CAAS.BUY.COMPLETED webhook at $.data.metadata.orderTemplateId: Invalid input: expected string, received number',
    );
    const fees = clone(offramp['order:crypto-offramp:completed']);
    (((fees['data'] as Body)['fees'] as Body[])[1] as Body)['amount'] = true;
    expect(parseError(() => parseWebhook(fees)).message).toBe(
      'Invalid order:crypto-offramp:completed webhook at $.data.fees[1].amount: Invalid input: expected string, received boolean',
    );
  });

  it('writes array indices as JSON path brackets', () => {
    const body = clone(offramp['order:crypto-offramp:completed']);
    ((((body['data'] as Body)['fees'] as Body[])[1] as Body)['amount'] = 1);
    const error = parseError(() => parseWebhook(body));
    expect(error.path).toBe('$.data.fees[1].amount');
    expect(error.message).toContain('order:crypto-offramp:completed');
  });

  it('writes keys that are not identifiers as quoted brackets', () => {
    expect(jsonPath(['data', 'odd key', 0, 'a-b', '$ok'])).toBe('$.data["odd key"][0]["a-b"].$ok');
  });

  it('refuses a documented event whose time is not a date', () => {
    const body = { ...clone(callbacks.crypto_delivered), timeStamp: 'yesterday-ish' };
    const error = parseError(() => parseWebhook(body));
    expect(error.message).toContain('crypto_delivered');
    expect(error.path).toBe('$');
  });
});

describe('parseWebhook: what it refuses', () => {
  it.each([
    ['invalid JSON', '{"id": '],
    ['an empty body', ''],
    ['an array', '[{"id":"evt"}]'],
    ['a string', '"CAAS"'],
    ['a number', '42'],
    ['null', 'null'],
  ])('%s', (_label, text) => {
    expect(parseError(() => parseWebhook(text)).path).toBe('$');
  });

  it('invalid UTF-8', () => {
    expect(parseError(() => parseWebhook(new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]))).message).toMatch(/UTF-8/);
  });

  it('objects that are not plain records', () => {
    parseError(() => parseWebhook(new Map() as never));
    parseError(() => parseWebhook(new Date() as never));
    parseError(() => parseWebhook(null as never));
    parseError(() => parseWebhook(42 as never));
  });

  it('a body over maxBytes, before reading it', () => {
    const big = JSON.stringify({ pad: 'x'.repeat(2000) });
    expect(parseError(() => parseWebhook(big, { maxBytes: 1000 })).message).toMatch(/larger than 1000 bytes/);
    expect(parseError(() => parseWebhook(new TextEncoder().encode(big), { maxBytes: 1000 })).message).toMatch(/larger/);
    // Not valid JSON either: the size is what is reported, so it was checked first.
    expect(parseError(() => parseWebhook(`${big}{{{`, { maxBytes: 1000 })).message).toMatch(/larger/);
    // Multi-byte characters count in UTF-8 bytes: 400 characters, 1200 bytes.
    expect(parseError(() => parseWebhook(JSON.stringify({ pad: '€'.repeat(400) }), { maxBytes: 1000 })).message).toMatch(/larger/);
    expect(parseWebhook(JSON.stringify({ pad: '€'.repeat(300) }), { maxBytes: 1000 }).type).toBe('unknown');
  });

  it('defaults maxBytes to 1 MiB', () => {
    const body = (size: number) => `{"pad":"${'x'.repeat(size - 10)}"}`;
    expect(parseWebhook(body(1024 * 1024)).type).toBe('unknown');
    parseError(() => parseWebhook(body(1024 * 1024 + 1)));
  });

  it('10 000 levels of nesting, and anything past the depth limit', () => {
    for (const [open, close] of [['[', ']'], ['{"a":', '}']] as const) {
      const deep = `{"x":${open.repeat(10_000)}1${close.repeat(10_000)}}`;
      expect(parseError(() => parseWebhook(deep)).message).toMatch(/deeper/);
      // With a long integer in it too, which takes the other parsing path.
      parseError(() => parseWebhook(`{"n":123456789012345678901,"x":${open.repeat(10_000)}1${close.repeat(10_000)}}`));
    }
    const atLimit = `${'{"a":'.repeat(MAX_DEPTH)}1${'}'.repeat(MAX_DEPTH)}`;
    expect(parseWebhook(atLimit).type).toBe('unknown');
    parseError(() => parseWebhook(`[${atLimit}]`));
    // Brackets inside strings do not count.
    expect(parseWebhook(JSON.stringify({ text: '['.repeat(10_000) })).type).toBe('unknown');
  });

  it('a body whose getters throw', () => {
    const body = { get eventName(): string { throw new Error('boom'); }, orderId: 'x' };
    expect(parseError(() => parseWebhook(body)).cause).toBeInstanceOf(Error);
  });
});

describe('parseWebhook: unknown events', () => {
  it('keeps a body no family recognises whole, with an empty name, an id and a time', () => {
    const body = { hello: 'world', id: 'evt_9', at: '2025-07-18T17:11:30Z', n: [1, { deep: true }] };
    expect(parseWebhook(JSON.stringify(body))).toEqual({
      source: 'unknown',
      type: 'unknown',
      name: '',
      id: 'evt_9',
      occurredAt: new Date('2025-07-18T17:11:30Z'),
      timeStated: true,
      payload: body,
    });
  });

  it('gives an unknown body without id or time a content id, the same for every copy, and the time it was read', () => {
    const before = Date.now();
    const event = parseWebhook('{"hello":"world"}');
    expect(event).toMatchObject({ type: 'unknown', timeStated: false, payload: { hello: 'world' } });
    expect(event.id).toMatch(/^unknown:[0-9a-z]+$/);
    expect(parseWebhook('{ "hello": "world" }').id).toBe(event.id);
    expect(parseWebhook('{"hello":"world!"}').id).not.toBe(event.id);
    expect(event.occurredAt.getTime()).toBeGreaterThanOrEqual(before);
  });

  it('keeps the provider name of an undocumented event of a known family', () => {
    const body = { ...clone(callbacks.crypto_delivered), eventName: 'crypto_tx_replaced' };
    expect(parseWebhook(body)).toMatchObject({ source: 'unknown', type: 'unknown', name: 'crypto_tx_replaced', payload: body });
  });

  it('never looks names up on Object.prototype', () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const event = parseWebhook(JSON.stringify({ eventName: name, orderId: 'o-1', timeStamp: '2024-01-01T00:00:00Z' }));
      expect(event).toMatchObject({ type: 'unknown', name });
    }
  });

  it('throws instead with strict', () => {
    expect(parseError(() => parseWebhook('{"hello":"world"}', { strict: true })).message).toMatch(/Unrecognised/);
    const undocumented = { ...clone(callbacks.crypto_delivered), eventName: 'crypto_tx_replaced' };
    expect(parseError(() => parseWebhook(undocumented, { strict: true })).message).toContain('crypto_tx_replaced');
    expect(parseWebhook(clone(callbacks.crypto_delivered), { strict: true }).type).toBe('crypto_delivered');
  });
});

describe('parseWebhook: numbers and prototypes', () => {
  it('keeps integers beyond 2^53 as exact digit strings', () => {
    const text = '{"big":12345678901234567890123,"neg":-9007199254740993,"max":9007199254740991,"float":1.5,"exp":1e21,"s":"12345678901234567890"}';
    const { payload } = parseWebhook(text);
    expect(payload).toEqual({
      big: '12345678901234567890123',
      neg: '-9007199254740993',
      max: 9007199254740991,
      float: 1.5,
      exp: 1e21,
      s: '12345678901234567890',
    });
  });

  it('keeps a decimal amount a double would round as its exact digits', () => {
    const body = clone(processing['INVOICE_PAID']) as { data: Record<string, unknown> };
    body.data['amount'] = 'AMOUNT';
    const text = JSON.stringify(body).replace('"AMOUNT"', '0.047116964221968237');
    const event = parseWebhook(text);
    expect(event.type).toBe('INVOICE_PAID');
    expect((event.payload as { data: { amount: unknown } }).data.amount).toBe('0.047116964221968237');
  });

  it('keeps big numeric ids of documented events exact', () => {
    const text = JSON.stringify(clone(processing['INVOICE_PAID'])).replace(/"id":\s*("[^"]*"|\d+)/, '"id":98765432109876543210');
    const event = parseWebhook(text);
    expect(event.type).toBe('INVOICE_PAID');
    expect(event.payload).toMatchObject({ id: '98765432109876543210' });
    expect(event.id).toContain('98765432109876543210');
  });

  it('does not let __proto__ or constructor keys reach any prototype', () => {
    const hostile = '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"a":{"__proto__":{"polluted":true}}}';
    const event = parseWebhook(hostile);
    expect(({} as Body)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(event.payload)).toBe(Object.prototype);
    expect(Object.hasOwn(event.payload, '__proto__')).toBe(true);
    expect((event.payload as Body)['polluted']).toBeUndefined();
    // The same through the long-integer path and through a documented schema.
    parseWebhook(hostile.replace('true', '123456789012345678901'));
    const documented = JSON.stringify(callbacks.crypto_delivered).replace('{', '{"__proto__":{"polluted":true},');
    const typed = parseWebhook(documented);
    expect(typed.type).toBe('crypto_delivered');
    expect((typed.payload as Body)['polluted']).toBeUndefined();
    expect(({} as Body)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(typed.payload)).toBe(Object.prototype);
  });
});

describe('parseWebhook: the compiled fast path', () => {
  it('gives the same events and the same errors before and after a type is compiled', async () => {
    const { events } = await import('coinme-sdk/testing');
    const { webhookEventTypes } = await import('coinme-sdk/webhooks');
    for (const type of webhookEventTypes) {
      const body = JSON.stringify((events as Record<string, () => object>)[type]?.());
      const runs = [0, 1, 2].map(() => parseWebhook(body));
      expect(runs[2]).toEqual(runs[0]);
      // A body that breaks its schema: same path and message on every run.
      const broken = JSON.parse(body) as Record<string, unknown>;
      for (const key of Object.keys(broken)) if (typeof broken[key] === 'string') broken[key] = 42;
      const errors = [0, 1, 2].map(() => {
        try {
          parseWebhook(broken);
          return undefined;
        } catch (error) {
          return String(error);
        }
      });
      expect(errors[2]).toBe(errors[0]);
    }
  });
});
