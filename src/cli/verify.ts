import { readFile } from 'node:fs/promises';
import { parseWebhook } from '../webhooks/parse.js';
import { readSignature } from '../webhooks/signature.js';
import { verifySignature } from '../webhooks/verify.js';
import { parseCommand, text, usageError } from './args.js';
import { verifyHelp } from './help.js';
import { type CliIo, EXIT, SECRET_ENV, println, readAll } from './io.js';
import { readSecret } from './secret.js';

const USAGE = 'webhooks verify';

/** The value of header `name` in a file of `Name: value` lines (curl -D output works as is). */
export function headerFromFile(content: string, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const line of content.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0 && line.slice(0, colon).trim().toLowerCase() === wanted) return line.slice(colon + 1).trim();
  }
  return undefined;
}

// Whether the body carries its own `signature` field (the payment callback scheme).
function hasBodySignature(body: Uint8Array): boolean {
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(body));
    return typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>)['signature'] === 'string';
  } catch {
    return false;
  }
}

/** `coinme-sdk webhooks verify --secret <s> [--signature <sig> | --header-file <f>] < body` */
export async function verify(io: CliIo, args: readonly string[]): Promise<number> {
  const parsed = parseCommand(
    io,
    args,
    {
      secret: { type: 'string' },
      'secret-file': { type: 'string' },
      signature: { type: 'string' },
      'header-file': { type: 'string' },
      header: { type: 'string' },
      encoding: { type: 'string' },
      scheme: { type: 'string' },
    },
    USAGE,
  );
  if (!parsed) return EXIT.usage;
  if (parsed.values['help']) {
    io.stdout.write(verifyHelp);
    return EXIT.ok;
  }
  if (parsed.positionals.length > 0) return usageError(io, `unexpected argument "${parsed.positionals[0]}"`, USAGE);

  const found = await readSecret(io, parsed, { flag: 'secret', fileFlag: 'secret-file', env: SECRET_ENV });
  if (found.error !== undefined) return usageError(io, found.error, USAGE);
  const secret = found.value;
  if (secret === undefined) return usageError(io, `missing the webhook secret: set $${SECRET_ENV} or pass --secret-file`, USAGE);
  const encoding = text(parsed, 'encoding');
  if (encoding !== undefined && encoding !== 'base64' && encoding !== 'hex') return usageError(io, '--encoding must be base64 or hex', USAGE);
  const headerName = text(parsed, 'header') ?? 'x-coinme-signature';

  let signature = text(parsed, 'signature');
  const headerFile = text(parsed, 'header-file');
  if (signature === undefined && headerFile !== undefined) {
    let content: string;
    try {
      content = await readFile(headerFile, 'utf8');
    } catch (error) {
      return usageError(io, `cannot read --header-file: ${error instanceof Error ? error.message : String(error)}`, USAGE);
    }
    signature = headerFromFile(content, headerName);
    if (signature === undefined) return usageError(io, `no ${headerName} header in --header-file`, USAGE);
  }

  const body = await readAll(io.stdin);
  if (body.byteLength === 0) return usageError(io, 'no body on stdin', USAGE);

  const scheme = text(parsed, 'scheme') ?? (signature === undefined && hasBodySignature(body) ? 'body' : 'header');
  if (scheme !== 'header' && scheme !== 'body') return usageError(io, '--scheme must be header or body', USAGE);
  if (scheme === 'header' && signature === undefined) return usageError(io, 'missing --signature or --header-file', USAGE);

  if (scheme === 'header' && !readSignature(signature, encoding)) {
    println(io.stderr, `Signature invalid: "${headerName}" is not a ${encoding ?? 'base64 or hex'} HMAC-SHA256 digest`);
    return EXIT.failed;
  }
  const valid = await verifySignature({
    payload: body,
    signature,
    secret,
    scheme,
    ...(encoding !== undefined && { encoding }),
  });
  if (!valid) {
    const what = scheme === 'body' ? 'the body\'s "signature" field' : `the ${headerName} signature`;
    println(io.stderr, `Signature invalid: ${what} does not match the HMAC-SHA256 of the body with this secret`);
    println(io.stderr, 'Check the secret, and that the body is byte for byte what was signed (no reformatting).');
    return EXIT.failed;
  }
  println(io.stdout, `Signature valid (${scheme === 'body' ? 'in-body signature' : headerName})`);

  try {
    const event = parseWebhook(body, { strict: false });
    if (event.type === 'unknown') {
      println(io.stdout, `type: unknown${event.name ? ` (name ${event.name})` : ''}: not a documented event`);
      return EXIT.ok;
    }
    println(io.stdout, `type: ${event.type}`);
    println(io.stdout, `source: ${event.source}`);
    println(io.stdout, `id: ${event.id}`);
    println(io.stdout, `occurredAt: ${event.occurredAt.toISOString()}`);
    return EXIT.ok;
  } catch (error) {
    println(io.stderr, `Body invalid: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.failed;
  }
}
