// Webhook verification speed against raw node:crypto, measured the way a server uses it: one
// awaited call after another.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { compare } from './lib/stats.js';
import type { Figure } from './lib/figure.js';
import { loadExport } from './lib/load.js';

const secret = 'whsec_bench_0123456789abcdef';

type Verify = (params: { payload: string; signature: string; secret: string }) => Promise<boolean>;
type Construct = (params: { payload: string; headers: Record<string, string>; secret: string }) => Promise<{ type: string }>;

/** A JSON object serialised to exactly `bytes` bytes. */
export function jsonBody(bytes: number): string {
  const base = { id: 'evt_01J9Z8Q4K2', type: 'bench.event', createdAt: '2025-12-04T20:33:00.000Z', data: { amount: '125.50', currency: 'USD', note: '' } };
  const empty = JSON.stringify(base).length;
  base.data.note = 'x'.repeat(Math.max(0, bytes - empty));
  return JSON.stringify(base);
}

function signatures(body: string): { digest: Buffer; base64: string } {
  const digest = createHmac('sha256', secret).update(body).digest();
  return { digest, base64: digest.toString('base64') };
}

// The baselines: the same work written directly against node:crypto, wrapped in an async
// function and awaited like the SDK call, so the promise costs the same on both sides.
function rawVerify(body: string, expected: Buffer): () => Promise<boolean> {
  return async () => timingSafeEqual(createHmac('sha256', secret).update(body).digest(), expected);
}

function rawVerifyAndParse(body: string, expected: Buffer): () => Promise<unknown> {
  return async () => {
    if (!timingSafeEqual(createHmac('sha256', secret).update(body).digest(), expected)) throw new Error('mismatch');
    return JSON.parse(body) as unknown;
  };
}

/** `verifySignature` on a 1 KB body vs raw HMAC + timingSafeEqual. */
export async function measureVerify(): Promise<Figure[]> {
  const verifySignature = await loadExport<Verify>('coinme-sdk/webhooks', 'verifySignature');
  const body = jsonBody(1024);
  const { digest, base64 } = signatures(body);
  if (!(await verifySignature({ payload: body, signature: base64, secret }))) throw new Error('verifySignature rejected a valid signature');
  const parse = await compare(rawVerifyAndParse(body, digest), rawVerify(body, digest));
  const result = await compare(() => verifySignature({ payload: body, signature: base64, secret }), rawVerify(body, digest));
  return [
    {
      name: 'verifySignature (1 KB body)',
      value: result.candidate,
      unit: 'ops/s',
      baseline: { name: 'node:crypto HMAC + timingSafeEqual', value: result.baseline, unit: 'ops/s' },
      ratio: result.ratio,
      budget: { on: 'ratio', op: '>=', limit: 0.9 },
    },
    {
      name: 'baseline + JSON.parse (1 KB body)',
      value: parse.candidate,
      unit: 'ops/s',
      baseline: { name: 'node:crypto HMAC + timingSafeEqual', value: parse.baseline, unit: 'ops/s' },
      ratio: parse.ratio,
    },
  ];
}

/** The CAAS.BUY.COMPLETED body Coinme documents, as sent. */
export function caasBuyCompletedBody(): string {
  const samples = JSON.parse(readFileSync(new URL('../src/testing/samples/coinme.notification.json', import.meta.url), 'utf8')) as Record<string, unknown>;
  const sample = samples['CAAS.BUY.COMPLETED'];
  if (sample === undefined) throw new Error('no CAAS.BUY.COMPLETED sample');
  return JSON.stringify(sample);
}

/**
 * `constructEvent` (verify + parse + schema validation) on a signed CAAS.BUY.COMPLETED delivery.
 * The budget is against the webhook baseline: raw HMAC + timingSafeEqual over a 1 KB body. The
 * ratio to raw HMAC + JSON.parse of the same body (Stripe's constructEvent does that much,
 * without validation) is reported alongside.
 */
export async function measureConstruct(): Promise<Figure[]> {
  const constructEvent = await loadExport<Construct>('coinme-sdk/webhooks', 'constructEvent');
  const body = caasBuyCompletedBody();
  const { digest, base64 } = signatures(body);
  const headers = { 'content-type': 'application/json', 'x-coinme-signature': base64 };
  const event = await constructEvent({ payload: body, headers, secret });
  if (event.type !== 'CAAS.BUY.COMPLETED') throw new Error(`constructEvent gave ${event.type}, not CAAS.BUY.COMPLETED`);
  const construct = () => constructEvent({ payload: body, headers, secret });
  const kilobyte = jsonBody(1024);
  const parsed = await compare(construct, rawVerifyAndParse(body, digest));
  const result = await compare(construct, rawVerify(kilobyte, signatures(kilobyte).digest));
  return [
    {
      name: `constructEvent (CAAS.BUY.COMPLETED, ${body.length} B)`,
      value: result.candidate,
      unit: 'ops/s',
      baseline: { name: 'node:crypto HMAC + timingSafeEqual (1 KB body)', value: result.baseline, unit: 'ops/s' },
      ratio: result.ratio,
      budget: { on: 'ratio', op: '>=', limit: 0.5 },
    },
    {
      name: 'constructEvent vs HMAC + JSON.parse (no validation)',
      value: parsed.candidate,
      unit: 'ops/s',
      baseline: { name: 'node:crypto HMAC + timingSafeEqual + JSON.parse, same body', value: parsed.baseline, unit: 'ops/s' },
      ratio: parsed.ratio,
    },
  ];
}
