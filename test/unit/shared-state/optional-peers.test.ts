// The Redis and Postgres drivers are optional peers: only their own entries may name them, and
// even those only as types, so nothing loads a driver the user did not install.
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;
const drivers = ['redis', 'ioredis', 'pg', '@redis/client'];

/** The bare package imports left in a bundle of `entry`, every npm package kept external. */
async function packagesImportedBy(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: root,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    packages: 'external',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const imports = Object.values(result.metafile.outputs).flatMap((output) => output.imports.filter((item) => item.external).map((item) => item.path));
  return [...new Set(imports)].sort();
}

describe('optional peer dependencies', () => {
  for (const entry of ['src/index.ts', 'src/webhooks/index.ts', 'src/redis/index.ts', 'src/postgres/index.ts']) {
    it(`${entry} loads no Redis or Postgres driver at runtime`, async () => {
      const imported = await packagesImportedBy(entry);
      expect(imported.filter((name) => drivers.some((driver) => name === driver || name.startsWith(`${driver}/`)))).toEqual([]);
    });
  }

  it('sees the package imports that are there (ky), so an empty list means something', async () => {
    expect(await packagesImportedBy('src/index.ts')).toContain('ky');
  });
});
