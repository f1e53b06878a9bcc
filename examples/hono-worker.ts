/**
 * A Fetch-API worker: Cloudflare Workers (`wrangler deploy`), and the same `fetch` runs on Deno
 * (`Deno.serve(worker.fetch)`) and Bun (`Bun.serve({ fetch: worker.fetch })`).
 *
 * The secret comes from the worker's environment (`wrangler secret put COINME_WEBHOOK_SECRET`).
 *
 * With Hono the handler mounts as is, on the raw request (never `c.req.json()`: the signature
 * covers the exact bytes):
 *
 *   const handler = createWebhookHandler({ secret, onEvent });
 *   app.post('/webhooks/coinme', (c) => handler(c.req.raw));
 */
import { createWebhookHandler, type WebhookEvent } from 'coinme-sdk/webhooks';

export interface Env {
  COINME_WEBHOOK_SECRET: string;
}

async function onEvent(event: WebhookEvent): Promise<void> {
  // Hand the event to a queue or a database here; answer fast, Coinme waits for the 200.
  console.log(`coinme webhook ${event.type} ${event.id}`);
}

// One handler per secret: Workers hand `env` to each request, not to the module.
const handlers = new Map<string, (request: Request) => Promise<Response>>();
function handlerFor(env: Env): (request: Request) => Promise<Response> {
  let handler = handlers.get(env.COINME_WEBHOOK_SECRET);
  if (!handler) {
    handler = createWebhookHandler({ secret: env.COINME_WEBHOOK_SECRET, toleranceSeconds: 300, onEvent });
    handlers.set(env.COINME_WEBHOOK_SECRET, handler);
  }
  return handler;
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (pathname === '/webhooks/coinme') return handlerFor(env)(request); // 405 for anything but POST
    return new Response('Not found', { status: 404 });
  },
};
