import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

// The unit suite as vitest.config.ts runs it, for Stryker (`npm run mutation`), less the one file
// that cannot pass on instrumented sources: entry.test.ts bundles src/webhooks with esbuild and
// checks its gzipped size, which Stryker's mutant switches multiply (5150 B against 1536 B).
export default mergeConfig(
  base,
  defineConfig({
    test: { exclude: ['test/unit/webhooks/entry.test.ts'] },
  }),
);
