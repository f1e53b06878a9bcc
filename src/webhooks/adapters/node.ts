import type { IncomingHttpHeaders } from 'node:http';
import { CoinmeError } from '../../errors.js';
import { DEFAULT_MAX_BYTES } from '../json.js';
import { secretList } from '../verify.js';
import { deliver, refusal, type WebhookHandlerOptions, type WebhookReply } from './deliver.js';

/**
 * What the middleware needs of a request: Node's `IncomingMessage` or Express's `Request`.
 *
 * @example
 * ```ts
 * http.createServer((req: NodeWebhookRequest & IncomingMessage, res) => middleware(req, res));
 * ```
 */
export interface NodeWebhookRequest {
  method?: string | undefined;
  headers: IncomingHttpHeaders;
  /** Set by Express body parsers; a Buffer or string (`express.raw`, `express.text`) is used as is. */
  body?: unknown;
  readableEnded?: boolean;
  on(event: string, listener: (...args: never[]) => void): unknown;
  removeListener(event: string, listener: (...args: never[]) => void): unknown;
  resume(): unknown;
}

/**
 * What the middleware needs of a response: Node's `ServerResponse` or Express's `Response`.
 *
 * @example
 * ```ts
 * const respond = (res: NodeWebhookResponse) => { res.statusCode = 204; res.end(); };
 * ```
 */
export interface NodeWebhookResponse {
  statusCode: number;
  setHeader(name: string, value: string): unknown;
  end(body?: string): unknown;
}

const PARSED_BODY =
  'The webhook body was already parsed by a JSON body parser, so its signature cannot be checked. ' +
  'Mount the webhook middleware before express.json(), or use express.raw({ type: "application/json" }) on its route.';

// The raw body from the stream, or `undefined` once it grows past `maxBytes` (the rest is drained).
function readStream(req: NodeWebhookRequest, maxBytes: number): Promise<Uint8Array | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    const onData = (chunk: Uint8Array | string) => {
      const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
      size += bytes.byteLength;
      if (size > maxBytes) {
        req.removeListener('data', onData);
        req.resume();
        resolve(undefined);
      } else {
        chunks.push(bytes);
      }
    };
    req.on('data', onData);
    req.on('error', reject);
    req.on('end', () => {
      const body = new Uint8Array(size);
      let offset = 0;
      for (const chunk of chunks) {
        body.set(chunk, offset);
        offset += chunk.byteLength;
      }
      resolve(body);
    });
  });
}

// A body an Express parser left behind, the raw body read here, or a reason to refuse.
async function rawBody(req: NodeWebhookRequest, maxBytes: number): Promise<Uint8Array | 'too-large' | 'parsed'> {
  const { body } = req;
  if (typeof body === 'string') return new TextEncoder().encode(body);
  if (body instanceof Uint8Array) return body;
  // express.json() leaves `{}` without reading when the content type did not match.
  const untouched = typeof body === 'object' && body !== null && Object.keys(body).length === 0 && !req.readableEnded;
  if (body !== undefined && body !== null && !untouched) return 'parsed';
  return (await readStream(req, maxBytes)) ?? 'too-large';
}

/**
 * Webhook middleware for Node's `http` server and Express: reads the raw body itself (or takes it
 * from `express.raw()`), verifies and parses it, calls `onEvent`, and answers 200
 * `{ received: true }`; refusals are as for {@link createWebhookHandler}. Mount it before
 * `express.json()`: a body already parsed to an object cannot be verified, and is refused with an
 * error saying so (passed to `next` when there is one).
 *
 * @example
 * ```ts
 * app.post('/webhooks/coinme', createWebhookMiddleware({
 *   secret: process.env.COINME_WEBHOOK_SECRET!,
 *   async onEvent(event) { await queue.push(event); },
 * }));
 * ```
 */
export function createWebhookMiddleware<Req extends NodeWebhookRequest>(
  options: WebhookHandlerOptions<Req>,
): (req: Req, res: NodeWebhookResponse, next?: (error?: unknown) => void) => void {
  secretList(options.secret);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const send = (res: NodeWebhookResponse, { status, body }: WebhookReply, headers: Record<string, string> = {}) => {
    res.statusCode = status;
    res.setHeader('content-type', 'application/json');
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    res.end(JSON.stringify(body));
  };
  const handle = async (req: Req, res: NodeWebhookResponse, next?: (error?: unknown) => void) => {
    if (req.method !== 'POST') {
      return send(res, refusal(405, 'method_not_allowed', 'Webhooks are delivered with POST'), { allow: 'POST' });
    }
    const payload = await rawBody(req, maxBytes).catch(() => null);
    if (payload === null) return send(res, refusal(400, 'webhook_parse_error', 'The request body could not be read'));
    if (payload === 'too-large') {
      const reply = refusal(413, 'payload_too_large', `Webhook body is larger than ${maxBytes} bytes`);
      return send(res, reply, { connection: 'close' });
    }
    if (payload === 'parsed') {
      const error = new CoinmeError(PARSED_BODY);
      if (next) return next(error);
      return send(res, refusal(500, 'body_already_parsed', PARSED_BODY));
    }
    send(res, await deliver(options, payload, req.headers, req));
  };
  return (req, res, next) => {
    // Only a broken response object can get here; hand it to Express when there is one.
    handle(req, res, next).catch((error: unknown) => next?.(error));
  };
}
