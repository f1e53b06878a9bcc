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

// Secrets shorter than this are not masked: replacing every "ab" would garble all output.
const MIN_MASKED = 4;

/** The values of `--secret` and `--api-key` in `argv` (both spellings) and the secret variable. */
export function secretsIn(argv: readonly string[], env: CliIo['env']): string[] {
  const found: string[] = [];
  argv.forEach((arg, index) => {
    for (const flag of ['--secret', '--api-key']) {
      if (arg === flag && argv[index + 1] !== undefined) found.push(argv[index + 1] as string);
      if (arg.startsWith(`${flag}=`)) found.push(arg.slice(flag.length + 1));
    }
  });
  const fromEnv = env[SECRET_ENV];
  if (fromEnv) found.push(fromEnv);
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
