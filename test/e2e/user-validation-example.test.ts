// examples/user-validation.ts run as a script (a child process, so it lives in the long suite).
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('examples/user-validation.ts', () => {
  it('prints the answer of each case when run', async () => {
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('COINME_')));
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'examples/user-validation.ts'], { cwd: root, env, timeout: 15_000 });
    const answers = stdout.split('\n').filter((line) => /^ {2}\d{3} /.test(line)).map((line) => line.trim());
    expect(answers).toEqual(['200 true', '200 false', '401 false', '401 false', '400 false', '503 false']);
  }, 20_000);
});
