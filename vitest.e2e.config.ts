import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

// The long suite: real services, several processes, frameworks, browsers, fuzz and load runs.
// `npm run test:e2e`; .ci/run runs it after `npm test`.
const config = mergeConfig(
  base,
  defineConfig({
    test: {
      include: ['test/e2e/**/*.test.ts'],
      exclude: [],
      typecheck: { enabled: false },
      testTimeout: 120_000,
      hookTimeout: 120_000,
      fileParallelism: false,
      reporters: process.env.CI ? ['default', ['json', { outputFile: '.ci/.cache/vitest-e2e-report.json' }]] : ['default'],
    },
  }),
);
// mergeConfig concatenates arrays, which would add the fast suite and keep its `test/e2e/**` exclusion.
config.test = { ...config.test, include: ['test/e2e/**/*.test.ts'], exclude: ['**/node_modules/**'] };
export default config;
