// The conformance suite every SessionStore backend runs: the contract, method by method, then
// the property that matters (no event lost or orphaned under concurrency), through the real
// SessionTracker with random store latency, several trackers standing in for processes.
//
//   describeSessionStore('memory', async () => ({ store: new MemorySessionStore() }), { numRuns: 100 });
import fc from 'fast-check';
import { type ClaimStore, MemoryClaimStore, type SessionStore, SessionTracker, type TimelineEntry } from 'coinme-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sequentialState, sessionPath, sessionPathNames } from './session-paths.js';

export { sequentialState } from './session-paths.js';

export interface StoreUnderTest {
  store: SessionStore;
  /** A claim store shared the same way (same backend); memory when left out. */
  claims?: ClaimStore;
  cleanup?: () => Promise<void>;
}

export interface SessionStoreSuiteOptions {
  /** Runs of the concurrency property. At least 1,000 in CI. */
  numRuns: number;
  /** Most store latency injected per call, in ms. Default 3. */
  maxLatencyMs?: number;
}

/** A deterministic stream of numbers in [0, 1) (mulberry32), so a failing run replays. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The same store, each call delayed by 0..maxMs before it reaches the store and after it returns. */
export function withLatency(store: SessionStore, maxMs: number, random: () => number): SessionStore {
  const delay = () => sleep(Math.floor(random() * (maxMs + 1)));
  const slow =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      await delay();
      const result = await call(...args);
      await delay();
      return result;
    };
  const slowed: SessionStore = {
    putEvent: slow((entry) => store.putEvent(entry)),
    link: slow((id, eventId) => store.link(id, eventId)),
    linked: slow((id, from) => store.linked(id, from)),
    getEvents: slow((eventIds) => store.getEvents(eventIds)),
  };
  const finish = store.finish?.bind(store);
  if (finish) slowed.finish = slow(finish);
  return slowed;
}

function entry(eventId: string, ids: TimelineEntry['facts']['ids'] = {}): TimelineEntry {
  return { eventId, type: 'CAAS.BUY.COMPLETED', at: '2026-01-01T00:00:00.000Z', facts: { ids, status: 'completed', quote: { debit: { amount: '20.00', currency: 'USD' } } } };
}

export function describeSessionStore(name: string, makeStore: () => Promise<StoreUnderTest>, options: SessionStoreSuiteOptions): void {
  describe(`SessionStore conformance: ${name}`, () => {
    let subject: StoreUnderTest;
    let store: SessionStore;
    // Keys unique to this run, so a shared Redis or Postgres can be reused.
    const tag = () => `${crypto.randomUUID()}`;

    beforeAll(async () => {
      subject = await makeStore();
      store = subject.store;
    });
    afterAll(async () => {
      await subject?.cleanup?.();
    });

    it('returns an event as it was stored, and leaves out unknown ids', async () => {
      const id = `evt-${tag()}`;
      const stored = entry(id, { transactionId: '42', externalSessionId: 'abc' });
      await store.putEvent(stored);
      expect(await store.getEvents([id, `missing-${tag()}`])).toEqual([stored]);
      expect(await store.getEvents([])).toEqual([]);
    });

    it('keeps one entry per event id when it is stored twice', async () => {
      const id = `evt-${tag()}`;
      await store.putEvent(entry(id));
      await store.putEvent(entry(id));
      expect(await store.getEvents([id])).toHaveLength(1);
    });

    it('lists links in the order they were made, from a position', async () => {
      const id = `externalSessionId:${tag()}`;
      const events = ['a', 'b', 'c'].map((letter) => `${letter}-${tag()}`);
      for (const eventId of events) {
        await store.putEvent(entry(eventId));
        await store.link(id, eventId);
      }
      expect(await store.linked(id, 0)).toEqual(events);
      expect(await store.linked(id, 1)).toEqual(events.slice(1));
      expect(await store.linked(id, 3)).toEqual([]);
      expect(await store.linked(`externalSessionId:${tag()}`, 0)).toEqual([]);
    });

    it('keeps the first position of a link made twice', async () => {
      const id = `orderTemplateId:${tag()}`;
      const [first, second] = [`a-${tag()}`, `b-${tag()}`];
      for (const eventId of [first, second, first]) {
        await store.putEvent(entry(eventId));
        await store.link(id, eventId);
      }
      const listed = await store.linked(id, 0);
      expect([...new Set(listed)]).toEqual([first, second]);
    });

    it('loses no link and moves no position when links are made concurrently', async () => {
      const id = `transactionId:${tag()}`;
      const events = Array.from({ length: 40 }, (_, index) => `e${index}-${tag()}`);
      await Promise.all(events.map((eventId) => store.putEvent(entry(eventId))));
      const prefixes: string[][] = [];
      await Promise.all([
        ...events.map((eventId) => store.link(id, eventId)),
        ...Array.from({ length: 10 }, async () => prefixes.push(await store.linked(id, 0))),
      ]);
      const final = await store.linked(id, 0);
      expect(new Set(final)).toEqual(new Set(events));
      for (const prefix of prefixes) expect(final.slice(0, prefix.length)).toEqual(prefix);
    });

    it(`keeps every event of a session in one record, whatever the arrival order and concurrency (${options.numRuns} runs)`, async () => {
      let run = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...sessionPathNames),
          fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 16, maxLength: 16 }),
          fc.array(fc.nat(), { maxLength: 4 }),
          fc.integer({ min: 1, max: 4 }),
          fc.integer(),
          async (pathName, sortKeys, duplicates, processes, latencySeed) => {
            const path = sessionPath(pathName, `${tag()}-${run++}`);
            const expected = sequentialState(path.events)!;
            expect(expected.status).toBe(path.status);
            const deliveries = [...path.events, ...duplicates.map((pick) => path.events[pick % path.events.length]!)]
              .map((event, index) => ({ event, key: sortKeys[index % sortKeys.length]! + index * 1e-9 }))
              .sort((a, b) => a.key - b.key)
              .map(({ event }) => event);
            const slow = withLatency(store, options.maxLatencyMs ?? 3, seededRandom(latencySeed));
            const claims = subject.claims ?? new MemoryClaimStore();
            const trackers = Array.from({ length: processes }, () => new SessionTracker({ store: slow, claims }));
            let effects = 0;
            const returned = await Promise.all(
              deliveries.map(async (event, index) => {
                const tracker = trackers[index % processes]!;
                const session = await tracker.ingest(event);
                if (session?.status === path.status) await tracker.once(session, `reached-${path.status}`, () => effects++);
                return session;
              }),
            );
            // A fresh reader (no cache) finds the one complete record under every id.
            const reader = new SessionTracker({ store });
            for (const [kind, value] of path.ids) expect(await reader.get(kind, value)).toEqual(expected);
            // Of racing ingests, the one whose writes finished last saw everything.
            expect(returned).toContainEqual(expected);
            expect(effects).toBe(1);
          },
        ),
        { numRuns: options.numRuns },
      );
      // Each run waits out its injected latency: allow for it on a busy machine.
    }, Math.max(60_000, options.numRuns * 400));
  });
}
