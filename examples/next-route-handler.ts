/**
 * A Next.js App Router route handler: save as `app/api/coinme/route.ts`.
 *
 * Route handlers receive the web-standard `Request`, so the raw body is intact: no body parser
 * to turn off (that was only needed by the Pages Router's `api/` routes). Works on the Node.js
 * and the Edge runtime; the signature check uses Web Crypto.
 */
import { createWebhookHandler } from 'coinme-sdk/webhooks';

export const POST = createWebhookHandler({
  secret: process.env.COINME_WEBHOOK_SECRET!,
  toleranceSeconds: 300,
  async onEvent(event) {
    switch (event.type) {
      case 'ORDER_TEMPLATE.CONSUMED':
        // The barcode was scanned and paid at the store.
        console.log(`paid in store: order template ${event.payload.data.orderTemplateId}`);
        break;
      case 'CAAS.BUY.COMPLETED':
        console.log(`crypto sent: ${event.payload.data.metadata.blockchainData?.blockchainTransactionId ?? ''}`);
        break;
      case 'CAAS.BUY.FAILED':
        console.warn(`buy failed: ${event.payload.data.errorData?.message ?? 'unknown reason'}`);
        break;
      default:
        // Everything else is acknowledged; a 200 stops Coinme from retrying.
        break;
    }
  },
});
