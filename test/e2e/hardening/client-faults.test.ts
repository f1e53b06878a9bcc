// The client against a faulty network: a real HTTP server on 127.0.0.1, serving the mock Coinme's
// data, that fails 30% of GET attempts (5xx or a dropped connection) (seeded, so every
// run injects the same faults). Retries absorb them; what surfaces is always a typed CoinmeError;
// and a widget session is never created twice by one call.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoinmeClient } from 'coinme-sdk';
import { CoinmeApiError, CoinmeError, ConnectionError } from 'coinme-sdk';
import { createMockCoinme, seededCustomerId, type MockCoinme } from 'coinme-sdk/testing';

const GET_CALLS = 5_000;
const WIDGET_CALLS = 200;
// 30% of GET attempts fail in all: 27% answer 5xx and 3% drop the connection.
const SERVER_ERROR_RATE = 0.27;
const DROP_RATE = 0.03;
const WIDGET_DROP_RATE = 0.1;
const WIDGET_SERVER_ERROR_RATE = 0.1;

/** mulberry32: a small seeded PRNG, so the fault pattern is the same on every run. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Counters {
  gets: number;
  /** What each GET attempt got, in arrival order. */
  getLog: Array<'ok' | '5xx' | 'drop'>;
  getServerErrors: number;
  getDrops: number;
  widgetPosts: number;
  widgetServerErrors: number;
  widgetDrops: number;
  /** POST /widget bodies received, by the call's externalSessionId. */
  widgetByCall: Map<string, number>;
}

let server: Server;
let mock: MockCoinme;
let baseUrl: string;
const random = prng(0xc01e);
const counters: Counters = { gets: 0, getLog: [], getServerErrors: 0, getDrops: 0, widgetPosts: 0, widgetServerErrors: 0, widgetDrops: 0, widgetByCall: new Map() };

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function dropConnection(request: IncomingMessage, response: ServerResponse): void {
  response.socket?.destroy();
  request.socket.destroy();
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const body = await readBody(request);
  const url = new URL(request.url ?? '/', baseUrl);
  const method = request.method ?? 'GET';

  if (method === 'GET') {
    counters.gets += 1;
    const roll = random();
    if (roll < DROP_RATE) {
      counters.getDrops += 1;
      counters.getLog.push('drop');
      return dropConnection(request, response);
    }
    if (roll < DROP_RATE + SERVER_ERROR_RATE) {
      counters.getServerErrors += 1;
      counters.getLog.push('5xx');
      response.writeHead([500, 502, 503, 504][Math.floor(random() * 4)] as number, { 'content-type': 'text/plain' }).end();
      return;
    }
    counters.getLog.push('ok');
  }
  if (method === 'POST' && url.pathname.endsWith('/widget')) {
    counters.widgetPosts += 1;
    const id = String((JSON.parse(body.toString('utf8')) as { externalSessionId?: unknown }).externalSessionId);
    counters.widgetByCall.set(id, (counters.widgetByCall.get(id) ?? 0) + 1);
    const roll = random();
    if (roll < WIDGET_DROP_RATE) {
      counters.widgetDrops += 1;
      return dropConnection(request, response);
    }
    if (roll < WIDGET_DROP_RATE + WIDGET_SERVER_ERROR_RATE) {
      counters.widgetServerErrors += 1;
      response.writeHead(503, { 'content-type': 'text/plain' }).end();
      return;
    }
  }

  // No fault: answer what the mock Coinme answers.
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === 'string') headers.set(name, value);
  }
  const init: RequestInit = { method, headers };
  if (body.byteLength > 0) init.body = new Uint8Array(body);
  const answer = await getResponse(mock.handlers, new Request(url, init));
  if (!answer || answer.type === 'error') return dropConnection(request, response);
  const out: Record<string, string> = {};
  answer.headers.forEach((value, name) => {
    out[name] = value;
  });
  response.writeHead(answer.status, out).end(Buffer.from(await answer.arrayBuffer()));
}

beforeAll(async () => {
  server = createServer((request, response) => {
    handle(request, response).catch(() => dropConnection(request, response));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/services`;
  mock = createMockCoinme({ baseUrl });
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function client(): CoinmeClient {
  return new CoinmeClient({ ...mock.credentials, baseUrl, now: mock.clock.now, maxRetries: 3, retryDelay: { initial: 1, max: 2 }, timeout: 5_000 });
}

/** Runs `count` calls, at most `concurrency` at a time, collecting successes and failures. */
async function pool<T>(count: number, concurrency: number, task: (index: number) => Promise<T>) {
  const results: Array<{ ok: true; value: T } | { ok: false; error: unknown }> = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const index = next++;
      results[index] = await task(index).then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error }),
      );
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}

describe('client against a faulty network', () => {
  it(`GETs: ${GET_CALLS} calls with 30% of attempts failing (5xx or dropped) fail only when every attempt failed, success ≥ 99%`, async () => {
    const coinme = client();
    const started = performance.now();
    // One call at a time, so each call's attempts are a known slice of the server's log.
    const attemptsOf: Array<Array<'ok' | '5xx' | 'drop'>> = [];
    const results = await pool(GET_CALLS, 1, async (index) => {
      const first = counters.getLog.length;
      try {
        return await get(index);
      } finally {
        attemptsOf[index] = counters.getLog.slice(first);
      }
    });
    function get(index: number): Promise<unknown> {
      switch (index % 3) {
        case 0:
          return coinme.cryptoChains.list();
        case 1:
          return coinme.locationLicensing.list({ country: 'USA' });
        default:
          return coinme.transactionLimits.get({ customerId: seededCustomerId, fiatCurrencyCode: 'USD' });
      }
    }
    const elapsedMs = performance.now() - started;
    const failures = results.flatMap((result) => (result.ok ? [] : [result.error]));
    // The client gives up only when all 1 + maxRetries attempts failed, and retries every fault.
    for (const [index, result] of results.entries()) {
      const attempts = attemptsOf[index] ?? [];
      if (result.ok) expect(attempts.at(-1)).toBe('ok');
      else expect(attempts).toHaveLength(4);
      expect(attempts.slice(0, -1).every((attempt) => attempt !== 'ok')).toBe(true);
    }
    for (const error of failures) {
      expect(error).toBeInstanceOf(CoinmeError);
      // Only what retries can give up on: a 5xx that kept coming, or a connection that kept dropping.
      expect(error instanceof CoinmeApiError || error instanceof ConnectionError).toBe(true);
    }
    const successRate = (GET_CALLS - failures.length) / GET_CALLS;
    console.info(
      `client faults (GET): ${GET_CALLS} calls in ${Math.round(elapsedMs)} ms, ${counters.gets} GETs received, ` +
        `${counters.getServerErrors} answered 5xx, ${counters.getDrops} dropped; success ${(successRate * 100).toFixed(1)}% ` +
        `(${failures.length} failures: ${[...new Set(failures.map((error) => (error as Error).name))].join(', ') || 'none'})`,
    );
    expect(counters.getServerErrors).toBeGreaterThan(GET_CALLS * 0.2);
    expect(counters.getDrops).toBeGreaterThan(0);
    // With 30% of attempts faulted, 4 attempts fail together 0.3^4 = 0.81% of the time: an ideal
    // retrier succeeds 99.19% on average. 5,000 calls keep one draw within about ±0.13% of that
    // (1,000 would vary by ±0.3% and could dip below 99% by chance alone). The exact check above
    // is that a call only ever failed after every one of its attempts did.
    expect(successRate).toBeGreaterThanOrEqual(0.99);
  }, 180_000);

  it(`POST /widget: ${WIDGET_CALLS} sessions under faults, never received twice for one call, drops surface as ConnectionError`, async () => {
    const coinme = client();
    const results = await pool(WIDGET_CALLS, 1, (index) =>
      coinme.widget.createSession({ destinationCurrency: 'BTC', walletAddress: 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq', externalSessionId: `session-${index}` }),
    );
    let connectionErrors = 0;
    let serverErrors = 0;
    for (const [index, result] of results.entries()) {
      // Exactly one POST reached the server for each call, whatever became of it.
      expect(counters.widgetByCall.get(`session-${index}`)).toBe(1);
      if (result.ok) {
        expect(result.value.widgetUrl).toMatch(/\/widget\//);
        continue;
      }
      expect(result.error).toBeInstanceOf(CoinmeError);
      if (result.error instanceof ConnectionError) connectionErrors += 1;
      else if (result.error instanceof CoinmeApiError && result.error.status === 503) serverErrors += 1;
      else throw result.error;
    }
    expect(counters.widgetPosts).toBe(WIDGET_CALLS);
    expect(connectionErrors).toBe(counters.widgetDrops);
    expect(serverErrors).toBe(counters.widgetServerErrors);
    expect(connectionErrors).toBeGreaterThan(0);
    expect(mock.widgetSessions).toHaveLength(WIDGET_CALLS - connectionErrors - serverErrors);
    console.info(
      `client faults (POST /widget): ${WIDGET_CALLS} calls, ${counters.widgetPosts} POSTs received, ` +
        `${connectionErrors} dropped → ConnectionError, ${serverErrors} 503 → CoinmeApiError, none sent twice`,
    );
  });
});
