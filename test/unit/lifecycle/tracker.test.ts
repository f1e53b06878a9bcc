import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventDeduper } from '../../../src/lifecycle/dedupe.js';
import { reduceSession } from '../../../src/lifecycle/reduce.js';
import type { SessionState } from '../../../src/lifecycle/state.js';
import { MemorySessionStore } from '../../../src/lifecycle/store.js';
import { SessionTracker } from '../../../src/lifecycle/tracker.js';
import { happyPath, ids, notification, widget } from '../../helpers/session-stream.js';

async function ingestAll(events: ReturnType<typeof happyPath>, store = new MemorySessionStore()) {
  const tracker = new SessionTracker({ store });
  let last: SessionState | undefined;
  for (const event of events) last = await tracker.ingest(event);
  return { tracker, store, last };
}

describe('SessionTracker', () => {
  it('ends the happy path in one record, reachable by every id', async () => {
    const { tracker, store, last } = await ingestAll(happyPath());
    expect(last?.status).toBe('completed');
    expect(store.values()).toHaveLength(1);
    for (const [kind, value] of [
      ['externalSessionId', ids.session],
      ['barcodeId', ids.barcode],
      ['orderTemplateId', ids.orderTemplate],
      ['transactionId', ids.transaction],
    ] as const) {
      expect((await tracker.get(kind, value))?.status).toBe('completed');
    }
  });

  it('merges a record keyed by an order template with the widget session once an event links them', async () => {
    const store = new MemorySessionStore();
    const tracker = new SessionTracker({ store });
    await tracker.ingest(notification('ORDER_TEMPLATE.CREATED', 5));
    await tracker.ingest(widget('greendot.barcode.generation-succeeded', 5, { barcodeId: ids.barcode }));
    expect(store.values()).toHaveLength(2);
    const linked = await tracker.ingest(widget('greendot.barcode.displayed', 6, { barcodeId: ids.barcode, orderTemplateId: ids.orderTemplate }));
    expect(store.values()).toHaveLength(1);
    expect(linked).toMatchObject({ externalSessionId: ids.session, orderTemplateId: ids.orderTemplate, status: 'barcode_generated' });
    expect(linked?.timeline).toHaveLength(3);
  });

  it('gives the reducer result for any delivery order, with duplicates', async () => {
    const stream = happyPath();
    const expected = stream.reduce<SessionState | undefined>((s, e) => reduceSession(s, e), undefined);
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(stream, { minLength: stream.length, maxLength: stream.length }), fc.nat(stream.length - 1), async (order, dup) => {
        const { store, last } = await ingestAll([...order, stream[dup]!]);
        expect(store.values()).toEqual([expected]);
        expect(last).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('stays consistent when deliveries race each other', async () => {
    const store = new MemorySessionStore();
    const tracker = new SessionTracker({ store });
    const stream = happyPath();
    await Promise.all(stream.map((event) => tracker.ingest(event)));
    const expected = stream.reduce<SessionState | undefined>((s, e) => reduceSession(s, e), undefined);
    expect(store.values()).toEqual([expected]);
  });

  it('returns undefined for events that are not part of a widget session', async () => {
    const tracker = new SessionTracker();
    expect(await tracker.ingest({ source: 'callback', type: 'crypto_delivered', id: '1', occurredAt: new Date(), payload: {} })).toBeUndefined();
    expect(await tracker.ingest({ source: 'unknown', type: 'unknown', payload: { hello: 'world' } })).toBeUndefined();
  });
});

describe('EventDeduper', () => {
  it('claims an id once until its TTL passes, then again', () => {
    let now = 0;
    const dedupe = new EventDeduper({ ttlMs: 1000, now: () => now });
    expect(dedupe.claim('evt_1')).toBe(true);
    expect(dedupe.claim('evt_1')).toBe(false);
    now = 999;
    expect(dedupe.claim('evt_1')).toBe(false);
    now = 2000;
    expect(dedupe.claim('evt_1')).toBe(true);
  });

  it('releases an id whose processing failed, and forgets the oldest beyond its size', () => {
    const dedupe = new EventDeduper({ maxEntries: 2 });
    expect(dedupe.claim('a')).toBe(true);
    dedupe.release('a');
    expect(dedupe.claim('a')).toBe(true);
    dedupe.claim('b');
    dedupe.claim('c');
    expect(dedupe.claim('a')).toBe(true);
    expect(dedupe.claim('c')).toBe(false);
  });
});
