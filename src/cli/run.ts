import pkg from '../../package.json' with { type: 'json' };
import { usageError } from './args.js';
import { mainHelp, validationHelp, webhooksHelp } from './help.js';
import { type CliIo, EXIT, masked, printableOutput, println, secretsIn } from './io.js';
import { list } from './list.js';
import { trigger } from './trigger.js';
import { validationCheck } from './validation-check.js';
import { verify } from './verify.js';
import { sandboxCommand } from '../sandbox/cli.js';

export type { CliIo } from './io.js';
export { EXIT } from './io.js';

const isHelp = (arg: string | undefined) => arg === '--help' || arg === '-h';

function webhooks(out: CliIo, command: string | undefined, rest: string[]): Promise<number> | number {
  if (isHelp(command)) {
    out.stdout.write(webhooksHelp);
    return EXIT.ok;
  }
  switch (command) {
    case 'list':
      return list(out, rest);
    case 'trigger':
      return trigger(out, rest);
    case 'verify':
      return verify(out, rest);
    default:
      return usageError(out, command === undefined ? 'missing a webhooks command' : `unknown command "webhooks ${command}"`, 'webhooks');
  }
}

function validation(out: CliIo, command: string | undefined, rest: string[]): Promise<number> | number {
  if (isHelp(command)) {
    out.stdout.write(validationHelp);
    return EXIT.ok;
  }
  if (command === 'check') return validationCheck(out, rest);
  return usageError(out, command === undefined ? 'missing a validation command' : `unknown command "validation ${command}"`, 'validation');
}

/**
 * Runs the `coinme-sdk` command line with `argv` (without the node and script paths) and returns
 * the exit code: 0 success, 1 a failed check or non-2xx answer, 2 a usage error, 3 a network
 * failure. All I/O goes through `io`; secrets given on the command line or in the environment
 * are masked in everything it writes, and control characters are shown as escapes.
 *
 * @example
 * ```ts
 * const code = await run(['webhooks', 'list'], { stdout: process.stdout, stderr: process.stderr,
 *   stdin: process.stdin, fetch: globalThis.fetch, env: process.env });
 * ```
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  // Secrets are masked first, then control characters escaped, so a secret is found as written.
  const out = masked(printableOutput(io), secretsIn(argv, io.env));
  const [group, command, ...rest] = argv;
  if (group === '--version' || group === '-v') {
    println(out.stdout, pkg.version);
    return EXIT.ok;
  }
  if (isHelp(group)) {
    out.stdout.write(mainHelp);
    return EXIT.ok;
  }
  if (group === undefined) {
    println(out.stderr, 'error: missing a command');
    out.stderr.write(`\n${mainHelp}`);
    return EXIT.usage;
  }
  if (group === 'sandbox') return sandboxCommand(out, argv.slice(1));
  if (group === 'webhooks') return webhooks(out, command, rest);
  if (group === 'validation') return validation(out, command, rest);
  return usageError(out, `unknown command "${group}"`, '');
}


