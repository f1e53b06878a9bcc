// The conformance suite every ClaimStore backend runs (memory here; Redis and Postgres beside
// their backends): set-if-absent with expiry, release, and one winner under contention.
//
//   describeClaimStore('memory', async () => ({ claims: new MemoryClaimStore() }));
import type { ClaimStore } from 'coinme-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

export interface ClaimStoreUnderTest {
  claims: ClaimStore;
  cleanup?: () => Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function describeClaimStore(name: string, makeClaims: () => Promise<ClaimStoreUnderTest>): void {
  describe(`ClaimStore conformance: ${name}`, () => {
    let subject: ClaimStoreUnderTest;
    let claims: ClaimStore;
    const key = () => `claim-test:${crypto.randomUUID()}`;

    beforeAll(async () => {
      subject = await makeClaims();
      claims = subject.claims;
    });
    afterAll(async () => {
      await subject?.cleanup?.();
    });

    it('gives a key to the first caller only', async () => {
      const k = key();
      expect(await claims.claim(k, 60_000)).toBe(true);
      expect(await claims.claim(k, 60_000)).toBe(false);
    });

    it('frees a key on release', async () => {
      const k = key();
      await claims.claim(k, 60_000);
      await claims.release(k);
      expect(await claims.claim(k, 60_000)).toBe(true);
      await claims.release(key()); // releasing a key nobody holds is fine
    });

    it('frees a key once its ttl passed', async () => {
      const k = key();
      expect(await claims.claim(k, 50)).toBe(true);
      expect(await claims.claim(k, 50)).toBe(false);
      await sleep(120);
      expect(await claims.claim(k, 60_000)).toBe(true);
    });

    it('lets exactly one of 50 concurrent callers take a key', async () => {
      const k = key();
      const results = await Promise.all(Array.from({ length: 50 }, () => claims.claim(k, 60_000)));
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('keeps keys apart', async () => {
      const [a, b] = [key(), key()];
      expect(await claims.claim(a, 60_000)).toBe(true);
      expect(await claims.claim(b, 60_000)).toBe(true);
      await claims.release(a);
      expect(await claims.claim(b, 60_000)).toBe(false);
    });
  });
}
