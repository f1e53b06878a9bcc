// Session lifecycle figures, reported (not gated), on the built package:
//   npm run build && bash .ci/with-node tsx bench/lifecycle.ts      (--src: the sources instead)
// 1. ingest throughput and p50/p99 latency, memory store;
// 2. memory per 100,000 finished sessions in the memory store (tracker cache included);
// 3. per-event cost within one session of 10, 250, 1,000 and 4,000 events (flat is the goal);
// 4. MemoryClaimStore cost per claim below and at capacity (100,000 held).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { loadEntry } from './lib/load.js';
import { median } from './lib/stats.js';

type Event = { source: string; type: string; id: string; occurredAt: Date; payload: Record<string, unknown> };
type Session = { status: string; timeline: unknown[] };
interface Tracker {
  ingest(event: Event): Promise<Session | undefined>;
}
type TrackerClass = new (options?: { store?: unknown; cacheSize?: number }) => Tracker;
type StoreClass = new (options?: { maxIds?: number }) => { size: { ids: number; events: number } };
type ClaimsClass = new (options?: { maxEntries?: number }) => { claim(key: string, ttlMs: number): Promise<boolean> };

const sdk = await loadEntry('coinme-sdk');
const testing = await loadEntry('coinme-sdk/testing');
const webhooks = await loadEntry('coinme-sdk/webhooks');
const SessionTracker = sdk['SessionTracker'] as TrackerClass;
const MemorySessionStore = sdk['MemorySessionStore'] as StoreClass;
const MemoryClaimStore = sdk['MemoryClaimStore'] as ClaimsClass;
const events = testing['events'] as Record<string, (overrides?: object) => object>;
const parseWebhook = webhooks['parseWebhook'] as (body: string) => Event;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heap = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};
const parse = (type: string, overrides: object) => parseWebhook(JSON.stringify(events[type]!(overrides)));

// A card session (six events, two ids) as a template; copies get their own ids.
const template = [
  parse('orchestrator.auth-state.changed', { externalSessionId: 'S' }),
  parse('kyc-prove.onboarding.completed', { externalSessionId: 'S' }),
  parse('greendot.location.quote-confirmed', { externalSessionId: 'S' }),
  ...['CAAS.BUY.FULFILLED', 'CAAS.BUY.BLOCKCHAIN_ACCEPTED', 'CAAS.BUY.COMPLETED'].map((type) =>
    parse(type, { data: { transactionId: 'T', externalSessionId: 'S', metadata: { orderTemplateId: null } } }),
  ),
];
function cardSession(n: number): Event[] {
  return template.map((event, index) => {
    const copy = structuredClone(event);
    const body = copy.payload;
    const data = body['data'] as Record<string, unknown> | undefined;
    if (data) Object.assign(data, { transactionId: `tx-${n}`, externalSessionId: `s-${n}` });
    else body['externalSessionId'] = `s-${n}`;
    return { ...copy, id: `${n}-${index}` };
  });
}

const format = (value: number, digits = 1) => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

// 1. Throughput and latency.
{
  const tracker = new SessionTracker({ store: new MemorySessionStore() });
  const latencies: number[] = [];
  const sessions = 5_000;
  const started = performance.now();
  for (let n = 0; n < sessions; n++) {
    for (const event of cardSession(n)) {
      const t = performance.now();
      await tracker.ingest(event);
      latencies.push(performance.now() - t);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const total = latencies.reduce((a, b) => a + b, 0) / 1000;
  console.log(`ingest, memory store: ${format(latencies.length / total, 0)} events/s in ingest (${format(latencies.length / seconds, 0)} events/s with event generation), p50 ${format(latencies[latencies.length >> 1]! * 1000)} µs, p99 ${format(latencies[Math.floor(latencies.length * 0.99)]! * 1000)} µs (${sessions.toLocaleString('en-US')} card sessions, ${latencies.length.toLocaleString('en-US')} events)`);
}

// 2. Memory per 100,000 finished sessions.
{
  const before = heap();
  const store = new MemorySessionStore();
  const tracker = new SessionTracker({ store });
  const sessions = 100_000;
  for (let n = 0; n < sessions; n++) for (const event of cardSession(n)) await tracker.ingest(event);
  const after = heap();
  const { ids, events: held } = store.size;
  console.log(`memory, memory store: ${format((after - before) / 1024 / 1024)} MB per ${sessions.toLocaleString('en-US')} finished card sessions (${format((after - before) / sessions / 1024, 2)} KB each; ${ids.toLocaleString('en-US')} ids, ${held.toLocaleString('en-US')} events held; kept 72 h after they finish, at most 400,000 ids)`);
}

// 3. Per-event cost by session length: the median ingest latency (robust to the process being
// descheduled on a shared machine), lengths interleaved run by run, and within the longest
// session its first and last 500 events compared.
{
  const lengths = [10, 250, 1_000, 4_000];
  const latencies = new Map<number, number[]>(lengths.map((length) => [length, []]));
  const first: number[] = [];
  const last: number[] = [];
  for (let run = 0; run < 3; run++) {
    for (const length of lengths) {
      const tracker = new SessionTracker({ store: new MemorySessionStore() });
      const base = parse('greendot.barcode.displayed', { externalSessionId: `long-${length}-${run}`, barcodeId: `b-${length}-${run}`, orderTemplateId: `ot-${length}-${run}` });
      const stream = Array.from({ length }, (_, index) => ({ ...base, id: `e-${index}`, occurredAt: new Date(Date.UTC(2026, 0, 1) + index * 1000) }));
      for (const [index, event] of stream.entries()) {
        const started = performance.now();
        await tracker.ingest(event);
        const micros = (performance.now() - started) * 1000;
        latencies.get(length)!.push(micros);
        if (length === 4_000 && index < 500) first.push(micros);
        if (length === 4_000 && index >= 3_500) last.push(micros);
      }
    }
  }
  const listed = lengths.map((length) => `${length.toLocaleString('en-US')} events: ${format(median(latencies.get(length)!))} µs`);
  console.log(`per-event cost by session length (median ingest latency, 3 runs): ${listed.join('; ')}; in the 4,000-event session, events 1-500: ${format(median(first))} µs, events 3,501-4,000: ${format(median(last))} µs`);
}

// 4. Claims at capacity.
{
  const capacity = 100_000;
  const perClaim = async (claims: InstanceType<ClaimsClass>, from: number) => {
    const count = 50_000;
    const started = performance.now();
    for (let i = 0; i < count; i++) await claims.claim(`k${from + i}`, 3_600_000);
    return ((performance.now() - started) / count) * 1000;
  };
  const claims = new MemoryClaimStore({ maxEntries: capacity });
  const below = await perClaim(claims, 0);
  await perClaim(claims, 50_000);
  const at = [await perClaim(claims, 100_000), await perClaim(claims, 150_000), await perClaim(claims, 200_000)];
  console.log(`MemoryClaimStore: ${format(below, 2)} µs/claim below capacity, ${format(median(at), 2)} µs/claim at capacity (${capacity.toLocaleString('en-US')} held, evicting on every claim)`);
}
