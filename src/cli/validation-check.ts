import { createUserValidationRequest, type UserValidationCredential } from '../testing/user-validation.js';
import { TEST_DELIVERY_HEADER } from '../webhooks/test-delivery.js';
import { parseCommand, text, usageError } from './args.js';
import { checkHelp } from './help.js';
import { type CliIo, EXIT, println, VALIDATION_ENV } from './io.js';
import { type HiddenHeader, printRequest } from './request-print.js';
import { send } from './send.js';
import { shown, targetUrl } from './target.js';

/** Where `validation check` asks when neither `--url` nor `$COINME_VALIDATION_URL` says otherwise. */
export const DEFAULT_VALIDATION_URL = 'http://localhost:3000/api/coinme/validate-user';
const URL_ENV = 'COINME_VALIDATION_URL';
const DEFAULT_TIMEOUT_MS = 10_000;
const USAGE = 'validation check';
const KINDS = ['bearer', 'basic', 'api-key', 'none'] as const;
type Kind = (typeof KINDS)[number];

// The credential of `kind` from the environment; the first configured one when no kind is given.
function credential(env: CliIo['env'], kind: Kind | undefined, apiKeyHeader: string | undefined): { auth: UserValidationCredential; kind: Kind; hidden: HiddenHeader[] } | string {
  const token = env[VALIDATION_ENV.token];
  const username = env[VALIDATION_ENV.username];
  const password = env[VALIDATION_ENV.password];
  const apiKey = env[VALIDATION_ENV.apiKey];
  const chosen = kind ?? (token ? 'bearer' : username || password ? 'basic' : apiKey ? 'api-key' : undefined);
  switch (chosen) {
    case undefined:
      return `no credential: set $${VALIDATION_ENV.token}, $${VALIDATION_ENV.username} and $${VALIDATION_ENV.password}, or $${VALIDATION_ENV.apiKey} (or pass --auth none)`;
    case 'none':
      return { auth: null, kind: chosen, hidden: [] };
    case 'bearer':
      if (!token) return `--auth bearer needs $${VALIDATION_ENV.token}`;
      return { auth: { bearer: token }, kind: chosen, hidden: [{ name: 'authorization', curl: `-H "authorization: Bearer $${VALIDATION_ENV.token}"` }] };
    case 'basic':
      if (!username || !password) return `--auth basic needs $${VALIDATION_ENV.username} and $${VALIDATION_ENV.password}`;
      return { auth: { basic: { username, password } }, kind: chosen, hidden: [{ name: 'authorization', curl: `-u "$${VALIDATION_ENV.username}:$${VALIDATION_ENV.password}"` }] };
    case 'api-key': {
      if (!apiKey) return `--auth api-key needs $${VALIDATION_ENV.apiKey}`;
      const header = apiKeyHeader ?? 'x-api-key';
      return { auth: { apiKey, header }, kind: chosen, hidden: [{ name: header.toLowerCase(), curl: `-H "${header}: $${VALIDATION_ENV.apiKey}"` }] };
    }
  }
}

// `--field name=value`: JSON when it parses (numbers, booleans, objects), else text.
function fields(assignments: readonly string[]): Record<string, unknown> | string {
  const out: Record<string, unknown> = {};
  for (const assignment of assignments) {
    const equals = assignment.indexOf('=');
    const name = assignment.slice(0, equals);
    if (equals <= 0) return `--field expects name=value, got "${assignment}"`;
    if (name === 'email' || name === '__proto__') return `--field cannot set "${name}"`;
    const raw = assignment.slice(equals + 1);
    try {
      out[name] = JSON.parse(raw) as unknown;
    } catch {
      out[name] = raw;
    }
  }
  return out;
}

// What the body said, as Coinme would read it: a JSON boolean, or something else.
function verdict(body: string): { allowed: boolean | undefined; shown: string } {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    value = undefined;
  }
  if (typeof value === 'boolean') return { allowed: value, shown: String(value) };
  const line = body.replace(/\s+/g, ' ').trim();
  return { allowed: undefined, shown: `not a JSON boolean: ${line === '' ? '(empty body)' : line.length > 200 ? `${line.slice(0, 200)}…` : line}` };
}

/** `coinme-sdk validation check --email <email> [--url <url>] ...` */
export async function validationCheck(io: CliIo, args: readonly string[]): Promise<number> {
  const parsed = parseCommand(
    io,
    args,
    {
      url: { type: 'string' },
      'allow-remote': { type: 'boolean' },
      email: { type: 'string' },
      field: { type: 'string', multiple: true },
      auth: { type: 'string' },
      'api-key-header': { type: 'string' },
      timeout: { type: 'string' },
      print: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
    },
    USAGE,
  );
  if (!parsed) return EXIT.usage;
  if (parsed.values['help']) {
    io.stdout.write(checkHelp);
    return EXIT.ok;
  }
  if (parsed.positionals.length > 0) return usageError(io, `unexpected argument "${parsed.positionals[0]}"`, USAGE);

  const url = targetUrl(text(parsed, 'url') ?? io.env[URL_ENV] ?? DEFAULT_VALIDATION_URL, '--url', parsed.values['allow-remote'] === true);
  if (typeof url === 'string') return usageError(io, url, USAGE);
  const email = text(parsed, 'email');
  if (email === undefined || email === '') return usageError(io, 'missing --email', USAGE);
  const kind = text(parsed, 'auth');
  if (kind !== undefined && !(KINDS as readonly string[]).includes(kind)) return usageError(io, `--auth must be one of ${KINDS.join(', ')}`, USAGE);
  const chosen = credential(io.env, kind as Kind | undefined, text(parsed, 'api-key-header'));
  if (typeof chosen === 'string') return usageError(io, chosen, USAGE);
  const extra = fields((parsed.values['field'] as string[] | undefined) ?? []);
  if (typeof extra === 'string') return usageError(io, extra, USAGE);
  const timeout = Number(text(parsed, 'timeout') ?? DEFAULT_TIMEOUT_MS);
  if (!Number.isInteger(timeout) || timeout <= 0) return usageError(io, '--timeout must be a positive number of milliseconds', USAGE);

  let request: Request;
  try {
    request = createUserValidationRequest({ url, email, auth: chosen.auth, fields: extra });
  } catch {
    return usageError(io, `the ${chosen.kind} credential cannot be sent in an HTTP header (control characters?)`, USAGE);
  }
  const headers = Object.fromEntries(request.headers);
  const body = await request.text();

  if (parsed.values['print'] || parsed.values['dry-run']) {
    printRequest(io, url, { ...headers, [TEST_DELIVERY_HEADER]: '1' }, body, chosen.hidden);
    if (parsed.values['dry-run']) return EXIT.ok;
    println(io.stdout);
  }

  const answer = await send(io, url, { body, headers }, timeout);
  if (typeof answer === 'number') return answer;
  const { allowed, shown: said } = verdict(answer.text);
  println(io.stdout, `POST ${shown(url)} (${chosen.kind === 'none' ? 'no credential' : chosen.kind})`);
  println(io.stdout, `Status:  ${answer.status} ${answer.statusText}`.trimEnd());
  println(io.stdout, `Answer:  ${said}`);
  println(io.stdout, `Latency: ${Math.round(answer.ms)} ms`);
  return answer.status === 200 && allowed === true ? EXIT.ok : EXIT.failed;
}
