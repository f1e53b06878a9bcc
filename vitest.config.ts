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
      { find: /^coinme-sdk\/redis$/, replacement: source('./src/redis/index.ts') },
      { find: /^coinme-sdk\/postgres$/, replacement: source('./src/postgres/index.ts') },
      { find: /^coinme-sdk\/sandbox$/, replacement: source('./src/sandbox/index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // test/e2e is the long suite (vitest.e2e.config.ts, `npm run test:e2e`).
    exclude: ['test/e2e/**', '**/node_modules/**'],
    // test/types/*.test-d.ts are type-level tests: `npm run typecheck` (tsc) checks them, without
    // vitest's experimental typecheck mode and its warning.
    testTimeout: 20_000,
    // One worker per core, reused across files: spawning a fresh one per file cost more than
    // the tests themselves on a 2-core machine. Tests must not leak globals (restoreMocks helps).
    isolate: false,
    restoreMocks: true,
    // In CI a JSON report is written too, so .ci/run can print a plain pass/fail count.
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.ci/.cache/vitest-report.json' }]] : ['default'],
  },
});
