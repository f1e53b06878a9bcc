// What the CLI sends is marked as a test delivery (issue 15, finding 8), and a production handler
// can be told to refuse it: the CLI's real request against a real handler on loopback.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { constructEvent, createWebhookMiddleware, TEST_DELIVERY_HEADER, type WebhookEvent } from 'coinme-sdk/webhooks';
import { events, sign } from 'coinme-sdk/testing';
import { type CliIo, run } from '../../src/cli/run.js';

const SECRET = 'whsec_test_delivery_5c1e';

function io(): CliIo & { output: () => string } {
  let text = '';
  const sink = { write: (chunk: string) => (text += chunk) };
  return { stdout: sink, stderr: sink, stdin: (async function* () {})(), fetch: globalThis.fetch, env: { COINME_WEBHOOK_SECRET: SECRET }, output: () => text };
}

async function serve(refuseTestDeliveries: boolean, accepted: WebhookEvent[]): Promise<{ server: Server; url: string }> {
  const middleware = createWebhookMiddleware({ secret: SECRET, refuseTestDeliveries, onEvent: (event) => void accepted.push(event) });
  const server = createServer((request, response) => void middleware(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks` };
}

describe('test deliveries', () => {
  const acceptedByProduction: WebhookEvent[] = [];
  const acceptedByStaging: WebhookEvent[] = [];
  let production: { server: Server; url: string };
  let staging: { server: Server; url: string };
  beforeAll(async () => {
    production = await serve(true, acceptedByProduction);
    staging = await serve(false, acceptedByStaging);
  });
  afterAll(() => {
    production.server.close();
    staging.server.close();
  });

  it('a handler with refuseTestDeliveries refuses what the CLI sends; without it, accepts it', async () => {
    const refused = io();
    expect(await run(['webhooks', 'trigger', 'CAAS.BUY.COMPLETED', '--url', production.url], refused)).not.toBe(0);
    expect(refused.output()).toMatch(/401/);
    expect(acceptedByProduction).toEqual([]);

    expect(await run(['webhooks', 'trigger', 'CAAS.BUY.COMPLETED', '--url', staging.url], io())).toBe(0);
    expect(acceptedByStaging.map((event) => event.type)).toEqual(['CAAS.BUY.COMPLETED']);
  });

  it('constructEvent refuses only deliveries carrying the header, and only when told to', async () => {
    const { body, headers } = await sign(events['CAAS.BUY.COMPLETED'](), SECRET);
    const marked = { ...headers, [TEST_DELIVERY_HEADER]: '1' };
    await expect(constructEvent({ payload: body, headers: marked, secret: SECRET, refuseTestDeliveries: true })).rejects.toMatchObject({
      name: 'WebhookSignatureError',
      message: expect.stringContaining(TEST_DELIVERY_HEADER),
    });
    expect((await constructEvent({ payload: body, headers, secret: SECRET, refuseTestDeliveries: true })).type).toBe('CAAS.BUY.COMPLETED');
    expect((await constructEvent({ payload: body, headers: marked, secret: SECRET })).type).toBe('CAAS.BUY.COMPLETED');
    await expect(constructEvent({ payload: body, headers, secret: SECRET, ...({ refuseTestDeliveries: 'yes' } as {}) })).rejects.toMatchObject({
      name: 'ValidationError',
      field: 'refuseTestDeliveries',
    });
  });
});
