import { toFetchRequest, type BodySource, type NodeHeaders } from './fetch-request.js';
import { nodeBody, type NodeWebhookRequest } from './node-bridge.js';

/**
 * What the Fastify plugin needs of a Fastify request.
 *
 * @example
 * ```ts
 * const path = (request: FastifyWebhookRequest) => request.url;
 * ```
 */
export interface FastifyWebhookRequest {
  method: string;
  url: string;
  headers: NodeHeaders;
  body?: unknown;
  /** The Node request underneath. */
  raw: NodeWebhookRequest;
}

/**
 * What the Fastify plugin needs of a Fastify reply: `send` takes a Fetch `Response` (Fastify 5).
 *
 * @example
 * ```ts
 * const accept = (reply: FastifyWebhookReply) => reply.send(Response.json({ received: true }));
 * ```
 */
export interface FastifyWebhookReply {
  send(response: Response): unknown;
}

/**
 * What the Fastify plugin needs of the Fastify instance it is registered on.
 *
 * @example
 * ```ts
 * const plugin = async (app: FastifyWebhookInstance) => app.removeAllContentTypeParsers();
 * ```
 */
export interface FastifyWebhookInstance {
  removeAllContentTypeParsers(): unknown;
  addContentTypeParser(contentType: string, parser: (request: unknown, payload: unknown) => Promise<unknown>): unknown;
  post(path: string, handler: (request: FastifyWebhookRequest, reply: FastifyWebhookReply) => Promise<unknown>): unknown;
}

/**
 * A Fastify plugin: register it with `app.register(plugin)`.
 *
 * @example
 * ```ts
 * const plugin: FastifyWebhookPlugin = createFastifyWebhookPlugin({ path: '/api/coinme', secret, onEvent });
 * await app.register(plugin);
 * ```
 */
export type FastifyWebhookPlugin = (instance: FastifyWebhookInstance) => Promise<void>;

/**
 * Where a Fastify request's raw body is. On a {@link rawBodyRoute} no parser ran, so it is the
 * unread stream; a body that is set anyway was read by a hook or plugin: consumed.
 *
 * @internal
 */
export function fastifyBody(request: FastifyWebhookRequest): BodySource {
  if (request.body === undefined) return nodeBody(request.raw);
  return nodeBody({ headers: request.headers, body: request.body, readableEnded: true });
}

/**
 * A Fastify plugin serving one POST route whose body no parser reads: `app.register(plugin)`
 * encapsulates it, so Fastify's JSON parser stays as it is for the rest of the app.
 *
 * @internal
 */
export function rawBodyRoute(path: string, handle: (request: FastifyWebhookRequest) => Promise<Response>): FastifyWebhookPlugin {
  return async (instance) => {
    instance.removeAllContentTypeParsers();
    // Every content type, left unread: the handler reads the stream within its own size limit.
    instance.addContentTypeParser('*', async () => undefined);
    instance.post(path, async (request, reply) => reply.send(await handle(request)));
  };
}

/**
 * Serves a Fetch-style handler (`(request: Request) => Promise<Response>`) on one POST route of a
 * Fastify 5 app, with the raw body (see {@link rawBodyRoute}).
 *
 * @internal
 */
export function toFastifyPlugin(path: string, handler: (request: Request, fastifyRequest: FastifyWebhookRequest) => Promise<Response>): FastifyWebhookPlugin {
  return rawBodyRoute(path, async (request) => {
    const fetchRequest = await toFetchRequest({ method: request.method, url: request.url, headers: request.headers, body: fastifyBody(request) });
    return handler(fetchRequest, request);
  });
}
