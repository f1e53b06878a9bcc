// Webhook budgets, measured on dist/ the way a receiver uses it. Every timing is a same-run
// ratio of medians against hand-written code on the same input, and is never re-measured.
import { execFile } from 'node:child_process';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { bundle } from './lib/bundle.js';
import type { Figure } from './lib/figure.js';
import { fromSource, loadEntry, root } from './lib/load.js';
import { compare, median } from './lib/stats.js';

const secret = 'whsec_bench_0123456789abcdef';

type Verify = (params: { payload: Uint8Array; signature: string; secret: string }) => boolean;
type VerifyAsync = (params: { payload: Uint8Array; signature: string; secret: string }) => Promise<boolean>;
type Construct = (params: { payload: string; headers: Record<string, string>; secret: string }) => Promise<{ type: string }>;
type Handler = (request: Request) => Promise<Response>;
type CreateHandler = (options: { secret: string; onEvent: (event: unknown) => unknown }) => Handler;
type Factories = Record<string, () => object>;

const webhooks = () => loadEntry('coinme-sdk/webhooks');
const base64Of = (body: string | Uint8Array) => createHmac('sha256', secret).update(body).digest('base64');

/** A JSON body of exactly `bytes` bytes, as the adapters hand it over. */
function jsonBytes(bytes: number): Uint8Array {
  const base = { id: 'evt_01J9Z8Q4K2', type: 'bench.event', at: '2025-12-04T20:33:00.000Z', data: { amount: '125.50', note: '' } };
  base.data.note = 'x'.repeat(Math.max(0, bytes - JSON.stringify(base).length));
  return new TextEncoder().encode(JSON.stringify(base));
}

/** verifySignature over the bytes the adapters pass vs raw createHmac + timingSafeEqual. */
export async function measureVerify(): Promise<Figure[]> {
  const verifySignature = (await webhooks())['verifySignature'] as Verify;
  const figures: Figure[] = [];
  for (const size of [200, 1024, 10 * 1024]) {
    const payload = jsonBytes(size);
    const signature = base64Of(payload);
    if (verifySignature({ payload, signature, secret }) !== true) throw new Error('verifySignature rejected a valid signature');
    // The hand-written check decodes the header and compares digests, as octokit and Stripe do.
    const raw = () => timingSafeEqual(createHmac('sha256', secret).update(payload).digest(), Buffer.from(signature, 'base64'));
    const result = await compare(() => verifySignature({ payload, signature, secret }), raw);
    figures.push({
      name: `verifySignature, ${size} B of bytes`,
      value: result.candidate,
      unit: 'ops/s',
      baseline: { name: 'createHmac + timingSafeEqual, same bytes', value: result.baseline, unit: 'ops/s' },
      ratio: result.ratio,
      budget: { on: 'ratio', op: '>=', limit: 0.9 },
    });
  }
  return figures;
}

/** constructEvent vs raw HMAC + JSON.parse of the same body, for every documented type. */
export async function measureConstruct(): Promise<Figure[]> {
  const { constructEvent, webhookEventTypes } = (await webhooks()) as { constructEvent: Construct; webhookEventTypes: readonly string[] };
  const { events } = (await loadEntry('coinme-sdk/testing')) as { events: Factories };
  const rows: { type: string; bytes: number; ratio: number; candidate: number; baseline: number }[] = [];
  for (const type of webhookEventTypes) {
    const body = JSON.stringify((events[type] as () => object)());
    const signature = base64Of(body);
    const headers = { 'x-coinme-signature': signature };
    const event = await constructEvent({ payload: body, headers, secret });
    if (event.type !== type) throw new Error(`constructEvent gave ${event.type} for ${type}`);
    const raw = async () => {
      if (!timingSafeEqual(createHmac('sha256', secret).update(body).digest(), Buffer.from(signature, 'base64'))) throw new Error('mismatch');
      return JSON.parse(body) as unknown;
    };
    const result = await compare(() => constructEvent({ payload: body, headers, secret }), raw, { runs: 7, batchMs: 50 });
    rows.push({ type, bytes: body.length, ratio: result.ratio, candidate: result.candidate, baseline: result.baseline });
  }
  rows.sort((a, b) => a.ratio - b.ratio);
  const slowest = rows[0];
  if (!slowest) throw new Error('no event types');
  const median_ = median(rows.map((row) => row.ratio));
  return [
    {
      name: `constructEvent, slowest of ${rows.length} types (${slowest.type}, ${slowest.bytes} B)`,
      value: slowest.candidate,
      unit: 'ops/s',
      baseline: { name: 'createHmac + timingSafeEqual + JSON.parse, same body', value: slowest.baseline, unit: 'ops/s' },
      ratio: slowest.ratio,
      budget: { on: 'ratio', op: '>=', limit: 0.7 },
      note: `median over types ${median_.toFixed(2)}×; next slowest ${rows
        .slice(1, 4)
        .map((row) => `${row.type} ${row.ratio.toFixed(2)}×`)
        .join(', ')}`,
    },
  ];
}

/** The Fetch handler end to end vs a minimal hand-written handler, on the same requests. */
export async function measureFetchHandler(): Promise<Figure[]> {
  const { createWebhookHandler } = (await webhooks()) as { createWebhookHandler: CreateHandler };
  const { events } = (await loadEntry('coinme-sdk/testing')) as { events: Factories };
  const body = JSON.stringify((events['CAAS.BUY.COMPLETED'] as () => object)());
  const signature = base64Of(body);
  const request = () => new Request('http://localhost/webhooks', { method: 'POST', body, headers: { 'x-coinme-signature': signature } });
  let handled = 0;
  const onEvent = () => {
    handled++;
  };
  const handler = createWebhookHandler({ secret, onEvent });
  const minimal: Handler = async (req) => {
    const bytes = new Uint8Array(await req.arrayBuffer());
    const header = req.headers.get('x-coinme-signature') ?? '';
    const expected = createHmac('sha256', secret).update(bytes).digest();
    const given = Buffer.from(header, 'base64');
    if (given.length !== expected.length || !timingSafeEqual(expected, given)) return new Response(null, { status: 401 });
    onEvent();
    JSON.parse(new TextDecoder().decode(bytes));
    return Response.json({ received: true });
  };
  if ((await handler(request())).status !== 200) throw new Error('the handler refused a valid delivery');
  const result = await compare(() => handler(request()), () => minimal(request()), { runs: 7, batchMs: 60 });
  return [
    {
      name: 'createWebhookHandler end to end (CAAS.BUY.COMPLETED)',
      value: result.candidate,
      unit: 'req/s',
      baseline: { name: 'hand-written Fetch handler: HMAC, JSON.parse, Response', value: result.baseline, unit: 'req/s' },
      ratio: result.ratio,
      budget: { on: 'ratio', op: '>=', limit: 0.6 },
      note: `${handled} deliveries handled`,
    },
  ];
}

/** verifySignatureAsync (Web Crypto) vs a raw crypto.subtle verify in the same runtime. */
export async function measureWebCrypto(): Promise<Figure[]> {
  const verifySignatureAsync = (await webhooks())['verifySignatureAsync'] as VerifyAsync;
  const payload = jsonBytes(1024);
  const signature = base64Of(payload);
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  const raw = () => crypto.subtle.verify('HMAC', key, Uint8Array.from(atob(signature), (c) => c.charCodeAt(0)), payload as Uint8Array<ArrayBuffer>);
  if (!(await verifySignatureAsync({ payload, signature, secret }))) throw new Error('verifySignatureAsync rejected a valid signature');
  const result = await compare(() => verifySignatureAsync({ payload, signature, secret }), raw);
  return [
    {
      name: `verifySignatureAsync (Web Crypto, Node ${process.versions.node}), 1 KB`,
      value: result.candidate,
      unit: 'ops/s',
      baseline: { name: 'crypto.subtle.verify, key imported once', value: result.baseline, unit: 'ops/s' },
      ratio: result.ratio,
      budget: { on: 'ratio', op: '>=', limit: 0.8 },
    },
  ];
}

/** Gzipped bundles of dist/, and proof that the verify-only entry bundles no zod. */
export async function measureWebhookBundles(): Promise<Figure[]> {
  const cases = [
    { name: 'bundle: { verifySignature } from coinme-sdk/webhooks/verify', code: `export { verifySignature } from 'coinme-sdk/webhooks/verify';`, limit: 2 },
    { name: 'bundle: { verifySignature } from coinme-sdk/webhooks', code: `export { verifySignature } from 'coinme-sdk/webhooks';`, limit: 2 },
    { name: 'bundle: { parseWebhook } from coinme-sdk/webhooks', code: `export { parseWebhook } from 'coinme-sdk/webhooks';`, limit: 35 },
  ];
  const figures: Figure[] = [];
  for (const { name, code, limit } of cases) {
    const { gzipped, minified } = await bundle(code);
    figures.push({ name, value: gzipped / 1024, unit: 'KB gz', budget: { on: 'value', op: '<=', limit }, note: `${(minified / 1024).toFixed(1)} KB minified` });
  }
  const { inputs } = await bundle(`export * from 'coinme-sdk/webhooks/verify';`);
  const zodFiles = Object.keys(inputs).filter((path) => path.includes('node_modules/zod'));
  figures.push({ name: 'coinme-sdk/webhooks/verify: zod modules bundled', value: zodFiles.length, unit: 'files', budget: { on: 'value', op: '<=', limit: 0 } });
  return figures;
}

const run = promisify(execFile);

async function firstCallMs(name: string): Promise<number> {
  const probe = new URL('./probe/first-call.mjs', import.meta.url).pathname;
  const { stdout } = await run(process.execPath, [probe, name], { cwd: root, timeout: 30_000 });
  return (JSON.parse(stdout) as { ms: number }).ms;
}

/** Cold start in fresh processes: import + first call, medians of interleaved spawns. */
export async function measureColdStart(spawns = 11): Promise<Figure[]> {
  if (fromSource) throw new Error('cold start is measured on dist/ only');
  const names = ['coinme-verify', 'octokit-verify', 'coinme-construct', 'zod'] as const;
  for (const name of names) await firstCallMs(name); // warm the file system cache
  const times: Record<(typeof names)[number], number[]> = { 'coinme-verify': [], 'octokit-verify': [], 'coinme-construct': [], zod: [] };
  for (let i = 0; i < spawns; i++) for (const name of names) times[name].push(await firstCallMs(name));
  const [verify, octokit, construct, zod] = names.map((name) => median(times[name])) as [number, number, number, number];
  return [
    {
      name: 'cold start: import coinme-sdk/webhooks/verify + first verifySignature',
      value: verify,
      unit: 'ms',
      baseline: { name: '@octokit/webhooks-methods import + first verify', value: octokit, unit: 'ms' },
      ratio: verify / octokit,
      budget: { on: 'ratio', op: '<=', limit: 2 },
      note: `median of ${spawns} fresh processes each`,
    },
    {
      name: 'cold start: import coinme-sdk/webhooks + first constructEvent, beyond importing zod',
      value: construct - zod,
      unit: 'ms',
      baseline: { name: 'import zod alone', value: zod, unit: 'ms' },
      budget: { on: 'value', op: '<=', limit: 10 },
      note: `${construct.toFixed(1)} ms in all; median of ${spawns} fresh processes each`,
    },
  ];
}
