import { toFastifyPlugin, type FastifyWebhookPlugin } from '../adapters/fastify-bridge.js';
import { toNodeListener, type NodeWebhookRequest, type NodeWebhookResponse } from '../adapters/node-bridge.js';
import { createUserValidationHandler } from './handler.js';
import type { UserValidationHandlerOptions } from './options.js';

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !ArrayBuffer.isView(value);

// No signature covers this body, so one a JSON parser already read (express.json()) is as good
// as the raw one: it is serialised again and checked like any other.
function withParsedBody(request: Request, req: NodeWebhookRequest): Request {
  if (!request.bodyUsed || !isPlainObject(req.body)) return request;
  const headers = new Headers(request.headers);
  headers.delete('content-length');
  return new Request(request.url, { method: request.method, headers, body: JSON.stringify(req.body) });
}

/**
 * {@link createUserValidationHandler} as Node `http` and Express middleware: `(req, res, next?)`.
 * It reads the body itself, or takes the object `express.json()` left (no signature covers it),
 * and answers exactly as the Fetch handler does. `onError` gets the Fetch `Request` built from `req`.
 *
 * @example
 * ```ts
 * app.post('/api/coinme/validate-user', createUserValidationMiddleware({
 *   auth: { bearer: process.env.COINME_VALIDATION_TOKEN! },
 *   isAllowed: async ({ email }) => customers.isActive(email),
 * }));
 * ```
 */
export function createUserValidationMiddleware<Req extends NodeWebhookRequest = NodeWebhookRequest>(
  options: UserValidationHandlerOptions,
): (req: Req, res: NodeWebhookResponse, next?: (error?: unknown) => void) => void {
  const handler = createUserValidationHandler(options);
  return toNodeListener<Req>((request, req) => handler(withParsedBody(request, req)));
}

/**
 * Options of {@link createFastifyUserValidationPlugin}: the handler's, and the route's path.
 *
 * @example
 * ```ts
 * const options: FastifyUserValidationOptions = { path: '/api/coinme/validate-user', auth: { bearer: token }, isAllowed };
 * ```
 */
export interface FastifyUserValidationOptions extends UserValidationHandlerOptions {
  /** The route Coinme POSTs to, e.g. `'/api/coinme/validate-user'`. */
  path: string;
}

/**
 * {@link createUserValidationHandler} as a Fastify 5 plugin serving one POST route, with the same
 * answers. Register it with `app.register(...)`: it is encapsulated, so it reads its own route's
 * body within `maxBytes` while the rest of the app keeps Fastify's JSON parser.
 *
 * @example
 * ```ts
 * await app.register(createFastifyUserValidationPlugin({
 *   path: '/api/coinme/validate-user',
 *   auth: { bearer: process.env.COINME_VALIDATION_TOKEN! },
 *   isAllowed: async ({ email }) => customers.isActive(email),
 * }));
 * ```
 */
export function createFastifyUserValidationPlugin(options: FastifyUserValidationOptions): FastifyWebhookPlugin {
  const { path, ...handlerOptions } = options;
  const handler = createUserValidationHandler(handlerOptions);
  return toFastifyPlugin(path, (request) => handler(request));
}
