// The generic bridge from a Fetch-style handler to a Node listener (Express, node:http, Next.js
// Pages Router), which every Fetch handler of the package can be served through.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { toNodeListener } from '../../../src/webhooks/adapters/node-bridge.js';

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

async function listen(handler: (req: IncomingMessage & { body?: unknown }, res: ServerResponse) => void): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/check?x=1`;
}

// Echoes what it was given: method, URL, a header, whether the body was used, and the body.
const echo = toNodeListener(async (request: Request) =>
  Response.json(
    { method: request.method, url: request.url, auth: request.headers.get('authorization'), used: request.bodyUsed, body: request.bodyUsed ? null : await request.text() },
    { status: 201, headers: { 'x-echo': 'yes' } },
  ),
);

describe('toNodeListener', () => {
  it('gives the handler the method, URL, headers and raw body, and writes its response back', async () => {
    const url = await listen((req, res) => echo(req, res));
    const response = await fetch(url, { method: 'POST', body: '{"email":"a@b.c"}', headers: { authorization: 'Bearer t' } });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-echo')).toBe('yes');
    expect(await response.json()).toEqual({ method: 'POST', url, auth: 'Bearer t', used: false, body: '{"email":"a@b.c"}' });
  });

  it('hands over a body a parser already consumed as a used body, at once', async () => {
    const url = await listen((req, res) => {
      req.resume();
      req.on('end', () => {
        req.body = { email: 'a@b.c' };
        echo(req, res);
      });
    });
    const response = await fetch(url, { method: 'POST', body: '{"email":"a@b.c"}', signal: AbortSignal.timeout(5_000) });
    expect(await response.json()).toMatchObject({ used: true, body: null });
  });

  it('takes the bytes express.raw() left on req.body', async () => {
    const url = await listen((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        req.body = Buffer.concat(chunks);
        echo(req, res);
      });
    });
    const response = await fetch(url, { method: 'POST', body: 'raw bytes' });
    expect(await response.json()).toMatchObject({ used: false, body: 'raw bytes' });
  });
});
