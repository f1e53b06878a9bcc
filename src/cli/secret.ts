import { readFile } from 'node:fs/promises';
import { type Parsed, text } from './args.js';
import { type CliIo, println } from './io.js';

/** Where one secret may come from: a file, an environment variable, or (discouraged) argv. */
export interface SecretSource {
  /** The argv option, e.g. `secret`. */
  flag: string;
  /** The option naming a file that holds it, e.g. `secret-file`. */
  fileFlag: string;
  /** The environment variable, e.g. `COINME_WEBHOOK_SECRET`. */
  env: string;
}

/**
 * The secret from `--<fileFlag>`, `--<flag>` or `$<env>`, in that order; `{ error }` for a usage
 * mistake, `{}` when none is given. A secret on the command line works but is visible in `ps` and
 * shell history, so it earns a warning.
 */
export async function readSecret(io: CliIo, parsed: Parsed, source: SecretSource): Promise<{ value?: string; error?: string }> {
  const file = text(parsed, source.fileFlag);
  const inline = text(parsed, source.flag);
  if (file !== undefined && inline !== undefined) return { error: `give --${source.flag} or --${source.fileFlag}, not both` };
  if (file !== undefined) {
    let content: string;
    try {
      content = await readFile(file, 'utf8');
    } catch (error) {
      const code = error instanceof Error && 'code' in error ? ` (${String(error.code)})` : '';
      return { error: `cannot read --${source.fileFlag}${code}` };
    }
    // Files written by `echo` end with a newline that is not part of the secret.
    const value = content.replace(/\r?\n$/, '');
    return value === '' ? { error: `--${source.fileFlag} is empty` } : { value };
  }
  if (inline !== undefined) {
    println(io.stderr, `warning: --${source.flag} on the command line is visible to other users (ps, shell history); prefer $${source.env} or --${source.fileFlag}`);
    return { value: inline };
  }
  const fromEnv = io.env[source.env];
  return fromEnv ? { value: fromEnv } : {};
}
