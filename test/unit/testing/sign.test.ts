import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createEvents, events, sign } from 'coinme-sdk/testing';
import { constructEvent, parseWebhook, verifySignature, WebhookSignatureError } from 'coinme-sdk/webhooks';

const secret = 'whsec_unit_4f1c9a';
// An independent oracle: the HMAC as a receiver on Node would compute it.
const hmac = (data: string | Uint8Array, encoding: 'base64' | 'hex', key = secret) => createHmac('sha256', key).update(data).digest(encoding);

describe('sign', () => {
  it('sends JSON.stringify(payload) with a base64 x-coinme-signature and a JSON content type', async () => {
    const payload = events['CAAS.BUY.COMPLETED']();
    const { body, headers, signature } = await sign(payload, secret);
    expect(body).toBe(JSON.stringify(payload));
    expect(headers).toEqual({ 'content-type': 'application/json', 'x-coinme-signature': signature });
    expect(signature).toBe(hmac(body, 'base64'));
    expect(await verifySignature({ payload: body, signature, secret })).toBe(true);
    expect(await verifySignature({ payload: body, signature, secret, encoding: 'base64' })).toBe(true);
    expect(parseWebhook(body).type).toBe('CAAS.BUY.COMPLETED');
  });

  it('writes hex on request, under a custom header name, with the API key', async () => {
    const { body, headers } = await sign(events.INVOICE_PAID(), secret, { encoding: 'hex', header: 'X-Partner-Signature', apiKey: 'key-123' });
    const signature = headers['x-partner-signature'];
    expect(signature).toMatch(/^[0-9a-f]{64}$/);
    expect(signature).toBe(hmac(body, 'hex'));
    expect(headers['x-api-key']).toBe('key-123');
    expect(headers['x-coinme-signature']).toBeUndefined();
    expect(await verifySignature({ payload: body, signature, secret, encoding: 'hex' })).toBe(true);
  });

  it('signs a string or bytes exactly as given', async () => {
    const text = '{ "id": "a",\n  "note": "café" }';
    const fromText = await sign(text, secret);
    expect(fromText.body).toBe(text);
    expect(fromText.signature).toBe(hmac(text, 'base64'));

    const bytes = new TextEncoder().encode(text);
    const fromBytes = await sign(bytes, secret, { encoding: 'hex' });
    expect(fromBytes.body).toBe(text);
    expect(await verifySignature({ payload: bytes, signature: fromBytes.signature, secret })).toBe(true);
  });

  it('produces a signature that fails with another secret or a changed body', async () => {
    const { body, signature } = await sign(events['greendot.barcode.displayed'](), secret);
    expect(await verifySignature({ payload: body, signature, secret: 'another-secret' })).toBe(false);
    expect(await verifySignature({ payload: body.replace('"', ' "'), signature, secret })).toBe(false);
  });

  describe("scheme 'body' (payment callbacks)", () => {
    it('recomputes the in-body signature as the seed defines it, and sends no signature header', async () => {
      const payload = events.crypto_delivered({ timeStamp: '2022-10-26T22:36:41.658Z' });
      const { body, headers, signature } = await sign(payload, secret, { scheme: 'body', apiKey: 'key-9' });
      const { signature: _old, ...rest } = payload;
      expect(signature).toBe(hmac(JSON.stringify(rest), 'hex'));
      expect(JSON.parse(body)).toEqual({ ...payload, signature });
      expect(Object.keys(JSON.parse(body) as object)).toEqual(Object.keys(payload));
      expect(headers).toEqual({ 'content-type': 'application/json', 'x-api-key': 'key-9' });
      expect(await verifySignature({ payload: body, secret, scheme: 'body' })).toBe(true);
      expect(await verifySignature({ payload: body, secret: 'another-secret', scheme: 'body' })).toBe(false);
    });

    it('adds the signature field to a body that has none, and accepts a raw JSON body', async () => {
      const raw = JSON.stringify({ eventName: 'payment_received', orderId: 'o-1', timeStamp: '2022-10-26T22:30:12.104Z' });
      const { body } = await sign(raw, secret, { scheme: 'body' });
      expect(JSON.parse(body)).toMatchObject({ eventName: 'payment_received', signature: hmac(raw, 'hex') });
      expect(await verifySignature({ payload: body, secret, scheme: 'body' })).toBe(true);
    });

    it('refuses a payload that is not a JSON object', async () => {
      await expect(sign('[1,2]', secret, { scheme: 'body' })).rejects.toThrow(TypeError);
    });
  });

  it('gives constructEvent everything a real delivery carries: fresh time, signature and API key', async () => {
    const payload = createEvents({ seed: 'live', now: () => new Date() })['ORDER_TEMPLATE.CONSUMED']();
    const { body, headers } = await sign(payload, secret, { apiKey: 'key-77' });
    const event = await constructEvent({ payload: body, headers, secret, apiKey: 'key-77', toleranceSeconds: 60 });
    expect(event.type).toBe('ORDER_TEMPLATE.CONSUMED');
    await expect(constructEvent({ payload: body, headers, secret: 'another-secret' })).rejects.toThrow(WebhookSignatureError);
  });

  it('refuses an empty secret without echoing anything secret', async () => {
    await expect(sign({}, '')).rejects.toThrow(/non-empty webhook secret/);
  });
});
