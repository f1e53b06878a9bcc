// A partner's webhook endpoint on 127.0.0.1 for the sandbox tests: it verifies each delivery with
// the SDK's own handler, feeds a SessionTracker, and can be told how to answer.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SessionTracker } from 'coinme-sdk';
import { createWebhookHandler, type WebhookEvent } from 'coinme-sdk/webhooks';

export interface Received {
  body: string;
  status: number;
  event?: WebhookEvent;
}

export interface Receiver {
  url: string;
  received: Received[];
  tracker: SessionTracker;
  /** Answers with these statuses first (one per request), then 200. */
  answers: number[];
  /** Delays every answer by this many ms. */
  delayMs: number;
  close(): Promise<void>;
}

export async function startReceiver(secret: string, path = '/api/coinme', port = 0): Promise<Receiver> {
  const tracker = new SessionTracker();
  const receiver: Receiver = { url: '', received: [], tracker, answers: [], delayMs: 0, close: async () => undefined };
  const records = new WeakMap<Request, Received>();
  const handler = createWebhookHandler({
    secret,
    async onEvent(event, request) {
      const record = records.get(request);
      if (record) record.event = event;
      await tracker.ingest(event);
    },
  });
  const server: Server = createServer(async (request, response) => {
    // The partner's own pages (where the widget sends the user back) answer GET.
    if (request.method === 'GET') {
      const query = new URL(request.url ?? '/', 'http://127.0.0.1').searchParams;
      const status = query.get('status') ?? '';
      const transaction = query.get('transactionId') ?? 'none';
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(`<!doctype html><title>Partner app</title><h1>Back in the partner app</h1><p id="status">${status.replace(/\W/g, '')}</p><p>transaction ${transaction.replace(/\D/g, '')}</p>`);
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const record: Received = { body, status: 0 };
    receiver.received.push(record);
    if (receiver.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, receiver.delayMs));
    const forced = receiver.answers.shift();
    if (forced !== undefined && forced !== 200) {
      record.status = forced;
      response.writeHead(forced).end();
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) if (typeof value === 'string') headers.set(name, value);
    const delivery = new Request(`http://127.0.0.1${request.url}`, { method: 'POST', headers, body });
    records.set(delivery, record);
    const answer = await handler(delivery);
    record.status = answer.status;
    response.writeHead(answer.status, { 'content-type': 'application/json' }).end(await answer.text());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
  receiver.close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return receiver;
}
