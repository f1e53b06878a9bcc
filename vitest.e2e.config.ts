import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

// The long suite: real services, several processes, frameworks, browsers, fuzz and load runs.
// `npm run test:e2e`; .ci/run runs it after `npm test`.
// mergeConfig concatenates arrays: the base's include, exclude (test/e2e/**) and reporters go first.
export default mergeConfig(
  { ...base, test: { ...base.test, include: [], exclude: [], reporters: [] } },
  defineConfig({
    test: {
      include: ['test/e2e/**/*.test.ts'],
      exclude: ['**/node_modules/**'],
      typecheck: { enabled: false },
      testTimeout: 120_000,
      hookTimeout: 120_000,
      fileParallelism: false,
      // Long runs start servers and child processes: each file gets a fresh worker.
      isolate: true,
      reporters: process.env.CI ? ['default', ['json', { outputFile: '.ci/.cache/vitest-e2e-report.json' }]] : ['default'],
    },
  }),
);
