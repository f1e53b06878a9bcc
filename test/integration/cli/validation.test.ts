// `coinme-sdk validation check` against createUserValidationHandler on loopback.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type CliIo, run } from '../../../src/cli/run.js';
import { createUserValidationHandler, type UserValidationRequest } from 'coinme-sdk/webhooks';
import { TEST_DELIVERY_HEADER } from 'coinme-sdk/testing';
import { type FetchServer, serveFetch } from '../../helpers/serve-fetch.js';

const TOKEN = 'tok_cli_check_51d0e2';
const BASIC = { username: 'coinme', password: 'pw-cli-check-93a' };
const API_KEY = 'key_cli_check_0c7f';

let server: FetchServer;
const seen: { body: UserValidationRequest; headers: Headers }[] = [];
let behaviour: 'normal' | 'throw' | 'hang' = 'normal';

beforeAll(async () => {
  const handler = createUserValidationHandler({
    auth: [{ bearer: TOKEN }, { basic: BASIC }, { apiKey: API_KEY, header: 'x-partner-key' }],
    timeoutMs: 200,
    isAllowed: async (body, { request }) => {
      seen.push({ body, headers: request.headers });
      if (behaviour === 'throw') throw new Error('store down');
      if (behaviour === 'hang') return new Promise<boolean>(() => {});
      return body.email.endsWith('@allowed.example');
    },
  });
  server = await serveFetch(handler);
});
afterAll(() => server.close());

function makeIo(env: Record<string, string>) {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    stdout: { write: (text: string) => (out.stdout += text) },
    stderr: { write: (text: string) => (out.stderr += text) },
    stdin: (async function* () {})(),
    fetch: (input, init) => globalThis.fetch(input, init),
    env,
  };
  return { io, out };
}

async function check(env: Record<string, string>, ...args: string[]) {
  seen.length = 0;
  const { io, out } = makeIo(env);
  const code = await run(['validation', 'check', '--url', server.url, ...args], io);
  return { code, ...out };
}

describe('coinme-sdk validation check', () => {
  it('prints status, answer and latency; exits 0 on true (bearer)', async () => {
    const result = await check({ COINME_VALIDATION_TOKEN: TOKEN }, '--email', 'ana@allowed.example');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`POST ${server.url} (bearer)`);
    expect(result.stdout).toContain('Status:  200 OK');
    expect(result.stdout).toContain('Answer:  true');
    expect(result.stdout).toMatch(/Latency: \d+ ms/);
    expect(seen[0]?.body).toEqual({ email: 'ana@allowed.example' });
    expect(seen[0]?.headers.get(TEST_DELIVERY_HEADER)).toBe('1');
  });

  it('exits 1 on false', async () => {
    const result = await check({ COINME_VALIDATION_TOKEN: TOKEN }, '--email', 'bo@elsewhere.example');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Answer:  false');
  });

  it('sends Basic credentials and extra fields', async () => {
    const env = { COINME_VALIDATION_USERNAME: BASIC.username, COINME_VALIDATION_PASSWORD: BASIC.password };
    const result = await check(env, '--email', 'ana@allowed.example', '--field', 'action=buy', '--field', 'amount=25', '--field', 'customerId="007"');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('(basic)');
    expect(seen[0]?.body).toEqual({ email: 'ana@allowed.example', action: 'buy', amount: 25, customerId: '007' });
  });

  it('sends an API key in the named header', async () => {
    const result = await check({ COINME_VALIDATION_API_KEY: API_KEY }, '--email', 'ana@allowed.example', '--api-key-header', 'X-Partner-Key');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('(api-key)');
  });

  it('shows the 401 false of a wrong credential, or of none', async () => {
    const wrong = await check({ COINME_VALIDATION_TOKEN: `${TOKEN}x` }, '--email', 'ana@allowed.example');
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toContain('Status:  401 Unauthorized');
    expect(wrong.stdout).toContain('Answer:  false');
    const none = await check({}, '--email', 'ana@allowed.example', '--auth', 'none');
    expect(none.stdout).toContain('Status:  401 Unauthorized');
    expect(seen).toHaveLength(0);
  });

  it('shows the 400 of a bad email, and the 503 false of a throwing or hanging isAllowed', async () => {
    const bad = await check({ COINME_VALIDATION_TOKEN: TOKEN }, '--email', 'not-an-email');
    expect(bad.stdout).toContain('Status:  400 Bad Request');
    behaviour = 'throw';
    const thrown = await check({ COINME_VALIDATION_TOKEN: TOKEN }, '--email', 'ana@allowed.example');
    behaviour = 'hang';
    const hung = await check({ COINME_VALIDATION_TOKEN: TOKEN }, '--email', 'ana@allowed.example');
    behaviour = 'normal';
    for (const result of [thrown, hung]) {
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('Status:  503 Service Unavailable');
      expect(result.stdout).toContain('Answer:  false');
    }
    expect(Number(/Latency: (\d+) ms/.exec(hung.stdout)?.[1])).toBeGreaterThanOrEqual(190);
  });

  it('says when the answer is not a JSON boolean', async () => {
    const other = await serveFetch(async () => new Response('{"allowed":true}', { status: 200 }));
    const { io, out } = makeIo({ COINME_VALIDATION_TOKEN: TOKEN });
    expect(await run(['validation', 'check', '--url', other.url, '--email', 'ana@allowed.example'], io)).toBe(1);
    await other.close();
    expect(out.stdout).toContain('Answer:  not a JSON boolean: {"allowed":true}');
  });

  it('never prints the credential, also with --print', async () => {
    const result = await check({ COINME_VALIDATION_TOKEN: TOKEN }, '--email', 'ana@allowed.example', '--print');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('authorization: ***');
    expect(result.stdout).toContain('-H "authorization: Bearer $COINME_VALIDATION_TOKEN"');
    expect(`${result.stdout}${result.stderr}`).not.toContain(TOKEN);
  });

  it('--dry-run prints the request and sends nothing', async () => {
    const fetch = vi.fn(globalThis.fetch);
    const { io, out } = makeIo({ COINME_VALIDATION_USERNAME: BASIC.username, COINME_VALIDATION_PASSWORD: BASIC.password });
    io.fetch = fetch;
    expect(await run(['validation', 'check', '--url', server.url, '--email', 'ana@allowed.example', '--dry-run'], io)).toBe(0);
    expect(fetch).not.toHaveBeenCalled();
    expect(out.stdout).toContain(`POST ${server.url}`);
    expect(out.stdout).toContain('{"email":"ana@allowed.example"}');
    expect(out.stdout).toContain('-u "$COINME_VALIDATION_USERNAME:$COINME_VALIDATION_PASSWORD"');
    expect(out.stdout).not.toContain(BASIC.password);
  });

  it.each([
    [{}, ['--email', 'a@b.example'], 'no credential: set $COINME_VALIDATION_TOKEN'],
    [{ COINME_VALIDATION_TOKEN: TOKEN }, [], 'missing --email'],
    [{ COINME_VALIDATION_TOKEN: TOKEN }, ['--email', 'a@b.example', '--auth', 'digest'], '--auth must be one of'],
    [{ COINME_VALIDATION_TOKEN: TOKEN }, ['--email', 'a@b.example', '--auth', 'basic'], '--auth basic needs'],
    [{ COINME_VALIDATION_TOKEN: TOKEN }, ['--email', 'a@b.example', '--field', 'email=x@y.example'], 'cannot set "email"'],
    [{ COINME_VALIDATION_TOKEN: TOKEN }, ['--email', 'a@b.example', '--token', TOKEN], "Unknown option '--token'"],
  ])('exits 2 on a usage error (%j %j), pointing at --help', async (env, args, message) => {
    const result = await check(env, ...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('Run `coinme-sdk validation check --help` for usage.');
    expect(result.stderr).not.toContain('Options:');
    expect(seen).toHaveLength(0);
  });

  it('refuses a URL off this machine without --allow-remote', async () => {
    const { io, out } = makeIo({ COINME_VALIDATION_TOKEN: TOKEN });
    expect(await run(['validation', 'check', '--url', 'https://partner.example/validate', '--email', 'a@b.example'], io)).toBe(2);
    expect(out.stderr).toContain('--allow-remote');
  });
});
