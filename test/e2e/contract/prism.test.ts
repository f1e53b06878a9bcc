// Contract suite: the SDK against Stoplight Prism serving Coinme's published OpenAPI specs, an
// independent mock server. For every operation: the request the SDK sends passes Prism's
// validation (no `sl-violations`), every example response is read as documented, and 20 dynamic
// responses (`Prefer: dynamic=true`) are accepted or refused only for a reason in `refusalReasons`
// (documented in docs/guides/api-coverage.md). The operation table is written to
// .ci/.cache/contract-report.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoinmeApiError, CoinmeClient, ResponseValidationError } from 'coinme-sdk';
import { operations, type Operation } from './operations.js';
import { cleanDir, prepareSpecs, startPrism, type OpenApiSpec, type RunningPrism } from './prism-server.js';

/** Every reason a Prism response may be refused for; anything else fails the suite. */
export const refusalReasons = {
  'authorize-no-token': 'The /authorize spec declares its 200 body as `{}` (no token); the SDK cannot authenticate with it.',
  'error-response-beside-data':
    'Prism fills `errorResponse` (declared `{}` or as an object, never nullable) next to `data`; the SDK treats any non-null `errorResponse` as an error, as Coinme documents.',
  'no-envelope': 'The spec declares no response schema (`properties: {}`), so Prism invents an object without `{ data, errorResponse }`.',
  'not-decimal': 'Prism fills a `type: string` amount with words (`"tempor"`); the SDK accepts decimal strings only.',
  'not-a-date': 'Prism fills a `type: string` date with words; the SDK parses `...At` / date fields to `Date`.',
  'not-boolean': 'A documented flag is not a boolean: the spec types `maxTotalReached` as a string and its example shows numbers.',
  'not-a-count': 'Prism fills an integer count, lifetime or digit count (`decimals`) with a negative or unsafe number.',
  'prism-cannot-generate': 'The response declares an example but no schema; Prism answers 500 to `dynamic=true` (the SDK reports a CoinmeApiError).',
} as const;
type Reason = keyof typeof refusalReasons;

interface Outcome {
  accepted: boolean;
  reason?: Reason | `unlisted: ${string}`;
  error?: unknown;
}

function reasonOf(error: unknown): NonNullable<Outcome['reason']> {
  if (error instanceof ResponseValidationError) {
    if (error.message.includes('recognisable token') || error.issues[0]?.path === 'token') return 'authorize-no-token';
    if (error.message.includes('envelope')) return 'no-envelope';
    const message = error.issues[0]?.message ?? '';
    if (message.startsWith('must be a decimal')) return 'not-decimal';
    if (message.includes('date-time') || message.includes('epoch') || message === 'is not a valid date') return 'not-a-date';
    if (message === 'must be a boolean') return 'not-boolean';
    if (message === 'must be a non-negative integer' || /^Too (small|big): expected number/.test(message)) return 'not-a-count';
    return `unlisted: ${error.issues[0]?.path ?? ''} ${message}`;
  }
  if (error instanceof CoinmeApiError && error.status < 400) return 'error-response-beside-data';
  if (error instanceof CoinmeApiError && error.status === 500 && JSON.stringify(error.body ?? '').includes('stoplight.io/prism/errors')) return 'prism-cannot-generate';
  return `unlisted: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
}

// ---- a client whose fetch talks to Prism and records what Prism thought of each request ----

interface Exchange {
  method: string;
  path: string;
  status: number;
  violations: unknown[];
}

const scenario: { prefer?: string | undefined; nullErrorResponse?: boolean; realAuthorize?: boolean } = {};
let exchanges: Exchange[] = [];
let prism: RunningPrism;
let spec: OpenApiSpec;

// The token the SDK gets in place of Prism's empty `{}` authorize body (see 'authorize-no-token').
function contractJwt(): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ sub: 'contract', exp: Math.floor(Date.now() / 1000) + 3600 })}.c2lnbmF0dXJl`;
}

async function viaPrism(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const request = new Request(input, init);
  const url = new URL(request.url);
  const authorize = url.pathname === '/authorize';
  const headers = new Headers(request.headers);
  const prefer = authorize && !scenario.realAuthorize ? 'code=200' : scenario.prefer;
  if (prefer) headers.set('prefer', prefer);
  const body = request.method === 'GET' ? undefined : await request.text();
  const response = await fetch(url, { method: request.method, headers, body: body === '' ? null : (body ?? null) });
  const violations = JSON.parse(response.headers.get('sl-violations') ?? '[]') as unknown[];
  exchanges.push({ method: request.method, path: url.pathname, status: response.status, violations });
  if (authorize && !scenario.realAuthorize) return Response.json({ data: { token: contractJwt() }, errorResponse: null });
  if (scenario.nullErrorResponse && response.ok) {
    const json: unknown = await response.json().catch(() => undefined);
    if (typeof json === 'object' && json !== null && 'data' in json) return Response.json({ ...json, errorResponse: null });
    return Response.json(json ?? null);
  }
  return response;
}

function client(overrides: { apiKey?: string } = { apiKey: 'contract-api-key' }): CoinmeClient {
  return new CoinmeClient({
    partnerId: 'contract-partner',
    clientSecret: 'contract-secret',
    userAgent: 'coinme-sdk-contract/1.0',
    baseUrl: prism.baseUrl,
    fetch: viaPrism,
    maxRetries: 0,
    ...overrides,
  });
}

async function run(operation: Operation, coinme = client()): Promise<Outcome> {
  try {
    await operation.call(coinme);
    return { accepted: true };
  } catch (error) {
    return { accepted: false, reason: reasonOf(error), error };
  }
}

function examplesOf(operation: Operation): Array<{ status: string; name: string; value: unknown }> {
  const responses = spec.paths[operation.path]?.[operation.method.toLowerCase()]?.responses ?? {};
  return Object.entries(responses).flatMap(([status, response]) =>
    Object.entries(response.content?.['application/json']?.examples ?? {}).map(([name, example]) => ({ status, name, value: example.value })),
  );
}

// ---- the report ----

interface Row {
  requestValid?: boolean;
  examples?: string;
  dynamic?: string;
  dataOnly?: string;
  /** Violations Prism found in the spec's own answer (its example against its schema). */
  specViolations?: number;
  reasons: Set<string>;
}
const rows = new Map<Operation, Row>(operations.map((operation) => [operation, { reasons: new Set() }]));

function tally(outcomes: Outcome[]): string {
  return `${outcomes.filter((outcome) => outcome.accepted).length}/${outcomes.length}`;
}

beforeAll(async () => {
  spec = prepareSpecs();
  prism = await startPrism();
}, 400_000);

afterAll(async () => {
  await prism?.stop();
  const lines = [
    '| operation | SDK method | request valid | examples accepted | dynamic accepted (as sent) | dynamic accepted (`errorResponse: null`) | refusal reasons | spec example vs its schema |',
    '|---|---|---|---|---|---|---|---|',
    ...operations.map((operation) => {
      const row = rows.get(operation)!;
      const valid = row.requestValid === undefined ? '–' : row.requestValid ? 'yes' : 'NO';
      return `| \`${operation.method} ${operation.path}\` | \`${operation.sdk}\` | ${valid} | ${row.examples ?? '–'} | ${row.dynamic ?? '–'} | ${row.dataOnly ?? '–'} | ${[...row.reasons].sort().join(', ')} | ${row.specViolations ? `${row.specViolations} violations` : 'ok'} |`;
    }),
  ];
  mkdirSync(cleanDir, { recursive: true });
  writeFileSync(`${cleanDir}/../contract-report.md`, `${lines.join('\n')}\n`);
  console.info(lines.join('\n'));
});

describe.each(operations)('$method $path ($sdk)', (operation) => {
  const row = () => rows.get(operation)!;
  const isAuthorize = operation.path === '/authorize';

  it('sends a request that passes Prism validation', async () => {
    exchanges = [];
    Object.assign(scenario, { prefer: 'code=200', nullErrorResponse: false, realAuthorize: false });
    await run(operation);
    const own = exchanges.filter((exchange) => (exchange.path === '/authorize') === isAuthorize);
    expect(own.length).toBeGreaterThan(0);
    // Prism also checks its own answer against the spec (`location: ['response', ...]`); only the
    // request's violations are the SDK's. The answer's are the spec's, counted in the report.
    const ofRequest = own.flatMap((exchange) => exchange.violations).filter((violation) => (violation as { location?: string[] }).location?.[0] === 'request');
    expect(ofRequest).toEqual([]);
    row().requestValid = ofRequest.length === 0;
    row().specViolations = own.flatMap((exchange) => exchange.violations).length - ofRequest.length;
  });

  it('reads every example response as documented', async () => {
    const examples = examplesOf(operation);
    const outcomes: Outcome[] = [];
    for (const example of examples) {
      Object.assign(scenario, { prefer: `code=${example.status}, example=${example.name}`, nullErrorResponse: false, realAuthorize: isAuthorize });
      const outcome = await run(operation);
      const body = example.value as { data?: unknown; errorResponse?: { errorData?: Array<{ message?: string }> } | null } | null;
      const documentedError = body?.errorResponse?.errorData?.[0]?.message;
      if (documentedError !== undefined || Number(example.status) >= 400) {
        // An error example is read when it becomes a CoinmeApiError carrying Coinme's message.
        expect(outcome.error, `${example.status} ${example.name}`).toBeInstanceOf(CoinmeApiError);
        if (documentedError !== undefined) expect((outcome.error as CoinmeApiError).errors[0]?.message).toBe(documentedError);
        outcomes.push({ accepted: true });
      } else {
        if (!outcome.accepted) row().reasons.add(`example: ${String(outcome.reason)}`);
        expect(outcome.accepted || String(outcome.reason) in refusalReasons, `${example.status} ${example.name}: ${String(outcome.reason)}`).toBe(true);
        outcomes.push(outcome);
      }
    }
    row().examples = examples.length === 0 ? 'none published' : tally(outcomes);
  });

  it('accepts 20 dynamic responses, or refuses them only for listed reasons', async () => {
    for (const nullErrorResponse of [false, true]) {
      const outcomes: Outcome[] = [];
      for (let i = 0; i < 20; i += 1) {
        Object.assign(scenario, { prefer: 'code=200, dynamic=true', nullErrorResponse, realAuthorize: isAuthorize });
        outcomes.push(await run(operation));
      }
      for (const outcome of outcomes) if (!outcome.accepted) row().reasons.add(String(outcome.reason));
      const unlisted = outcomes.filter((outcome) => !outcome.accepted && !(String(outcome.reason) in refusalReasons));
      expect(unlisted.map((outcome) => outcome.reason)).toEqual([]);
      if (nullErrorResponse) row().dataOnly = tally(outcomes);
      else row().dynamic = tally(outcomes);
    }
  });
});

describe('x-api-key: the specs require it on every operation but /authorize and POST /paymentmethods', () => {
  it('Prism answers 401 to the SDK without an apiKey exactly where the spec declares the scheme', async () => {
    Object.assign(scenario, { prefer: 'code=200', nullErrorResponse: false, realAuthorize: false });
    const refused: string[] = [];
    for (const operation of operations.filter((candidate) => candidate.path !== '/authorize')) {
      exchanges = [];
      await run(operation, client({}));
      if (exchanges.some((exchange) => exchange.path !== '/authorize' && exchange.status === 401)) refused.push(`${operation.method} ${operation.path}`);
    }
    const declared = operations
      .filter((operation) => operation.path !== '/authorize' && !(operation.method === 'POST' && operation.path === '/paymentmethods'))
      .map((operation) => `${operation.method} ${operation.path}`);
    expect(refused).toEqual(declared);
    console.info(`x-api-key: Prism refused ${refused.length} of ${operations.length - 1} operations without it`);
  });
});
