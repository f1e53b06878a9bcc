import { createEvents } from '../testing/events.js';
import { samples } from '../testing/events/samples.js';
import { sign } from '../testing/sign.js';
import type { WebhookEventType } from '../webhooks/event.js';
import { parseWebhook } from '../webhooks/parse.js';
import { parseCommand, text, usageError } from './args.js';
import { triggerHelp } from './help.js';
import { type CliIo, EXIT, SECRET_ENV, println } from './io.js';
import { setPath } from './set-path.js';
import { closest } from './suggest.js';

const DEFAULT_TIMEOUT_MS = 10_000;
const SUMMARY_CHARS = 300;

/** The response body on one line, cut short: enough to see what the receiver said. */
function summary(body: string): string {
  const line = body.replace(/\s+/g, ' ').trim();
  return line.length > SUMMARY_CHARS ? `${line.slice(0, SUMMARY_CHARS)}…` : line;
}

// fetch reports "fetch failed" and puts the reason (ECONNREFUSED, ENOTFOUND) in `cause`.
function reason(error: unknown): string {
  const cause: unknown = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error) return 'code' in cause && typeof cause.code === 'string' ? `${cause.code} (${cause.message})` : cause.message;
  return error instanceof Error ? error.message : String(error);
}

function unknownType(io: CliIo, type: string): number {
  const names = [...samples.keys()];
  const near = closest(type, names);
  const hint = near.length > 0 ? ` Did you mean: ${near.join(', ')}?` : '';
  return usageError(io, `unknown event type "${type}".${hint} Run \`coinme-sdk webhooks list\` for every type.`);
}

/** `coinme-sdk webhooks trigger <type> --url <url> ...` */
export async function trigger(io: CliIo, args: readonly string[]): Promise<number> {
  const parsed = parseCommand(
    io,
    args,
    {
      url: { type: 'string' },
      secret: { type: 'string' },
      header: { type: 'string' },
      encoding: { type: 'string' },
      'api-key': { type: 'string' },
      set: { type: 'string', multiple: true },
      seed: { type: 'string' },
      timeout: { type: 'string' },
    },
    triggerHelp,
  );
  if (!parsed) return EXIT.usage;
  if (parsed.values['help']) {
    io.stdout.write(triggerHelp);
    return EXIT.ok;
  }

  const [type, ...extra] = parsed.positionals;
  if (type === undefined) return usageError(io, 'missing the event type', triggerHelp);
  if (extra.length > 0) return usageError(io, `unexpected argument "${extra[0]}"`, triggerHelp);
  const sample = samples.get(type);
  if (!sample) return unknownType(io, type);

  const rawUrl = text(parsed, 'url');
  if (rawUrl === undefined) return usageError(io, 'missing --url', triggerHelp);
  const url = URL.parse(rawUrl);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return usageError(io, '--url must be an http or https URL', triggerHelp);
  // Only origin and path are printed: a query string or user info may hold credentials.
  const where = `${url.origin}${url.pathname}`;

  const secret = text(parsed, 'secret') ?? io.env[SECRET_ENV];
  if (!secret) return usageError(io, `missing --secret (or $${SECRET_ENV})`, triggerHelp);
  const encoding = text(parsed, 'encoding');
  if (encoding !== undefined && encoding !== 'base64' && encoding !== 'hex') return usageError(io, '--encoding must be base64 or hex', triggerHelp);
  const timeout = Number(text(parsed, 'timeout') ?? DEFAULT_TIMEOUT_MS);
  if (!Number.isInteger(timeout) || timeout <= 0) return usageError(io, '--timeout must be a positive number of milliseconds', triggerHelp);

  // A random seed by default: receivers drop repeated event ids, so every trigger is a new event.
  const factories = createEvents({ seed: text(parsed, 'seed') ?? crypto.randomUUID(), now: () => new Date() });
  const payload = factories[type as WebhookEventType]() as Record<string, unknown>;
  for (const assignment of (parsed.values['set'] as string[] | undefined) ?? []) {
    const problem = setPath(payload, assignment);
    if (problem) return usageError(io, problem, triggerHelp);
  }

  // Edited bodies are still sent (testing a receiver's rejections is a use), with a warning.
  let id = '';
  try {
    const event = parseWebhook(payload);
    id = event.id ?? '';
    if (event.type !== type) println(io.stderr, `warning: with these changes the body parses as ${event.type}, not ${type}`);
  } catch (error) {
    println(io.stderr, `warning: the body no longer matches ${type}: ${error instanceof Error ? error.message : String(error)}`);
  }

  const apiKey = text(parsed, 'api-key');
  const signed = await sign(payload, secret, {
    // Payment callbacks carry their signature in the body; everything else in a header.
    scheme: sample.source === 'callback' ? 'body' : 'header',
    ...(text(parsed, 'header') !== undefined && { header: text(parsed, 'header') as string }),
    ...(encoding !== undefined && { encoding }),
    ...(apiKey !== undefined && { apiKey }),
  });

  let response: Response;
  try {
    response = await io.fetch(url, { method: 'POST', body: signed.body, headers: signed.headers, signal: AbortSignal.timeout(timeout) });
  } catch (error) {
    println(io.stderr, `error: could not deliver ${type} to ${where}: ${reason(error)}`);
    return EXIT.network;
  }
  const answer = await response.text().catch(() => '');
  println(io.stdout, `Sent ${type}${id ? ` (id ${id})` : ''} to ${where}`);
  println(io.stdout, `Response: ${response.status} ${response.statusText}`.trimEnd());
  if (answer) println(io.stdout, summary(answer));
  if (response.ok) return EXIT.ok;
  println(io.stderr, `error: the receiver answered ${response.status}`);
  return EXIT.failed;
}
