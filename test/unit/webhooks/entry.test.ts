import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import * as webhooks from 'coinme-sdk/webhooks';

const root = new URL('../../../', import.meta.url).pathname;

async function bundle(contents: string) {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  // The files that contributed code to the bundle (the metafile also lists the ones tree-shaken away).
  const output = Object.values(result.metafile.outputs)[0]?.inputs ?? {};
  const inputs = Object.entries(output).flatMap(([path, { bytesInOutput }]) => (bytesInOutput > 0 ? [path] : []));
  return { inputs, gzipped: gzipSync(code, { level: 9 }).byteLength };
}

describe('the coinme-sdk/webhooks entry', () => {
  it('exports exactly the webhook API', () => {
    expect(Object.keys(webhooks).sort()).toEqual([
      'CoinmeError',
      'TEST_DELIVERY_HEADER',
      'UserValidationError',
      'ValidationError',
      'WebhookBodyConsumedError',
      'WebhookConfigurationError',
      'WebhookParseError',
      'WebhookSignatureError',
      'constructEvent',
      'createFastifyUserValidationPlugin',
      'createFastifyWebhookPlugin',
      'createUserValidationHandler',
      'createUserValidationMiddleware',
      'createWebhookHandler',
      'createWebhookMiddleware',
      'isCoinmeError',
      'parseWebhook',
      'verifySignature',
      'verifySignatureAsync',
      'webhookEventTypes',
    ]);
  });

  it('never pulls in the HTTP client', async () => {
    const { inputs } = await bundle(`export * from './src/webhooks/index.ts';`);
    expect(inputs.some((path) => path.includes('src/webhooks/parse.ts'))).toBe(true);
    expect(inputs.filter((path) => /src\/(client|core|resources|auth)\b|node_modules\/ky\//.test(path))).toEqual([]);
  });

  it('keeps verifySignature alone within 1.5 KB gzipped, without zod', async () => {
    const { inputs, gzipped } = await bundle(`export { verifySignature } from './src/webhooks/index.ts';`);
    expect(inputs.filter((path) => path.includes('node_modules'))).toEqual([]);
    expect(inputs.length).toBeGreaterThan(0);
    expect(gzipped).toBeLessThanOrEqual(1536);
  });
});
