import pkg from '../../package.json' with { type: 'json' };
import { usageError } from './args.js';
import { listHelp, mainHelp, webhooksHelp } from './help.js';
import { type CliIo, EXIT, masked, println, secretsIn } from './io.js';
import { sandboxCommand } from '../sandbox/cli.js';
import { list } from './list.js';
import { trigger } from './trigger.js';
import { verify } from './verify.js';

export type { CliIo } from './io.js';
export { EXIT } from './io.js';

const isHelp = (arg: string | undefined) => arg === '--help' || arg === '-h';

/**
 * Runs the `coinme-sdk` command line with `argv` (without the node and script paths) and returns
 * the exit code: 0 success, 1 a failed check or non-2xx answer, 2 a usage error, 3 a network
 * failure. All I/O goes through `io`; secrets given on the command line or in the environment
 * are masked in everything it writes.
 *
 * @example
 * ```ts
 * const code = await run(['webhooks', 'list'], { stdout: process.stdout, stderr: process.stderr,
 *   stdin: process.stdin, fetch: globalThis.fetch, env: process.env });
 * ```
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const out = masked(io, secretsIn(argv, io.env));
  const [group, command, ...rest] = argv;
  if (group === '--version' || group === '-v') {
    println(out.stdout, pkg.version);
    return EXIT.ok;
  }
  if (isHelp(group)) {
    out.stdout.write(mainHelp);
    return EXIT.ok;
  }
  if (group === 'sandbox') return sandboxCommand(out, argv.slice(1));
  if (group !== 'webhooks') return usageError(out, group === undefined ? 'missing a command' : `unknown command "${group}"`, mainHelp);
  if (isHelp(command)) {
    out.stdout.write(webhooksHelp);
    return EXIT.ok;
  }
  switch (command) {
    case 'list':
      if (isHelp(rest[0])) {
        out.stdout.write(listHelp);
        return EXIT.ok;
      }
      return rest.length === 0 ? list(out) : usageError(out, `unexpected argument "${rest[0]}"`, listHelp);
    case 'trigger':
      return trigger(out, rest);
    case 'verify':
      return verify(out, rest);
    default:
      return usageError(out, command === undefined ? 'missing a webhooks command' : `unknown command "webhooks ${command}"`, webhooksHelp);
  }
}
