// Timing helpers. Every budgeted figure is a ratio to a baseline timed in the same process,
// interleaved run by run, so the noise of a shared machine mostly cancels out.

/** Median of a list of numbers (NaN for an empty list). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Runs `fn` `iterations` times, awaiting each call in turn, and returns calls per second. */
export async function opsPerSecond(fn: () => unknown, iterations: number): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < iterations; i++) await fn();
  return iterations / ((performance.now() - start) / 1000);
}

/** How many calls of `fn` fill roughly `targetMs`, so each timed batch is long enough to read. */
export async function calibrate(fn: () => unknown, targetMs: number, minIterations = 50): Promise<number> {
  let iterations = minIterations;
  for (;;) {
    const start = performance.now();
    for (let i = 0; i < iterations; i++) await fn();
    const elapsed = performance.now() - start;
    if (elapsed >= targetMs / 4 || iterations >= 1e7) return Math.max(minIterations, Math.round((iterations * targetMs) / Math.max(elapsed, 0.001)));
    iterations *= 4;
  }
}

/** Raw rates of a baseline and a candidate, and their ratio. */
export interface Comparison {
  /** Median calls/s of the candidate. */
  candidate: number;
  /** Median calls/s of the baseline. */
  baseline: number;
  /** Median of the per-run ratios candidate/baseline (higher is faster). */
  ratio: number;
  runs: number;
  iterations: number;
}

/**
 * Times `candidate` and `baseline` alternately (`runs` pairs, order flipped every run, after a
 * warm-up), each pair with the same number of sequential awaited calls.
 */
export async function compare(
  candidate: () => unknown,
  baseline: () => unknown,
  { runs = 9, batchMs = 80, minIterations = 50 }: { runs?: number; batchMs?: number; minIterations?: number } = {},
): Promise<Comparison> {
  // Warm-up of both code paths, long enough for the optimising compiler to settle.
  await calibrate(candidate, batchMs * 4, minIterations);
  await calibrate(baseline, batchMs * 4, minIterations);
  const iterations = Math.min(await calibrate(candidate, batchMs, minIterations), await calibrate(baseline, batchMs, minIterations));
  const candidateRates: number[] = [];
  const baselineRates: number[] = [];
  const ratios: number[] = [];
  for (let run = 0; run < runs; run++) {
    let c: number;
    let b: number;
    if (run % 2 === 0) {
      c = await opsPerSecond(candidate, iterations);
      b = await opsPerSecond(baseline, iterations);
    } else {
      b = await opsPerSecond(baseline, iterations);
      c = await opsPerSecond(candidate, iterations);
    }
    candidateRates.push(c);
    baselineRates.push(b);
    ratios.push(c / b);
  }
  return { candidate: median(candidateRates), baseline: median(baselineRates), ratio: median(ratios), runs, iterations };
}
