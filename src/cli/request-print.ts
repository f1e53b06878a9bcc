import { type CliIo, println } from './io.js';

// A word safe inside a POSIX shell command: single-quoted, embedded quotes closed and escaped.
const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

/** A header the printed request must not show, and the curl flag that sends it from variables. */
export interface HiddenHeader {
  name: string;
  /** E.g. `-H "x-api-key: $COINME_API_KEY"`. */
  curl: string;
}

/**
 * `--print` / `--dry-run`: the request as it is (or would be) sent, then a curl line that sends
 * the same bytes. Hidden headers (credentials) are shown as `***`; curl reads them from variables.
 */
export function printRequest(io: CliIo, url: URL, headers: Record<string, string>, body: string, hidden: readonly HiddenHeader[] = []): void {
  const secret = new Map(hidden.map(({ name, curl }) => [name.toLowerCase(), curl]));
  println(io.stdout, `POST ${url.href}`);
  for (const [name, value] of Object.entries(headers)) println(io.stdout, `${name}: ${secret.has(name) ? '***' : value}`);
  println(io.stdout);
  println(io.stdout, body);
  println(io.stdout);
  const flags = Object.entries(headers).map(([name, value]) => {
    return secret.get(name) ?? `-H ${quote(`${name}: ${value}`)}`;
  });
  println(io.stdout, ['curl', '-sS', '-X', 'POST', quote(url.href), ...flags, '--data-raw', quote(body)].join(' '));
}
