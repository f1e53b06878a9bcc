import { defineConfig } from 'vitest/config';

// In CI a JSON report is written too, so .ci/run can print a plain pass/fail count.
const reporters = process.env.CI
  ? ['default', ['json', { outputFile: '.ci/.cache/vitest-report.json' }] as const]
  : ['default'];

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    typecheck: { enabled: true, include: ['test/types/**/*.test-d.ts'] },
    testTimeout: 20_000,
    restoreMocks: true,
    reporters,
  },
});
