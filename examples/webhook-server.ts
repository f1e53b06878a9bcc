/**
 * A webhook receiver on Node's own `http` server (the same middleware mounts in Express).
 *
 *   COINME_WEBHOOK_SECRET=... PORT=3000 npx tsx examples/webhook-server.ts
 *   npx coinme-sdk webhooks trigger CAAS.BUY.COMPLETED --url http://localhost:3000/api/coinme
 *
 * With Express, mount it before `express.json()` (or give its route `express.raw()`):
 *   app.post('/api/coinme', createWebhookMiddleware({ secret, onEvent }));
 */
import './support/require-node.js';
import { createServer } from 'node:http';
import { EventDeduper, SessionTracker } from 'coinme-sdk';
import { createWebhookMiddleware } from 'coinme-sdk/webhooks';

const secret = process.env['COINME_WEBHOOK_SECRET'];
if (!secret) {
  console.error('Set COINME_WEBHOOK_SECRET to the webhook secret Coinme shared with you.');
  process.exit(1);
}
const port = Number(process.env['PORT'] ?? 3000);

const deduper = new EventDeduper();
// In memory; with several instances, give both a shared store (coinme-sdk/redis, coinme-sdk/postgres).
const tracker = new SessionTracker();

const coinmeWebhooks = createWebhookMiddleware({
  secret,
  toleranceSeconds: 300,
  async onEvent(event) {
    // Coinme retries deliveries it could not confirm: acknowledge repeats without redoing the work.
    // If processing throws, `run` releases the claim and the middleware answers 500, so Coinme's
    // retry is processed instead of being skipped as a repeat.
    if (event.type === 'unknown') return; // an undocumented event: nothing the tracker reads
    await deduper.run(event.id, async () => {
      const session = await tracker.ingest(event);
      console.log(`verified ${event.type} ${event.id}${session ? ` → session ${session.externalSessionId ?? '?'} ${session.status}` : ''}`);
      if (event.type === 'CAAS.BUY.COMPLETED') {
        // Crypto delivered: the hash is on the event, typed.
        console.log(`  tx ${event.payload.data.metadata.blockchainData?.blockchainTransactionId ?? '(none)'}`);
      }
      // Once per session, even when two instances ingest its last events at the same moment.
      if (session?.status === 'completed') {
        await tracker.once(session, 'credit-user', () => console.log(`  credit the user of session ${session.externalSessionId ?? session.transactionId}`));
      }
    });
  },
  onError(error) {
    console.warn(`refused delivery: ${error instanceof Error ? error.message : String(error)}`);
  },
});

const server = createServer((req, res) => {
  if (req.url?.split('?')[0] === '/api/coinme') return coinmeWebhooks(req, res);
  res.statusCode = 404;
  res.end();
});

server.listen(port, () => {
  const address = server.address();
  console.log(`listening on http://localhost:${typeof address === 'object' && address ? address.port : port}/api/coinme`);
});

// Finish in-flight deliveries on shutdown; Coinme retries anything left unanswered.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => server.close(() => process.exit(0)));
