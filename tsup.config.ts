import { defineConfig } from 'tsup';

// Kept plain on purpose: three entry points, ESM + CJS + .d.ts each.
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    webhooks: 'src/webhooks/index.ts',
    testing: 'src/testing/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  platform: 'neutral',
  splitting: true,
  treeshake: true,
  external: ['msw', 'msw/node', 'ky', 'zod', 'zod/mini'],
});
