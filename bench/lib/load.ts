// Loads the package the way users get it: the built dist/ through the package's own `exports`
// (a self-reference by name). `--src` loads the TypeScript sources instead, for quick checks.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));

export type Entry = 'coinme-sdk' | 'coinme-sdk/webhooks' | 'coinme-sdk/webhooks/verify' | 'coinme-sdk/testing';

const sources: Record<Entry, string> = {
  'coinme-sdk': '../../src/index.js',
  'coinme-sdk/webhooks': '../../src/webhooks/index.js',
  'coinme-sdk/webhooks/verify': '../../src/webhooks/verify-only.js',
  'coinme-sdk/testing': '../../src/testing/index.js',
};

export const fromSource = process.argv.includes('--src');

/** Where the measured code comes from, for the report. */
export const origin = fromSource ? 'src' : 'dist';

/** Imports one public entry point. */
export async function loadEntry(entry: Entry): Promise<Record<string, unknown>> {
  if (fromSource) return (await import(sources[entry])) as Record<string, unknown>;
  if (!existsSync(new URL('../../dist/index.js', import.meta.url))) {
    throw new Error('dist/ is missing: run `npm run build` first (or pass --src)');
  }
  return (await import(entry)) as Record<string, unknown>;
}

/** One named export of an entry point, or an error saying it is not exported. */
export async function loadExport<T>(entry: Entry, name: string): Promise<T> {
  const module = await loadEntry(entry);
  const value = module[name];
  if (value === undefined) throw new Error(`${name} is not exported by ${entry} (${origin})`);
  return value as T;
}
