import { printable } from './printable.js';

/** Where the CLI reads and writes, so `run` can be driven from tests as well as from a terminal. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** The request body for `webhooks verify`. */
  stdin: AsyncIterable<Uint8Array | string>;
  fetch: typeof globalThis.fetch;
  env: Readonly<Record<string, string | undefined>>;
}

/** Exit codes: success, a failed check or a non-2xx answer, bad usage, no answer at all. */
export const EXIT = { ok: 0, failed: 1, usage: 2, network: 3 } as const;

/** The environment variable read when `--secret` is not given (keeps the secret out of `ps`). */
export const SECRET_ENV = 'COINME_WEBHOOK_SECRET';

/** The environment variable read when `--api-key` is not given. */
export const API_KEY_ENV = 'COINME_API_KEY';

/** The credentials `validation check` sends, read from the environment only. */
export const VALIDATION_ENV = {
  token: 'COINME_VALIDATION_TOKEN',
  username: 'COINME_VALIDATION_USERNAME',
  password: 'COINME_VALIDATION_PASSWORD',
  apiKey: 'COINME_VALIDATION_API_KEY',
} as const;

const SECRET_FLAGS = ['--secret', '--api-key'];
const SECRET_ENVS = [SECRET_ENV, API_KEY_ENV, VALIDATION_ENV.token, VALIDATION_ENV.password, VALIDATION_ENV.apiKey];

// Secrets shorter than this are not masked: replacing every "ab" would garble all output.
const MIN_MASKED = 4;

/** The values of `--secret` and `--api-key` in `argv` (both spellings) and the secret variables. */
export function secretsIn(argv: readonly string[], env: CliIo['env']): string[] {
  const found: string[] = [];
  argv.forEach((arg, index) => {
    for (const flag of SECRET_FLAGS) {
      if (arg === flag && argv[index + 1] !== undefined) found.push(argv[index + 1] as string);
      if (arg.startsWith(`${flag}=`)) found.push(arg.slice(flag.length + 1));
    }
  });
  for (const name of SECRET_ENVS) {
    const fromEnv = env[name];
    if (fromEnv) found.push(fromEnv);
  }
  return found.filter((value) => value.length >= MIN_MASKED);
}

/**
 * The same io, with every given secret masked in what it writes. The commands never print a
 * secret; this also covers messages that quote arguments back (a mistyped option, a URL).
 */
export function masked(io: CliIo, secrets: readonly string[]): CliIo {
  if (secrets.length === 0) return io;
  const mask = (text: string) => secrets.reduce((out, secret) => out.split(secret).join('***'), text);
  return {
    ...io,
    stdout: { write: (text) => io.stdout.write(mask(text)) },
    stderr: { write: (text) => io.stderr.write(mask(text)) },
  };
}

/** The same io, with control characters in everything it writes shown as escapes (see `printable`). */
export function printableOutput(io: CliIo): CliIo {
  return {
    ...io,
    stdout: { write: (text) => io.stdout.write(printable(text)) },
    stderr: { write: (text) => io.stderr.write(printable(text)) },
  };
}

/** Writes one line. */
export function println(stream: CliIo['stdout'], text = ''): void {
  stream.write(`${text}\n`);
}

/** Reads a whole stream into bytes. */
export async function readAll(stream: CliIo['stdin']): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
  const out = new Uint8Array(chunks.reduce((size, chunk) => size + chunk.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
