import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { webhookEventTypes, parseWebhook } from 'coinme-sdk/webhooks';

// Every documented event has a sample body in src/testing/samples/<source>.json, keyed by type.
const directory = new URL('../../../src/testing/samples/', import.meta.url);
const files = readdirSync(directory).filter((name) => name.endsWith('.json'));
const samples = files.flatMap((file) => {
  const source = file.replace(/\.json$/, '');
  const entries = Object.entries(JSON.parse(readFileSync(new URL(file, directory), 'utf8')) as Record<string, unknown>);
  return entries.map(([type, body]) => ({ source, type, body }));
});

// The documents describe 66 events: 8 widget events, 19 Coinme notifications, 6 off-ramp order
// events, 27 processing events and 6 payment callbacks.
const DOCUMENTED_TYPES = 66;

describe('webhook fixtures', () => {
  it.each(samples)('$source $type parses to exactly that type', ({ source, type, body }) => {
    const event = parseWebhook(JSON.stringify(body), { strict: true });
    expect(event.source).toBe(source);
    expect(event.type).toBe(type);
    expect(event.payload).toEqual(body);
    if (event.source !== 'unknown') {
      expect(event.id).toMatch(/\S/);
      expect(Number.isNaN(event.occurredAt.getTime())).toBe(false);
    }
  });

  it('cover every documented type, and only those', () => {
    expect(samples.map(({ type }) => type).sort()).toEqual([...webhookEventTypes].sort());
  });

  it(`list ${DOCUMENTED_TYPES} documented types, each unique across the union`, () => {
    expect(webhookEventTypes).toHaveLength(DOCUMENTED_TYPES);
    expect(new Set(webhookEventTypes).size).toBe(webhookEventTypes.length);
    expect(Object.isFrozen(webhookEventTypes)).toBe(true);
  });
});
