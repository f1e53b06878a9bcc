// One webhook receiver instance, as examples/webhook-server.ts but on a shared store: the Node
// middleware verifies each delivery, EventDeduper skips repeats (releasing on failure), the
// tracker ingests, and a completed session credits its user once across every instance.
// FAIL_RATE makes that share of store calls throw (before or after the write), so the middleware
// answers 500 and the sender retries. Prints `port <n>`; on `exit` on stdin prints a JSON report.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { createClient } from 'redis';
import { type ClaimStore, EventDeduper, type SessionStore, SessionTracker } from 'coinme-sdk';
import { PostgresClaimStore, PostgresSessionStore } from 'coinme-sdk/postgres';
import { RedisClaimStore, RedisSessionStore } from 'coinme-sdk/redis';
import { createWebhookMiddleware } from 'coinme-sdk/webhooks';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};
const failRate = Number(process.env['FAIL_RATE'] ?? 0);

async function open(): Promise<{ store: SessionStore; claims: ClaimStore; close: () => Promise<unknown> }> {
  if (env('BACKEND') === 'redis') {
    const client = await createClient({ url: env('SERVICE_URL') }).connect();
    const prefix = env('NAMESPACE');
    return { store: new RedisSessionStore({ client, prefix }), claims: new RedisClaimStore({ client, prefix }), close: () => client.quit() };
  }
  const pool = new pg.Pool({ connectionString: env('SERVICE_URL'), max: 8 });
  const schema = env('NAMESPACE');
  return { store: new PostgresSessionStore({ pool, schema }), claims: new PostgresClaimStore({ pool, schema }), close: () => pool.end() };
}

let injectedFailures = 0;
function flaky(store: SessionStore): SessionStore {
  const maybeFail = () => {
    if (Math.random() >= failRate) return;
    injectedFailures += 1;
    throw new Error('injected store failure');
  };
  const wrap =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      maybeFail(); // the write never happened
      const result = await call(...args);
      maybeFail(); // the write happened, the answer was lost
      return result;
    };
  return {
    putEvent: wrap((entry) => store.putEvent(entry)),
    link: wrap((id, eventId) => store.link(id, eventId)),
    linked: (id, from) => store.linked(id, from),
    getEvents: (eventIds) => store.getEvents(eventIds),
    finish: (session) => store.finish?.(session) ?? Promise.resolve(),
  };
}

const { store, claims, close } = await open();
const tracker = new SessionTracker({ store: flaky(store), claims });
const deduper = new EventDeduper({ store: claims });
const credited: string[] = [];
let processed = 0;

const middleware = createWebhookMiddleware({
  secret: env('WEBHOOK_SECRET'),
  async onEvent(event) {
    if (event.type === 'unknown') return;
    await deduper.run(event.id, async () => {
      const session = await tracker.ingest(event);
      processed += 1;
      if (session?.status === 'completed') {
        await tracker.once(session, 'credit-user', () => credited.push(session.externalSessionId ?? '?'));
      }
    });
  },
});
const server = createServer((request, response) => middleware(request, response));
await new Promise<void>((resolve) => server.listen({ port: 0, host: '127.0.0.1', backlog: 1024 }, resolve));
process.stdout.write(`port ${(server.address() as AddressInfo).port}\n`);

for await (const line of createInterface({ input: process.stdin })) if (line === 'exit') break;
server.closeAllConnections();
await new Promise((resolve) => server.close(resolve));
await close();
process.stdout.write(JSON.stringify({ credited, processed, injectedFailures }));
