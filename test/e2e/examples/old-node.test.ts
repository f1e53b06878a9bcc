// The examples on a Node older than 22.12 (the system Node on many machines): one clear sentence
// and exit 1, not a ConnectionError from an msw that silently intercepts nothing.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
// The system Node, when it is older than the one running the tests.
const systemNode = ['/usr/bin/node', '/usr/local/bin/node'].find((path) => existsSync(path));

function run(node: string, file: string): Promise<{ code: number | null; stdout: string; stderr: string; version: string }> {
  return new Promise((resolve) => {
    execFile(node, ['-p', 'process.versions.node'], (_error, version) => {
      execFile(node, [join(root, 'node_modules/tsx/dist/cli.mjs'), join('examples', file)], { cwd: root, timeout: 30_000 }, (error, stdout, stderr) => {
        resolve({ code: error ? ((error.code as number | undefined) ?? 1) : 0, stdout, stderr, version: version.trim() });
      });
    });
  });
}

describe.skipIf(!systemNode)('examples on an old system Node', () => {
  it.each(['quote-and-widget.ts', 'partner-flow.ts'])('%s says which Node it needs, and exits 1', async (file) => {
    const { code, stdout, stderr, version } = await run(systemNode ?? 'node', file);
    const [major = 0, minor = 0] = version.split('.').map(Number);
    if (major > 22 || (major === 22 && minor >= 12)) return; // this machine's Node is recent: nothing to refuse
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      `These examples need Node 22.12 or later (this is Node ${version}): run them with \`bash .ci/with-node tsx examples/<file>.ts\`, which provides it, or upgrade Node.`,
    );
    expect(stdout).not.toMatch(/ConnectionError/);
  });
});
