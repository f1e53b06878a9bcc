import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WebhookParseError, webhookEventTypes, type WebhookEvent, parseWebhook } from 'coinme-sdk/webhooks';

const directory = new URL('../../../src/testing/samples/', import.meta.url);
const fixtures: unknown[] = readdirSync(directory)
  .filter((name) => name.endsWith('.json'))
  .flatMap((file) => Object.values(JSON.parse(readFileSync(new URL(file, directory), 'utf8')) as Record<string, unknown>));

const sources = new Set(['coinme.widget', 'coinme.notification', 'offramp', 'processing', 'callback', 'unknown']);
const types = new Set<string>(webhookEventTypes);

// Parses, and checks that whatever comes out is a well-formed event or a WebhookParseError.
function outcome(body: Parameters<typeof parseWebhook>[0], strict = false): WebhookEvent | WebhookParseError {
  let event: WebhookEvent;
  try {
    event = parseWebhook(body, { strict });
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookParseError);
    expect(typeof (error as WebhookParseError).path).toBe('string');
    return error as WebhookParseError;
  }
  expect(sources.has(event.source)).toBe(true);
  if (event.source === 'unknown') {
    expect(strict).toBe(false);
    expect(typeof event.name).toBe('string');
  } else {
    expect(types.has(event.type)).toBe(true);
    expect(typeof event.id).toBe('string');
    expect(Number.isNaN(event.occurredAt.getTime())).toBe(false);
  }
  expect(typeof event.payload).toBe('object');
  return event;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

// One random change somewhere in a body: drop a field, replace it, or add one.
const mutated = fc
  .tuple(fc.constantFrom(...fixtures), fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), fc.jsonValue(), fc.constantFrom('drop', 'replace', 'add'))
  .map(([fixture, steps, value, kind]) => {
    const body = structuredClone(fixture) as Json;
    let node: Json = body;
    for (const [index, step] of steps.entries()) {
      if (node === null || typeof node !== 'object') break;
      const keys = Object.keys(node);
      if (keys.length === 0) break;
      const key = keys[step % keys.length] as string;
      const last = index === steps.length - 1;
      const child: Json | undefined = (node as Record<string, Json>)[key];
      if (last || child === null || typeof child !== 'object') {
        const target = node as Record<string, Json>;
        if (kind === 'drop') delete target[key];
        else if (kind === 'replace') target[key] = value as Json;
        else target[`${key}_extra`] = value as Json;
        break;
      }
      node = child;
    }
    return body;
  });

const runs = { numRuns: 1000 };

describe('parseWebhook never throws anything but WebhookParseError', () => {
  it('on JSON texts and JSON-ish strings', () => {
    const jsonish = fc.oneof(
      fc.json(),
      fc.string(),
      fc.stringMatching(/^[{}[\]":,\d\s\-.eE]*$/),
      fc.json().map((text) => text.slice(0, Math.max(0, text.length - 1))),
    );
    fc.assert(fc.property(jsonish, fc.boolean(), (text, strict) => void outcome(text, strict)), runs);
  });

  it('on random bytes and random objects', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => void outcome(bytes)), { numRuns: 500 });
    fc.assert(fc.property(fc.object(), (object) => void outcome(object)), { numRuns: 500 });
    fc.assert(fc.property(fc.anything(), (value) => void outcome(value as never)), { numRuns: 500 });
  });

  it('on mutated fixtures, as text and as objects', () => {
    fc.assert(
      fc.property(mutated, fc.boolean(), (body, strict) => {
        const text = JSON.stringify(body);
        const fromText = outcome(text, strict);
        const fromObject = outcome(body as Record<string, Json>, strict);
        // The same body gives the same answer however it arrives (unless the text carries integers
        // beyond 2^53, which only the text path keeps as strings).
        if (/\d{16}/.test(text)) return;
        expect(fromText instanceof WebhookParseError).toBe(fromObject instanceof WebhookParseError);
        if (!(fromText instanceof WebhookParseError)) expect(fromText.type).toBe((fromObject as WebhookEvent).type);
      }),
      { numRuns: 1500 },
    );
  });
});
