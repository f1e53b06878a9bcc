// Fuzzing of the webhook entry points: whatever bytes arrive, `parseWebhook` returns an event or
// throws WebhookParseError, `constructEvent` adds only WebhookSignatureError, every call finishes
// quickly, and no body can reach Object.prototype.
import { createHmac } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events } from 'coinme-sdk/testing';
import { constructEvent, parseWebhook, WebhookParseError, WebhookSignatureError, webhookEventTypes, type WebhookEvent } from 'coinme-sdk/webhooks';

// Per-property run counts: 100 000 generated bodies in all.
const RUNS = {
  jsonValues: 15_000,
  strings: 10_000,
  bytes: 10_000,
  mutations: 40_000,
  signedMutations: 15_000,
  missigned: 10_000,
} as const;
const SEED = 20_260_101;
// Generous per call (GC pauses on a busy CI machine); typical calls take microseconds.
const MAX_CALL_MS = 250;

const secret = 'whsec_fuzz_5d0c9e2b7a41f3e8';
const otherSecret = 'whsec_fuzz_other_19ab';

// ---------------------------------------------------------------------------------------------
// Samples: every documented sample body, and one factory body per documented type.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const samplesDirectory = new URL('../../../src/testing/samples/', import.meta.url);
const samples: Json[] = [
  ...readdirSync(samplesDirectory)
    .filter((name) => name.endsWith('.json'))
    .flatMap((file) => Object.values(JSON.parse(readFileSync(new URL(file, samplesDirectory), 'utf8')) as Record<string, Json>)),
  ...webhookEventTypes.map((type) => (events[type] as () => unknown)() as Json),
];

// ---------------------------------------------------------------------------------------------
// Outcome checks.

const sources = new Set(['coinme.widget', 'coinme.notification', 'offramp', 'processing', 'callback', 'unknown']);
const documentedTypes = new Set<string>(webhookEventTypes);
const stats = { calls: 0, events: 0, parseErrors: 0, signatureErrors: 0, maxMs: 0, elapsedMs: 0 };

function checkEvent(event: WebhookEvent): void {
  expect(sources.has(event.source)).toBe(true);
  if (event.source === 'unknown') {
    expect(event.type).toBe('unknown');
    expect(typeof event.name).toBe('string');
  } else {
    expect(documentedTypes.has(event.type)).toBe(true);
    expect(typeof event.id).toBe('string');
    expect(Number.isNaN(event.occurredAt.getTime())).toBe(false);
  }
  expect(typeof event.payload).toBe('object');
  expect(event.payload).not.toBeNull();
  expectPlainTree(event.payload, 0);
}

// No object in a parsed payload may carry a prototype a body chose (`__proto__` keys).
function expectPlainTree(value: unknown, depth: number): void {
  if (typeof value !== 'object' || value === null || depth > 80) return;
  const proto: unknown = Object.getPrototypeOf(value);
  if (Array.isArray(value)) expect(proto).toBe(Array.prototype);
  else if (!(value instanceof Date)) expect(proto === Object.prototype || proto === null).toBe(true);
  for (const key of Object.keys(value)) expectPlainTree((value as Record<string, unknown>)[key], depth + 1);
}

function timed<T>(start: number): void {
  const ms = performance.now() - start;
  stats.calls += 1;
  stats.maxMs = Math.max(stats.maxMs, ms);
  expect(ms).toBeLessThan(MAX_CALL_MS);
}

type Body = string | Uint8Array | ArrayBuffer;

function parseOutcome(body: Body): void {
  const start = performance.now();
  let event: WebhookEvent | undefined;
  let failure: unknown;
  try {
    event = parseWebhook(body);
  } catch (error) {
    failure = error;
  }
  timed(start);
  expectEventOrParseError(event, failure);
}

// The only two outcomes a verified body may have: a well-formed event, or a WebhookParseError
// that says where.
function expectEventOrParseError(event: WebhookEvent | undefined, failure: unknown): void {
  if (event) {
    stats.events += 1;
    checkEvent(event);
  } else {
    stats.parseErrors += 1;
    expect(failure).toBeInstanceOf(WebhookParseError);
    expect(typeof (failure as WebhookParseError).path).toBe('string');
  }
}

async function constructOutcome(payload: Body, headers: Record<string, string>, expected: 'parsed' | 'signature'): Promise<void> {
  const start = performance.now();
  let event: WebhookEvent | undefined;
  let failure: unknown;
  try {
    event = await constructEvent({ payload, headers, secret });
  } catch (error) {
    failure = error;
  }
  timed(start);
  if (expected === 'signature') {
    stats.signatureErrors += 1;
    expect(failure).toBeInstanceOf(WebhookSignatureError);
    expect(String((failure as Error).message)).not.toContain(secret);
    return;
  }
  expectEventOrParseError(event, failure);
}

// ---------------------------------------------------------------------------------------------
// Structure-aware mutations of valid samples.

const dangerousKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'isPrototypeOf'];
const dangerousValues: Json[] = [
  { polluted: 'yes' },
  { prototype: { polluted: 'yes' } },
  { __proto__: { polluted: 'yes' } } as unknown as Json,
  'polluted',
  null,
];
const retypeValues: Json[] = [null, true, false, 0, -1, 1.5, -0.0001, '', 'x', '0', 'null', [], {}, [null], { a: 1 }, '2025-13-45T99:99:99Z', 'NaN', 1e308, -1e308, 'CAAS', 'BUY', 'COMPLETED', 'INVOICE_PAID'];
const discriminatorStrings = [...dangerousKeys, 'CAAS', 'BUY', 'SELL', 'ORDER_TEMPLATE', 'COMPLETED', 'FAILED', 'order:crypto-offramp:completed', 'INVOICE_PAID', 'crypto_delivered', 'kyc-prove.onboarding.completed', '', ' ', 'caas.buy.completed'];

// Raw JSON text a JS value cannot express (or cannot express cheaply), spliced in by marker.
const rawFragment = fc.oneof(
  fc.constantFrom('1e400', '-1e400', '1e-400', '-0', '123456789012345678901234567890', '-9007199254740993', '9007199254740993.5', '0.000000000000000000000000001', '1E+2', '18446744073709551616'),
  fc.bigInt({ min: -(10n ** 60n), max: 10n ** 60n }).map(String),
  fc.integer({ min: 1, max: 3000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
  fc.integer({ min: 1, max: 3000 }).map((depth) => '{"a":'.repeat(depth) + 'null' + '}'.repeat(depth)),
  fc.integer({ min: 50, max: 80 }).map((depth) => '{"a":['.repeat(depth) + '1' + ']}'.repeat(depth)),
  fc.constantFrom(
    '{"__proto__":{"polluted":"yes"}}',
    '{"constructor":{"prototype":{"polluted":"yes"}}}',
    '{"__proto__":{"__proto__":{"polluted":"yes"}}}',
    '{"a":1,"a":"dup","a":{"polluted":"yes"}}',
    '[{"__proto__":[]}]',
    '"\\ud800"',
    '"\\udfff\\ud800"',
    '"\\u0000\\u001f"',
    '"\\uFEFF"',
  ),
  fc.integer({ min: 1_000, max: 200_000 }).map((length) => JSON.stringify('x'.repeat(length))),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 64 }).map((text) => JSON.stringify(text.repeat(50))),
);

const unicodeString = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 40 }),
);

type Mutation =
  | { op: 'delete' | 'retype' | 'dangerous' | 'discriminator' | 'unicode' | 'raw'; pick: number; choice: number; text?: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constantFrom('delete', 'retype', 'dangerous', 'discriminator'), pick: fc.nat(), choice: fc.nat() }),
  fc.record({ op: fc.constant('unicode' as const), pick: fc.nat(), choice: fc.nat(), text: unicodeString }),
  fc.record({ op: fc.constant('raw' as const), pick: fc.nat(), choice: fc.nat(), text: rawFragment }),
);

type Slot = { parent: Record<string, Json> | Json[]; key: string | number };

function slots(root: Json, into: Slot[] = []): Slot[] {
  if (typeof root !== 'object' || root === null) return into;
  for (const key of Object.keys(root)) {
    const parent = root as Record<string, Json>;
    into.push({ parent, key: Array.isArray(root) ? Number(key) : key });
    slots(parent[key] as Json, into);
  }
  return into;
}

function objects(root: Json, into: Array<Record<string, Json>> = []): Array<Record<string, Json>> {
  if (typeof root !== 'object' || root === null) return into;
  if (!Array.isArray(root)) into.push(root);
  for (const value of Object.values(root)) objects(value, into);
  return into;
}

function setOwn(target: Record<string, Json> | Json[], key: string | number, value: Json): void {
  // defineProperty, so a `__proto__` key becomes an own property that JSON.stringify writes out.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Applies mutations to a clone of `sample`; returns the JSON text. */
function mutate(sample: Json, mutations: Mutation[]): string {
  const root = structuredClone(sample);
  const raw: string[] = [];
  for (const m of mutations) {
    const all = slots(root);
    const slot = all.length > 0 ? all[m.pick % all.length] : undefined;
    switch (m.op) {
      case 'delete':
        if (slot) {
          if (Array.isArray(slot.parent)) slot.parent.splice(Number(slot.key), 1);
          else delete slot.parent[slot.key];
        }
        break;
      case 'retype':
        if (slot) setOwn(slot.parent, slot.key, structuredClone(retypeValues[m.choice % retypeValues.length] as Json));
        break;
      case 'dangerous': {
        const candidates = objects(root);
        const target = candidates[m.pick % candidates.length];
        const key = dangerousKeys[m.choice % dangerousKeys.length] as string;
        const value = dangerousValues[m.choice % dangerousValues.length] as Json;
        if (target) setOwn(target, key, typeof value === 'object' && value !== null ? JSON.parse(JSON.stringify(value)) : value);
        break;
      }
      case 'discriminator': {
        // Aim at string leaves, where event names and statuses live.
        const strings = all.filter((s) => typeof (s.parent as Record<string, Json>)[s.key as string] === 'string');
        const target = strings[m.pick % Math.max(1, strings.length)];
        if (target) setOwn(target.parent, target.key, discriminatorStrings[m.choice % discriminatorStrings.length] as string);
        break;
      }
      case 'unicode':
        if (slot) setOwn(slot.parent, slot.key, m.text ?? '');
        break;
      case 'raw':
        if (slot) {
          setOwn(slot.parent, slot.key, `\u0000raw${raw.length}\u0000`);
          raw.push(m.text ?? 'null');
        }
        break;
    }
  }
  let text = JSON.stringify(root);
  raw.forEach((fragment, index) => {
    text = text.replace(`"\\u0000raw${index}\\u0000"`, () => fragment);
  });
  return text;
}

// Bytes that are not UTF-8: stray continuation bytes, overlong forms, surrogates, truncations.
const invalidUtf8 = [[0xff], [0xfe], [0x80], [0xc0, 0x80], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82], [0xf0, 0x9f, 0x98]];

type Delivery = { kind: 'text' | 'bytes' | 'arraybuffer' | 'invalid-utf8' | 'truncated'; at: number; choice: number };

const delivery: fc.Arbitrary<Delivery> = fc.record({
  kind: fc.constantFrom('text', 'text', 'bytes', 'arraybuffer', 'invalid-utf8', 'truncated'),
  at: fc.nat(),
  choice: fc.nat(),
});

function deliver(text: string, how: Delivery): Body {
  switch (how.kind) {
    case 'text':
      return text;
    case 'bytes':
      return new TextEncoder().encode(text);
    case 'arraybuffer':
      return new TextEncoder().encode(text).buffer as ArrayBuffer;
    case 'truncated':
      return text.slice(0, how.at % (text.length + 1));
    case 'invalid-utf8': {
      const bytes = new TextEncoder().encode(text);
      const at = how.at % (bytes.length + 1);
      const bad = invalidUtf8[how.choice % invalidUtf8.length] as number[];
      const out = new Uint8Array(bytes.length + bad.length);
      out.set(bytes.subarray(0, at), 0);
      out.set(bad, at);
      out.set(bytes.subarray(at), at + bad.length);
      return out;
    }
  }
}

const mutatedBody = fc
  .tuple(fc.constantFrom(...samples), fc.array(mutation, { minLength: 1, maxLength: 4 }), delivery)
  .map(([sample, mutations, how]) => deliver(mutate(sample, mutations), how));

// ---------------------------------------------------------------------------------------------
// Signing.

function bytesOf(body: Body): Uint8Array {
  return typeof body === 'string' ? new TextEncoder().encode(body) : body instanceof ArrayBuffer ? new Uint8Array(body) : body;
}

function signatureOf(body: Body, key: string, encoding: 'base64' | 'hex'): string {
  return createHmac('sha256', key).update(bytesOf(body)).digest(encoding);
}

type BadSignature = 'none' | 'empty' | 'other-secret' | 'flipped' | 'other-body' | 'garbage' | 'truncated';

function badHeaders(body: Body, how: BadSignature, garbage: string): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const good = signatureOf(body, secret, 'base64');
  switch (how) {
    case 'none':
      return headers;
    case 'empty':
      return { ...headers, 'x-coinme-signature': '' };
    case 'other-secret':
      return { ...headers, 'x-coinme-signature': signatureOf(body, otherSecret, 'base64') };
    case 'flipped': {
      const index = garbage.length % 40; // clear of the last character, whose low bits are padding
      const char = good[index] === 'A' ? 'B' : 'A';
      return { ...headers, 'x-coinme-signature': good.slice(0, index) + char + good.slice(index + 1) };
    }
    case 'other-body':
      return { ...headers, 'x-coinme-signature': signatureOf(`${typeof body === 'string' ? body : 'x'} `, secret, 'hex') };
    case 'garbage':
      return { ...headers, 'x-coinme-signature': garbage || '=' };
    case 'truncated':
      return { ...headers, 'x-coinme-signature': good.slice(0, 20) };
  }
}

// ---------------------------------------------------------------------------------------------

const objectProtoKeys = Reflect.ownKeys(Object.prototype);
const arrayProtoKeys = Reflect.ownKeys(Array.prototype);
const runStarted = performance.now();

function expectNoPollution(): void {
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  expect(({} as Record<string, unknown>)['isAdmin']).toBeUndefined();
  expect(Reflect.ownKeys(Object.prototype)).toEqual(objectProtoKeys);
  expect(Reflect.ownKeys(Array.prototype)).toEqual(arrayProtoKeys);
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
}

describe('webhook fuzzing (100 000 generated bodies)', () => {
  beforeAll(() => expectNoPollution());
  afterAll(() => {
    stats.elapsedMs = performance.now() - runStarted;
    expectNoPollution();
    // One summary line, so the rate shows in CI logs.
    console.info(
      `webhook fuzz: ${stats.calls} calls in ${(stats.elapsedMs / 1000).toFixed(1)} s ` +
        `(${Math.round(stats.calls / (stats.elapsedMs / 1000))}/s), slowest call ${stats.maxMs.toFixed(1)} ms; ` +
        `${stats.events} events, ${stats.parseErrors} parse errors, ${stats.signatureErrors} signature errors`,
    );
  });

  it('parseWebhook: random JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.boolean(), (value, asBytes) => {
        const text = JSON.stringify(value) ?? 'null';
        parseOutcome(asBytes ? new TextEncoder().encode(text) : text);
      }),
      { seed: SEED, numRuns: RUNS.jsonValues },
    );
    expectNoPollution();
  });

  it('parseWebhook: random strings', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 200 }),
          fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', ':', ',', '\\', 'u', '0', '1', 'e', '-', '.', ' ', 'a', 'null', 'true', '__proto__'), maxLength: 120 }),
        ),
        (text) => parseOutcome(text),
      ),
      { seed: SEED + 1, numRuns: RUNS.strings },
    );
    expectNoPollution();
  });

  it('parseWebhook: random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.boolean(), (bytes, asBuffer) => {
        parseOutcome(asBuffer ? (bytes.slice().buffer as ArrayBuffer) : bytes);
      }),
      { seed: SEED + 2, numRuns: RUNS.bytes },
    );
    expectNoPollution();
  });

  it('parseWebhook: mutated samples (types, deletions, prototype keys, nesting, numbers, strings, bad UTF-8)', () => {
    fc.assert(
      fc.property(mutatedBody, (body) => parseOutcome(body)),
      { seed: SEED + 3, numRuns: RUNS.mutations },
    );
    expectNoPollution();
  }, 120_000);

  it('constructEvent: correctly signed mutated bodies give an event or a WebhookParseError', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedBody, fc.constantFrom('base64', 'hex') as fc.Arbitrary<'base64' | 'hex'>, async (body, encoding) => {
        const headers = { 'content-type': 'application/json', 'x-coinme-signature': signatureOf(body, secret, encoding) };
        await constructOutcome(body, headers, 'parsed');
      }),
      { seed: SEED + 4, numRuns: RUNS.signedMutations },
    );
    expectNoPollution();
  }, 120_000);

  it('constructEvent: unsigned or mis-signed bodies give a WebhookSignatureError', async () => {
    const valid = fc.constantFrom(...samples).map((sample) => JSON.stringify(sample));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(valid, mutatedBody),
        fc.constantFrom<BadSignature>('none', 'empty', 'other-secret', 'flipped', 'other-body', 'garbage', 'truncated'),
        fc.string({ maxLength: 90 }),
        async (body, how, garbage) => {
          // Bodies over the size limit are refused before any HMAC, as WebhookParseError.
          fc.pre(bytesOf(body).byteLength <= 1024 * 1024);
          await constructOutcome(body, badHeaders(body, how, garbage), 'signature');
        },
      ),
      { seed: SEED + 5, numRuns: RUNS.missigned },
    );
    expectNoPollution();
  }, 120_000);
});
