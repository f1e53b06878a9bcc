import { resolveWebhookOptions, type WebhookHandlerOptions } from '../options.js';
import { deliver } from './deliver.js';
import { nodeBody, type NodeWebhookRequest, type NodeWebhookResponse } from './node-bridge.js';
import { readLimited } from './read-body.js';

export type { NodeWebhookListener, NodeWebhookRequest, NodeWebhookResponse } from './node-bridge.js';

/** Why a Node request's body is gone, and what works instead in each framework it comes from. */
const NODE_BODY_CONSUMED =
  'The webhook body was already parsed before the webhook middleware ran, so its signature cannot be checked. ' +
  'Express: register the webhook route before app.use(express.json()), or mount ' +
  "app.use('/your/webhook/path', express.raw({ type: 'application/json' })) before app.use(express.json()). " +
  'Next.js Pages Router: export const config = { api: { bodyParser: false } }. ' +
  'Fastify: register createFastifyWebhookPlugin instead of calling the middleware on req.raw.';

/**
 * Webhook middleware for Node's `http` server, Express and Next.js Pages Router: reads the raw
 * body itself (or takes the bytes `express.raw()`, `express.text()` or a kept `rawBody` left),
 * verifies and parses it, calls `onEvent`, and answers 200 `{ received: true }`; refusals are as
 * for {@link createWebhookHandler} (401 signature, 400 body, 413 size, 500 when `onEvent`
 * throws). A body a JSON parser already consumed cannot be verified: it is answered 500
 * `webhook_body_consumed` and `onError` is told, with what to change in Express, Next.js and Fastify.
 *
 * @example
 * ```ts
 * app.post('/webhooks/coinme', createWebhookMiddleware({
 *   secret: process.env.COINME_WEBHOOK_SECRET!,
 *   async onEvent(event) { await queue.push(event); },
 * }));
 * ```
 */
export function createWebhookMiddleware<Req extends NodeWebhookRequest = NodeWebhookRequest>(
  options: WebhookHandlerOptions<Req>,
): (req: Req, res: NodeWebhookResponse, next?: (error?: unknown) => void) => void {
  const resolved = resolveWebhookOptions(options);
  return (req, res, next) => {
    deliver(resolved, {
      request: req,
      method: req.method,
      headers: req.headers,
      read: (maxBytes) => readLimited(nodeBody(req), maxBytes),
      consumedAdvice: NODE_BODY_CONSUMED,
    }).then(
      ({ status, body, headers = {} }) => {
        res.statusCode = status;
        res.setHeader('content-type', 'application/json');
        for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
        res.end(JSON.stringify(body));
      },
      // Only a broken response object can get here; hand it to Express when there is one.
      (error: unknown) => next?.(error),
    );
  };
}
