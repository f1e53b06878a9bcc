import { resolveWebhookOptions, type WebhookHandlerOptions } from '../options.js';
import { deliver } from './deliver.js';
import { fastifyBody, rawBodyRoute, type FastifyWebhookPlugin, type FastifyWebhookRequest } from './fastify-bridge.js';
import { readLimited } from './read-body.js';

export type { FastifyWebhookInstance, FastifyWebhookPlugin, FastifyWebhookReply, FastifyWebhookRequest } from './fastify-bridge.js';

const FASTIFY_BODY_CONSUMED =
  'The webhook body was already read before the webhook route ran (by a hook or another plugin), so its signature cannot be checked. ' +
  'Register createFastifyWebhookPlugin with app.register(...) and let nothing else read its route\'s body.';

/**
 * {@link createFastifyWebhookPlugin}'s options: the webhook handler's, and the route's path.
 *
 * @example
 * ```ts
 * const options: FastifyWebhookOptions = { path: '/api/coinme', secret, onEvent: (event) => queue.push(event) };
 * ```
 */
export interface FastifyWebhookOptions extends WebhookHandlerOptions<FastifyWebhookRequest> {
  /** The route that receives deliveries, e.g. `'/api/coinme'`. */
  path: string;
}

/**
 * A Fastify 5 plugin that receives webhooks on one POST route, with the answers of
 * {@link createWebhookHandler}: 200 `{ received: true }`, 401 signature, 400 body, 413 size, 500
 * when `onEvent` throws or the body was consumed. Register it with `app.register(...)`: the plugin
 * is encapsulated, so it reads the raw body on its own route while the rest of the app keeps
 * Fastify's JSON parser. `onEvent` and `onError` get the Fastify request.
 *
 * @example
 * ```ts
 * import Fastify from 'fastify';
 * import { createFastifyWebhookPlugin } from 'coinme-sdk/webhooks';
 *
 * const app = Fastify();
 * await app.register(createFastifyWebhookPlugin({
 *   path: '/api/coinme',
 *   secret: process.env.COINME_WEBHOOK_SECRET!,
 *   async onEvent(event) { await queue.push(event); },
 * }));
 * ```
 */
export function createFastifyWebhookPlugin(options: FastifyWebhookOptions): FastifyWebhookPlugin {
  const { path, ...handlerOptions } = options;
  const resolved = resolveWebhookOptions(handlerOptions);
  return rawBodyRoute(path, async (request) => {
    const { status, body, headers } = await deliver(resolved, {
      request,
      method: request.method,
      headers: request.headers,
      read: (maxBytes) => readLimited(fastifyBody(request), maxBytes),
      consumedAdvice: FASTIFY_BODY_CONSUMED,
    });
    return Response.json(body, headers ? { status, headers } : { status });
  });
}
