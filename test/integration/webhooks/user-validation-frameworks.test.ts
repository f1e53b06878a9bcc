// The user-validation handler's Node/Express and Fastify forms, over real HTTP on loopback.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createFastifyUserValidationPlugin,
  createUserValidationMiddleware,
  type UserValidationError,
  type UserValidationHandlerOptions,
  type UserValidationRequest,
} from 'coinme-sdk/webhooks';

const TOKEN = 'tok_frameworks_6a0d3e';
const good = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };

function options(errors: UserValidationError[] = []) {
  const isAllowed = vi.fn(async ({ email }: UserValidationRequest) => email.endsWith('@allowed.example'));
  const base: UserValidationHandlerOptions = { auth: { bearer: TOKEN }, isAllowed, maxBytes: 1024, timeoutMs: 100, onError: (error) => errors.push(error) };
  return { base, isAllowed };
}

let close: (() => Promise<unknown>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  close = () => new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function post(url: string, body: string, headers: Record<string, string> = good) {
  const response = await fetch(url, { method: 'POST', body, headers });
  return [response.status, await response.text()];
}

// Every form answers the same cases the same way.
async function answersEveryCase(url: string, isAllowed: ReturnType<typeof vi.fn>) {
  expect(await post(url, '{"email":"ana@allowed.example"}')).toEqual([200, 'true']);
  expect(await post(url, '{"email":"bo@elsewhere.example"}')).toEqual([200, 'false']);
  expect(isAllowed).toHaveBeenCalledTimes(2);
  expect(await post(url, '{"email":"ana@allowed.example"}', { authorization: 'Bearer wrong', 'content-type': 'application/json' })).toEqual([401, 'false']);
  expect(await post(url, '{"email":"ana@allowed.example"}', { 'content-type': 'application/json' })).toEqual([401, 'false']);
  expect(isAllowed).toHaveBeenCalledTimes(2);
  expect(await post(url, '{"email":', good)).toEqual([400, 'false']);
  expect(await post(url, JSON.stringify({ email: 'ana@allowed.example', pad: 'x'.repeat(2048) }))).toEqual([413, 'false']);
  isAllowed.mockImplementationOnce(() => Promise.reject(new Error('down')));
  expect(await post(url, '{"email":"ana@allowed.example"}')).toEqual([503, 'false']);
  isAllowed.mockImplementationOnce(() => new Promise<boolean>(() => {}));
  expect(await post(url, '{"email":"ana@allowed.example"}')).toEqual([503, 'false']);
}

describe('createUserValidationMiddleware', () => {
  it('answers every case on a Node http server', async () => {
    const { base, isAllowed } = options();
    const url = await listen(createServer(createUserValidationMiddleware(base)));
    await answersEveryCase(url, isAllowed);
  });

  it('answers every case as Express middleware', async () => {
    const { base, isAllowed } = options();
    const app = express();
    app.post('/validate-user', createUserValidationMiddleware(base));
    const url = await listen(createServer(app));
    await answersEveryCase(`${url}/validate-user`, isAllowed);
  });

  it('works behind express.json(), which no signature stands in the way of', async () => {
    const errors: UserValidationError[] = [];
    const { base, isAllowed } = options(errors);
    const app = express();
    app.use(express.json());
    app.post('/validate-user', createUserValidationMiddleware(base));
    const url = await listen(createServer(app));
    expect(await post(`${url}/validate-user`, '{"email":"ana@allowed.example","plan":"pro"}')).toEqual([200, 'true']);
    expect(isAllowed.mock.calls[0]?.[0]).toEqual({ email: 'ana@allowed.example', plan: 'pro' });
    expect(await post(`${url}/validate-user`, '{"email":"ana@allowed.example"}', { 'content-type': 'application/json' })).toEqual([401, 'false']);
    expect(errors.map(({ code }) => code)).toEqual(['missing_credentials']);
  });

  it('checks its options when built', () => {
    expect(() => createUserValidationMiddleware({ auth: { bearer: '' }, isAllowed: () => true })).toThrow(/auth\.bearer/);
  });
});

describe('createFastifyUserValidationPlugin', () => {
  let app: FastifyInstance;

  it('answers every case on its route, leaving the rest of the app its JSON parser', async () => {
    const { base, isAllowed } = options();
    app = Fastify();
    await app.register(createFastifyUserValidationPlugin({ path: '/validate-user', ...base }));
    app.post('/other', async (request) => ({ parsed: request.body }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    close = () => app.close();
    const address = app.server.address() as AddressInfo;
    const url = `http://127.0.0.1:${address.port}`;
    await answersEveryCase(`${url}/validate-user`, isAllowed);
    expect(await post(`${url}/other`, '{"a":1}', { 'content-type': 'application/json' })).toEqual([200, '{"parsed":{"a":1}}']);
  });

  it('checks its options when built', () => {
    expect(() => createFastifyUserValidationPlugin({ path: '/v', auth: { bearer: 'x' }, isAllowed: () => true, timeoutMs: Number.NaN })).toThrow(/timeoutMs/);
  });
});
