import { resolveWebhookOptions, type WebhookHandlerOptions } from '../options.js';
import { deliver, type WebhookReply } from './deliver.js';

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
  // Node's IncomingHttpHeaders, written out so the package's types never need @types/node.
  headers: Readonly<Record<string, string | string[] | undefined>>;
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
  'Mount the webhook middleware on its path before express.json(), or use express.text({ type: "application/json" }).';

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

// A body an Express parser left behind, the raw body read here, or why there is none.
async function rawBody(req: NodeWebhookRequest, maxBytes: number): Promise<Uint8Array | 'too-large' | 'consumed'> {
  const { body } = req;
  if (typeof body === 'string') return new TextEncoder().encode(body);
  if (body instanceof Uint8Array) return body;
  // express.json() leaves `{}` without reading when the content type did not match.
  const untouched = typeof body === 'object' && body !== null && Object.keys(body).length === 0 && !req.readableEnded;
  if (body !== undefined && body !== null && !untouched) return 'consumed';
  return (await readStream(req, maxBytes)) ?? 'too-large';
}

/**
 * Webhook middleware for Node's `http` server and Express: reads the raw body itself (or takes it
 * from `express.raw()`), verifies and parses it, calls `onEvent`, and answers 200
 * `{ received: true }`; refusals are as for {@link createWebhookHandler}. Mount it before
 * `express.json()`: a body already parsed to an object cannot be verified, and is refused 500
 * `webhook_body_consumed`.
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
  const resolved = resolveWebhookOptions(options);
  const send = (res: NodeWebhookResponse, { status, body, headers = {} }: WebhookReply) => {
    res.statusCode = status;
    res.setHeader('content-type', 'application/json');
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    res.end(JSON.stringify(body));
  };
  return (req, res, next) => {
    deliver(resolved, {
      request: req,
      method: req.method,
      headers: req.headers,
      read: (maxBytes) => rawBody(req, maxBytes),
      consumedAdvice: PARSED_BODY,
    }).then(
      (reply) => send(res, reply),
      // Only a broken response object can get here; hand it to Express when there is one.
      (error: unknown) => next?.(error),
    );
  };
}
