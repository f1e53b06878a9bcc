// The TypeScript snippets of docs/guides/user-validation.md compile against the package, so the
// guide cannot drift from the API. Each snippet is its own module, checked with the project's
// compiler options (a tsc process, hence the long suite).
import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
// Under node_modules, so nothing appears in git status and the package's types resolve.
const dir = join(root, 'node_modules', '.cache', `doc-snippets-${process.pid}`);

afterAll(() => rm(dir, { recursive: true, force: true }));

describe('docs/guides/user-validation.md', () => {
  it('every ts snippet type-checks', async () => {
    const guide = await readFile(join(root, 'docs/guides/user-validation.md'), 'utf8');
    const snippets = [...guide.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
    expect(snippets.length).toBeGreaterThanOrEqual(6);
    await mkdir(dir, { recursive: true });
    await Promise.all(snippets.map((code, index) => writeFile(join(dir, `snippet-${index + 1}.ts`), `${code}\nexport {};\n`)));
    await writeFile(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ extends: join(root, 'tsconfig.json'), compilerOptions: { noEmit: true }, include: ['*.ts'] }),
    );
    const tsc = join(root, 'node_modules', '.bin', 'tsc');
    const result = await promisify(execFile)(tsc, ['-p', join(dir, 'tsconfig.json')], { cwd: root }).then(
      () => '',
      (error: { stdout?: string }) => error.stdout ?? String(error),
    );
    expect(result).toBe('');
  });
});
