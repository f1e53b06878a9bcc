// The SessionStore conformance suite (contract + concurrency property) on real Redis, with both
// clients, and on real Postgres. CI runs 1,000 property runs per backend (Redis: through
// node-redis; ioredis, the same server-side scripts, gets a fifth); locally SESSION_STORE_RUNS
// (default 50) sets how many.
import Redis from 'ioredis';
import pg from 'pg';
import { createClient } from 'redis';
import { afterAll, expect, it, vi } from 'vitest';
import { PostgresClaimStore, PostgresSessionStore, migrate } from 'coinme-sdk/postgres';
import { RedisClaimStore, RedisSessionStore } from 'coinme-sdk/redis';
import { describeWith, uniqueName } from '../../helpers/services.js';
import { describeSessionStore, seededRandom } from '../../helpers/session-store-contract.js';

const numRuns = process.env['CI'] === 'true' ? 1_000 : Number(process.env['SESSION_STORE_RUNS'] ?? 50);
// A thousand runs over real round trips take minutes on a busy machine.
vi.setConfig({ testTimeout: 1_200_000 });

describeWith('REDIS_URL', 'RedisSessionStore', (url) => {
  describeSessionStore(
    'redis (node-redis)',
    async () => {
      const client = await createClient({ url }).connect();
      const prefix = `${uniqueName('sessions')}:`;
      return { store: new RedisSessionStore({ client, prefix }), claims: new RedisClaimStore({ client, prefix }), cleanup: async () => void (await client.quit()) };
    },
    { numRuns },
  );
  describeSessionStore(
    'redis (ioredis)',
    async () => {
      const client = new Redis(url);
      const prefix = `${uniqueName('sessions')}:`;
      return { store: new RedisSessionStore({ client, prefix }), claims: new RedisClaimStore({ client, prefix }), cleanup: async () => void (await client.quit()) };
    },
    { numRuns: Math.max(20, Math.round(numRuns / 5)) },
  );
});

describeWith('DATABASE_URL', 'PostgresSessionStore', (url) => {
  const schema = uniqueName('sessions');
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  afterAll(async () => {
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool.end();
  });
  describeSessionStore(
    'postgres',
    async () => {
      await migrate(pool, { schema });
      return { store: new PostgresSessionStore({ pool, schema }), claims: new PostgresClaimStore({ pool, schema }) };
    },
    { numRuns },
  );

  it('finishing the same sessions from many instances at once, keys in any order, never deadlocks', async () => {
    await migrate(pool, { schema });
    const store = new PostgresSessionStore({ pool, schema });
    const ids = Array.from({ length: 12 }, (_, index) => `externalSessionId:finish-${index}`);
    for (const [index, id] of ids.entries()) {
      await store.putEvent({ eventId: `finish-evt-${index}`, type: 'CAAS.BUY.COMPLETED', at: '2026-01-01T00:00:00.000Z', facts: { ids: {} } });
      await store.link(id, `finish-evt-${index}`);
    }
    const eventIds = ids.map((_, index) => `finish-evt-${index}`);
    const random = seededRandom(7);
    const shuffled = <T>(list: readonly T[]) => list.map((item) => ({ item, key: random() })).sort((a, b) => a.key - b.key).map(({ item }) => item);
    const runs = Array.from({ length: 40 }, () => store.finish({ ids: shuffled(ids), eventIds: shuffled(eventIds) }));
    await expect(Promise.all(runs)).resolves.toHaveLength(40);
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM "${schema}".coinme_session_heads WHERE id = ANY($1::text[]) AND expires_at IS NOT NULL`, [ids]);
    expect(rows[0]?.n).toBe(ids.length);
  });
});
