// Docs are tests: every ```ts block of README.md and docs/guides/*.md is type-checked against the
// built package (dist/, resolved as a user's project resolves it), under each module setting and
// @types/node a partner may use. A block can opt out with `<!-- not-checked: reason -->` on the
// line before it; the few names a snippet leaves to the reader's app are declared in prelude.d.ts.
//
//   npm run build && bash .ci/with-node tsx test/docs/check-snippets.ts
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const modules = join(root, 'node_modules');
const work = join(root, '.ci/.cache/docs-check');

interface Snippet {
  doc: string;
  /** 1-based line of the block's first code line in the doc. */
  line: number;
  code: string;
}

/** The ```ts blocks of one Markdown file, minus those marked `<!-- not-checked: ... -->`. */
export function extractSnippets(doc: string, text: string): { checked: Snippet[]; skipped: number } {
  const lines = text.split('\n');
  const checked: Snippet[] = [];
  let skipped = 0;
  for (let index = 0; index < lines.length; index++) {
    const open = /^(\s*)```(ts|typescript)\s*$/.exec(lines[index] ?? '');
    if (!open) continue;
    const indent = open[1]?.length ?? 0;
    const start = index + 1;
    let end = start;
    while (end < lines.length && !/^\s*```\s*$/.test(lines[end] ?? '')) end++;
    const previous = lines.slice(0, index).reverse().find((line) => line.trim() !== '') ?? '';
    if (/<!--\s*not-checked:/.test(previous)) skipped++;
    else checked.push({ doc, line: start + 1, code: lines.slice(start, end).map((line) => line.slice(indent)).join('\n') });
    index = end;
  }
  return { checked, skipped };
}

interface Setting {
  name: string;
  /** The directory under node_modules/@types/ to use as @types/node, or none. */
  typesNode: string | undefined;
  packageType: 'module' | 'commonjs';
  compilerOptions: Record<string, unknown>;
  /** Which snippets this setting checks (the web setting: those a Worker or Deno could run). */
  includes(snippet: Snippet): boolean;
  /** Diagnostics that say nothing about the package here (top-level await in a CommonJS file). */
  ignoredCodes?: number[];
  /** Diagnostics about other packages' limits (msw 3 ships ESM only: no CommonJS test files). */
  ignoredMessages?: RegExp;
}

const common = { strict: true, noEmit: true, target: 'es2022', esModuleInterop: true, skipLibCheck: true, lib: ['es2023', 'dom', 'dom.iterable'] };
// Deno's `npm:` specifiers resolve only in the web setting (mapped there to dist/).
const all = (snippet: Snippet) => !snippet.code.includes("'npm:");
// What a Worker or Deno runs: the webhooks entry only, and no Node API.
const web = (snippet: Snippet) =>
  /from '(npm:)?coinme-sdk\/webhooks'/.test(snippet.code) && !/from '(coinme-sdk|coinme-sdk\/testing|express|fastify|node:[^']+)'|\bprocess\.|\bBuffer\b|import\('node:/.test(snippet.code);
const topLevelAwaitInCommonJs = [1309, 1375, 1378, 1432];
const mswIsEsmOnly = /["']msw\/node["']/;

const settings: Setting[] = [
  { name: 'bundler ESM, @types/node 24 (pinned)', typesNode: 'node', packageType: 'module', compilerOptions: { ...common, module: 'preserve', moduleResolution: 'bundler' }, includes: all },
  { name: 'bundler ESM, @types/node 26 (latest)', typesNode: 'types-node-26', packageType: 'module', compilerOptions: { ...common, module: 'preserve', moduleResolution: 'bundler' }, includes: all },
  { name: 'nodenext ESM, @types/node 22', typesNode: 'types-node-22', packageType: 'module', compilerOptions: { ...common, module: 'nodenext', moduleResolution: 'nodenext' }, includes: all },
  { name: 'nodenext ESM, @types/node 25', typesNode: 'types-node-25', packageType: 'module', compilerOptions: { ...common, module: 'nodenext', moduleResolution: 'nodenext' }, includes: all },
  {
    name: 'node16 CommonJS, @types/node 24',
    typesNode: 'node',
    packageType: 'commonjs',
    compilerOptions: { ...common, module: 'node16', moduleResolution: 'node16' },
    includes: all,
    ignoredCodes: topLevelAwaitInCommonJs,
    ignoredMessages: mswIsEsmOnly,
  },
  {
    name: 'moduleResolution "node" (node10) CommonJS, @types/node 24',
    typesNode: 'node',
    packageType: 'commonjs',
    compilerOptions: { ...common, module: 'commonjs', moduleResolution: 'node10', ignoreDeprecations: '6.0' },
    includes: all,
    ignoredCodes: topLevelAwaitInCommonJs,
    ignoredMessages: mswIsEsmOnly,
  },
  {
    name: 'web entry without @types/node, skipLibCheck off (Workers, Deno)',
    typesNode: undefined,
    packageType: 'module',
    compilerOptions: { ...common, skipLibCheck: false, types: [], module: 'preserve', moduleResolution: 'bundler', paths: { 'npm:coinme-sdk/webhooks': ['./node_modules/coinme-sdk/dist/webhooks.d.ts'] } },
    includes: web,
  },
];

// node_modules for a setting: the project's, this package as `coinme-sdk` (dist/ through its
// exports), and the chosen @types/node (or none).
function linkModules(directory: string, typesNode: string | undefined): void {
  const target = join(directory, 'node_modules');
  mkdirSync(join(target, '@types'), { recursive: true });
  for (const name of readdirSync(modules)) {
    if (name === '@types' || name.startsWith('.')) continue;
    symlinkSync(join(modules, name), join(target, name));
  }
  for (const name of readdirSync(join(modules, '@types'))) {
    if (name !== 'node') symlinkSync(join(modules, '@types', name), join(target, '@types', name));
  }
  if (typesNode) symlinkSync(join(modules, typesNode === 'node' ? '@types/node' : typesNode), join(target, '@types', 'node'));
  symlinkSync(root, join(target, 'coinme-sdk'));
}

const asModule = (code: string) => (/^\s*(import|export)\s/m.test(code) ? code : `${code}\nexport {};`);

function check(setting: Setting, snippets: Snippet[], index: number): string[] {
  const directory = join(work, String(index));
  mkdirSync(directory, { recursive: true });
  linkModules(directory, setting.typesNode);
  const files = snippets.filter((snippet) => setting.includes(snippet));
  const names = files.map((snippet, n) => {
    const name = `snippet-${n}.${setting.packageType === 'module' ? 'mts' : 'cts'}`;
    writeFileSync(join(directory, name), asModule(snippet.code));
    return name;
  });
  const prelude = readFileSync(join(root, 'test/docs/prelude.d.ts'), 'utf8');
  writeFileSync(join(directory, 'prelude.d.ts'), prelude);
  writeFileSync(join(directory, 'package.json'), JSON.stringify({ private: true, type: setting.packageType }));
  writeFileSync(
    join(directory, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { types: setting.typesNode ? ['node'] : [], ...setting.compilerOptions }, files: ['prelude.d.ts', ...names] }, null, 2),
  );
  let output = '';
  try {
    execFileSync(process.execPath, [join(modules, 'typescript/bin/tsc'), '-p', directory, '--pretty', 'false'], { encoding: 'utf8' });
  } catch (error) {
    output = String((error as { stdout?: string }).stdout ?? error);
  }
  const problems: string[] = [];
  for (const line of output.split('\n')) {
    const match = /^(.*?)\((\d+),(\d+)\): error TS(\d+): (.*)$/.exec(line);
    if (!match) {
      if (line.trim() && !line.startsWith(' ')) problems.push(`  ${line}`);
      continue;
    }
    const [, file = '', row = '0', , code = '0', message = ''] = match;
    if (setting.ignoredCodes?.includes(Number(code)) || setting.ignoredMessages?.test(message)) continue;
    const n = /snippet-(\d+)\./.exec(file)?.[1];
    const snippet = n === undefined ? undefined : files[Number(n)];
    const where = snippet ? `${snippet.doc}:${snippet.line + Number(row) - 1}` : relative(directory, file);
    problems.push(`  ${where}: TS${code} ${message}`);
  }
  console.log(`${problems.length === 0 ? 'ok  ' : 'FAIL'} ${setting.name}: ${files.length} snippets${problems.length ? `, ${problems.length} errors` : ''}`);
  return problems;
}

function main(): void {
  if (!existsSync(join(root, 'dist/webhooks.d.ts'))) throw new Error('dist/ is missing: run `npm run build` first');
  const docs = ['README.md', ...readdirSync(join(root, 'docs/guides')).filter((name) => name.endsWith('.md')).map((name) => `docs/guides/${name}`)];
  const snippets: Snippet[] = [];
  let skipped = 0;
  for (const doc of docs) {
    const found = extractSnippets(doc, readFileSync(join(root, doc), 'utf8'));
    snippets.push(...found.checked);
    skipped += found.skipped;
  }
  rmSync(work, { recursive: true, force: true });
  console.log(`${snippets.length} TypeScript snippets in ${docs.length} documents (${skipped} marked not-checked)`);
  const problems = settings.flatMap((setting, index) => check(setting, snippets, index));
  if (problems.length > 0) {
    console.log(problems.join('\n'));
    process.exitCode = 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
