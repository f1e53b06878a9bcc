// Every documented framework recipe, run for real: the snippet from docs/guides/webhooks.md (kept
// byte-identical in apps/*.ts, checked here) started on loopback and sent signed deliveries.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { events, sign } from 'coinme-sdk/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseTable, type Outcome } from './table.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const apps = join(root, 'test/e2e/frameworks/apps');
const SECRET = 'whsec_frameworks_e2e_5c2a';
const guide = readFileSync(join(root, 'docs/guides/webhooks.md'), 'utf8');

interface Framework {
  name: string;
  file: string;
  /** The consumed-body route: a path on the app, or the next port (node:http). */
  consumed: (base: string, port: number) => string;
}

const frameworks: Framework[] = [
  { name: 'Express 5', file: 'express.ts', consumed: (base) => `${base}/consumed` },
  { name: 'Express 5, express.raw first', file: 'express-raw-first.ts', consumed: (base) => `${base}/consumed` },
  { name: 'Fastify 5', file: 'fastify.ts', consumed: (base) => `${base}/consumed` },
  { name: 'Hono (@hono/node-server)', file: 'hono.ts', consumed: (base) => `${base}/consumed` },
  { name: 'node:http', file: 'node-http.ts', consumed: (_base, port) => `http://127.0.0.1:${port + 1}/api/coinme` },
];

const randomPort = () => 42_000 + Math.floor(Math.random() * 8_000) * 2;

/** The documented part of an app: everything above its `// docs:end` line. */
export function documentedPart(source: string): string {
  const end = source.indexOf('// docs:end');
  if (end < 0) throw new Error('no // docs:end marker');
  return source.slice(0, end).trimEnd();
}

/** Starts `command`, and resolves once `url` answers anything (or rejects after `ms`). */
export async function startServer(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  url: string,
  ms = 30_000,
): Promise<{ child: ChildProcess; lines: () => Record<string, unknown>[] }> {
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = () =>
    stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  const deadline = Date.now() + ms;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited ${child.exitCode}: ${stderr}`);
    const answered = await fetch(url, { signal: AbortSignal.timeout(1_000) }).then(
      () => true,
      () => false,
    );
    if (answered) return { child, lines };
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`${args.join(' ')} did not listen within ${ms} ms: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const post = (url: string, body: string, headers: Record<string, string>) =>
  fetch(url, { method: 'POST', body, headers, signal: AbortSignal.timeout(5_000) });

/** The four deliveries of the contract, and what each app answered. */
export async function runCases(url: string, consumedUrl: string, lines: () => Record<string, unknown>[]): Promise<Record<string, Outcome>> {
  const payload = events['CAAS.BUY.COMPLETED']({ data: { externalSessionId: 'order-42' } });
  const valid = await sign(payload, SECRET);
  const outcome: Record<string, Outcome> = {};

  const ok = await post(url, valid.body, valid.headers);
  outcome['valid'] = { status: ok.status, body: await ok.json() };
  await new Promise((resolve) => setTimeout(resolve, 100));
  outcome['valid'].seen = lines().find((line) => line['onEvent'] === 'CAAS.BUY.COMPLETED');

  const forged = await post(url, valid.body.replace('order-42', 'order-43'), valid.headers);
  outcome['bad signature'] = { status: forged.status, body: await forged.json() };

  const broken = await sign('{"name":', SECRET);
  const bad = await post(url, broken.body, broken.headers);
  outcome['bad body'] = { status: bad.status, body: await bad.json() };

  const before = lines().filter((line) => line['onError'] === 'webhook_body_consumed').length;
  const consumed = await post(consumedUrl, valid.body, valid.headers);
  outcome['body consumed'] = { status: consumed.status, body: await consumed.json() };
  await new Promise((resolve) => setTimeout(resolve, 100));
  outcome['body consumed'].onErrorCalled = lines().filter((line) => line['onError'] === 'webhook_body_consumed').length > before;
  return outcome;
}

/** The contract every framework must meet. */
export function expectContract(outcome: Record<string, Outcome>): void {
  expect(outcome['valid']).toMatchObject({ status: 200, body: { received: true }, seen: { onEvent: 'CAAS.BUY.COMPLETED', externalSessionId: 'order-42' } });
  expect(outcome['bad signature']).toMatchObject({ status: 401, body: { error: { code: 'webhook_signature_error' } } });
  expect(outcome['bad body']).toMatchObject({ status: 400, body: { error: { code: 'webhook_parse_error' } } });
  expect(outcome['body consumed']).toMatchObject({ status: 500, body: { error: { code: 'webhook_body_consumed' } }, onErrorCalled: true });
}

const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill();
  caseTable.print();
});

beforeAll(async () => {
  // The apps import coinme-sdk by name, which resolves to dist/: build what is being tested.
  await promisify(execFile)(process.execPath, [join(root, 'node_modules/tsup/dist/cli-default.js')], { cwd: root });
}, 120_000);

describe.each(frameworks)('$name, from the documented snippet', ({ name, file, consumed }) => {
  it('is the guide\'s snippet, byte for byte', () => {
    expect(guide).toContain(documentedPart(readFileSync(join(apps, file), 'utf8')));
  });

  it('answers valid 200 (typed event), bad signature 401, bad body 400, consumed body 500 webhook_body_consumed with onError', async () => {
    const port = randomPort();
    const base = `http://127.0.0.1:${port}`;
    const { child, lines } = await startServer(
      process.execPath,
      ['--import', 'tsx', join(apps, file)],
      { PORT: String(port), COINME_WEBHOOK_SECRET: SECRET },
      `${base}/api/coinme`,
    );
    children.push(child);
    const outcome = await runCases(`${base}/api/coinme`, consumed(base, port), lines);
    caseTable.add(name, outcome);
    expectContract(outcome);
  });
});

describe('Next.js App Router, from the README snippet, built without the secret', () => {
  const nextApp = join(root, 'test/e2e/frameworks/next-app');
  const work = join(root, '.ci/.cache/next-app');
  const next = join(root, 'node_modules/next/dist/bin/next');

  it('is the README\'s snippet, byte for byte', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toContain(documentedPart(readFileSync(join(nextApp, 'app/api/coinme/route.ts'), 'utf8')));
  });

  it('builds with no COINME_WEBHOOK_SECRET, then answers the four cases once started with it', async () => {
    // A copy inside the repository (so `coinme-sdk` resolves to dist/), as CI builds have no secrets.
    rmSync(work, { recursive: true, force: true });
    cpSync(nextApp, work, { recursive: true });
    cpSync(join(apps, 'harness.ts'), join(work, 'harness.ts'));
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('COINME_')));
    await promisify(execFile)(process.execPath, [next, 'build'], { cwd: work, env: { ...env, NEXT_TELEMETRY_DISABLED: '1' }, timeout: 400_000 });

    const port = randomPort();
    const base = `http://127.0.0.1:${port}`;
    const { child, lines } = await startServer(
      process.execPath,
      [next, 'start', work, '-p', String(port), '-H', '127.0.0.1'],
      { COINME_WEBHOOK_SECRET: SECRET, NEXT_TELEMETRY_DISABLED: '1' },
      `${base}/api/coinme`,
      60_000,
    );
    children.push(child);
    const outcome = await runCases(`${base}/api/coinme`, `${base}/api/consumed`, lines);
    // The README's onEvent marks the order paid rather than echoing the event.
    const paid = lines().find((line) => line['markPaid'] === 'order-42');
    outcome['valid'] = { ...outcome['valid'], status: outcome['valid']?.status ?? 0, body: outcome['valid']?.body, seen: paid && { onEvent: 'CAAS.BUY.COMPLETED', externalSessionId: paid['markPaid'] } };
    caseTable.add('Next.js 16 App Router (next build && next start)', outcome);
    expectContract(outcome);
  }, 600_000);
});
