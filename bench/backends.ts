// Session-lifecycle ingest on each backend, measured on the built package (reported, not gated):
// throughput (events/s) and p50/p99 latency of `tracker.ingest` with 16 ingests in flight, and
// the per-event cost of one session growing from 10 to 4,000 events.
//
//   npm run build && REDIS_URL=... DATABASE_URL=... tsx bench/backends.ts   (.ci/services/start gives both)
//
// Backends without a URL are left out. Keys go under a fresh prefix / schema, dropped at the end.
import Redis from 'ioredis';
import pg from 'pg';
import { createClient } from 'redis';
import type * as Sdk from 'coinme-sdk';
import type * as PostgresEntry from 'coinme-sdk/postgres';
import type * as RedisEntry from 'coinme-sdk/redis';
import type * as Testing from 'coinme-sdk/testing';
import type * as Webhooks from 'coinme-sdk/webhooks';

// Loaded by name through the package's `exports`, so dist/ is what gets measured.
const load = <T>(name: string): Promise<T> => import(name) as Promise<T>;
const sdk = await load<typeof Sdk>('coinme-sdk');
const redisEntry = await load<typeof RedisEntry>('coinme-sdk/redis');
const postgresEntry = await load<typeof PostgresEntry>('coinme-sdk/postgres');
const { createEvents } = await load<typeof Testing>('coinme-sdk/testing');
const { parseWebhook } = await load<typeof Webhooks>('coinme-sdk/webhooks');

const sessions = Number(process.env['BENCH_SESSIONS'] ?? 200);
const inFlight = 16;
const tag = `bench_${process.pid}`;

interface Backend {
  name: string;
  store: Sdk.SessionStore;
  close: () => Promise<unknown>;
}

async function backends(): Promise<Backend[]> {
  const list: Backend[] = [{ name: 'memory', store: new sdk.MemorySessionStore(), close: async () => {} }];
  const redisUrl = process.env['REDIS_URL'];
  if (redisUrl) {
    const nodeRedis = await createClient({ url: redisUrl }).connect();
    list.push({ name: 'redis (node-redis)', store: new redisEntry.RedisSessionStore({ client: nodeRedis, prefix: `${tag}:a:` }), close: () => nodeRedis.quit() });
    const ioredis = new Redis(redisUrl);
    list.push({ name: 'redis (ioredis)', store: new redisEntry.RedisSessionStore({ client: ioredis, prefix: `${tag}:b:` }), close: () => ioredis.quit() });
  }
  const databaseUrl = process.env['DATABASE_URL'];
  if (databaseUrl) {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: inFlight });
    await postgresEntry.migrate(pool, { schema: tag });
    list.push({
      name: 'postgres',
      store: new postgresEntry.PostgresSessionStore({ pool, schema: tag }),
      close: async () => {
        await pool.query(`DROP SCHEMA IF EXISTS "${tag}" CASCADE`);
        await pool.end();
      },
    });
  }
  return list;
}

/** The events of `count` card and cash sessions, interleaved as concurrent sessions arrive. */
function workload(count: number, label: string): Webhooks.WebhookEvent[] {
  const perSession = Array.from({ length: count }, (_, index) => {
    let minute = 0;
    const events = createEvents({ seed: `${label}:${index}`, now: () => new Date(Date.UTC(2026, 0, 1, 12, minute++)) });
    const session = `s-${label}-${index}`;
    const caas = { transactionId: `tx-${label}-${index}`, externalSessionId: session, metadata: { orderTemplateId: null } };
    return [
      events['orchestrator.auth-state.changed']({ externalSessionId: session }),
      events['kyc-prove.onboarding.completed']({ externalSessionId: session }),
      events['CAAS.BUY.FULFILLED']({ data: caas }),
      events['CAAS.BUY.BLOCKCHAIN_ACCEPTED']({ data: caas }),
      events['CAAS.BUY.COMPLETED']({ data: caas }),
    ].map((body) => parseWebhook(JSON.stringify(body)));
  });
  const interleaved: Webhooks.WebhookEvent[] = [];
  for (let step = 0; step < 5; step += 1) for (const events of perSession) interleaved.push(events[step]!);
  return interleaved;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function throughput(backend: Backend): Promise<{ eventsPerSecond: number; p50: number; p99: number }> {
  const tracker = new sdk.SessionTracker({ store: backend.store });
  const events = workload(sessions, backend.name.replace(/\W/g, ''));
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      for (let index = next++; index < events.length; index = next++) {
        const at = performance.now();
        await tracker.ingest(events[index]!);
        latencies.push(performance.now() - at);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { eventsPerSecond: Math.round(events.length / seconds), p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

/** Mean ms per event over windows of one long session, sequential ingestion. */
async function longSession(backend: Backend, length: number): Promise<Array<{ at: number; msPerEvent: number }>> {
  const tracker = new sdk.SessionTracker({ store: backend.store });
  const events = createEvents({ seed: `long:${backend.name}` });
  const session = `long-${backend.name.replace(/\W/g, '')}-${process.pid}`;
  const marks = [10, 100, 1_000, length].filter((mark) => mark <= length);
  const windows: Array<{ at: number; msPerEvent: number }> = [];
  let started = performance.now();
  let since = 0;
  for (let index = 1; index <= length; index += 1) {
    await tracker.ingest(parseWebhook(JSON.stringify(events['orchestrator.auth-state.changed']({ externalSessionId: session }))));
    if (marks.includes(index)) {
      windows.push({ at: index, msPerEvent: (performance.now() - started) / (index - since) });
      started = performance.now();
      since = index;
    }
  }
  return windows;
}

const longLength = Number(process.env['BENCH_LONG_SESSION'] ?? 4_000);
console.log(`ingest, ${sessions} card sessions (${sessions * 5} events), ${inFlight} in flight; then one session of ${longLength} events`);
for (const backend of await backends()) {
  try {
    const { eventsPerSecond, p50, p99 } = await throughput(backend);
    const windows = await longSession(backend, longLength);
    const flat = windows.map((window) => `${window.at}: ${window.msPerEvent.toFixed(2)}`).join(', ');
    console.log(`${backend.name.padEnd(20)} ${String(eventsPerSecond).padStart(6)} events/s  p50 ${p50.toFixed(2)} ms  p99 ${p99.toFixed(2)} ms  | ms/event up to event ${flat}`);
  } finally {
    await backend.close();
  }
}
