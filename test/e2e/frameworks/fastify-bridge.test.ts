// The generic bridge from a Fetch-style handler to a Fastify 5 plugin, on a real Fastify app.
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { toFastifyPlugin } from '../../../src/webhooks/adapters/fastify-bridge.js';

const app = Fastify();
afterEach(async () => void (await app.close()));

describe('toFastifyPlugin', () => {
  it('serves the handler on its route with the raw body, and leaves the JSON parser to the rest of the app', async () => {
    await app.register(
      toFastifyPlugin('/check', async (request) =>
        Response.json({ method: request.method, auth: request.headers.get('authorization'), body: await request.text() }, { status: 201 }),
      ),
    );
    app.post('/other', async (request) => ({ parsed: request.body }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

    const raw = '{ "email" : "a@b.c" }';
    const response = await fetch(`${base}/check`, { method: 'POST', body: raw, headers: { 'content-type': 'application/json', authorization: 'Bearer t' }, signal: AbortSignal.timeout(5_000) });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ method: 'POST', auth: 'Bearer t', body: raw });

    const other = await fetch(`${base}/other`, { method: 'POST', body: raw, headers: { 'content-type': 'application/json' } });
    expect(await other.json()).toEqual({ parsed: { email: 'a@b.c' } });
  });
});
