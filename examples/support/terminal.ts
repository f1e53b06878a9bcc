// Plain-text output for the examples: small aligned tables, a heading per step, colour and a
// spinner only when stdout is a terminal (piped output and CI logs stay plain).

const tty = Boolean(process.stdout.isTTY) && !process.env['NO_COLOR'] && process.env['TERM'] !== 'dumb';

const style = (open: number, close: number) => (text: string) => (tty ? `\x1b[${open}m${text}\x1b[${close}m` : text);

export const bold = style(1, 22);
export const dim = style(2, 22);
export const green = style(32, 39);
export const red = style(31, 39);
export const yellow = style(33, 39);
export const cyan = style(36, 39);

const visibleLength = (text: string) => text.replace(/\x1b\[\d+m/g, '').length;

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - visibleLength(text)));

/** Prints a step heading. */
export function heading(step: string, title: string): void {
  console.log(`\n${bold(cyan(step))} ${bold(title)}`);
}

/** Prints an indented line under the current step. */
export function note(text: string): void {
  console.log(`  ${dim(text)}`);
}

export type Row = Record<string, string | number | boolean | undefined>;

/** A table whose rows are printed one at a time (for output that arrives over time). */
export function streamTable(columns: Record<string, number>): { row(values: Row): string; print(values: Row): void } {
  const names = Object.keys(columns);
  console.log(`  ${names.map((name) => bold(pad(name, columns[name] ?? name.length))).join('  ')}`.trimEnd());
  console.log(`  ${names.map((name) => dim('-'.repeat(columns[name] ?? name.length))).join('  ')}`);
  const row = (values: Row) => `  ${names.map((name) => pad(String(values[name] ?? ''), columns[name] ?? 0)).join('  ')}`.trimEnd();
  return { row, print: (values) => console.log(row(values)) };
}

/** Prints rows as an aligned table, columns as wide as their widest cell. */
export function table(rows: readonly Row[]): void {
  const names = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const widths = Object.fromEntries(names.map((name) => [name, Math.max(name.length, ...rows.map((row) => visibleLength(String(row[name] ?? ''))))]));
  const printer = streamTable(widths);
  for (const row of rows) printer.print(row);
}

/** Prints `key  value` pairs, keys aligned. */
export function fields(pairs: Record<string, string | number | undefined>): void {
  const width = Math.max(...Object.keys(pairs).map((key) => key.length));
  for (const [key, value] of Object.entries(pairs)) console.log(`  ${dim(pad(key, width))}  ${value ?? '-'}`);
}

const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/**
 * Waits `ms`, showing a spinner with `label` on a terminal. Off a terminal it just waits: the
 * caller prints a plain line for each step anyway.
 */
export async function wait(ms: number, label: string): Promise<void> {
  if (!tty) return new Promise((resolve) => setTimeout(resolve, ms));
  let frame = 0;
  const draw = () => process.stdout.write(`\r  ${cyan(frames[frame++ % frames.length] ?? '')} ${dim(label)}`);
  draw();
  const timer = setInterval(draw, 40);
  await new Promise((resolve) => setTimeout(resolve, ms));
  clearInterval(timer);
  process.stdout.write('\r\x1b[2K');
}
