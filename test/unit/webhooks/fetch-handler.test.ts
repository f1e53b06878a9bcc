import { createHmac } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { WebhookSignatureError, createWebhookHandler, type WebhookEvent } from 'coinme-sdk/webhooks';
import notifications from '../../../src/testing/samples/coinme.notification.json' with { type: 'json' };

const secret = 'whsec_fetch_2b7d';
const body = JSON.stringify(notifications['ORDER_TEMPLATE.CREATED']);
const sign = (payload: string | Uint8Array) => createHmac('sha256', secret).update(payload).digest('base64');
const url = 'https://partner.example/webhooks/coinme';
const post = (payload: BodyInit, headers: Record<string, string> = { 'x-coinme-signature': sign(body) }) =>
  new Request(url, { method: 'POST', body: payload, headers });

describe('createWebhookHandler', () => {
  it('hands the verified event to onEvent and answers 200 { received: true }', async () => {
    const seen: WebhookEvent[] = [];
    const handler = createWebhookHandler({ secret, onEvent: (event) => void seen.push(event) });
    const response = await handler(post(body));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(await response.json()).toEqual({ received: true });
    expect(seen.map((event) => event.type)).toEqual(['ORDER_TEMPLATE.CREATED']);
  });

  it('waits for onEvent before answering', async () => {
    let finished = false;
    const handler = createWebhookHandler({
      secret,
      onEvent: async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        finished = true;
      },
    });
    await handler(post(body));
    expect(finished).toBe(true);
  });

  it('answers 401 with a JSON error on a bad or missing signature, without calling onEvent', async () => {
    const onEvent = vi.fn();
    const onError = vi.fn();
    const handler = createWebhookHandler({ secret, onEvent, onError });
    for (const headers of [{ 'x-coinme-signature': sign('{}') }, {}]) {
      const response = await handler(post(body, headers));
      expect(response.status).toBe(401);
      const answer = (await response.json()) as { error: { code: string; message: string } };
      expect(answer.error.code).toBe('webhook_signature_error');
      expect(answer.error.message).not.toContain(secret);
    }
    expect(onEvent).not.toHaveBeenCalled();
    expect(onError).toHaveBeenCalledTimes(2);
    expect(onError.mock.calls[0]?.[0]).toBeInstanceOf(WebhookSignatureError);
  });

  it('answers 400 on a well-signed body that is not a valid event', async () => {
    const handler = createWebhookHandler({ secret, onEvent: vi.fn() });
    const response = await handler(post('not json', { 'x-coinme-signature': sign('not json') }));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'webhook_parse_error' } });
  });

  it('answers 405 to anything but POST', async () => {
    const handler = createWebhookHandler({ secret, onEvent: vi.fn() });
    const response = await handler(new Request(url));
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(await response.json()).toMatchObject({ error: { code: 'method_not_allowed' } });
  });

  it('answers 413 over maxBytes, declared or streamed', async () => {
    const onEvent = vi.fn();
    const handler = createWebhookHandler({ secret, onEvent, maxBytes: 64 });
    const large = JSON.stringify({ pad: 'x'.repeat(200) });
    expect((await handler(post(large, { 'x-coinme-signature': sign(large) }))).status).toBe(413);
    // A stream with no length: reading stops past the limit.
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(50).fill(0x20));
      },
    });
    const streamed = new Request(url, { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
    const response = await handler(streamed);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: 'payload_too_large' } });
    expect(pulled).toBeLessThan(10);
    expect(onEvent).not.toHaveBeenCalled();
  });

  it('answers 500 without the error text when onEvent throws, so the sender retries', async () => {
    const onError = vi.fn();
    const handler = createWebhookHandler({
      secret,
      onEvent: () => {
        throw new Error('database password is hunter2');
      },
      onError,
    });
    const response = await handler(post(body));
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain('hunter2');
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'handler_error' } });
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'database password is hunter2' }), expect.any(Request));
  });

  it('still answers when onError itself throws', async () => {
    const handler = createWebhookHandler({
      secret,
      onEvent: vi.fn(),
      onError: () => {
        throw new Error('logger down');
      },
    });
    expect((await handler(post(body, {}))).status).toBe(401);
  });

  it('passes the constructEvent options through (API key, tolerance)', async () => {
    const handler = createWebhookHandler({ secret, apiKey: 'key_9', onEvent: vi.fn() });
    expect((await handler(post(body))).status).toBe(401);
    expect((await handler(post(body, { 'x-coinme-signature': sign(body), 'x-api-key': 'key_9' }))).status).toBe(200);
    const stale = createWebhookHandler({ secret, toleranceSeconds: 60, onEvent: vi.fn() });
    expect((await stale(post(body))).status).toBe(401);
  });
});
