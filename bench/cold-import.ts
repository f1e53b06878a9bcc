// The side effects of importing each entry (Fetch globals read, timers or handles left behind);
// cold start is measured with the webhook budgets (bench/webhooks.ts).
// Every measurement runs in a fresh child process.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Figure } from './lib/figure.js';
import { fromSource, root } from './lib/load.js';

const run = promisify(execFile);
const probe = (name: string) => new URL(`./probe/${name}`, import.meta.url).pathname;

async function child<T>(script: string, args: string[]): Promise<T> {
  const { stdout } = await run(process.execPath, [script, ...args], { cwd: root, timeout: 30_000 });
  return JSON.parse(stdout) as T;
}

interface Effects {
  touched: string[];
  timerCalls: string[];
  addedResources: string[];
}

/** Importing each entry (ESM and CJS) reads no Fetch global and starts no timer. */
export async function measureImportEffects(): Promise<Figure[]> {
  if (fromSource) throw new Error('import side effects are checked on dist/ only');
  const figures: Figure[] = [];
  for (const specifier of ['coinme-sdk', 'coinme-sdk/webhooks', 'coinme-sdk/testing']) {
    for (const mode of ['esm', 'cjs']) {
      const name = `import ${specifier} (${mode}): no fetch/Request access, no timers`;
      const budget = { on: 'value', op: '<=', limit: 0 } as const;
      try {
        const effects = await child<Effects>(probe('import-effects.mjs'), [specifier, mode]);
        // The testing entry loads msw, which reads the Fetch globals as it loads; that entry is held
        // to no timers and no handles, and the reads are reported.
        const readsAllowed = specifier === 'coinme-sdk/testing';
        const reads = effects.touched.map((global) => `globalThis.${global}`);
        const found = [...(readsAllowed ? [] : reads), ...effects.timerCalls, ...effects.addedResources.map((resource) => `handle ${resource}`)];
        const notes = [...found, ...(readsAllowed && reads.length ? [`msw reads ${reads.join(', ')} (allowed for this entry)`] : [])];
        figures.push({ name: readsAllowed ? `import ${specifier} (${mode}): no timers or handles` : name, value: found.length, unit: 'effects', budget, ...(notes.length ? { note: notes.join('; ') } : {}) });
      } catch (error) {
        figures.push({ name, value: Number.NaN, unit: 'effects', budget, note: `import failed: ${(error as Error).message.split('\n')[0]}` });
      }
    }
  }
  return figures;
}
