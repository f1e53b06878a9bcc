// A loopback Coinme that can redirect, flood, trickle and lie: each test sets `route` to answer
// the paths it cares about; `/authorize` answers a long-lived token unless the test says otherwise.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll } from 'vitest';

export interface Received {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export type Route = (request: Received, response: ServerResponse) => void | Promise<void>;

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A JWT that stays valid for the whole run. */
export const longLivedToken = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url({ exp: Math.floor(Date.now() / 1000) + 3600 })}.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg`;

export function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

/** A server on 127.0.0.1 that records what it received; `origin` is its base URL. */
export function useHostileServer() {
  const state = {
    origin: '',
    received: [] as Received[],
    route: undefined as Route | undefined,
  };
  let server: Server;

  beforeAll(async () => {
    server = createServer(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const received = { method: request.method ?? 'GET', path: new URL(request.url ?? '/', 'http://127.0.0.1').pathname, headers: request.headers, body: Buffer.concat(chunks).toString() };
      state.received.push(received);
      if (state.route) {
        const handled = state.route(received, response);
        await handled;
        if (response.headersSent || response.writableEnded) return;
      }
      if (received.path === '/authorize') return json(response, 200, { data: { token: longLivedToken }, errorResponse: null });
      json(response, 404, { data: null, errorResponse: { httpStatus: '404', errorData: [{ errorCode: 'x', message: 'not found' }] } });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    state.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(() => {
    state.received.length = 0;
    state.route = undefined;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return state;
}
