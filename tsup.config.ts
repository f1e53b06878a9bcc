import { defineConfig } from 'tsup';

// Kept plain on purpose: the library entry points (ESM + CJS + .d.ts each), the CLI and the sandbox.
export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      webhooks: 'src/webhooks/index.ts',
      'webhooks-verify': 'src/webhooks/verify-only.ts',
      testing: 'src/testing/index.ts',
      redis: 'src/redis/index.ts',
      postgres: 'src/postgres/index.ts',
    },
    format: ['esm', 'cjs'],
    // Declarations of every library entry, the sandbox's included, in this one pass, so the sandbox
    // and testing entries share one set of the mock's types.
    dts: {
      entry: {
        index: 'src/index.ts',
        webhooks: 'src/webhooks/index.ts',
        'webhooks-verify': 'src/webhooks/verify-only.ts',
        testing: 'src/testing/index.ts',
        redis: 'src/redis/index.ts',
        postgres: 'src/postgres/index.ts',
        sandbox: 'src/sandbox/index.ts',
      },
    },
    // dist/ is emptied by `npm run build` before tsup starts: the configs build in parallel, and a
    // config's own clean would delete what another already wrote.
    clean: false,
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
