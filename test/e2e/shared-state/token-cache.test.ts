// N serverless instances, one token: 8 Node processes make 200 concurrent calls each, cold and
// again after each of two token expiries (the shared test clock moves a token lifetime forward),
// against a loopback Coinme, sharing the token through Redis or Postgres. Expect one authorize per token lifetime, no call with an expired token, no
// failure. (FLEET=n runs n processes instead of 8, for a quick local check.)
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { migrate } from 'coinme-sdk/postgres';
import { describeWith, uniqueName } from '../../helpers/services.js';
import { startLoopbackCoinme, type LoopbackCoinme } from './loopback-coinme.js';

const processes = Number(process.env["FLEET"] ?? 8);
const concurrency = 200;
const lifetimeMs = 30 * 60_000; // a staging token
// A cold burst, then one burst after each of two expiries: every burst stampedes on a refresh.
const burstClockOffsetsMs = [0, lifetimeMs, 2 * lifetimeMs];
const root = fileURLToPath(new URL('../../../', import.meta.url));
const worker = fileURLToPath(new URL('./workers/token-worker.ts', import.meta.url));

let coinme: LoopbackCoinme;

interface WorkerReport {
  calls: number;
  failures: number;
  sample: string[];
}

interface Worker {
  ready: Promise<void>;
  /** Runs one burst at this clock offset; resolves when the worker is done with it. */
  burst: (clockOffsetMs: number) => Promise<void>;
  report: () => Promise<WorkerReport>;
}

function startWorker(backend: string, serviceUrl: string, namespace: string): Worker {
  const env = {
    ...process.env,
    BACKEND: backend,
    SERVICE_URL: serviceUrl,
    NAMESPACE: namespace,
    CONCURRENCY: String(concurrency),
    BASE_URL: coinme.baseUrl,
    PARTNER_ID: coinme.credentials.partnerId,
    CLIENT_SECRET: coinme.credentials.clientSecret,
    USER_AGENT: coinme.credentials.userAgent,
  };
  const child = spawn(process.execPath, ['--import', 'tsx', worker], { cwd: root, env });
  // Lines the worker printed, counted, and the waiters for a line's n-th occurrence.
  const seen = new Map<string, number>();
  const waiters = new Set<{ line: string; count: number; resolve: () => void }>();
  let pending = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    for (let newline = pending.indexOf('\n'); newline >= 0; newline = pending.indexOf('\n')) {
      const line = pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      seen.set(line, (seen.get(line) ?? 0) + 1);
    }
    for (const waiter of waiters) {
      if ((seen.get(waiter.line) ?? 0) < waiter.count) continue;
      waiters.delete(waiter);
      waiter.resolve();
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`worker timed out: ${stderr.slice(0, 2000)}`));
    }, 280_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`worker exited ${code}: ${stderr.slice(0, 2000)}`));
    });
  });
  const printed = (line: string, count: number) =>
    Promise.race([
      new Promise<void>((resolve) => ((seen.get(line) ?? 0) >= count ? resolve() : waiters.add({ line, count, resolve }))),
      exited.then(() => Promise.reject(new Error(`worker ended before printing ${line}: ${stderr.slice(0, 2000)}`))),
    ]);
  let bursts = 0;
  return {
    ready: printed('ready', 1),
    burst: (clockOffsetMs) => {
      child.stdin.write(`burst ${clockOffsetMs}\n`);
      return printed('done', ++bursts);
    },
    report: async () => {
      child.stdin.end('exit\n');
      await exited;
      return JSON.parse(pending) as WorkerReport;
    },
  };
}

async function runFleet(backends: string[], serviceUrl: string, namespace: string) {
  coinme = await startLoopbackCoinme(lifetimeMs);
  try {
    // Every process boots and connects first, so they all start cold at the same instant; each
    // burst starts in every process at once, after the clock moved past the last token's life.
    const workers = backends.map((backend) => startWorker(backend, serviceUrl, namespace));
    await Promise.all(workers.map((worker) => worker.ready));
    for (const offset of burstClockOffsetsMs) {
      coinme.offsetMs = offset;
      await Promise.all(workers.map((worker) => worker.burst(offset)));
    }
    const reports = await Promise.all(workers.map((worker) => worker.report()));
    const times = coinme.authorizeTimes;
    const result = {
      processes: backends.length,
      calls: reports.reduce((sum, report) => sum + report.calls, 0),
      failures: reports.reduce((sum, report) => sum + report.failures, 0),
      authorizes: times.length,
      tokenLifetimes: burstClockOffsetsMs.length,
      callsWithExpiredOrRefusedToken: coinme.refusedCalls,
      tokensUsed: coinme.tokensUsed.size,
      authorizeClockTimesMs: times.map((time) => time - (times[0] ?? time)),
    };
    console.log(`token cache fleet: ${JSON.stringify(result)}${result.failures ? ` ${JSON.stringify(reports.map((report) => report.sample))}` : ''}`);
    return result;
  } finally {
    await coinme.close();
  }
}

function expectOneAuthorizePerLifetime(result: Awaited<ReturnType<typeof runFleet>>): void {
  expect(result.failures).toBe(0);
  expect(result.callsWithExpiredOrRefusedToken).toBe(0);
  expect(result.calls).toBe(processes * concurrency * burstClockOffsetsMs.length);
  // Two expiries inside the run: the first token and two refreshes, each made by one instance.
  expect(result.authorizes).toBe(burstClockOffsetsMs.length);
  expect(result.tokensUsed).toBe(burstClockOffsetsMs.length);
}

describeWith('REDIS_URL', 'RedisTokenCache across 8 processes (4 node-redis, 4 ioredis)', (url) => {
  it('one authorize per token lifetime, 0 failures', async () => {
    const backends = Array.from({ length: processes }, (_, index) => (index % 2 ? 'ioredis' : 'node-redis'));
    expectOneAuthorizePerLifetime(await runFleet(backends, url, `${uniqueName('tokens')}:`));
  }, 300_000);
});

describeWith('DATABASE_URL', 'PostgresTokenCache across 8 processes', (url) => {
  const schema = uniqueName('tokens');
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  beforeAll(() => migrate(pool, { schema }));
  afterAll(async () => {
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool.end();
  });

  it('one authorize per token lifetime, 0 failures', async () => {
    expectOneAuthorizePerLifetime(await runFleet(Array.from({ length: processes }, () => 'postgres'), url, schema));
  }, 300_000);
});
