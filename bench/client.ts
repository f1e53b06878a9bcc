// Client budgets, on the built package (dist/):
// - CPU per call: `cryptoChains.list()` against a loopback server in another process, over a
//   bare `fetch` + `JSON.parse` of the same response from the same server; CPU time of this
//   process (process.cpuUsage), medians of interleaved runs, ≤ 2×.
// - Bundle: `{ CoinmeClient }` from coinme-sdk, esbuild-minified with ky and zod/mini, gzipped, ≤ 40 KB.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { bundle } from './lib/bundle.js';
import type { Figure } from './lib/figure.js';
import { loadExport } from './lib/load.js';
import { median } from './lib/stats.js';

interface Client {
  cryptoChains: { list(): Promise<unknown[]> };
}
type ClientConstructor = new (options: { partnerId: string; clientSecret: string; userAgent: string; baseUrl: string }) => Client;

const cryptoChainsBody = readFileSync(new URL('../test/fixtures/api/crypto-chains.json', import.meta.url), 'utf8');

// The server runs in its own process, so its CPU time is not counted against either side.
const serverScript = `
const { createServer } = require('node:http');
const b64 = (v) => Buffer.from(JSON.stringify(v)).toString('base64url');
const token = b64({ alg: 'HS256' }) + '.' + b64({ exp: Math.floor(Date.now() / 1000) + 86400 }) + '.c2ln';
const authorize = JSON.stringify({ data: { token }, errorResponse: null });
const chains = process.env.BODY;
createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    const body = req.url.startsWith('/authorize') ? authorize : chains;
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
}).listen(0, '127.0.0.1', function () { process.stdout.write(String(this.address().port) + '\\n'); });
`;

async function startServer(): Promise<{ child: ChildProcess; origin: string }> {
  const child = spawn(process.execPath, ['-e', serverScript], { env: { ...process.env, BODY: cryptoChainsBody }, stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout?.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
    child.once('exit', (code) => reject(new Error(`loopback server exited with ${code}`)));
  });
  return { child, origin: `http://127.0.0.1:${port}` };
}

/** CPU microseconds (user + system) of this process per call, over `calls` sequential calls. */
async function cpuPerCall(fn: () => Promise<unknown>, calls: number): Promise<number> {
  const before = process.cpuUsage();
  for (let i = 0; i < calls; i++) await fn();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / calls;
}

export async function measureClientCpu(): Promise<Figure[]> {
  const CoinmeClient = await loadExport<ClientConstructor>('coinme-sdk', 'CoinmeClient');
  const { child, origin } = await startServer();
  try {
    const client = new CoinmeClient({ partnerId: 'bench-partner', clientSecret: 'bench-secret', userAgent: 'coinme-sdk-bench', baseUrl: origin });
    const url = `${origin}/cryptoChains`;
    const raw = async () => JSON.parse(await (await fetch(url)).text()) as unknown;
    const sdk = () => client.cryptoChains.list();
    const assets = await sdk();
    if (!Array.isArray(assets) || assets.length === 0) throw new Error('cryptoChains.list() returned no assets');
    // Warm-up of both paths, then interleaved runs with the order flipped every run.
    await cpuPerCall(sdk, 300);
    await cpuPerCall(raw, 300);
    const calls = 200;
    const runs = 9;
    const sdkCpu: number[] = [];
    const rawCpu: number[] = [];
    const ratios: number[] = [];
    for (let run = 0; run < runs; run++) {
      const first = run % 2 === 0 ? sdk : raw;
      const second = first === sdk ? raw : sdk;
      const a = await cpuPerCall(first, calls);
      const b = await cpuPerCall(second, calls);
      const [s, r] = first === sdk ? [a, b] : [b, a];
      sdkCpu.push(s);
      rawCpu.push(r);
      ratios.push(s / r);
    }
    return [
      {
        name: 'client: CPU per cryptoChains.list() over loopback',
        value: median(sdkCpu),
        unit: 'µs CPU/call',
        baseline: { name: 'fetch + JSON.parse, same server', value: median(rawCpu), unit: 'µs CPU/call' },
        ratio: median(ratios),
        budget: { on: 'ratio', op: '<=', limit: 2 },
        note: `${runs} interleaved runs × ${calls} sequential calls; median of per-run ratios`,
      },
    ];
  } finally {
    child.kill();
  }
}

export async function measureClientBundle(): Promise<Figure[]> {
  const name = 'bundle: { CoinmeClient } from coinme-sdk';
  const budget = { on: 'value', op: '<=', limit: 40 } as const;
  const { minified, gzipped } = await bundle(`export { CoinmeClient } from 'coinme-sdk';`);
  return [{ name, value: gzipped / 1024, unit: 'KB gz', budget, note: `${(minified / 1024).toFixed(1)} KB minified` }];
}

/** Both client budgets. */
export async function measureClient(): Promise<Figure[]> {
  return [...(await measureClientCpu()), ...(await measureClientBundle())];
}
