// Runs the smoke suite on every runtime of the matrix and prints runtime x check.
// Runs with Node 24 inside the consumer project (where the packed coinme-sdk is installed).
// It serves the SDK's own mock of Coinme (msw handlers from coinme-sdk/testing) over real HTTP on
// 127.0.0.1, starts each runtime on the smoke suite, and for workerd bundles a Worker, serves it
// with `workerd serve` and drives it over HTTP.
// Input (environment): MATRIX_BIN_<node22|node24|bun|deno|workerd> (binary paths; empty when the
// install failed), MATRIX_ESBUILD (esbuild binary), MATRIX_WORK (a scratch directory).
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { buildSamples, deliveryRequest, describe, pickHeaderSample } from './smoke.mjs';

const here = import.meta.dirname;
const work = process.env.MATRIX_WORK ?? here;
const RUN_TIMEOUT_MS = 90_000;
const COINME_STAGING = 'https://caas-staging.coinme.com/services';

const bin = (name) => process.env[`MATRIX_BIN_${name}`] || undefined;

const runtimes = [
  { name: 'node22 esm', bin: bin('node22'), args: ['entry.mjs'] },
  { name: 'node22 cjs', bin: bin('node22'), args: ['entry.cjs'] },
  { name: 'node24 esm', bin: bin('node24'), args: ['entry.mjs'] },
  { name: 'node24 cjs', bin: bin('node24'), args: ['entry.cjs'] },
  { name: 'bun', bin: bin('bun'), args: ['--no-install', 'entry.mjs'] },
  { name: 'deno', bin: bin('deno'), args: ['run', '-A', '--no-lock', '--node-modules-dir=manual', 'entry.mjs'] },
  { name: 'workerd', bin: bin('workerd'), workerd: true },
];

// ---- the loopback mock of Coinme ----
const testing = await import('coinme-sdk/testing').catch((error) => ({ importError: error }));
const { getResponse } = await import('msw');
let mock;
let mockOrigin = COINME_STAGING;
const server = createServer(async (req, res) => {
  try {
    if (!mock) {
      res.writeHead(501, { 'content-type': 'text/plain' }).end('coinme-sdk/testing has no createMockCoinme');
      return;
    }
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const headers = new Headers();
    for (const [key, value] of Object.entries(req.headers)) {
      if (['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive'].includes(key)) continue;
      for (const v of [value].flat()) headers.append(key, v);
    }
    // Where the mock does not serve the loopback URL, its own base URL stands in.
    const request = new Request(mockOrigin + req.url, {
      method: req.method,
      headers,
      body: req.method === 'GET' || req.method === 'HEAD' ? undefined : Buffer.concat(chunks),
    });
    const response = await getResponse(mock.handlers, request);
    if (!response) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`no mock handler for ${req.method} ${req.url}`);
      return;
    }
    const body = Buffer.from(await response.arrayBuffer());
    const out = {};
    response.headers.forEach((value, key) => {
      if (key !== 'content-length' && key !== 'transfer-encoding' && key !== 'content-encoding') out[key] = value;
    });
    res.writeHead(response.status, out).end(body);
  } catch (error) {
    res.writeHead(500, { 'content-type': 'text/plain' }).end(`mock server error: ${describe(error)}`);
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const baseUrl = `http://127.0.0.1:${server.address().port}`;
if (typeof testing.createMockCoinme === 'function') {
  // The mock also answers on the loopback base URL, so requests pass through unchanged.
  mock = testing.createMockCoinme({ environment: 'staging', baseUrl });
  mockOrigin = mock.baseUrl ?? COINME_STAGING;
}
const credentials = mock?.credentials ?? { partnerId: 'partner_matrix', clientSecret: 'secret_matrix', userAgent: 'coinme-sdk-matrix' };
const input = { baseUrl, credentials };

// ---- running one runtime ----
function run(command, args, { env = {}, timeoutMs = RUN_TIMEOUT_MS } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: here,
      env: { ...process.env, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: -1, stdout, stderr: `${stderr}\n${error.message}` });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: signal ? `${signal} (timeout ${timeoutMs / 1000}s?)` : code, stdout, stderr });
    });
  });
}

const tail = (text) => text.trim().split('\n').slice(-3).join(' | ').slice(0, 300);

async function runProcess(runtime) {
  const { code, stdout, stderr } = await run(runtime.bin, runtime.args, { env: { COINME_SMOKE: JSON.stringify(input) } });
  const line = stdout.split('\n').find((l) => l.startsWith('SMOKE_RESULTS '));
  if (!line) throw new Error(`exited ${code} without results: ${tail(stderr || stdout)}`);
  return JSON.parse(line.slice('SMOKE_RESULTS '.length));
}

async function freePort() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function runWorkerd(runtime) {
  const dir = join(work, 'workerd');
  mkdirSync(dir, { recursive: true });
  const bundle = await run(process.env.MATRIX_ESBUILD ?? 'esbuild', [
    'worker.mjs', '--bundle', '--format=esm', '--platform=neutral',
    '--conditions=workerd,worker,browser', '--main-fields=browser,module,main',
    `--outfile=${join(dir, 'worker.js')}`, '--log-level=error',
  ]);
  if (bundle.code !== 0) throw new Error(`esbuild failed: ${tail(bundle.stderr)}`);
  copyFileSync(join(here, 'workerd.capnp'), join(dir, 'workerd.capnp'));

  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(runtime.bin, ['serve', join(dir, 'workerd.capnp'), `--socket-addr=http=127.0.0.1:${port}`], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = () => child.kill('SIGKILL');
  process.once('exit', stop);
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  let exited = false;
  child.on('exit', () => (exited = true));
  try {
    const deadline = Date.now() + 20_000;
    for (;;) {
      if (exited) throw new Error(`workerd exited: ${tail(log)}`);
      try {
        await fetch(`${origin}/`);
        break;
      } catch {
        if (Date.now() > deadline) throw new Error(`workerd did not listen on ${origin}: ${tail(log)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const signedSamples = await buildSamples(testing);
    const answer = await fetch(`${origin}/smoke`, {
      method: 'POST',
      body: JSON.stringify({ ...input, signedSamples }),
      signal: AbortSignal.timeout(RUN_TIMEOUT_MS),
    });
    if (!answer.ok) throw new Error(`POST /smoke answered ${answer.status}: ${tail(await answer.text())} ${tail(log)}`);
    const results = await answer.json();

    // Real deliveries over HTTP to the Worker's createWebhookHandler route.
    const delivery = { check: 'webhook delivery over HTTP', ok: true };
    try {
      const sample = pickHeaderSample(signedSamples);
      const good = await fetch(deliveryRequest(sample, `${origin}/webhook`));
      const bad = await fetch(deliveryRequest({ ...sample, body: sample.body.replace(/}\s*$/, ',"x":1}') }, `${origin}/webhook`));
      if (!good.ok) throw new Error(`signed delivery answered ${good.status}: ${tail(await good.text())}`);
      if (bad.status < 400 || bad.status >= 500) throw new Error(`tampered delivery answered ${bad.status}`);
    } catch (error) {
      Object.assign(delivery, { ok: false, error: describe(error) });
    }
    results.push(delivery);
    return results;
  } finally {
    child.kill('SIGTERM');
    process.off('exit', stop);
  }
}

// ---- the matrix ----
const columns = [];
for (const runtime of runtimes) {
  const started = performance.now();
  let results;
  if (!runtime.bin) {
    results = [{ check: 'runtime starts', ok: false, error: 'not installed (see the install step above)' }];
  } else {
    try {
      results = [{ check: 'runtime starts', ok: true }, ...(await (runtime.workerd ? runWorkerd(runtime) : runProcess(runtime)))];
    } catch (error) {
      results = [{ check: 'runtime starts', ok: false, error: describe(error) }];
    }
  }
  const seconds = (performance.now() - started) / 1000;
  columns.push({ name: runtime.name, results, seconds });
  const failed = results.filter((r) => !r.ok).length;
  console.log(`  ${runtime.name.padEnd(11)} ${seconds.toFixed(1).padStart(5)}s  ${failed === 0 ? 'ok' : `${failed} failed`}`);
}
server.close();
console.log(`  mock of Coinme on ${baseUrl}: ${mock ? `${mock.requests?.length ?? '?'} requests served` : 'missing (coinme-sdk/testing has no createMockCoinme)'}`);

// Every check any runtime ran is a row; a runtime that did not get to it fails it, except the
// checks that only one runtime runs (n/a elsewhere).
const rows = [];
for (const column of columns) for (const r of column.results) if (!rows.includes(r.check)) rows.push(r.check);
const onlyOn = { 'webhook delivery over HTTP': 'workerd' };
const cell = (column, check) => {
  if (onlyOn[check] && onlyOn[check] !== column.name) return { text: 'n/a', ok: true };
  const r = column.results.find((x) => x.check === check);
  if (r?.na) return { text: 'n/a', ok: true };
  if (!r) return { text: 'FAIL', ok: false, error: 'not run (the runtime did not start)' };
  return { text: r.ok ? 'pass' : 'FAIL', ok: r.ok, error: r.error };
};

const width = Math.max(...rows.map((r) => r.length), 5);
const colWidth = columns.map((c) => Math.max(c.name.length, 4));
const line = (first, cells) => `${first.padEnd(width)} | ${cells.map((c, i) => c.padEnd(colWidth[i])).join(' | ')}`;
console.log('');
console.log(line('check', columns.map((c) => c.name)));
console.log(line('-'.repeat(width), colWidth.map((w) => '-'.repeat(w))));
const failures = [];
for (const check of rows) {
  const cells = columns.map((column) => cell(column, check));
  console.log(line(check, cells.map((c) => c.text)));
  columns.forEach((column, i) => {
    if (!cells[i].ok) failures.push(`${column.name} / ${check}: ${cells[i].error ?? 'failed'}`);
  });
}
console.log(line('seconds', columns.map((c) => c.seconds.toFixed(1))));

if (failures.length > 0) {
  // One line per distinct error, with the runtimes it hit, so one cause reads as one line.
  const byError = new Map();
  for (const column of columns) {
    for (const check of rows) {
      const c = cell(column, check);
      if (c.ok) continue;
      // A runtime that did not start fails every check; its 'runtime starts' line says why.
      if (!column.results.some((r) => r.check === check)) continue;
      const key = `${check}: ${c.error ?? 'failed'}`;
      byError.set(key, [...(byError.get(key) ?? []), column.name]);
    }
  }
  console.log('\nfailures:');
  for (const [key, names] of byError) console.log(`  [${names.length === columns.length ? 'all' : names.join(', ')}] ${key}`);
}
const cellsTotal = rows.length * columns.length;
console.log(`\nmatrix: ${failures.length === 0 ? 'all checks passed' : `${failures.length} of ${cellsTotal} cells failed`} on ${columns.length} runtimes`);
process.exit(failures.length === 0 ? 0 : 1);
