// Client overhead: `cryptoChains.list()` against a loopback server answering Coinme's documented
// example, compared with a bare `fetch` + `JSON.parse` of the same response from the same server.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Figure } from './lib/figure.js';
import { loadExport } from './lib/load.js';
import { compare } from './lib/stats.js';

interface Client {
  cryptoChains: { list(): Promise<unknown[]> };
}
type ClientConstructor = new (options: { partnerId: string; clientSecret: string; userAgent: string; baseUrl: string }) => Client;

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

// A token that never needs a refresh during the run.
const token = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url({ sub: 'bench', exp: Math.floor(Date.now() / 1000) + 365 * 24 * 3600 })}.c2lnbmF0dXJl`;
const authorizeBody = JSON.stringify({ data: { token }, errorResponse: null });
const cryptoChainsBody = readFileSync(new URL('../test/fixtures/api/crypto-chains.json', import.meta.url), 'utf8');

async function startServer(): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
      const body = path === '/authorize' ? authorizeBody : path === '/cryptoChains' ? cryptoChainsBody : undefined;
      response.writeHead(body === undefined ? 404 : 200, { 'content-type': 'application/json' });
      response.end(body ?? '{"errorResponse":{"message":"not found"}}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export async function measureClient(Constructor?: ClientConstructor): Promise<Figure[]> {
  const CoinmeClient = Constructor ?? (await loadExport<ClientConstructor>('coinme-sdk', 'CoinmeClient'));
  const { server, origin } = await startServer();
  try {
    const client = new CoinmeClient({ partnerId: 'bench-partner', clientSecret: 'bench-secret', userAgent: 'coinme-sdk-bench', baseUrl: origin });
    const assets = await client.cryptoChains.list();
    if (!Array.isArray(assets) || assets.length === 0) throw new Error('cryptoChains.list() returned no assets');
    const url = `${origin}/cryptoChains`;
    const raw = async () => JSON.parse(await (await fetch(url)).text()) as unknown;
    const result = await compare(() => client.cryptoChains.list(), raw, { runs: 9, batchMs: 120, minIterations: 20 });
    // Reported as time per call: the budget is the client's time over the bare call's.
    const clientMs = 1000 / result.candidate;
    const rawMs = 1000 / result.baseline;
    return [
      {
        name: 'client: cryptoChains.list() over loopback',
        value: clientMs,
        unit: 'ms/call',
        baseline: { name: 'fetch + JSON.parse, same server', value: rawMs, unit: 'ms/call' },
        ratio: 1 / result.ratio,
        budget: { on: 'ratio', op: '<=', limit: 1.5 },
        note: `${result.runs} runs × ${result.iterations} sequential calls`,
      },
    ];
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}
