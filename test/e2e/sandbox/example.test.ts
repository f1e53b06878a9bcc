// examples/sandbox-session.ts runs as a partner would run it, with tsx, in its own process.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');

describe('examples/sandbox-session.ts', () => {
  it('tracks a Green Dot session to completed and finds it in transaction history', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'examples/sandbox-session.ts'], { cwd: root, timeout: 90_000 });
    expect(stdout).toMatch(/widget: http:\/\/127\.0\.0\.1:\d+\/widget\/\S+/);
    expect(stdout).toMatch(/webhook greendot\.barcode\.displayed\s+session status: barcode_generated/);
    expect(stdout).toMatch(/browser sent to: https:\/\/my-app\.example\/checkout\/return\?transactionId=\d{19}&status=COMPLETED/);
    expect(stdout).toContain('final status: completed; matched in transaction history: 1');
  });
});
