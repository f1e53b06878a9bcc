// Times buildPartnerMapping: full built-in catalog, the 8-asset cryptoChains example, every US
// jurisdiction licensed, customer limits that narrow. Run with `tsx bench/mapping.bench.ts`.
import { buildPartnerMapping, US_JURISDICTIONS, type PartnerMappingInput } from '../src/mapping/index.js';
import { referenceAssets } from '../test/fixtures/mapping/index.js';

const ITERATIONS = 2_000;
const RUNS = 9;

const input: PartnerMappingInput = {
  assets: referenceAssets,
  licensedStates: [...US_JURISDICTIONS],
  limits: { buyLimitAmount: '500.00', sellLimitAmount: '300.00' },
};

function run(): number {
  const start = performance.now();
  for (let i = 0; i < ITERATIONS; i++) buildPartnerMapping(input);
  return ((performance.now() - start) * 1000) / ITERATIONS;
}

run(); // warm-up: let the JIT settle before measuring
const samples = Array.from({ length: RUNS }, run).sort((a, b) => a - b);
const median = samples[Math.floor(RUNS / 2)] ?? Number.NaN;
console.log(`buildPartnerMapping: median ${median.toFixed(1)} µs/call (${RUNS} runs × ${ITERATIONS} calls; min ${samples[0]?.toFixed(1)}, max ${samples.at(-1)?.toFixed(1)})`);
