import { MemorySessionStore, SessionTracker } from 'coinme-sdk';
import { describe, expect, it } from 'vitest';
import { sessionPath } from '../../helpers/session-paths.js';

describe('MemorySessionStore retention', () => {
  it('forgets a finished session finishedTtlMs after it finished, and keeps an unfinished one', async () => {
    let now = 0;
    const store = new MemorySessionStore({ finishedTtlMs: 1000, now: () => now });
    const tracker = new SessionTracker({ store, now: () => now });
    const done = sessionPath('cash', 'done');
    const open = sessionPath('cash', 'open');
    for (const event of done.events) await tracker.ingest(event);
    for (const event of open.events.slice(0, 5)) await tracker.ingest(event);
    expect(store.size).toEqual({ ids: 6, events: 16 });

    now = 999;
    expect((await tracker.get('transactionId', 'tx-done'))?.status).toBe('completed');
    now = 1000; // reads do not extend it; a late delivery would
    await store.linked('externalSessionId:session-open', 0);
    expect(store.size).toEqual({ ids: 2, events: 5 });
    expect(await tracker.get('transactionId', 'tx-done')).toBeUndefined();
    expect((await tracker.get('externalSessionId', 'session-open'))?.timeline).toHaveLength(5);
  });

  it('keeps at most maxIds ids, dropping the oldest with the events only they name', async () => {
    const store = new MemorySessionStore({ maxIds: 3 });
    const tracker = new SessionTracker({ store });
    for (const tag of ['a', 'b', 'c', 'd']) await tracker.ingest(sessionPath('kycRejected', tag).events[0]!);
    expect(store.size).toEqual({ ids: 3, events: 3 });
    expect(await new SessionTracker({ store }).get('externalSessionId', 'session-a')).toBeUndefined();
    expect(await tracker.get('externalSessionId', 'session-d')).toBeDefined();
  });
});
