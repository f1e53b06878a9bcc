// Throughput with no budget, reported to watch trends: buildPartnerMapping (bench/mapping.bench.ts,
// run as is) and reduceSession folding one 11-event widget session.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { happyPath } from '../test/helpers/session-stream.js';
import type { Figure } from './lib/figure.js';
import { fromSource, loadEntry, root } from './lib/load.js';
import { calibrate, median, opsPerSecond } from './lib/stats.js';

const run = promisify(execFile);

export async function measureMapping(): Promise<Figure[]> {
  const script = new URL('./mapping.bench.ts', import.meta.url).pathname;
  const { stdout } = await run(process.execPath, ['--import', 'tsx', script], { cwd: root, timeout: 60_000 });
  const match = /median ([\d.]+) µs\/call/.exec(stdout);
  if (!match) throw new Error(`unexpected output of mapping.bench.ts: ${stdout.trim()}`);
  const micros = Number(match[1]);
  return [{ name: 'buildPartnerMapping (full catalog, 8 assets, all US)', value: 1e6 / micros, unit: 'calls/s', note: `${micros} µs/call (mapping.bench.ts, src)` }];
}

type Reduce = (state: unknown, event: unknown) => unknown;

export async function measureReduce(): Promise<Figure[]> {
  // The public export when the built entry has it; the lifecycle module otherwise.
  const exported = fromSource ? undefined : ((await loadEntry('coinme-sdk'))['reduceSession'] as Reduce | undefined);
  const reduceSession = exported ?? ((await import('../src/lifecycle/index.js')).reduceSession as Reduce);
  const events = happyPath();
  const fold = () => {
    let state: unknown;
    for (const event of events) state = reduceSession(state, event);
    return state;
  };
  const iterations = await calibrate(fold, 80);
  const rates: number[] = [];
  for (let i = 0; i < 7; i++) rates.push(await opsPerSecond(fold, iterations));
  const sessions = median(rates);
  return [
    {
      name: `reduceSession (${events.length}-event session)`,
      value: sessions * events.length,
      unit: 'events/s',
      note: `${Math.round(sessions)} sessions/s (${exported ? 'dist' : 'src'})`,
    },
  ];
}
