// The user-validation endpoint over real HTTP on loopback: every answer's status and body.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createUserValidationHandler,
  UserValidationError,
  type UserValidationHandlerOptions,
  type UserValidationRequest,
} from 'coinme-sdk/webhooks';
import { type FetchServer, serveFetch } from '../../helpers/serve-fetch.js';

const TOKEN = 'tok_validation_4f1c9a7e2b';
const NEXT_TOKEN = 'tok_validation_next_88d03c';
const API_KEY = 'key_validation_5ab9e0';
const BASIC = { username: 'coinme', password: 'pw-validation-61f2' };

let server: FetchServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

interface Setup {
  isAllowed?: UserValidationHandlerOptions['isAllowed'];
  auth?: UserValidationHandlerOptions['auth'];
  timeoutMs?: number;
  maxBytes?: number;
}

/** Serves a handler whose `isAllowed` is a spy, and records what `onError` got. */
async function start(setup: Setup = {}) {
  const isAllowed = vi.fn(setup.isAllowed ?? (async ({ email }: UserValidationRequest) => email.endsWith('@allowed.example')));
  const errors: UserValidationError[] = [];
  const handler = createUserValidationHandler({
    auth: setup.auth ?? { bearer: TOKEN },
    isAllowed,
    onError: (error) => errors.push(error),
    ...(setup.timeoutMs !== undefined && { timeoutMs: setup.timeoutMs }),
    ...(setup.maxBytes !== undefined && { maxBytes: setup.maxBytes }),
  });
  server = await serveFetch(handler);
  const url = server.url;
  const post = async (body: string | object, headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }, method = 'POST') => {
    const started = performance.now();
    const response = await fetch(url, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      ...(method === 'POST' && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    return { status: response.status, body: await response.text(), headers: response.headers, ms: performance.now() - started };
  };
  return { isAllowed, errors, post };
}

const basic = (username: string, password: string) => `Basic ${btoa(`${username}:${password}`)}`;

describe('createUserValidationHandler: verdicts', () => {
  it('answers 200 true when isAllowed says yes, with the body it was given', async () => {
    const { post, isAllowed } = await start();
    const reply = await post({ email: 'ana@allowed.example' });
    expect(reply).toMatchObject({ status: 200, body: 'true' });
    expect(reply.headers.get('content-type')).toBe('application/json');
    expect(reply.headers.get('cache-control')).toBe('no-store');
    expect(isAllowed).toHaveBeenCalledOnce();
    expect(isAllowed.mock.calls[0]?.[0]).toEqual({ email: 'ana@allowed.example' });
  });

  it('answers 200 false when isAllowed says no', async () => {
    const { post } = await start();
    expect(await post({ email: 'bo@elsewhere.example' })).toMatchObject({ status: 200, body: 'false' });
  });

  it('passes extra fields on as sent, big integers as digits', async () => {
    const { post, isAllowed } = await start({ isAllowed: () => true });
    const reply = await post('{"email":"ana@allowed.example","customerId":12345678901234567890,"action":"buy","context":{"asset":"BTC"}}');
    expect(reply).toMatchObject({ status: 200, body: 'true' });
    expect(isAllowed.mock.calls[0]?.[0]).toEqual({ email: 'ana@allowed.example', customerId: '12345678901234567890', action: 'buy', context: { asset: 'BTC' } });
    const context = isAllowed.mock.calls[0]?.[1];
    expect(context?.request.method).toBe('POST');
    expect(context?.signal.aborted).toBe(false);
  });
});

describe('createUserValidationHandler: authentication', () => {
  const cases: { name: string; auth: UserValidationHandlerOptions['auth']; headers: Record<string, string> }[] = [
    { name: 'bearer', auth: { bearer: TOKEN }, headers: { authorization: `Bearer ${TOKEN}` } },
    { name: 'bearer, scheme in any case', auth: { bearer: TOKEN }, headers: { authorization: `bearer ${TOKEN}` } },
    { name: 'basic', auth: { basic: BASIC }, headers: { authorization: basic(BASIC.username, BASIC.password) } },
    { name: 'apiKey in x-api-key', auth: { apiKey: API_KEY }, headers: { 'x-api-key': API_KEY } },
    { name: 'apiKey in a named header', auth: { apiKey: API_KEY, header: 'X-Partner-Key' }, headers: { 'x-partner-key': API_KEY } },
    { name: 'bearer, the new token of a rotation', auth: { bearer: [NEXT_TOKEN, TOKEN] }, headers: { authorization: `Bearer ${NEXT_TOKEN}` } },
    { name: 'bearer, the old token of a rotation', auth: { bearer: [NEXT_TOKEN, TOKEN] }, headers: { authorization: `Bearer ${TOKEN}` } },
    { name: 'basic, either pair of a rotation', auth: { basic: [{ username: 'new', password: 'pw-new-1' }, BASIC] }, headers: { authorization: basic(BASIC.username, BASIC.password) } },
    { name: 'apiKey, either key of a rotation', auth: { apiKey: ['key-old-0001', API_KEY] }, headers: { 'x-api-key': API_KEY } },
    { name: 'one of several methods (apiKey)', auth: [{ bearer: TOKEN }, { apiKey: API_KEY }], headers: { 'x-api-key': API_KEY } },
    { name: 'one of several methods (bearer)', auth: [{ basic: BASIC }, { bearer: TOKEN }], headers: { authorization: `Bearer ${TOKEN}` } },
  ];
  for (const { name, auth, headers } of cases) {
    it(`accepts ${name}: 200 true`, async () => {
      const { post, isAllowed } = await start({ auth });
      expect(await post({ email: 'ana@allowed.example' }, headers)).toMatchObject({ status: 200, body: 'true' });
      expect(isAllowed).toHaveBeenCalledOnce();
    });
  }

  const refused: { name: string; auth: UserValidationHandlerOptions['auth']; headers: Record<string, string>; code: string }[] = [
    { name: 'no credential', auth: { bearer: TOKEN }, headers: {}, code: 'missing_credentials' },
    { name: 'a wrong token', auth: { bearer: TOKEN }, headers: { authorization: 'Bearer tok_validation_4f1c9a7e2c' }, code: 'invalid_credentials' },
    { name: 'a prefix of the token', auth: { bearer: TOKEN }, headers: { authorization: `Bearer ${TOKEN.slice(0, -1)}` }, code: 'invalid_credentials' },
    { name: 'the token with a suffix', auth: { bearer: TOKEN }, headers: { authorization: `Bearer ${TOKEN}x` }, code: 'invalid_credentials' },
    { name: 'the token without its scheme', auth: { bearer: TOKEN }, headers: { authorization: TOKEN }, code: 'missing_credentials' },
    { name: 'the token under Basic', auth: { bearer: TOKEN }, headers: { authorization: `Basic ${TOKEN}` }, code: 'missing_credentials' },
    { name: 'a token removed by rotation', auth: { bearer: NEXT_TOKEN }, headers: { authorization: `Bearer ${TOKEN}` }, code: 'invalid_credentials' },
    { name: 'a wrong Basic password', auth: { basic: BASIC }, headers: { authorization: basic(BASIC.username, 'pw-validation-61f3') }, code: 'invalid_credentials' },
    { name: 'a wrong Basic username', auth: { basic: BASIC }, headers: { authorization: basic('coinmf', BASIC.password) }, code: 'invalid_credentials' },
    { name: 'Basic that is not base64', auth: { basic: BASIC }, headers: { authorization: 'Basic %%%not-base64' }, code: 'missing_credentials' },
    { name: 'a wrong API key', auth: { apiKey: API_KEY }, headers: { 'x-api-key': 'key_validation_5ab9e1' }, code: 'invalid_credentials' },
    { name: 'the API key in another header', auth: { apiKey: API_KEY, header: 'x-partner-key' }, headers: { 'x-api-key': API_KEY }, code: 'missing_credentials' },
    { name: 'the API key as a bearer token', auth: { apiKey: API_KEY }, headers: { authorization: `Bearer ${API_KEY}` }, code: 'missing_credentials' },
  ];
  for (const { name, auth, headers, code } of refused) {
    it(`refuses ${name}: 401 false, isAllowed never called`, async () => {
      const { post, isAllowed, errors } = await start({ auth, isAllowed: () => true });
      const reply = await post({ email: 'ana@allowed.example' }, headers);
      expect(reply).toMatchObject({ status: 401, body: 'false' });
      expect(isAllowed).not.toHaveBeenCalled();
      expect(errors.map((error) => error.code)).toEqual([code]);
    });
  }

  it('challenges with the schemes it accepts', async () => {
    const { post } = await start({ auth: [{ bearer: TOKEN }, { basic: BASIC }] });
    const reply = await post({ email: 'ana@allowed.example' }, {});
    expect(reply.headers.get('www-authenticate')).toBe('Bearer, Basic realm="coinme-user-validation"');
  });

  it('never puts a credential in what onError gets', async () => {
    const { post, errors } = await start({ auth: [{ bearer: TOKEN }, { basic: BASIC }, { apiKey: API_KEY }], isAllowed: () => Promise.reject(new Error('db down')) });
    await post({ email: 'ana@allowed.example' }, { authorization: `Bearer ${TOKEN}x` });
    await post({ email: 'ana@allowed.example' }, { authorization: `Bearer ${TOKEN}` });
    const logged = errors.map((error) => `${String(error)} ${JSON.stringify(error)} ${error.stack}`).join('\n');
    expect(errors.map((error) => error.code)).toEqual(['invalid_credentials', 'is_allowed_failed']);
    for (const secret of [TOKEN, API_KEY, BASIC.password]) expect(logged).not.toContain(secret);
  });
});

describe('createUserValidationHandler: bodies', () => {
  const bad: { name: string; body: string; message: RegExp }[] = [
    { name: 'not JSON', body: '{"email":', message: /not valid JSON/ },
    { name: 'a JSON string', body: '"ana@allowed.example"', message: /must be a JSON object/ },
    { name: 'a JSON array', body: '[{"email":"ana@allowed.example"}]', message: /must be a JSON object/ },
    { name: 'empty', body: '', message: /not valid JSON/ },
    { name: 'without email', body: '{"user":"ana@allowed.example"}', message: /"email" is missing/ },
    { name: 'with a number as email', body: '{"email":42}', message: /"email" is missing or not a string/ },
    { name: 'with an email that is not an address', body: '{"email":"ana"}', message: /"email" must be an email address/ },
  ];
  for (const { name, body, message } of bad) {
    it(`refuses a body ${name}: 400 false`, async () => {
      const { post, isAllowed, errors } = await start({ isAllowed: () => true });
      expect(await post(body)).toMatchObject({ status: 400, body: 'false' });
      expect(isAllowed).not.toHaveBeenCalled();
      expect(errors[0]?.code).toBe('invalid_body');
      expect(errors[0]?.message).toMatch(message);
    });
  }

  it('refuses a body over maxBytes: 413 false, before reading it all', async () => {
    const { post, isAllowed, errors } = await start({ maxBytes: 1024, isAllowed: () => true });
    const reply = await post({ email: 'ana@allowed.example', padding: 'x'.repeat(2048) });
    expect(reply).toMatchObject({ status: 413, body: 'false' });
    expect(isAllowed).not.toHaveBeenCalled();
    expect(errors[0]?.code).toBe('payload_too_large');
  });

  it('refuses an oversized body sent without a length (chunked): 413 false', async () => {
    const { isAllowed } = await start({ isAllowed: () => true });
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"email":"ana@allowed.example","padding":"'));
        for (let i = 0; i < 20; i++) controller.enqueue(new Uint8Array(1024).fill(120));
        controller.enqueue(new TextEncoder().encode('"}'));
        controller.close();
      },
    });
    const response = await fetch(server!.url, { method: 'POST', body: chunks, duplex: 'half', headers: { authorization: `Bearer ${TOKEN}` } } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.text()).toBe('false');
    expect(isAllowed).not.toHaveBeenCalled();
  });

  it('keeps a "__proto__" field from reaching any prototype', async () => {
    const { post, isAllowed } = await start({ isAllowed: () => true });
    expect(await post('{"email":"ana@allowed.example","__proto__":{"isAdmin":true}}')).toMatchObject({ status: 200, body: 'true' });
    const body = isAllowed.mock.calls[0]?.[0] as Record<string, unknown>;
    expect(body['isAdmin']).toBeUndefined();
    expect(({} as Record<string, unknown>)['isAdmin']).toBeUndefined();
  });

  it('answers 500 false when something read the body first', async () => {
    const errors: UserValidationError[] = [];
    const handler = createUserValidationHandler({ auth: { bearer: TOKEN }, isAllowed: () => true, onError: (error) => errors.push(error) });
    const request = new Request('http://localhost/validate-user', { method: 'POST', body: '{"email":"ana@allowed.example"}', headers: { authorization: `Bearer ${TOKEN}` } });
    await request.json();
    const response = await handler(request);
    expect([response.status, await response.text()]).toEqual([500, 'false']);
    expect(errors[0]?.code).toBe('body_consumed');
  });

  it('answers anything but POST with 405 false', async () => {
    const { post, isAllowed } = await start();
    const reply = await post('', undefined, 'GET');
    expect(reply).toMatchObject({ status: 405, body: 'false' });
    expect(reply.headers.get('allow')).toBe('POST');
    expect(isAllowed).not.toHaveBeenCalled();
  });
});

describe('createUserValidationHandler: fails closed', () => {
  it('answers 503 false when isAllowed throws, and reports the throw', async () => {
    const failure = new Error('customer store unavailable');
    const { post, errors } = await start({
      isAllowed: () => {
        throw failure;
      },
    });
    expect(await post({ email: 'ana@allowed.example' })).toMatchObject({ status: 503, body: 'false' });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(UserValidationError);
    expect(errors[0]).toMatchObject({ code: 'is_allowed_failed', status: 503 });
    expect(errors[0]?.cause).toBe(failure);
  });

  it('answers 503 false when isAllowed rejects', async () => {
    const { post, errors } = await start({ isAllowed: () => Promise.reject(new Error('no')) });
    expect(await post({ email: 'ana@allowed.example' })).toMatchObject({ status: 503, body: 'false' });
    expect(errors[0]?.code).toBe('is_allowed_failed');
  });

  for (const verdict of [undefined, null, 'true', 1, { allowed: true }]) {
    it(`answers 503 false when isAllowed answers ${JSON.stringify(verdict) ?? 'undefined'} instead of a boolean`, async () => {
      const { post, errors } = await start({ isAllowed: () => verdict as unknown as boolean });
      expect(await post({ email: 'ana@allowed.example' })).toMatchObject({ status: 503, body: 'false' });
      expect(errors[0]?.message).toMatch(/not a boolean/);
    });
  }

  it('answers 503 false within timeoutMs when isAllowed hangs, and aborts its signal', async () => {
    let signal: AbortSignal | undefined;
    const { post, errors } = await start({
      timeoutMs: 200,
      isAllowed: (_request, context) => {
        signal = context.signal;
        return new Promise<boolean>(() => {});
      },
    });
    const reply = await post({ email: 'ana@allowed.example' });
    expect(reply).toMatchObject({ status: 503, body: 'false' });
    expect(reply.ms).toBeGreaterThanOrEqual(190);
    expect(reply.ms).toBeLessThan(1_000);
    expect(errors[0]?.code).toBe('is_allowed_timeout');
    expect(signal?.aborted).toBe(true);
  });

  it('still answers when onError itself throws', async () => {
    const handler = createUserValidationHandler({
      auth: { bearer: TOKEN },
      isAllowed: () => {
        throw new Error('no');
      },
      onError: () => {
        throw new Error('logger down');
      },
    });
    server = await serveFetch(handler);
    const response = await fetch(server.url, { method: 'POST', body: '{"email":"a@b.example"}', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(503);
    expect(await response.text()).toBe('false');
  });

  it('answers 500 false to everything, with one log line, while a credential is unset (a build without runtime secrets)', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { post, isAllowed, errors } = await start({ auth: { bearer: process.env['COINME_UNSET_VALIDATION_TOKEN'] as string }, isAllowed: () => true });
    expect(await post({ email: 'ana@allowed.example' }, { authorization: 'Bearer undefined' })).toMatchObject({ status: 500, body: 'false' });
    expect(await post({ email: 'ana@allowed.example' }, {})).toMatchObject({ status: 500, body: 'false' });
    expect(isAllowed).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledOnce();
    expect(String(log.mock.calls[0]?.[0])).toMatch(/auth\.bearer is not set/);
    expect(errors.map((error) => error.code)).toEqual(['not_configured', 'not_configured']);
  });
});
