// The client's `tokenCache` option: clients sharing a cache share one token and one refresh.
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CoinmeClient, MemoryTokenCache, ValidationError, type SharedToken, type TokenCache } from 'coinme-sdk';
import { createMockCoinme } from 'coinme-sdk/testing';

const mock = createMockCoinme({ environment: 'staging' });
const server = setupServer(...mock.handlers);
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => mock.reset());
afterAll(() => server.close());

const authorizeCount = (): number => mock.requestsTo('/authorize').length;
const client = (tokenCache?: TokenCache): CoinmeClient =>
  new CoinmeClient({ ...mock.credentials, environment: 'staging', now: mock.clock.now, retryDelay: { initial: 1, max: 4 }, ...(tokenCache ? { tokenCache } : {}) });

/** A cache that records what goes through it, over a real MemoryTokenCache. */
function recordingCache(inner: TokenCache = new MemoryTokenCache({ now: mock.clock.now })) {
  const stored: SharedToken[] = [];
  const claimed: string[] = [];
  const cache: TokenCache = {
    get: (key) => inner.get(key),
    set: async (key, entry) => {
      stored.push(entry);
      await inner.set(key, entry);
    },
    claim: (key, ttlMs) => {
      claimed.push(key);
      return inner.claim(key, ttlMs);
    },
    release: (key) => inner.release(key),
  };
  return { cache, stored, claimed };
}

describe('CoinmeClient({ tokenCache })', () => {
  it('five clients sharing a cache, 5 concurrent calls each, make one authorize', async () => {
    const { cache } = recordingCache();
    const clients = Array.from({ length: 5 }, () => client(cache));
    mock.setLatency(5);
    const results = await Promise.all(clients.flatMap((coinme) => Array.from({ length: 5 }, () => coinme.locationLicensing.list())));
    expect(results).toHaveLength(25);
    expect(authorizeCount()).toBe(1);
    expect(new Set(mock.requestsTo('/locationlicensing').map((request) => request.tokenSerial)).size).toBe(1);
  });

  it('without a shared cache, each client authorizes for itself (the default)', async () => {
    await Promise.all([client().cryptoChains.list(), client().cryptoChains.list()]);
    expect(authorizeCount()).toBe(2);
  });

  it('refreshes before the shared token expires, once for all clients', async () => {
    const { cache, stored } = recordingCache();
    const [a, b] = [client(cache), client(cache)];
    await a.cryptoChains.list();
    await b.cryptoChains.list();
    mock.clock.advance(29.5 * 60_000); // inside the safety margin of a 30-minute staging token
    await Promise.all([a.cryptoChains.list(), b.cryptoChains.list()]);
    expect(authorizeCount()).toBe(2);
    expect(stored).toHaveLength(2);
    const [first, second] = stored as [SharedToken, SharedToken];
    expect(first.refreshAt).toBeLessThan(first.expiresAt);
    expect(second.expiresAt).toBeGreaterThan(first.expiresAt);
    expect(mock.requests.filter((request) => request.path !== '/authorize').every((request) => request.authenticated)).toBe(true);
  });

  it('never adopts a token Coinme refused, even while the shared cache still holds it', async () => {
    const { cache } = recordingCache();
    const [a, b] = [client(cache), client(cache)];
    await a.cryptoChains.list();
    await b.cryptoChains.list();
    mock.revokeTokens();
    await a.cryptoChains.list(); // 401, then one refresh stored for everyone
    await b.cryptoChains.list(); // 401 with the old token, then adopts a's new one
    expect(authorizeCount()).toBe(2);
    expect(mock.requestsTo('/cryptoChains').map((request) => request.authenticated)).toEqual([true, true, false, true, false, true]);
  });

  it('keeps working when the shared cache fails: it authorizes alone', async () => {
    const broken: TokenCache = {
      get: () => Promise.reject(new Error('cache down')),
      set: () => Promise.reject(new Error('cache down')),
      claim: () => Promise.reject(new Error('cache down')),
      release: () => Promise.reject(new Error('cache down')),
    };
    const assets = await client(broken).cryptoChains.list();
    expect(assets).toHaveLength(8);
    expect(authorizeCount()).toBe(1);
  });

  it('waits for the instance holding the refresh lock instead of authorizing too', async () => {
    const shared = new MemoryTokenCache({ now: mock.clock.now });
    const key = `${mock.baseUrl}|${mock.credentials.partnerId}`;
    expect(await shared.claim(`${key}:refresh`, 10_000)).toBe(true); // another instance is refreshing
    const pending = client(shared).cryptoChains.list();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(authorizeCount()).toBe(0);
    // That instance authorizes and publishes its token, then lets go of the lock.
    const elsewhere = new MemoryTokenCache({ now: mock.clock.now });
    await client(elsewhere).cryptoChains.list();
    const published = await elsewhere.get(key);
    if (!published) throw new Error('the other instance published no token');
    await shared.set(key, published);
    await shared.release(`${key}:refresh`);
    await expect(pending).resolves.toHaveLength(8);
    expect(authorizeCount()).toBe(1);
    const [theirs, ours] = mock.requestsTo('/cryptoChains').map((request) => request.tokenSerial);
    expect(ours).toBe(theirs);
  });

  it('lets go of the refresh lock once it has authorized', async () => {
    const shared = new MemoryTokenCache({ now: mock.clock.now });
    const key = `${mock.baseUrl}|${mock.credentials.partnerId}`;
    await client(shared).cryptoChains.list();
    expect(authorizeCount()).toBe(1);
    expect(await shared.claim(`${key}:refresh`, 10_000)).toBe(true);
  });

  it('a client that finds a fresh shared token takes no lock', async () => {
    const { cache, claimed } = recordingCache();
    await client(cache).cryptoChains.list();
    await client(cache).cryptoChains.list();
    expect(authorizeCount()).toBe(1);
    expect(claimed).toHaveLength(1);
  });

  it('adopts a token another instance stored between its read and its claim of the lock', async () => {
    const key = `${mock.baseUrl}|${mock.credentials.partnerId}`;
    const elsewhere = new MemoryTokenCache({ now: mock.clock.now });
    await client(elsewhere).cryptoChains.list();
    const published = await elsewhere.get(key);
    if (!published) throw new Error('the other instance published no token');
    const inner = new MemoryTokenCache({ now: mock.clock.now });
    const racing: TokenCache = {
      get: (name) => inner.get(name),
      set: (name, entry) => inner.set(name, entry),
      // The other instance finishes its refresh just before this one claims the lock.
      claim: async (name, ttlMs) => {
        await inner.set(key, published);
        return inner.claim(name, ttlMs);
      },
      release: (name) => inner.release(name),
    };
    await client(racing).cryptoChains.list();
    expect(authorizeCount()).toBe(1);
    const [theirs, ours] = mock.requestsTo('/cryptoChains').map((request) => request.tokenSerial);
    expect(ours).toBe(theirs);
  });

  it('rejects a tokenCache that is not one, naming the option', () => {
    expect(() => new CoinmeClient({ ...mock.credentials, tokenCache: {} as TokenCache })).toThrow(ValidationError);
    expect(() => new CoinmeClient({ ...mock.credentials, tokenCache: {} as TokenCache })).toThrow(/tokenCache/);
  });
});
