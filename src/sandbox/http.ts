/** Between node:http and the Fetch API: request bodies, responses, and the sandbox's HTTP errors. */
import type { IncomingMessage, ServerResponse } from 'node:http';

const maxBodyBytes = 1024 * 1024;

/** A request the sandbox refuses, answered with `status` and a plain-text message. */
export class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** The whole request body, refused past 1 MiB. */
export async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > maxBodyBytes) throw new HttpError(413, 'Request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** The node request as a Fetch `Request` on `origin` (what msw handlers take). */
export function toFetchRequest(request: IncomingMessage, origin: string, body: Buffer): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || ['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive'].includes(name)) continue;
    for (const item of [value].flat()) headers.append(name, item);
  }
  const method = request.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(`${origin}${request.url ?? '/'}`, { method, headers, ...(hasBody ? { body: new Uint8Array(body) } : {}) });
}

/** Writes a Fetch `Response` to the node response. */
export async function sendResponse(out: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'content-length' && name !== 'transfer-encoding' && name !== 'content-encoding') headers[name] = value;
  });
  out.writeHead(response.status, headers).end(Buffer.from(await response.arrayBuffer()));
}

export function sendHtml(out: ServerResponse, status: number, text: string): void {
  out.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(text);
}

export function seeOther(out: ServerResponse, location: string): void {
  out.writeHead(303, { location }).end();
}

// A widgetUrl on the host name the partner used (localhost or 127.0.0.1), so cookies and links agree.
export function publicOrigin(request: IncomingMessage, port: number): string {
  const host = request.headers.host ?? '';
  const name = host.replace(/:\d+$/, '');
  return name === 'localhost' && host.endsWith(`:${port}`) ? `http://localhost:${port}` : `http://127.0.0.1:${port}`;
}

/**
 * Whether the Host header names this server on loopback. Anything else is refused, so a web page
 * on another origin cannot reach the sandbox through DNS rebinding.
 */
export function isLoopbackHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}
