import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// The long suite: real services, several processes, frameworks, browsers, fuzz and load runs.
// `npm run test:e2e`; .ci/run runs it after `npm test`. Built from the base config by hand, not
// with mergeConfig, which would concatenate the base's include, exclude and reporters.
export default defineConfig({
  resolve: base.resolve ?? {},
  test: {
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    restoreMocks: true,
    fileParallelism: false,
    // Long runs start servers and child processes: each file gets a fresh worker.
    isolate: true,
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.ci/.cache/vitest-e2e-report.json' }]] : ['default'],
  },
});
