// Several processes, one store: 4 Node processes receive the events of 1,000 sessions (every
// documented path), shuffled, with repeats, over HTTP through the Node webhook middleware, into
// SessionTrackers sharing Redis or Postgres. 2% of store calls fail, so those deliveries are
// answered 500 and sent again, as Coinme retries. Expect every session complete in one record, no
// event lost, and the "credit the user" effect run exactly once per completed session.
// (SESSIONS=n runs n sessions instead of 1,000, for a quick local check.)
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import { createClient } from 'redis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type SessionStore, SessionTracker } from 'coinme-sdk';
import { PostgresSessionStore, migrate } from 'coinme-sdk/postgres';
import { RedisSessionStore } from 'coinme-sdk/redis';
import { sign } from 'coinme-sdk/testing';
import { describeWith, uniqueName } from '../../helpers/services.js';
import { sequentialState, sessionPath, sessionPathNames, type SessionPath } from '../../helpers/session-paths.js';
import { seededRandom } from '../../helpers/session-store-contract.js';

const processes = 4;
const sessions = Number(process.env['SESSIONS'] ?? 1_000);
const repeatRate = 0.05;
const failRate = 0.02;
const concurrency = 32;
const secret = 'whsec_fleet_test_3c9d1a';
const root = fileURLToPath(new URL('../../../', import.meta.url));
const workerPath = fileURLToPath(new URL('./workers/webhook-worker.ts', import.meta.url));

interface Report {
  credited: string[];
  processed: number;
  injectedFailures: number;
}

function startWorker(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', workerPath], { cwd: root, env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<void>((resolve, reject) =>
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`worker exited ${code}: ${stderr.slice(0, 2000)}`)))),
  );
  const port = new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const match = /^port (\d+)\n/.exec(stdout);
      if (match) resolve(Number(match[1]));
    });
    exited.then(() => reject(new Error(`worker ended before listening: ${stderr.slice(0, 2000)}`)), reject);
  });
  return {
    port,
    stop: async (): Promise<Report> => {
      child.stdin.end('exit\n');
      await exited;
      return JSON.parse(stdout.slice(stdout.indexOf('\n') + 1)) as Report;
    },
  };
}

interface Delivery {
  body: string;
  headers: Record<string, string>;
}

async function deliveriesOf(paths: SessionPath[], random: () => number): Promise<Delivery[]> {
  const events = paths.flatMap((path) => path.events);
  const withRepeats = [...events, ...events.filter(() => random() < repeatRate)];
  const shuffled = withRepeats
    .map((event) => ({ event, key: random() }))
    .sort((a, b) => a.key - b.key)
    .map(({ event }) => event);
  return Promise.all(shuffled.map((event) => sign(JSON.stringify(event.payload), secret)));
}

async function runFleet(backend: 'redis' | 'postgres', serviceUrl: string, namespace: string, reader: { store: SessionStore }) {
  const random = seededRandom(1_000 + sessions);
  const paths = Array.from({ length: sessions }, (_, index) => sessionPath(sessionPathNames[index % sessionPathNames.length]!, `${namespace}-${index}`));
  const deliveries = await deliveriesOf(paths, random);
  const workers = Array.from({ length: processes }, () =>
    startWorker({ BACKEND: backend, SERVICE_URL: serviceUrl, NAMESPACE: namespace, WEBHOOK_SECRET: secret, FAIL_RATE: String(failRate) }),
  );
  const ports = await Promise.all(workers.map((worker) => worker.port));

  // Coinme's side: each delivery goes to any instance; a non-2xx answer is delivered again.
  let sent = 0;
  let answered500 = 0;
  const queue = [...deliveries];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let delivery = queue.shift(); delivery; delivery = queue.shift()) {
        const port = ports[Math.floor(random() * ports.length)]!;
        sent += 1;
        const response = await fetch(`http://127.0.0.1:${port}/webhooks`, { method: 'POST', headers: delivery.headers, body: delivery.body });
        await response.arrayBuffer();
        if (response.status !== 200) {
          answered500 += response.status === 500 ? 1 : 0;
          if (response.status !== 500) throw new Error(`unexpected ${response.status}`);
          queue.push(delivery);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const reports = await Promise.all(workers.map((worker) => worker.stop()));

  // A fresh reader finds every session complete, under every id it is known by.
  const check = new SessionTracker({ store: reader.store });
  let complete = 0;
  let lostEvents = 0;
  let completed = 0;
  for (const path of paths) {
    const expected = sequentialState(path.events)!;
    if (expected.status === 'completed') completed += 1;
    const [kind, value] = path.ids[0]!;
    const found = await check.get(kind, value);
    lostEvents += path.events.length - (found?.timeline.length ?? 0);
    // Through JSON: a backend may return object keys in another order (Postgres jsonb).
    if (isDeepStrictEqual(JSON.parse(JSON.stringify(found ?? null)), JSON.parse(JSON.stringify(expected)))) complete += 1;
    else expect(found).toEqual(expected);
  }
  const credits = new Map<string, number>();
  for (const session of reports.flatMap((report) => report.credited)) credits.set(session, (credits.get(session) ?? 0) + 1);
  const result = {
    backend,
    processes,
    sessions,
    deliveries: deliveries.length,
    sent,
    answered500,
    injectedFailures: reports.reduce((sum, report) => sum + report.injectedFailures, 0),
    deliveriesPerSecond: Math.round(sent / seconds),
    complete,
    lostEvents,
    completedSessions: completed,
    credited: credits.size,
    creditedTwice: [...credits.values()].filter((count) => count > 1).length,
  };
  console.log(`webhook fleet: ${JSON.stringify(result)}`);
  return { result, credits, paths };
}

function expectEveryEventKept({ result, credits, paths }: Awaited<ReturnType<typeof runFleet>>): void {
  expect(result.complete).toBe(sessions);
  expect(result.lostEvents).toBe(0);
  expect(result.answered500).toBeGreaterThan(0); // failures were injected, and retried
  const completedIds = paths.filter((path) => path.status === 'completed').map((path) => path.ids.find(([kind]) => kind === 'externalSessionId')![1]);
  expect(new Set(credits.keys())).toEqual(new Set(completedIds));
  expect([...credits.values()].every((count) => count === 1)).toBe(true);
}

describeWith('REDIS_URL', 'webhook fleet on Redis', (url) => {
  const namespace = `${uniqueName('fleet')}:`;
  let client: Awaited<ReturnType<typeof createClient>> | undefined;
  afterAll(async () => void (await client?.quit()));

  it(`4 processes, ${sessions} sessions: every record complete, effects exactly once`, async () => {
    client = await createClient({ url }).connect();
    expectEveryEventKept(await runFleet('redis', url, namespace, { store: new RedisSessionStore({ client, prefix: namespace }) }));
  }, 1_200_000);
});

describeWith('DATABASE_URL', 'webhook fleet on Postgres', (url) => {
  const schema = uniqueName('fleet');
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  beforeAll(() => migrate(pool, { schema }));
  afterAll(async () => {
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool.end();
  });

  it(`4 processes, ${sessions} sessions: every record complete, effects exactly once`, async () => {
    expectEveryEventKept(await runFleet('postgres', url, schema, { store: new PostgresSessionStore({ pool, schema }) }));
  }, 1_200_000);
});

