// ClaimStore on real Redis (both clients) and Postgres: among any number of concurrent claimers
// on separate connections, exactly one wins; release and expiry hand the key on.
import Redis from 'ioredis';
import pg from 'pg';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError, type ClaimStore } from 'coinme-sdk';
import { PostgresClaimStore, migrate } from 'coinme-sdk/postgres';
import { RedisClaimStore } from 'coinme-sdk/redis';
import { describeClaimStore } from '../../helpers/claim-store-contract.js';
import { describeWith, uniqueName } from '../../helpers/services.js';

const connections = 8;
const claimers = 200;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function claimStoreSuite(open: () => Promise<{ stores: ClaimStore[]; close: () => Promise<void> }>): void {
  let stores: ClaimStore[] = [];
  let close: () => Promise<void> = async () => {};
  beforeAll(async () => ({ stores, close } = await open()));
  afterAll(() => close());
  const store = (index: number): ClaimStore => stores[index % stores.length] as ClaimStore;

  it(`${claimers} concurrent claimers over ${connections} connections: exactly one wins, for each of 20 keys`, async () => {
    for (let round = 0; round < 20; round += 1) {
      const key = `race:${round}`;
      const wins = await Promise.all(Array.from({ length: claimers }, (_, index) => store(index).claim(key, 60_000)));
      expect(wins.filter(Boolean)).toHaveLength(1);
    }
  });

  it('a released key can be claimed again; a held one cannot', async () => {
    expect(await store(0).claim('release', 60_000)).toBe(true);
    expect(await store(1).claim('release', 60_000)).toBe(false);
    await store(2).release('release');
    expect(await store(3).claim('release', 60_000)).toBe(true);
  });

  it('an expired claim is taken over, by exactly one of many', async () => {
    expect(await store(0).claim('expiry', 100)).toBe(true);
    expect(await store(1).claim('expiry', 100)).toBe(false);
    await sleep(250);
    const wins = await Promise.all(Array.from({ length: 50 }, (_, index) => store(index).claim('expiry', 60_000)));
    expect(wins.filter(Boolean)).toHaveLength(1);
  });

  it('rejects a bad ttl or key with a ValidationError naming it', async () => {
    await expect(store(0).claim('k', 0)).rejects.toMatchObject({ name: 'ValidationError', field: 'ttlMs' });
    await expect(store(0).claim('k', 1.5)).rejects.toBeInstanceOf(ValidationError);
    await expect(store(0).claim('', 1000)).rejects.toMatchObject({ field: 'key' });
  });
}

describeWith('REDIS_URL', 'RedisClaimStore', (url) => {
  describe('with node-redis', () =>
    claimStoreSuite(async () => {
      const prefix = `${uniqueName('claims')}:`;
      const clients = await Promise.all(Array.from({ length: connections }, () => createClient({ url }).connect()));
      return { stores: clients.map((client) => new RedisClaimStore({ client, prefix })), close: async () => void (await Promise.all(clients.map((client) => client.quit()))) };
    }));
  describe('with ioredis', () =>
    claimStoreSuite(async () => {
      const prefix = `${uniqueName('claims')}:`;
      const clients = Array.from({ length: connections }, () => new Redis(url));
      return { stores: clients.map((client) => new RedisClaimStore({ client, prefix })), close: async () => void (await Promise.all(clients.map((client) => client.quit()))) };
    }));
  it('rejects something that is not a Redis client, naming the option', () => {
    expect(() => new RedisClaimStore({ client: {} as never })).toThrow(/client/);
  });
});

describeWith('DATABASE_URL', 'PostgresClaimStore', (url) => {
  const schema = uniqueName('claims');
  const pool = new pg.Pool({ connectionString: url, max: connections });
  afterAll(async () => {
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool.end();
  });

  it('migrate is safe to run twice, and from several connections at once', async () => {
    await migrate(pool, { schema });
    await Promise.all(Array.from({ length: 4 }, () => migrate(pool, { schema })));
    const { rows } = await pool.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1`, [schema]);
    expect(rows.map((row: { table_name: string }) => row.table_name)).toContain('coinme_claims');
  });

  describe('claims', () =>
    claimStoreSuite(async () => {
      await migrate(pool, { schema });
      const store = new PostgresClaimStore({ pool, schema });
      return { stores: [store], close: async () => {} };
    }));

  it('purgeExpired removes only expired claims', async () => {
    const store = new PostgresClaimStore({ pool, schema });
    await store.claim('purge:short', 50);
    await store.claim('purge:long', 60_000);
    await sleep(120);
    expect(await store.purgeExpired()).toBeGreaterThanOrEqual(1);
    expect(await store.claim('purge:long', 60_000)).toBe(false);
  });

  it('rejects a schema name that is not a plain identifier', () => {
    expect(() => new PostgresClaimStore({ pool, schema: 'x"; DROP TABLE y; --' })).toThrow(ValidationError);
  });
});

// The shared conformance suite every ClaimStore backend runs.
describeWith('REDIS_URL', 'RedisClaimStore conformance', (url) => {
  describeClaimStore('redis (node-redis)', async () => {
    const client = await createClient({ url }).connect();
    return { claims: new RedisClaimStore({ client, prefix: `${uniqueName('conformance')}:` }), cleanup: async () => void (await client.quit()) };
  });
  describeClaimStore('redis (ioredis)', async () => {
    const client = new Redis(url);
    return { claims: new RedisClaimStore({ client, prefix: `${uniqueName('conformance')}:` }), cleanup: async () => void (await client.quit()) };
  });
});

describeWith('DATABASE_URL', 'PostgresClaimStore conformance', (url) => {
  describeClaimStore('postgres', async () => {
    const schema = uniqueName('conformance');
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    await migrate(pool, { schema });
    return {
      claims: new PostgresClaimStore({ pool, schema }),
      cleanup: async () => {
        await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await pool.end();
      },
    };
  });
});
