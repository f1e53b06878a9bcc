// A delivery whose processing throws is answered 500; Coinme retries it, and the retry must be
// processed, not skipped as a repeat. Real HTTP through the Node middleware, as
// examples/webhook-server.ts receives deliveries.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventDeduper, MemorySessionStore, type SessionStore, SessionTracker } from 'coinme-sdk';
import { events, sign } from 'coinme-sdk/testing';
import { createWebhookMiddleware } from 'coinme-sdk/webhooks';
import { afterEach, describe, expect, it } from 'vitest';

const secret = 'whsec_lifecycle_retry';
let server: Server | undefined;

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

/** A store whose first write fails, as a database that is briefly unreachable. */
function failingOnce(store: SessionStore): SessionStore {
  let failed = false;
  return {
    putEvent: async (entry) => {
      if (!failed) {
        failed = true;
        throw new Error('connection reset');
      }
      return store.putEvent(entry);
    },
    link: (id, eventId) => store.link(id, eventId),
    linked: (id, from) => store.linked(id, from),
    getEvents: (eventIds) => store.getEvents(eventIds),
  };
}

describe('a delivery whose processing throws', () => {
  it('is processed again when Coinme retries it', async () => {
    const tracker = new SessionTracker({ store: failingOnce(new MemorySessionStore()) });
    const deduper = new EventDeduper();
    let processed = 0;
    server = createServer(
      createWebhookMiddleware({
        secret,
        async onEvent(event) {
          await deduper.run(event.id ?? '', async () => {
            await tracker.ingest(event);
            processed += 1;
          });
        },
      }),
    );
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/coinme`;
    const signed = await sign(events['CAAS.BUY.COMPLETED']({ data: { transactionId: 'tx-retried' } }), secret);
    const post = () => fetch(url, { method: 'POST', body: signed.body, headers: signed.headers });

    expect((await post()).status).toBe(500);
    expect((await post()).status).toBe(200); // the retry
    expect((await post()).status).toBe(200); // a repeat after success: skipped
    expect(processed).toBe(1);
    expect((await tracker.get('transactionId', 'tx-retried'))?.status).toBe('completed');
  });
});
