// createUserValidationHandler on the built package: how long a request takes, and whether a wrong
// credential's time depends on where it differs from the right one or on its length (it should
// not: credentials are compared as HMACs). Same-run medians of interleaved batches.
//
//   npm run build && tsx bench/user-validation.ts
import { loadExport } from './lib/load.js';

type Handler = (request: Request) => Promise<Response>;
type Factory = (options: unknown) => Handler;

const TOKEN = 'tok_bench_0123456789abcdef0123456789abcdef';
const createUserValidationHandler = await loadExport<Factory>('coinme-sdk/webhooks', 'createUserValidationHandler');
const handler = createUserValidationHandler({ auth: { bearer: TOKEN }, isAllowed: () => true });

const cases: Record<string, string> = {
  'right token (200 true)': TOKEN,
  'wrong first character': `X${TOKEN.slice(1)}`,
  'wrong last character': `${TOKEN.slice(0, -1)}X`,
  'one character short': TOKEN.slice(0, -1),
  '1 KiB token': 'x'.repeat(1024),
};
const body = '{"email":"ana@example.com"}';
const request = (token: string) => new Request('http://localhost/validate', { method: 'POST', body, headers: { authorization: `Bearer ${token}` } });

const BATCH = 200;
const ROUNDS = 15;
const samples: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
for (let round = 0; round < ROUNDS + 2; round++) {
  for (const [name, token] of Object.entries(cases)) {
    const started = performance.now();
    for (let i = 0; i < BATCH; i++) await (await handler(request(token))).text();
    // The first two rounds warm the JIT and are not counted.
    if (round >= 2) samples[name]?.push(((performance.now() - started) * 1000) / BATCH);
  }
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const base = median(samples['wrong first character'] ?? []);
console.log('case                         µs/request  ratio to "wrong first character"');
for (const [name, values] of Object.entries(samples)) {
  const value = median(values);
  console.log(`${name.padEnd(28)} ${value.toFixed(1).padStart(10)}  ${(value / base).toFixed(2)}`);
}
