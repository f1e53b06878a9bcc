/**
 * `coinme-sdk sandbox`: runs {@link startSandbox} until Ctrl+C. The webhook secret comes from
 * `COINME_WEBHOOK_SECRET` or `--secret-file`, never from the command line (where `ps` shows it).
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';

/** What the command reads and writes (the CLI's own io fits it). */
export interface SandboxCommandIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: Readonly<Record<string, string | undefined>>;
  fetch?: typeof globalThis.fetch;
}

export const sandboxHelp = `Usage: coinme-sdk sandbox [options]

Runs a local Coinme on 127.0.0.1: the partner API at http://127.0.0.1:<port>/services (any
partner credentials), a simulated widget at every widgetUrl, signed webhooks to --webhook-url,
and a dashboard at http://127.0.0.1:<port>/.

Options:
  --port <port>            Port on 127.0.0.1 (default: 4010)
  --webhook-url <url>      Where to POST the signed events (default: none, dashboard only)
  --secret-file <file>     Read the webhook secret from this file (default: $COINME_WEBHOOK_SECRET)
  --validation-url <url>   Ask this user-validation URL before a purchase proceeds
                           (Authorization: Bearer $COINME_VALIDATION_TOKEN)
  --spacing <ms>           Pause between two events of a sequence (default: 800)

The webhook secret is never taken from the command line.
`;

const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

function usage(io: SandboxCommandIo, message: string): number {
  io.stderr.write(`error: ${message}\n\n${sandboxHelp}`);
  return EXIT.usage;
}

function integer(value: string | undefined, name: string): number | string | undefined {
  if (value === undefined) return undefined;
  return /^\d+$/.test(value) ? Number(value) : `${name} must be a whole number, got "${value}"`;
}

/** Resolves when the process is asked to stop (Ctrl+C or SIGTERM). */
function stopRequested(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/**
 * Runs the sandbox command with `args` (after `sandbox`); resolves with the exit code once
 * `stop` resolves (by default on SIGINT or SIGTERM).
 *
 * @internal
 */
export async function sandboxCommand(io: SandboxCommandIo, args: readonly string[], stop: () => Promise<void> = stopRequested): Promise<number> {
  if (args.some((arg) => arg === '--secret' || arg.startsWith('--secret='))) {
    return usage(io, 'the webhook secret is never read from the command line: set COINME_WEBHOOK_SECRET or use --secret-file');
  }
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        port: { type: 'string' },
        'webhook-url': { type: 'string' },
        'secret-file': { type: 'string' },
        'validation-url': { type: 'string' },
        spacing: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return usage(io, error instanceof Error ? error.message : String(error));
  }
  if (values['help']) {
    io.stdout.write(sandboxHelp);
    return EXIT.ok;
  }
  const port = integer(values['port'] as string | undefined, '--port');
  const spacing = integer(values['spacing'] as string | undefined, '--spacing');
  if (typeof port === 'string') return usage(io, port);
  if (typeof spacing === 'string') return usage(io, spacing);

  const webhookUrl = values['webhook-url'] as string | undefined;
  const secretFile = values['secret-file'] as string | undefined;
  let webhookSecret = io.env['COINME_WEBHOOK_SECRET'] || undefined;
  if (secretFile !== undefined) {
    try {
      webhookSecret = (await readFile(secretFile, 'utf8')).trim();
    } catch {
      return usage(io, `cannot read --secret-file ${secretFile}`);
    }
  }
  if (webhookUrl !== undefined && !webhookSecret) return usage(io, '--webhook-url needs a secret: set COINME_WEBHOOK_SECRET or use --secret-file');

  // msw (an optional peer dependency) is loaded only by this command.
  let start: typeof import('./sandbox.js').startSandbox;
  try {
    ({ startSandbox: start } = await import('./sandbox.js'));
  } catch {
    io.stderr.write('error: the sandbox needs msw: npm install --save-dev msw\n');
    return EXIT.failed;
  }
  const validationUrl = values['validation-url'] as string | undefined;
  const validationToken = io.env['COINME_VALIDATION_TOKEN'] || undefined;
  let sandbox: Awaited<ReturnType<typeof start>>;
  try {
    sandbox = await start({
      ...(port === undefined ? {} : { port }),
      ...(spacing === undefined ? {} : { eventSpacingMs: spacing }),
      ...(webhookUrl === undefined ? {} : { webhookUrl }),
      ...(webhookSecret === undefined ? {} : { webhookSecret }),
      ...(validationUrl === undefined ? {} : { validationUrl }),
      ...(validationToken === undefined ? {} : { validationToken }),
      ...(io.fetch ? { fetch: io.fetch } : {}),
      log: (line) => io.stdout.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`),
    });
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    if (code === 'EADDRINUSE') io.stderr.write(`error: port ${port ?? 4010} is in use on 127.0.0.1; pick another with --port\n`);
    else io.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    return code === 'EADDRINUSE' ? EXIT.failed : EXIT.usage;
  }
  io.stdout.write(
    [
      '',
      `  Partner API   ${sandbox.baseUrl}   (any partnerId, clientSecret and userAgent)`,
      `  Dashboard     ${sandbox.url}/`,
      `  Webhooks      ${webhookUrl ? `${webhookUrl} (signed, x-coinme-signature)` : 'none: add --webhook-url to receive them'}`,
      `  Validation    ${validationUrl ?? 'none'}`,
      '',
      '  new CoinmeClient({ partnerId, clientSecret, userAgent, baseUrl: ' + JSON.stringify(sandbox.baseUrl) + ' })',
      '  Press Ctrl+C to stop.',
      '',
    ].join('\n') + '\n',
  );
  await stop();
  await sandbox.close();
  io.stdout.write('sandbox stopped\n');
  return EXIT.ok;
}
