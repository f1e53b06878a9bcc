// Cold start on this Node: the import cost of coinme-sdk/webhooks beyond its schema library, and
// the side effects of importing each entry (Fetch globals read, timers or handles left behind).
// Every measurement runs in a fresh child process.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Figure } from './lib/figure.js';
import { fromSource, root } from './lib/load.js';
import { median } from './lib/stats.js';

const run = promisify(execFile);
const probe = (name: string) => new URL(`./probe/${name}`, import.meta.url).pathname;

async function child<T>(script: string, args: string[]): Promise<T> {
  const { stdout } = await run(process.execPath, [script, ...args], { cwd: root, timeout: 30_000 });
  return JSON.parse(stdout) as T;
}

async function importMs(specifier: string): Promise<number> {
  return (await child<{ ms: number }>(probe('import-time.mjs'), [specifier])).ms;
}

/**
 * What importing coinme-sdk/webhooks adds beyond its schema library: in fresh processes, zod/mini
 * is imported first and the webhooks entry is timed on top of it, less the same for an empty
 * module (the loader's own cost of an import). Medians of spawns; zod/mini alone is reported too.
 */
export async function measureColdImport(spawns = 15): Promise<Figure[]> {
  if (fromSource) throw new Error('cold import is measured on dist/ only');
  await importMs('coinme-sdk/webhooks'); // warm the file system cache
  const zod: number[] = [];
  const added: number[] = [];
  const empty: number[] = [];
  const after = async (specifier: string) => (await child<{ ms: number }>(probe('import-after.mjs'), ['zod/mini', specifier])).ms;
  for (let i = 0; i < spawns; i++) {
    zod.push(await importMs('zod/mini'));
    added.push(await after('coinme-sdk/webhooks'));
    empty.push(await after(probe('empty.mjs')));
  }
  const base = median(zod);
  const extra = median(added) - median(empty);
  return [
    {
      name: `cold import: coinme-sdk/webhooks beyond zod/mini (Node ${process.versions.node})`,
      value: extra,
      unit: 'ms',
      baseline: { name: 'import zod/mini alone', value: base, unit: 'ms' },
      budget: { on: 'value', op: '<=', limit: 3 },
      note: `median of ${spawns} fresh processes each`,
    },
  ];
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
