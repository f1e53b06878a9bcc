import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CoinmeError, createWebhookMiddleware, type WebhookEvent } from 'coinme-sdk/webhooks';
import offramp from '../../../src/testing/samples/offramp.json' with { type: 'json' };

const secret = 'whsec_node_91ac';
const body = JSON.stringify(offramp['order:crypto-offramp:funds-received']);
const sign = (payload: string) => createHmac('sha256', secret).update(payload).digest('hex');

type Handler = (req: IncomingMessage & { body?: unknown }, res: ServerResponse) => void;
let server: Server | undefined;

async function listen(handler: Handler): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;
}

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

// What express.raw / express.text / express.json leave on `req.body`, done the same way: read the stream first.
const bodyParser =
  (parse: (raw: Buffer) => unknown, next: Handler): Handler =>
  (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      req.body = parse(Buffer.concat(chunks));
      next(req, res);
    });
  };

const deliver = (url: string, payload = body, headers: Record<string, string> = { 'x-coinme-signature': sign(payload) }, signal?: AbortSignal) =>
  fetch(url, { method: 'POST', body: payload, headers: { 'content-type': 'application/json', ...headers }, ...(signal && { signal }) });

describe('createWebhookMiddleware on a real http server', () => {
  it('reads the raw body from the stream, verifies it and acknowledges after onEvent', async () => {
    const seen: WebhookEvent[] = [];
    const url = await listen(createWebhookMiddleware({ secret, onEvent: async (event) => void seen.push(event) }));
    const response = await deliver(url);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ source: 'offramp', type: 'order:crypto-offramp:funds-received' });
  });

  it('answers 401 on a bad signature and 400 on a bad body', async () => {
    const onEvent = vi.fn();
    const url = await listen(createWebhookMiddleware({ secret, onEvent }));
    const unsigned = await deliver(url, body, { 'x-coinme-signature': sign(`${body} `) });
    expect(unsigned.status).toBe(401);
    expect(await unsigned.json()).toMatchObject({ error: { code: 'webhook_signature_error' } });
    const broken = await deliver(url, '{"name":');
    expect(broken.status).toBe(400);
    expect(onEvent).not.toHaveBeenCalled();
  });

  it('answers 405 to a GET and 413 past maxBytes', async () => {
    const url = await listen(createWebhookMiddleware({ secret, maxBytes: 256, onEvent: vi.fn() }));
    const get = await fetch(url);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    const large = JSON.stringify({ pad: 'x'.repeat(100_000) });
    const tooLarge = await deliver(url, large);
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it('answers 500 without detail when onEvent throws', async () => {
    const url = await listen(
      createWebhookMiddleware({
        secret,
        onEvent: () => {
          throw new Error('queue credentials rejected');
        },
      }),
    );
    const response = await deliver(url);
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('queue credentials');
  });

  it('takes the body express.raw() or express.text() left on req.body', async () => {
    const onEvent = vi.fn();
    const middleware = createWebhookMiddleware({ secret, onEvent });
    const url = await listen((req, res) =>
      req.url?.endsWith('text') ? bodyParser((raw) => raw.toString('utf8'), middleware)(req, res) : bodyParser((raw) => raw, middleware)(req, res),
    );
    expect((await deliver(url)).status).toBe(200);
    expect((await deliver(`${url}/text`)).status).toBe(200);
    expect(onEvent).toHaveBeenCalledTimes(2);
  });

  it('answers a body express.json() already parsed 500 webhook_body_consumed, and tells onError', async () => {
    const onError = vi.fn();
    const next = vi.fn();
    const middleware = createWebhookMiddleware({ secret, onEvent: vi.fn(), onError });
    const url = await listen(bodyParser((raw) => JSON.parse(raw.toString('utf8')) as unknown, (req, res) => middleware(req, res, next)));
    const response = await deliver(url);
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ error: { code: 'webhook_body_consumed', message: expect.stringMatching(/express\.json/) } });
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[0]).toBeInstanceOf(CoinmeError);
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ code: 'webhook_body_consumed' });
    expect(next).not.toHaveBeenCalled();
  });

  it('reads the stream when express.json() skipped the request and left an empty object', async () => {
    const onEvent = vi.fn();
    const middleware = createWebhookMiddleware({ secret, onEvent });
    const url = await listen((req, res) => {
      req.body = {};
      middleware(req, res);
    });
    expect((await deliver(url)).status).toBe(200);
    expect(onEvent).toHaveBeenCalledTimes(1);
  });
});

describe('createWebhookMiddleware when someone else read the body', () => {
  // What Fastify does before a route runs: reads the stream to its end and keeps the parsed body for itself.
  const readFirst =
    (next: Handler): Handler =>
    (req, res) => {
      req.resume();
      req.on('end', () => next(req, res));
    };

  it('answers 500 webhook_body_consumed at once (no hang) when the stream was already read, and tells onError', async () => {
    const onError = vi.fn();
    const onEvent = vi.fn();
    const url = await listen(readFirst(createWebhookMiddleware({ secret, onEvent, onError })));
    const response = await deliver(url, body, { 'x-coinme-signature': sign(body) }, AbortSignal.timeout(5_000));
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ error: { code: 'webhook_body_consumed', message: expect.stringMatching(/createFastifyWebhookPlugin/) } });
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ code: 'webhook_body_consumed' });
    expect(onEvent).not.toHaveBeenCalled();
  });

  it('recommends only what works: the route before express.json(), or express.raw on the path before it', async () => {
    const url = await listen(bodyParser((raw) => JSON.parse(raw.toString('utf8')) as unknown, createWebhookMiddleware({ secret, onEvent: vi.fn() })));
    const { error } = (await (await deliver(url)).json()) as { error: { message: string } };
    expect(error.message).toContain('before app.use(express.json())');
    expect(error.message).toContain("app.use('/your/webhook/path', express.raw({ type: 'application/json' })) before app.use(express.json())");
    expect(error.message).toContain('bodyParser: false');
    // express.raw on the route itself, after express.json(), is what fails: it must not be the advice.
    expect(error.message).not.toMatch(/app\.post\([^)]*express\.raw/);
  });

  it('uses the raw bytes a parser kept next to the parsed body (express.json({ verify }), NestJS rawBody)', async () => {
    const onEvent = vi.fn();
    const middleware = createWebhookMiddleware({ secret, onEvent });
    const url = await listen(
      bodyParser(
        (raw) => JSON.parse(raw.toString('utf8')) as unknown,
        (req, res) => {
          (req as { rawBody?: Buffer }).rawBody = Buffer.from(body);
          middleware(req, res);
        },
      ),
    );
    expect((await deliver(url)).status).toBe(200);
    expect(onEvent).toHaveBeenCalledTimes(1);
  });
});
