import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  // Examples import the package by name; tests run them against the sources (as tsconfig paths do).
  resolve: {
    alias: [
      { find: /^coinme-sdk$/, replacement: source('./src/index.ts') },
      { find: /^coinme-sdk\/webhooks$/, replacement: source('./src/webhooks/index.ts') },
      { find: /^coinme-sdk\/webhooks\/verify$/, replacement: source('./src/webhooks/verify-only.ts') },
      { find: /^coinme-sdk\/testing$/, replacement: source('./src/testing/index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // test/e2e is the long suite (vitest.e2e.config.ts, `npm run test:e2e`).
    exclude: ['test/e2e/**', '**/node_modules/**'],
    typecheck: { enabled: true, include: ['test/types/**/*.test-d.ts'] },
    testTimeout: 20_000,
    restoreMocks: true,
    // In CI a JSON report is written too, so .ci/run can print a plain pass/fail count.
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.ci/.cache/vitest-report.json' }]] : ['default'],
  },
});
