import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** What one delivery got back from one framework. */
export interface Outcome {
  status: number;
  body: unknown;
  seen?: unknown;
  onErrorCalled?: boolean;
}

const cases = ['valid', 'bad signature', 'bad body', 'body consumed'] as const;
const rows: string[] = [];

const cell = (outcome: Outcome | undefined): string => {
  if (!outcome) return '—';
  const body = outcome.body as { error?: { code?: string } } | undefined;
  const code = body?.error?.code ? ` ${body.error.code}` : '';
  const extra = outcome.seen ? ' (event typed)' : outcome.onErrorCalled ? ' (onError)' : '';
  return `${outcome.status}${code}${extra}`;
};

/** The framework × case table the end-to-end run prints (and writes to .ci/.cache/). */
export const caseTable = {
  add(framework: string, outcome: Record<string, Outcome>): void {
    rows.push(`| ${framework} | ${cases.map((name) => cell(outcome[name])).join(' | ')} |`);
  },
  print(): void {
    if (rows.length === 0) return;
    const table = [`| framework | ${cases.join(' | ')} |`, `|---|${cases.map(() => '---').join('|')}|`, ...rows].join('\n');
    console.log(`\n${table}\n`);
    const cache = fileURLToPath(new URL('../../../.ci/.cache/', import.meta.url));
    mkdirSync(cache, { recursive: true });
    writeFileSync(`${cache}frameworks-${process.pid}.md`, `${table}\n`);
  },
};
