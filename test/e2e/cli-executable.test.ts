// The `coinme-sdk` executable as a process (spawned, so it lives in the long suite).
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

describe('the coinme-sdk executable', () => {
  it('runs as a process and exits with the command status', async () => {
    const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
    const { stdout } = await promisify(execFile)(tsx, ['src/cli/index.ts', 'webhooks', 'list']);
    expect(stdout).toContain('  CAAS.BUY.COMPLETED');
    const failed = await promisify(execFile)(tsx, ['src/cli/index.ts', 'webhooks', 'trigger', 'nope']).catch((error: { code: number }) => error);
    expect((failed as { code: number }).code).toBe(2);
  });
});
