import { toFetchRequest, type BodySource, type NodeHeaders } from './fetch-request.js';

/**
 * What the Node adapters need of a request: Node's `IncomingMessage`, Express's `Request`,
 * Next.js Pages Router's `NextApiRequest`. Only plain fields are named, so the request types of
 * every `@types/node` version (and none) fit; the body stream is found at run time.
 *
 * @example
 * ```ts
 * const describe = (req: NodeWebhookRequest) => `${req.method} ${req.url}`;
 * ```
 */
export interface NodeWebhookRequest {
  method?: string | undefined;
  url?: string | undefined;
  headers: NodeHeaders;
  /** Set by body parsers: bytes or text (`express.raw`, `express.text`) are used as sent; a parsed object cannot be verified. */
  body?: unknown;
  /** The raw bytes some frameworks keep next to a parsed body (`express.json({ verify })`, NestJS `rawBody: true`). */
  rawBody?: unknown;
  /** `true` once the body stream was read to its end by someone else. */
  readableEnded?: boolean | undefined;
}

/**
 * What the Node adapters need of a response: Node's `ServerResponse`, Express's `Response`,
 * Next.js Pages Router's `NextApiResponse`.
 *
 * @example
 * ```ts
 * const noContent = (res: NodeWebhookResponse) => { res.statusCode = 204; res.end(''); };
 * ```
 */
export interface NodeWebhookResponse {
  statusCode: number;
  setHeader(name: string, value: string): unknown;
  end(chunk: string): unknown;
}

/**
 * A Node `http` listener and Express/Connect middleware: `(req, res, next?)`. It always answers;
 * `next` is called only if the response itself cannot be written.
 *
 * @example
 * ```ts
 * const listener: NodeWebhookListener = createWebhookMiddleware({ secret, onEvent });
 * http.createServer(listener);
 * ```
 */
export type NodeWebhookListener = (req: NodeWebhookRequest, res: NodeWebhookResponse, next?: (error?: unknown) => void) => void;

// The body stream, typed by what is used of it; present on every Node request at run time.
interface ReadableBody {
  on(event: 'data', listener: (chunk: Uint8Array | string) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  removeAllListeners(event: 'data' | 'end'): unknown;
  resume(): unknown;
}

const isReadable = (req: object): req is ReadableBody =>
  typeof (req as Partial<ReadableBody>).on === 'function' && typeof (req as Partial<ReadableBody>).resume === 'function';

// The request body as a web stream; cancelling it (a body over the size limit) drains the rest.
function streamOf(req: ReadableBody): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      req.on('data', (chunk) => controller.enqueue(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : new Uint8Array(chunk)));
      req.on('end', () => controller.close());
      req.on('error', (error) => controller.error(error));
    },
    cancel() {
      req.removeAllListeners('data');
      req.removeAllListeners('end');
      req.resume();
    },
  });
}

const isBytes = (value: unknown): value is Uint8Array | string => typeof value === 'string' || value instanceof Uint8Array;

/**
 * Where the raw body is: kept by a parser, left for us to read, or gone (parsed or read by
 * someone else). Express 4's `express.json()` sets `{}` without reading when the type did not match.
 *
 * @internal
 */
export function nodeBody(req: NodeWebhookRequest): BodySource {
  if (isBytes(req.rawBody)) return req.rawBody;
  const { body } = req;
  if (isBytes(body)) return body;
  const untouched = typeof body === 'object' && body !== null && Object.keys(body).length === 0 && !req.readableEnded;
  if ((body !== undefined && body !== null && !untouched) || req.readableEnded) return 'consumed';
  return isReadable(req) ? streamOf(req) : null;
}

/**
 * Serves a Fetch-style handler (`(request: Request) => Promise<Response>`) from Node's `http`
 * server, Express or Next.js Pages Router: builds the `Request` (raw body included), writes the
 * `Response` back. A body a parser already consumed reaches the handler as a used body
 * (`request.bodyUsed`), so the handler refuses it the same way in every framework.
 *
 * @internal
 */
export function toNodeListener<Req extends NodeWebhookRequest>(
  handler: (request: Request, nodeRequest: Req) => Promise<Response>,
): (req: Req, res: NodeWebhookResponse, next?: (error?: unknown) => void) => void {
  const serve = async (req: Req, res: NodeWebhookResponse) => {
    const body = nodeBody(req);
    const request = await toFetchRequest({ method: req.method, url: req.url, headers: req.headers, body });
    const response = await handler(request, req);
    res.statusCode = response.status;
    response.headers.forEach((value, name) => res.setHeader(name, value));
    // A body the handler stopped reading (over the limit): close rather than read the rest.
    if (body instanceof ReadableStream && !req.readableEnded) res.setHeader('connection', 'close');
    res.end(await response.text());
  };
  return (req, res, next) => {
    serve(req, res).catch((error: unknown) => {
      if (next) return next(error);
      res.statusCode = 500;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ error: { code: 'internal_error', message: 'The request could not be processed' } }));
    });
  };
}
