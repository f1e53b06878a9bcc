import { resolveWebhookOptions, type WebhookHandlerOptions } from '../options.js';
import { deliver } from './deliver.js';
import { readLimited } from './read-body.js';

// The body, `'too-large'` as soon as it grows past `maxBytes` (the rest is never read), or
// `'consumed'` when the framework read it first (Hono after `c.req.json()`, for example).
async function readBody(request: Request, maxBytes: number): Promise<Uint8Array | 'too-large' | 'consumed'> {
  if (request.bodyUsed) return 'consumed';
  if (Number(request.headers.get('content-length')) > maxBytes) return 'too-large';
  return readLimited(request.body, maxBytes);
}

const CONSUMED =
  'The webhook body was already read before the webhook handler ran (for example by c.req.json() or request.text()), ' +
  'so its signature cannot be checked. Pass the handler the untouched request (in Hono: c.req.raw, before reading the body).';

/**
 * A Fetch-API webhook endpoint (Next.js route handlers, Hono, Cloudflare Workers, Deno, Bun):
 * reads the raw body, verifies and parses it, calls `onEvent`, and answers 200 `{ received: true }`.
 * Refusals are JSON `{ error: { code, message } }`: 405 (not POST), 413 (over `maxBytes`), 401
 * (signature or API key), 400 (bad body), 500 (`onEvent` threw, the body was already consumed, or
 * no secret is set; the sender will retry). Options are checked here, once: a bad one throws
 * `ValidationError` naming it. A secret that is still unset (as during `next build`) is allowed:
 * every delivery is then answered 500 and logged, and no event is ever accepted.
 *
 * @example
 * ```ts
 * // app/api/coinme/route.ts
 * export const POST = createWebhookHandler({
 *   secret: process.env.COINME_WEBHOOK_SECRET!,
 *   async onEvent(event) { if (event.type === 'CAAS.BUY.COMPLETED') await fulfil(event.payload); },
 * });
 * ```
 */
export function createWebhookHandler(options: WebhookHandlerOptions<Request>): (request: Request) => Promise<Response> {
  const resolved = resolveWebhookOptions(options);
  return async (request) => {
    const reply = await deliver(resolved, {
      request,
      method: request.method,
      headers: request.headers,
      read: (maxBytes) => readBody(request, maxBytes),
      consumedAdvice: CONSUMED,
    });
    return Response.json(reply.body, reply.headers ? { status: reply.status, headers: reply.headers } : { status: reply.status });
  };
}
