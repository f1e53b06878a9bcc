// Tree-shaking from the root entry, on the built dist/: a pure function imported from `coinme-sdk`
// costs what it costs alone (within 0.5 KB gz), and `{ buildPartnerMapping }` does not bring the
// HTTP client. Each import is bundled by esbuild as a user's bundler would (minified ESM,
// dependencies included) from the files of dist/ directly, with no tsconfig, so `paths` cannot
// send it to src/. Exits 1 on a miss.
//
//   npm run build && tsx bench/tree-shaking.ts
import { bundle } from './lib/bundle.js';
import type { Figure } from './lib/figure.js';
import { root } from './lib/load.js';

/** Gzipped bytes of a bundle of `code`, and whether the HTTP client (ky) is in it. */
async function measure(code: string): Promise<{ gzipped: number; hasClient: boolean }> {
  const { gzipped, inputs } = await bundle(code);
  return { gzipped, hasClient: Object.entries(inputs).some(([path, bytes]) => path.includes('node_modules/ky/') && bytes > 0) };
}

interface Pair {
  name: string;
  fromRoot: string;
  /** The same import where it costs only itself. */
  alone: string;
}

const marginKb = 0.5;

const pairs: Pair[] = [
  { name: '{ verifySignature }', fromRoot: `export { verifySignature } from 'coinme-sdk';`, alone: `export { verifySignature } from 'coinme-sdk/webhooks';` },
  // The source module bundled on its own is the reference: what the function itself needs.
  { name: '{ checkEligibility }', fromRoot: `export { checkEligibility } from 'coinme-sdk';`, alone: `export { checkEligibility } from '${root}src/mapping/eligibility.ts';` },
  { name: '{ buildPartnerMapping }', fromRoot: `export { buildPartnerMapping } from 'coinme-sdk';`, alone: `export { buildPartnerMapping } from '${root}src/mapping/build.ts';` },
];

/** One figure per pair: the root-entry bundle against the bundle of the import alone. */
export async function measureTreeShaking(): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const pair of pairs) {
    const [fromRoot, alone] = await Promise.all([measure(pair.fromRoot), measure(pair.alone)]);
    const extraKb = (fromRoot.gzipped - alone.gzipped) / 1024;
    figures.push({
      name: `tree-shaking: ${pair.name} from coinme-sdk beyond its own cost`,
      value: extraKb,
      unit: 'KB gz',
      budget: { on: 'value', op: '<=', limit: marginKb },
      note: `${(fromRoot.gzipped / 1024).toFixed(2)} KB from the root entry, ${(alone.gzipped / 1024).toFixed(2)} KB alone${fromRoot.hasClient ? '; pulls in the HTTP client (ky)' : ''}`,
      ...(fromRoot.hasClient ? { pass: false } : {}),
    });
  }
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = await measureTreeShaking();
  let failed = 0;
  for (const figure of figures) {
    const pass = figure.pass !== false && figure.value <= marginKb;
    if (!pass) failed += 1;
    console.log(`${pass ? 'pass' : 'FAIL'}  ${figure.name}: ${figure.value.toFixed(2)} KB gz (budget ≤ ${marginKb}, headroom ${(marginKb - figure.value).toFixed(2)} KB); ${figure.note}`);
  }
  process.exitCode = failed === 0 ? 0 : 1;
}
