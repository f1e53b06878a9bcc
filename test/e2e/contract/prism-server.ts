// Stoplight Prism, installed from npm by .ci/contract/install.sh, serving Coinme's published
// specs (cleaned by .ci/contract/clean-specs.mjs) on loopback. Started and stopped by the suite.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
/** Coinme's specs as published (verbatim copies). */
export const specDir = `${root}test/fixtures/openapi`;
export const cleanDir = `${root}.ci/.cache/openapi`;

/** The cleaned, merged spec (every published operation in one document). */
export interface OpenApiSpec {
  paths: Record<string, Record<string, { operationId: string; responses: Record<string, { content?: Record<string, { examples?: Record<string, { value: unknown }> }> }> }>>;
}

/** Installs the tools (a no-op when present), cleans the specs, and returns the merged spec. */
export function prepareSpecs(): OpenApiSpec {
  execFileSync('bash', [`${root}.ci/contract/install.sh`], { stdio: 'inherit', timeout: 300_000 });
  execFileSync(process.execPath, [`${root}.ci/contract/clean-specs.mjs`, specDir, cleanDir], { stdio: 'inherit' });
  return JSON.parse(readFileSync(`${cleanDir}/coinme-partner-api.json`, 'utf8')) as OpenApiSpec;
}

export interface RunningPrism {
  baseUrl: string;
  stop(): Promise<void>;
}

/** Starts `prism mock` on a free port of 4100–4199 and waits until it listens. */
export async function startPrism(): Promise<RunningPrism> {
  const bin = `${root}.ci/.tools/contract/node_modules/@stoplight/prism-cli/dist/index.js`;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const port = 4100 + Math.floor(Math.random() * 100);
    const child = spawn(process.execPath, [bin, 'mock', '-h', '127.0.0.1', '-p', String(port), `${cleanDir}/coinme-partner-api.json`], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (await listening(child)) {
      return {
        baseUrl: `http://127.0.0.1:${port}`,
        stop: () => stop(child),
      };
    }
    await stop(child);
  }
  throw new Error('Prism did not start on any port tried in 4100-4199');
}

function listening(child: ChildProcess): Promise<boolean> {
  return new Promise((resolve) => {
    let output = '';
    const timer = setTimeout(() => resolve(false), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Prism is listening')) {
        clearTimeout(timer);
        resolve(true);
      }
      if (/EADDRINUSE|error/i.test(output) && !output.includes('Prism is listening')) {
        clearTimeout(timer);
        resolve(false);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve(false);
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.on('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
