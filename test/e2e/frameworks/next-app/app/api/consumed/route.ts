// The mistake: reading the body before the handler.
import { createWebhookHandler } from 'coinme-sdk/webhooks';
import { onError, onEvent } from '../../../harness';

const handler = createWebhookHandler({ secret: process.env.COINME_WEBHOOK_SECRET!, onEvent, onError });

export async function POST(request: Request): Promise<Response> {
  await request.text();
  return handler(request);
}
