import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { WebhookParseError, WebhookSignatureError, constructEvent, type ConstructEventParams } from 'coinme-sdk/webhooks';
import callbacks from '../../../src/testing/samples/callback.json' with { type: 'json' };
import notifications from '../../../src/testing/samples/coinme.notification.json' with { type: 'json' };

const secret = 'whsec_construct_5e1f';
const body = JSON.stringify(notifications['CAAS.BUY.COMPLETED']);
const sign = (payload: string, key = secret, encoding: 'base64' | 'hex' = 'base64') =>
  createHmac('sha256', key).update(payload).digest(encoding);
const occurredAt = new Date('2025-12-11T16:04:24Z').getTime();
// What a delivery of `body` parses to: the type and time of the event, not just "it resolved".
const caasBuyCompleted = { source: 'coinme.notification', type: 'CAAS.BUY.COMPLETED', occurredAt: new Date(occurredAt) };

async function rejection(params: ConstructEventParams): Promise<Error> {
  const error = await constructEvent(params).then(
    () => undefined,
    (caught: unknown) => caught as Error,
  );
  if (!error) throw new Error('expected constructEvent to reject');
  expect(error.message).not.toContain(secret);
  expect(JSON.stringify(error)).not.toContain(secret);
  return error;
}

describe('constructEvent', () => {
  it('verifies and parses a delivery with a Headers object', async () => {
    const event = await constructEvent({ payload: body, headers: new Headers({ 'X-Coinme-Signature': sign(body) }), secret });
    expect(event.type).toBe('CAAS.BUY.COMPLETED');
    expect(event.source).toBe('coinme.notification');
  });

  it('reads a plain header record in any case, and string arrays', async () => {
    for (const headers of [
      { 'x-coinme-signature': sign(body) },
      { 'X-COINME-SIGNATURE': sign(body, secret, 'hex') },
      { 'X-Coinme-Signature': [sign(body)], other: undefined },
    ]) {
      await expect(constructEvent({ payload: body, headers, secret })).resolves.toMatchObject({ type: 'CAAS.BUY.COMPLETED' });
    }
  });

  it('verifies byte payloads and a custom signature header', async () => {
    const bytes = new TextEncoder().encode(body);
    const headers = { 'x-partner-sig': `sha256=${sign(body, secret, 'hex')}` };
    const event = await constructEvent({ payload: bytes, headers, secret, signatureHeader: 'X-Partner-Sig' });
    expect(event.type).toBe('CAAS.BUY.COMPLETED');
  });

  it('says when the signature header is missing', async () => {
    for (const headers of [{}, new Headers(), { 'x-coinme-signature': '  ' }, { 'x-coinme-signature': [] }, undefined]) {
      const error = await rejection({ payload: body, headers, secret });
      expect(error).toBeInstanceOf(WebhookSignatureError);
      expect(error.message).toMatch(/Missing x-coinme-signature/);
    }
  });

  it('says when the signature does not match', async () => {
    const cases = [
      { payload: body, headers: { 'x-coinme-signature': sign(body, 'whsec_wrong') }, secret },
      { payload: `${body} `, headers: { 'x-coinme-signature': sign(body) }, secret },
      { payload: body, headers: { 'x-coinme-signature': 'not-a-signature' }, secret },
      { payload: body, headers: { 'x-coinme-signature': sign(body, secret, 'hex') }, secret, encoding: 'base64' as const },
    ];
    for (const params of cases) {
      const error = await rejection(params);
      expect(error).toBeInstanceOf(WebhookSignatureError);
      expect(error.message).toMatch(/does not match/);
    }
  });

  it('accepts any secret of a rotation', async () => {
    const headers = { 'x-coinme-signature': sign(body, 'whsec_previous') };
    await expect(constructEvent({ payload: body, headers, secret: [secret, 'whsec_previous'] })).resolves.toMatchObject(caasBuyCompleted);
  });

  it('never counts an empty entry of a secret list as a key: a body signed with an empty key is refused', async () => {
    const forged = { 'x-coinme-signature': sign(body, '') };
    const error = await rejection({ payload: body, headers: forged, secret: [secret, ''] });
    expect(error).toBeInstanceOf(WebhookSignatureError);
    await expect(constructEvent({ payload: body, headers: { 'x-coinme-signature': sign(body) }, secret: [secret, ''] })).resolves.toMatchObject(caasBuyCompleted);
  });

  it('throws ValidationError naming the secret when it is missing, even when the header is missing too', async () => {
    await expect(constructEvent({ payload: body, headers: {}, secret: '' })).rejects.toMatchObject({ code: 'validation_error', field: 'secret' });
  });

  it('verifies before parsing: a bad body with a bad signature is a signature error', async () => {
    const error = await rejection({ payload: '{nope', headers: { 'x-coinme-signature': sign(body) }, secret });
    expect(error).toBeInstanceOf(WebhookSignatureError);
  });

  it('reports a well-signed bad body as WebhookParseError', async () => {
    const payload = body.replace('"orderTemplateId":"1316433953436078080"', '"orderTemplateId":false');
    expect(payload).not.toBe(body);
    const error = await rejection({ payload, headers: { 'x-coinme-signature': sign(payload) }, secret });
    expect(error).toBeInstanceOf(WebhookParseError);
  });

  it('refuses an oversized body before computing anything', async () => {
    const error = await rejection({ payload: body, headers: { 'x-coinme-signature': 'x' }, secret, maxBytes: 100 });
    expect(error).toBeInstanceOf(WebhookParseError);
    expect(error.message).toMatch(/larger than 100 bytes/);
  });

  it('passes strict on to parsing', async () => {
    const payload = '{"hello":"world"}';
    const headers = { 'x-coinme-signature': sign(payload) };
    await expect(constructEvent({ payload, headers, secret })).resolves.toMatchObject({ type: 'unknown' });
    await expect(constructEvent({ payload, headers, secret, strict: true })).rejects.toThrow(WebhookParseError);
  });

  describe('API key', () => {
    const headers = (apiKey?: string) => ({
      'x-coinme-signature': sign(body),
      ...(apiKey === undefined ? {} : { 'X-Api-Key': apiKey }),
    });

    it('accepts the configured key, in a header of any case', async () => {
      await expect(constructEvent({ payload: body, headers: headers('key_123'), secret, apiKey: 'key_123' })).resolves.toMatchObject(caasBuyCompleted);
      const custom = { 'x-coinme-signature': sign(body), 'x-partner-key': 'key_123' };
      await expect(
        constructEvent({ payload: body, headers: custom, secret, apiKey: 'key_123', apiKeyHeader: 'X-Partner-Key' }),
      ).resolves.toMatchObject(caasBuyCompleted);
    });

    it('reads the key without surrounding spaces, and refuses a blank one as missing', async () => {
      const spaced = { 'x-coinme-signature': sign(body), 'x-api-key': '  key_123 ' };
      await expect(constructEvent({ payload: body, headers: spaced, secret, apiKey: 'key_123' })).resolves.toMatchObject(caasBuyCompleted);
      const blank = await rejection({ payload: body, headers: headers('   '), secret, apiKey: 'key_123' });
      expect(blank.message).toBe('Missing x-api-key header');
    });

    it('refuses a missing or different key without echoing either', async () => {
      const missing = await rejection({ payload: body, headers: headers(), secret, apiKey: 'key_123' });
      expect(missing).toBeInstanceOf(WebhookSignatureError);
      expect(missing.message).toMatch(/Missing x-api-key/);
      for (const wrong of ['key_124', 'key_12', 'key_1234', '']) {
        const error = await rejection({ payload: body, headers: headers(wrong), secret, apiKey: 'key_123' });
        expect(error).toBeInstanceOf(WebhookSignatureError);
        expect(error.message).not.toContain('key_12');
      }
    });
  });

  describe('toleranceSeconds', () => {
    const params = { payload: body, headers: { 'x-coinme-signature': sign(body) }, secret, toleranceSeconds: 300 };

    it('accepts an event within the tolerance either way', async () => {
      await expect(constructEvent({ ...params, now: () => occurredAt + 299_000 })).resolves.toMatchObject(caasBuyCompleted);
      await expect(constructEvent({ ...params, now: () => new Date(occurredAt - 299_000) })).resolves.toMatchObject(caasBuyCompleted);
    });

    it('refuses an event older than the tolerance', async () => {
      const error = await rejection({ ...params, now: () => occurredAt + 301_000 });
      expect(error).toBeInstanceOf(WebhookSignatureError);
      expect(error.message).toMatch(/older than the 300s tolerance/);
    });

    it('refuses an event dated too far in the future', async () => {
      const error = await rejection({ ...params, now: () => occurredAt - 301_000 });
      expect(error).toBeInstanceOf(WebhookSignatureError);
      expect(error.message).toBe('Webhook event is dated more than 300s in the future');
    });

    it('accepts an event exactly at the tolerance, either way', async () => {
      await expect(constructEvent({ ...params, now: () => occurredAt + 300_000 })).resolves.toMatchObject(caasBuyCompleted);
      await expect(constructEvent({ ...params, now: () => occurredAt - 300_000 })).resolves.toMatchObject(caasBuyCompleted);
    });

    it('does not judge the age of an unknown event whose body states no time', async () => {
      const payload = '{"hello":"world"}';
      const unknown = { payload, headers: { 'x-coinme-signature': sign(payload) }, secret, toleranceSeconds: 300 };
      for (const now of [0, occurredAt, occurredAt + 10 * 365 * 86_400_000]) {
        await expect(constructEvent({ ...unknown, now: () => now })).resolves.toMatchObject({ type: 'unknown' });
      }
    });

    it('uses the real clock by default', async () => {
      await expect(constructEvent(params)).rejects.toThrow(/older/);
    });
  });

  describe('body scheme', () => {
    const { signature: _documented, ...fields } = callbacks.crypto_delivered;
    const signed = { ...fields, signature: createHmac('sha256', secret).update(JSON.stringify(fields)).digest('hex') };

    it('verifies the in-body signature without any header', async () => {
      const event = await constructEvent({ payload: JSON.stringify(signed), secret, scheme: 'body' });
      expect(event).toMatchObject({ source: 'callback', type: 'crypto_delivered', payload: signed });
    });

    it('refuses a changed body or a wrong secret', async () => {
      const changed = JSON.stringify({ ...signed, orderId: 'another-order' });
      expect(await rejection({ payload: changed, secret, scheme: 'body' })).toBeInstanceOf(WebhookSignatureError);
      const wrongSecret = await rejection({ payload: JSON.stringify(signed), secret: 'whsec_other', scheme: 'body' });
      expect(wrongSecret).toBeInstanceOf(WebhookSignatureError);
      // The message names where the signature was looked for: the body, not a header.
      expect(wrongSecret.message).toBe('Webhook body signature is missing or does not match');
      const header = await rejection({ payload: JSON.stringify(signed), headers: { 'x-coinme-signature': sign('other') }, secret });
      expect(header.message).toBe('Webhook signature does not match (x-coinme-signature header)');
    });
  });
});
