import { createWebhookHandler } from 'coinme-sdk/webhooks';

export const POST = createWebhookHandler({
  secret: process.env.COINME_WEBHOOK_SECRET!,
  async onEvent(event) {
    if (event.type === 'CAAS.BUY.COMPLETED' && event.payload.data.externalSessionId) {
      await markPaid(event.payload.data.externalSessionId);
    }
  },
  onError,
});
// docs:end (the README's Next.js snippet, byte for byte)
import { markPaid, onError } from '../../../harness';
