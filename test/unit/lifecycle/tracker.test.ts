import fc from 'fast-check';
import { MemorySessionStore, reduceSession, type SessionState, SessionTracker, type LifecycleEvent } from 'coinme-sdk';
import { events } from 'coinme-sdk/testing';
import { parseWebhook } from 'coinme-sdk/webhooks';
import { describe, expect, it } from 'vitest';
import { happyPath, ids, notification, widget } from '../../helpers/session-stream.js';

async function ingestAll(events: readonly LifecycleEvent[], store = new MemorySessionStore()) {
  const tracker = new SessionTracker({ store });
  let last: SessionState | undefined;
  for (const event of events) last = await tracker.ingest(event);
  return { tracker, store, last };
}

const allIds = [
  ['externalSessionId', ids.session],
  ['barcodeId', ids.barcode],
  ['orderTemplateId', ids.orderTemplate],
  ['transactionId', ids.transaction],
] as const;

describe('SessionTracker', () => {
  it('ends the happy path in one record, reachable by every id', async () => {
    const { tracker, last } = await ingestAll(happyPath());
    expect(last?.status).toBe('completed');
    for (const [kind, value] of allIds) expect(await tracker.get(kind, value)).toEqual(last);
    // A second process sharing the store reads the same record.
    expect(await new SessionTracker({ store: tracker.store }).get('barcodeId', ids.barcode)).toEqual(last);
  });

  it('merges a record keyed by an order template with the widget session once an event links them', async () => {
    const tracker = new SessionTracker();
    await tracker.ingest(notification('ORDER_TEMPLATE.CREATED', 5));
    await tracker.ingest(widget('greendot.barcode.generation-succeeded', 5, { barcodeId: ids.barcode }));
    expect((await tracker.get('orderTemplateId', ids.orderTemplate))?.timeline).toHaveLength(1);
    expect((await tracker.get('externalSessionId', ids.session))?.timeline).toHaveLength(1);
    const linked = await tracker.ingest(widget('greendot.barcode.displayed', 6, { barcodeId: ids.barcode, orderTemplateId: ids.orderTemplate }));
    expect(linked).toMatchObject({ externalSessionId: ids.session, orderTemplateId: ids.orderTemplate, status: 'barcode_generated' });
    expect(linked?.timeline).toHaveLength(3);
    expect(await tracker.get('orderTemplateId', ids.orderTemplate)).toEqual(linked);
  });

  it('gives the reducer result for any delivery order, with duplicates', async () => {
    const stream = happyPath();
    const expected = stream.reduce<SessionState | undefined>((s, e) => reduceSession(s, e), undefined);
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(stream, { minLength: stream.length, maxLength: stream.length }), fc.nat(stream.length - 1), async (order, dup) => {
        const { tracker, last } = await ingestAll([...order, stream[dup]!]);
        expect(last).toEqual(expected);
        expect(await tracker.get('orderTemplateId', ids.orderTemplate)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('returns records callers cannot corrupt: the cached session is unchanged by edits to a returned one', async () => {
    const tracker = new SessionTracker();
    const first = await tracker.ingest(widget('orchestrator.auth-state.changed', 1));
    first!.status = 'completed';
    expect(() => {
      (first!.timeline[0]!.facts as { status?: string }).status = 'completed';
    }).toThrow(TypeError);
    expect((await tracker.get('externalSessionId', ids.session))?.status).toBe('authenticated');
  });

  it('returns undefined for events that are not part of a widget session', async () => {
    const tracker = new SessionTracker();
    expect(await tracker.ingest(parseWebhook(JSON.stringify(events.crypto_delivered())))).toBeUndefined();
    expect(await tracker.ingest(parseWebhook('{"hello":"world"}'))).toBeUndefined();
    expect(await tracker.get('externalSessionId', 'never-seen')).toBeUndefined();
  });
});
