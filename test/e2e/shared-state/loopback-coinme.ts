// A small, fast Coinme on loopback for load runs across processes: `/authorize` issues JWTs that
// expire after `lifetimeMs` (checked to the millisecond on every call), `/locationlicensing`
// answers. Its clock is real time plus `offsetMs`, which a test moves forward to make tokens
// expire (clients given the same offset agree). It records each authorize and every call made
// with an expired or unknown token.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoopbackCoinme {
  baseUrl: string;
  credentials: { partnerId: string; clientSecret: string; userAgent: string };
  authorizeTimes: number[];
  calls: number;
  refusedCalls: number;
  tokensUsed: Set<string>;
  offsetMs: number;
  close(): Promise<void>;
}

const base64Url = (text: string): string => Buffer.from(text).toString('base64url');

export async function startLoopbackCoinme(lifetimeMs: number): Promise<LoopbackCoinme> {
  const credentials = { partnerId: 'loopback-partner', clientSecret: 'loopback-secret-7f3a', userAgent: 'loopback-agent' };
  const basic = `Basic ${Buffer.from(`${credentials.partnerId}:${credentials.clientSecret}`).toString('base64')}`;
  const expiries = new Map<string, number>();
  let server: Server | undefined;
  const state: LoopbackCoinme = {
    baseUrl: '',
    credentials,
    authorizeTimes: [],
    calls: 0,
    refusedCalls: 0,
    tokensUsed: new Set(),
    offsetMs: 0,
    close: () => new Promise((resolve) => (server ? (server.closeAllConnections(), server.close(() => resolve())) : resolve())),
  };
  server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const json = (status: number, body: unknown) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      const path = (request.url ?? '').split('?')[0];
      const authorization = request.headers.authorization ?? '';
      if (request.method === 'POST' && path === '/services/authorize') {
        if (authorization !== basic) return json(401, { data: null, errorResponse: { httpStatus: 401, errorData: [{ code: '401', message: 'bad credentials' }] } });
        const issuedAt = Date.now() + state.offsetMs;
        const serial = state.authorizeTimes.push(issuedAt);
        const token = `${base64Url('{"alg":"HS256","typ":"JWT"}')}.${base64Url(JSON.stringify({ exp: Math.floor((issuedAt + lifetimeMs) / 1000), jti: serial }))}.c2ln`;
        expiries.set(token, issuedAt + lifetimeMs);
        return json(200, { data: { token }, errorResponse: null });
      }
      if (request.method === 'GET' && path === '/services/locationlicensing') {
        state.calls += 1;
        const token = authorization.slice('Bearer '.length);
        const expiresAt = expiries.get(token);
        if (expiresAt === undefined || Date.now() + state.offsetMs >= expiresAt) {
          state.refusedCalls += 1;
          return response.writeHead(401, { 'content-type': 'text/plain' }).end();
        }
        state.tokensUsed.add(token);
        return json(200, { data: { locations: ['WA', 'VA'] }, errorResponse: null });
      }
      response.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server?.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, resolve));
  state.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/services`;
  return state;
}
