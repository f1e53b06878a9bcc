import { readdirSync, readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { families } from '../../../src/webhooks/families.js';
import { constructEvent } from '../../../src/webhooks/construct.js';
import { toDate } from '../../../src/webhooks/timestamp.js';

// Family schemas are built on the family's first use, never at import, and parsed through zod's
// JIT object core. These tests pin both: what is built when, and that the JIT parser gives
// exactly what the interpreted one gives, valid body or not.

const directory = new URL('../../../src/testing/samples/', import.meta.url);
const fixtures = readdirSync(directory)
  .filter((name) => name.endsWith('.json'))
  .flatMap((file) =>
    Object.entries(JSON.parse(readFileSync(new URL(file, directory), 'utf8')) as Record<string, unknown>).map(
      ([type, body]) => ({ type, body }),
    ),
  );
const bodyOf = (type: string) => {
  const fixture = fixtures.find((item) => item.type === type);
  if (!fixture) throw new Error(`no fixture for ${type}`);
  return JSON.stringify(fixture.body);
};

type ZodMini = typeof import('zod/mini');

afterEach(() => {
  vi.doUnmock('zod/mini');
  vi.resetModules();
  z.config({ jitless: false });
});

describe('family schemas', () => {
  it.each(families.map((family) => [family.source, family] as const))(
    '%s lists its types, in the order of its schemas, and builds them once',
    (_source, family) => {
      expect(Object.keys(family.schemas)).toEqual([...family.types]);
      expect(family.schemas).toBe(family.schemas);
    },
  );

  it('are built on the first body of their family, not at import', async () => {
    let built = 0;
    vi.resetModules();
    vi.doMock('zod/mini', async (importOriginal) => {
      const actual = await importOriginal<ZodMini>();
      return {
        ...actual,
        string: (...args: Parameters<ZodMini['string']>) => {
          built += 1;
          return actual.string(...args);
        },
      };
    });
    const webhooks = await import('../../../src/webhooks/index.js');
    expect(webhooks.webhookEventTypes.length).toBeGreaterThan(0);
    expect(built).toBe(0);

    expect(webhooks.parseWebhook(bodyOf('CAAS.BUY.COMPLETED')).type).toBe('CAAS.BUY.COMPLETED');
    const notifications = built;
    expect(notifications).toBeGreaterThan(0);
    expect(webhooks.parseWebhook(bodyOf('CAAS.SELL.FAILED')).type).toBe('CAAS.SELL.FAILED');
    expect(built).toBe(notifications);

    expect(webhooks.parseWebhook(bodyOf('crypto_delivered')).type).toBe('crypto_delivered');
    expect(built).toBeGreaterThan(notifications);
  });
});

// Every field of a body, as a path of keys.
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [];
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((item, i) => [i, item]) : Object.entries(value);
  return entries.flatMap(([key, item]) => [[...prefix, key], ...paths(item, [...prefix, key])]);
}

const replacements: unknown[] = [undefined, null, 42, 2 ** 60, 'x', true, {}, [], { extra: 1 }];

// The body with the field at `path` replaced (or removed, for undefined).
function variant(body: unknown, path: (string | number)[], replacement: unknown): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let target = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  const last = path.at(-1) as string | number;
  if (replacement === undefined && !Array.isArray(target)) delete target[last];
  else target[last] = replacement;
  return copy;
}

// What parseWebhook makes of every fixture and of many broken variants of it, as plain text.
async function outcomes(): Promise<string[]> {
  const { parseWebhook } = await import('../../../src/webhooks/parse.js');
  const results: string[] = [];
  for (const { body } of fixtures) {
    const bodies = [body, { ...(body as object), unexpected: { nested: [1, 'two'] } }];
    for (const path of paths(body)) for (const replacement of replacements) bodies.push(variant(body, path, replacement));
    for (const item of bodies) {
      try {
        const event = parseWebhook(item as Record<string, unknown>);
        results.push(JSON.stringify([event.type, event.id, event.occurredAt, event.payload]));
      } catch (error) {
        const { name, message, path } = error as { name: string; message: string; path?: string };
        results.push(JSON.stringify([name, message, path]));
      }
    }
  }
  return results;
}

describe('the JIT object parser', () => {
  it('gives exactly what the interpreted parser gives, valid or not', async () => {
    z.config({ jitless: true });
    vi.resetModules();
    const interpreted = await outcomes();
    z.config({ jitless: false });
    vi.resetModules();
    const jit = await outcomes();
    expect(jit.length).toBeGreaterThan(5000);
    expect(jit).toEqual(interpreted);
  });

  it('is the one the family schemas use', async () => {
    const { looseObject } = await import('../../../src/webhooks/schemas/common.js');
    const schema = looseObject({ id: z.string() });
    expect(schema._zod.traits.has('$ZodObjectJIT')).toBe(true);
    expect(schema.shape).toHaveProperty('id');
    expect(schema.safeParse({ id: 'a', more: 1 })).toEqual({ success: true, data: { id: 'a', more: 1 } });
    expect(schema.safeParse({ id: 1 }).success).toBe(false);
  });
});

describe('toDate', () => {
  // The reading before the fast path for UTC ISO times, kept as the reference.
  function reference(value: unknown): Date {
    if (typeof value === 'number') return new Date(value < 1e12 ? value * 1000 : value);
    if (typeof value !== 'string') return new Date(Number.NaN);
    const text = value.trim();
    if (/^\d+(\.\d+)?$/.test(text)) return reference(Number(text));
    const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(text);
    return new Date(hasZone || !text.includes('T') ? text : `${text}Z`);
  }

  it.each([
    '2025-12-11T16:04:24Z',
    '2025-12-11T16:04:24.123Z',
    '2025-12-11T16:04:24z',
    ' 2025-12-11T16:04:24Z',
    '2025-12-11T16:04:24Z ',
    '2025-12-11T16:04:24',
    '2025-12-11T16:04:24+02:00',
    '2025-12-11',
    '2025-13-11T16:04:24Z',
    '1733933064',
    '1733933064123',
    'Z',
    '1Z',
    '',
    'not a date',
    1733933064,
    null,
  ])('reads %j as before', (value) => {
    expect(Number.isNaN(toDate(value).getTime())).toBe(Number.isNaN(reference(value).getTime()));
    if (!Number.isNaN(reference(value).getTime())) expect(toDate(value).getTime()).toBe(reference(value).getTime());
  });
});

describe('constructEvent', () => {
  it('always answers with a promise, misuse included', async () => {
    let answer: Promise<unknown> | undefined;
    expect(() => {
      answer = constructEvent({ payload: '{}', headers: {}, secret: '' });
    }).not.toThrow();
    await expect(answer).rejects.toMatchObject({ field: 'secret' });
  });
});
