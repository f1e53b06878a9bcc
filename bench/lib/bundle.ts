// What a user's bundler makes of an import: esbuild (bundle + minify, browser platform, ESM),
// dependencies (ky, zod) included, then gzip level 9. The package's names point at dist/ (or at
// src/ with --src), and no tsconfig is read, so its `paths` cannot send esbuild to src/.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { fromSource, root } from './load.js';

const entries = fromSource
  ? { 'coinme-sdk': 'src/index.ts', 'coinme-sdk/webhooks': 'src/webhooks/index.ts', 'coinme-sdk/webhooks/verify': 'src/webhooks/verify-only.ts' }
  : { 'coinme-sdk': 'dist/index.js', 'coinme-sdk/webhooks': 'dist/webhooks.js', 'coinme-sdk/webhooks/verify': 'dist/webhooks-verify.js' };
const alias = Object.fromEntries(Object.entries(entries).map(([name, path]) => [name, `${root}${path}`]));

/** A bundle of `code`: minified and gzipped bytes, and the bytes each input file put in it. */
export async function bundle(code: string): Promise<{ minified: number; gzipped: number; inputs: Record<string, number> }> {
  const result = await build({
    stdin: { contents: code, resolveDir: root, sourcefile: 'bench-entry.js', loader: 'js' },
    alias,
    tsconfigRaw: {},
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    metafile: true,
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no output');
  const inputs = Object.values(result.metafile.outputs)[0]?.inputs ?? {};
  return {
    minified: output.contents.byteLength,
    gzipped: gzipSync(output.contents, { level: 9 }).byteLength,
    inputs: Object.fromEntries(Object.entries(inputs).map(([path, input]) => [path, input.bytesInOutput])),
  };
}
