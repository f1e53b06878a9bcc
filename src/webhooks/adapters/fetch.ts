import { DEFAULT_MAX_BYTES } from '../json.js';
import { secretList } from '../verify.js';
import { deliver, refusal, type WebhookHandlerOptions, type WebhookReply } from './deliver.js';

// The body, or `undefined` as soon as it grows past `maxBytes` (the rest is never read).
async function readBody(request: Request, maxBytes: number): Promise<Uint8Array | undefined> {
  if (Number(request.headers.get('content-length')) > maxBytes) return undefined;
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

const respond = ({ status, body }: WebhookReply, headers: Record<string, string> = {}): Response =>
  Response.json(body, { status, headers });

/**
 * A Fetch-API webhook endpoint (Next.js route handlers, Hono, Cloudflare Workers, Deno, Bun):
 * reads the raw body, verifies and parses it, calls `onEvent`, and answers 200 `{ received: true }`.
 * Refusals are JSON `{ error: { code, message } }`: 405 (not POST), 413 (over `maxBytes`), 401
 * (signature or API key), 400 (bad body), 500 (`onEvent` threw; the sender will retry).
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
  secretList(options.secret);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  return async (request) => {
    if (request.method !== 'POST') {
      return respond(refusal(405, 'method_not_allowed', 'Webhooks are delivered with POST'), { allow: 'POST' });
    }
    const payload = await readBody(request, maxBytes).catch(() => null);
    if (payload === null) return respond(refusal(400, 'webhook_parse_error', 'The request body could not be read'));
    if (payload === undefined) {
      return respond(refusal(413, 'payload_too_large', `Webhook body is larger than ${maxBytes} bytes`));
    }
    return respond(await deliver(options, payload, request.headers, request));
  };
}
