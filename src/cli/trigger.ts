import { createEvents } from '../testing/events.js';
import { samples } from '../testing/events/samples.js';
import { sign } from '../testing/sign.js';
import { TEST_DELIVERY_HEADER } from '../webhooks/test-delivery.js';
import type { WebhookEventType } from '../webhooks/event.js';
import { parseWebhook } from '../webhooks/parse.js';
import { parseCommand, text, usageError } from './args.js';
import { triggerHelp } from './help.js';
import { API_KEY_ENV, type CliIo, EXIT, masked, SECRET_ENV, println } from './io.js';
import { printRequest } from './request-print.js';
import { readSecret } from './secret.js';
import { send } from './send.js';
import { setPath } from './set-path.js';
import { closest } from './suggest.js';
import { shown, targetUrl } from './target.js';

const DEFAULT_TIMEOUT_MS = 10_000;
const SUMMARY_CHARS = 300;
/** Where `trigger` sends when neither `--url` nor `$COINME_WEBHOOK_URL` says otherwise. */
export const DEFAULT_WEBHOOK_URL = 'http://localhost:3000/api/webhooks/coinme';
export const WEBHOOK_URL_ENV = 'COINME_WEBHOOK_URL';
const USAGE = 'webhooks trigger';

/** The response body on one line, cut short: enough to see what the receiver said. */
function summary(body: string): string {
  const line = body.replace(/\s+/g, ' ').trim();
  return line.length > SUMMARY_CHARS ? `${line.slice(0, SUMMARY_CHARS)}…` : line;
}

function unknownType(io: CliIo, type: string): number {
  const names = [...samples.keys()];
  const near = closest(type, names);
  const hint = near.length > 0 ? ` Did you mean: ${near.join(', ')}?` : '';
  return usageError(io, `unknown event type "${type}".${hint} Run \`coinme-sdk webhooks list\` for every type.`);
}

/** `coinme-sdk webhooks trigger <type> [--url <url>] ...` */
export async function trigger(io: CliIo, args: readonly string[]): Promise<number> {
  const parsed = parseCommand(
    io,
    args,
    {
      url: { type: 'string' },
      'allow-remote': { type: 'boolean' },
      secret: { type: 'string' },
      'secret-file': { type: 'string' },
      header: { type: 'string' },
      encoding: { type: 'string' },
      'api-key': { type: 'string' },
      'api-key-file': { type: 'string' },
      set: { type: 'string', multiple: true },
      'set-new': { type: 'string', multiple: true },
      seed: { type: 'string' },
      timeout: { type: 'string' },
      print: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
    },
    USAGE,
  );
  if (!parsed) return EXIT.usage;
  if (parsed.values['help']) {
    io.stdout.write(triggerHelp);
    return EXIT.ok;
  }

  const [type, ...extra] = parsed.positionals;
  if (type === undefined) return usageError(io, 'missing the event type', USAGE);
  if (extra.length > 0) return usageError(io, `unexpected argument "${extra[0]}"`, USAGE);
  const sample = samples.get(type);
  if (!sample) return unknownType(io, type);

  const url = targetUrl(text(parsed, 'url') ?? io.env[WEBHOOK_URL_ENV] ?? DEFAULT_WEBHOOK_URL, '--url', parsed.values['allow-remote'] === true);
  if (typeof url === 'string') return usageError(io, url, USAGE);

  const secret = await readSecret(io, parsed, { flag: 'secret', fileFlag: 'secret-file', env: SECRET_ENV });
  if (secret.error !== undefined) return usageError(io, secret.error, USAGE);
  if (secret.value === undefined) return usageError(io, `missing the webhook secret: set $${SECRET_ENV} or pass --secret-file`, USAGE);
  const apiKey = await readSecret(io, parsed, { flag: 'api-key', fileFlag: 'api-key-file', env: API_KEY_ENV });
  if (apiKey.error !== undefined) return usageError(io, apiKey.error, USAGE);
  // Secrets read from files are masked too, should any message ever quote them.
  const out = masked(io, [secret.value, apiKey.value ?? ''].filter((value) => value.length >= 4));

  const encoding = text(parsed, 'encoding');
  if (encoding !== undefined && encoding !== 'base64' && encoding !== 'hex') return usageError(out, '--encoding must be base64 or hex', USAGE);
  const timeout = Number(text(parsed, 'timeout') ?? DEFAULT_TIMEOUT_MS);
  if (!Number.isInteger(timeout) || timeout <= 0) return usageError(out, '--timeout must be a positive number of milliseconds', USAGE);

  // A random seed by default: receivers drop repeated event ids, so every trigger is a new event.
  const factories = createEvents({ seed: text(parsed, 'seed') ?? crypto.randomUUID(), now: () => new Date() });
  const payload = factories[type as WebhookEventType]() as Record<string, unknown>;
  // New fields first, so --set can also edit what --set-new added.
  for (const [values, create] of [[parsed.values['set-new'], true], [parsed.values['set'], false]] as const) {
    for (const assignment of (values as string[] | undefined) ?? []) {
      const problem = setPath(payload, assignment, create);
      if (problem) return usageError(out, create ? problem.replace(/^--set /, '--set-new ') : problem, USAGE);
    }
  }

  // Edited bodies are still sent (testing a receiver's rejections is a use), with a warning.
  let id = '';
  try {
    const event = parseWebhook(payload);
    id = event.id ?? '';
    if (event.type !== type) println(out.stderr, `warning: with these changes the body parses as ${event.type}, not ${type}`);
  } catch (error) {
    println(out.stderr, `warning: the body no longer matches ${type}: ${error instanceof Error ? error.message : String(error)}`);
  }

  const signed = await sign(payload, secret.value, {
    // Payment callbacks carry their signature in the body; everything else in a header.
    scheme: sample.source === 'callback' ? 'body' : 'header',
    ...(text(parsed, 'header') !== undefined && { header: text(parsed, 'header') as string }),
    ...(encoding !== undefined && { encoding }),
    ...(apiKey.value !== undefined && { apiKey: apiKey.value }),
  });

  if (parsed.values['print'] || parsed.values['dry-run']) {
    printRequest(out, url, { ...signed.headers, [TEST_DELIVERY_HEADER]: '1' }, signed.body, [{ name: 'x-api-key', curl: `-H "x-api-key: $${API_KEY_ENV}"` }]);
    if (parsed.values['dry-run']) return EXIT.ok;
    println(out.stdout);
  }

  const answer = await send(out, url, signed, timeout);
  if (typeof answer === 'number') return answer;
  println(out.stdout, `Sent ${type}${id ? ` (id ${id})` : ''} to ${shown(url)}`);
  println(out.stdout, `Response: ${answer.status} ${answer.statusText}`.trimEnd());
  if (answer.text) println(out.stdout, summary(answer.text));
  if (answer.status >= 200 && answer.status < 300) return EXIT.ok;
  println(out.stderr, `error: the receiver answered ${answer.status}`);
  return EXIT.failed;
}
