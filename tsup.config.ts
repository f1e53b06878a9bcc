import { defineConfig } from 'tsup';

// Kept plain on purpose: three library entry points (ESM + CJS + .d.ts each) and the CLI.
export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      webhooks: 'src/webhooks/index.ts',
      testing: 'src/testing/index.ts',
      redis: 'src/redis/index.ts',
      postgres: 'src/postgres/index.ts',
    },
    format: ['esm', 'cjs'],
    // Declarations of every library entry, the sandbox's included, in this one pass: a separate
    // declaration build for the sandbox raced this one, whose clean removes dist/*.d.ts as it starts.
    dts: {
      entry: {
        index: 'src/index.ts',
        webhooks: 'src/webhooks/index.ts',
        testing: 'src/testing/index.ts',
        redis: 'src/redis/index.ts',
        postgres: 'src/postgres/index.ts',
        sandbox: 'src/sandbox/index.ts',
      },
    },
    clean: true,
    sourcemap: true,
    target: 'es2022',
    platform: 'neutral',
    splitting: true,
    treeshake: true,
    external: ['msw', 'msw/node', 'ky', 'zod', 'zod/mini', 'zod/v4/core', 'redis', 'ioredis', 'pg'],
  },
  {
    // The CLI uses top-level await, so it is ESM only.
    entry: { cli: 'src/cli/index.ts' },
    format: ['esm'],
    platform: 'node',
    target: 'node22',
    dts: false,
    clean: false,
    external: ['zod', 'zod/mini', 'zod/v4/core', 'ky'],
  },
  {
    // The local sandbox (node:http), its own Node-only entry (its declarations come with the first).
    entry: { sandbox: 'src/sandbox/index.ts' },
    format: ['esm', 'cjs'],
    dts: false,
    clean: false,
    sourcemap: true,
    platform: 'node',
    target: 'node22',
    external: ['msw', 'msw/node', 'ky', 'zod', 'zod/mini', 'zod/v4/core'],
  },
]);
