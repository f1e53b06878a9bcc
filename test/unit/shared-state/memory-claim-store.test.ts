import { EventDeduper, MemoryClaimStore } from 'coinme-sdk';
import { describe, expect, it } from 'vitest';
import { describeClaimStore } from '../../helpers/claim-store-contract.js';

describe('MemoryClaimStore', () => {
  it('gives a key to one caller until it expires or is released', async () => {
    let now = 0;
    const claims = new MemoryClaimStore({ now: () => now });
    expect(await claims.claim('k', 1000)).toBe(true);
    expect(await claims.claim('k', 1000)).toBe(false);
    now = 999;
    expect(await claims.claim('k', 1000)).toBe(false);
    now = 1000;
    expect(await claims.claim('k', 1000)).toBe(true);
    await claims.release('k');
    expect(await claims.claim('k', 1000)).toBe(true);
  });

  it('lets exactly one of many concurrent callers take a key', async () => {
    const claims = new MemoryClaimStore();
    const results = await Promise.all(Array.from({ length: 50 }, () => claims.claim('k', 60_000)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('holds at most maxEntries claims, dropping the oldest first', async () => {
    const claims = new MemoryClaimStore({ maxEntries: 3 });
    for (const key of ['a', 'b', 'c', 'd']) expect(await claims.claim(key, 60_000)).toBe(true);
    expect(claims.size).toBe(3);
    expect(await claims.claim('a', 60_000)).toBe(true); // dropped, so free again
    expect(await claims.claim('d', 60_000)).toBe(false);
  });

  it('keeps a re-taken key past the expiry of its earlier claim', async () => {
    let now = 0;
    const claims = new MemoryClaimStore({ maxEntries: 10, now: () => now });
    await claims.claim('k', 100);
    now = 200;
    expect(await claims.claim('k', 1000)).toBe(true);
    // The first claim's entry is swept; the second must survive it.
    now = 300;
    await claims.claim('other', 1000);
    expect(await claims.claim('k', 1000)).toBe(false);
  });

  it('stays O(1) per claim at capacity: the cost does not grow with the number held', async () => {
    const perClaim = async (capacity: number) => {
      const claims = new MemoryClaimStore({ maxEntries: capacity });
      for (let i = 0; i < capacity; i++) await claims.claim(`warm-${i}`, 3_600_000);
      const rounds = 20_000;
      const started = performance.now();
      for (let i = 0; i < rounds; i++) await claims.claim(`k-${i}`, 3_600_000);
      return (performance.now() - started) / rounds;
    };
    const small = await perClaim(1_000);
    const large = await perClaim(50_000);
    // A scan from the front of the map made this 50x; allow noise, not growth with size.
    expect(large).toBeLessThan(small * 8 + 0.01);
  });
});

describe('EventDeduper', () => {
  it('claims an id once until its TTL passes, then again', async () => {
    let now = 0;
    const dedupe = new EventDeduper({ store: new MemoryClaimStore({ now: () => now }), ttlMs: 1000 });
    expect(await dedupe.claim('evt_1')).toBe(true);
    expect(await dedupe.claim('evt_1')).toBe(false);
    now = 2000;
    expect(await dedupe.claim('evt_1')).toBe(true);
  });

  it('lets a released id through again, for the retry of a delivery that failed', async () => {
    const dedupe = new EventDeduper();
    expect(await dedupe.claim('a')).toBe(true);
    await dedupe.release('a');
    expect(await dedupe.claim('a')).toBe(true);
  });

  it('shares claims through its store, under its prefix', async () => {
    const store = new MemoryClaimStore();
    const one = new EventDeduper({ store });
    const other = new EventDeduper({ store });
    expect(await one.claim('evt')).toBe(true);
    expect(await other.claim('evt')).toBe(false);
    expect(await new EventDeduper({ store, prefix: 'billing:' }).claim('evt')).toBe(true);
  });
});

describeClaimStore('memory', async () => ({ claims: new MemoryClaimStore() }));
