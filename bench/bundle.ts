// What a user's bundle pays for each import: esbuild (bundle + minify, browser platform, ESM),
// dependencies (ky, zod) included, then gzip level 9.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { Figure } from './lib/figure.js';
import { fromSource, root } from './lib/load.js';

interface Case {
  name: string;
  code: string;
  budgetKb?: number;
}

const cases: Case[] = [
  // The webhook bundles are measured with the webhook budgets (bench/webhooks.ts), the client's with
  // the client budgets (bench/client.ts).
  { name: 'bundle: whole coinme-sdk/webhooks entry', code: `export * from 'coinme-sdk/webhooks';` },
  { name: 'bundle: whole coinme-sdk entry', code: `export * from 'coinme-sdk';` },
];

// With --src, bundle the TypeScript sources instead of dist/.
const sourceAlias: Record<string, string> = {
  'coinme-sdk/webhooks': `${root}src/webhooks/index.ts`,
  'coinme-sdk': `${root}src/index.ts`,
};

/** Minified and gzipped size in bytes of a bundle of `code`. */
export async function bundleSize(code: string): Promise<{ minified: number; gzipped: number }> {
  const result = await build({
    stdin: { contents: code, resolveDir: root, sourcefile: 'bench-entry.js', loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    ...(fromSource ? { alias: sourceAlias } : {}),
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no output');
  return { minified: output.contents.byteLength, gzipped: gzipSync(output.contents, { level: 9 }).byteLength };
}

export async function measureBundles(): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const { name, code, budgetKb } of cases) {
    const budget = budgetKb === undefined ? undefined : ({ on: 'value', op: '<=', limit: budgetKb } as const);
    try {
      const { minified, gzipped } = await bundleSize(code);
      figures.push({ name, value: gzipped / 1024, unit: 'KB gz', ...(budget ? { budget } : {}), note: `${(minified / 1024).toFixed(1)} KB minified` });
    } catch (error) {
      const message = (error as { errors?: { text: string }[] }).errors?.[0]?.text ?? (error as Error).message;
      figures.push({ name, value: Number.NaN, unit: 'KB gz', ...(budget ? { budget } : {}), note: `not built: ${message}` });
    }
  }
  return figures;
}
