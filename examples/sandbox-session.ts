/**
 * A whole widget session against the local sandbox, without a browser: your webhook endpoint,
 * a session created with CoinmeClient, the Green Dot outcome picked from code, and the tracked
 * result reconciled with transaction history.
 *
 *   npx tsx examples/sandbox-session.ts
 *
 * (With `npx coinme-sdk sandbox` running instead, open the printed widget URL and pick the outcome
 * on the page.)
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CoinmeClient, reconcile, SessionTracker } from 'coinme-sdk';
import { startSandbox } from 'coinme-sdk/sandbox';
import { seededCustomerId } from 'coinme-sdk/testing';
import { createWebhookMiddleware } from 'coinme-sdk/webhooks';

const secret = 'whsec_example_only';

// Your app's webhook endpoint, as in production.
const tracker = new SessionTracker();
const webhooks = createWebhookMiddleware({
  secret,
  async onEvent(event) {
    const session = await tracker.ingest(event);
    console.log(`webhook ${event.type.padEnd(40)} session status: ${session?.status ?? '-'}`);
  },
});
const app = createServer((req, res) => void webhooks(req, res));
await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
const webhookUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}/api/coinme`;

const sandbox = await startSandbox({ port: 0, webhookUrl, webhookSecret: secret, eventSpacingMs: 20 });
try {
  const coinme = new CoinmeClient({ partnerId: 'my-partner', clientSecret: 'any', userAgent: 'my-app/1.0', baseUrl: sandbox.baseUrl });
  const { widgetUrl } = await coinme.widget.createSession({
    destinationCurrency: 'BTC',
    walletAddress: 'bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh',
    sourceAmount: '200',
    sourceCurrency: 'USD',
    paymentMethod: 'GREENDOT',
    externalSessionId: 'order-1001',
    redirectUrl: 'https://my-app.example/checkout/return',
  });
  console.log(`widget: ${widgetUrl}`);

  // What the widget page's buttons do.
  const token = new URL(widgetUrl).pathname.split('/').pop() ?? '';
  await sandbox.choose(token, 'greendot_paid', { email: 'buyer@example.com' });
  await sandbox.settled();
  console.log(`barcode shown: ${sandbox.session(token)?.providerBarcodeId}`);
  await sandbox.pay(token);
  await sandbox.settled();
  console.log(`browser sent to: ${sandbox.session(token)?.result?.redirectUrl}`);

  const session = await tracker.get('externalSessionId', 'order-1001');
  const { transactions } = await coinme.transactionHistory.list({ customerId: seededCustomerId, size: 500 });
  const report = reconcile(session ? [session] : [], transactions.filter((tx) => tx.partnerTransactionId === session?.transactionId));
  console.log(`final status: ${session?.status}; matched in transaction history: ${report.matched.length}`);
} finally {
  await sandbox.close();
  app.close();
}
