import { afterEach, describe, expect, it, vi } from 'vitest';
import { constructEvent, verifySignature, WebhookSignatureError } from 'coinme-sdk/webhooks';
import { events, sign } from 'coinme-sdk/testing';

// Payment callbacks sign `JSON.stringify` of the parsed body, so the signature covers values as
// doubles. A delivery must give the caller only what the signature covers.

const secret = 'whsec_callback_91d0';

async function signedCallback(extra: string): Promise<string> {
  // The sender's JSON.stringify writes numbers in their shortest form; `extra` is spliced in as text.
  const { body } = await sign(events.crypto_delivered(), secret, { scheme: 'body' });
  const parsed = JSON.parse(body) as Record<string, unknown>;
  const { signature: _unsigned, ...rest } = parsed;
  const text = `${JSON.stringify(rest).slice(0, -1)},${extra}}`;
  const signed = await sign(text, secret, { scheme: 'body' });
  return signed.body;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the in-body signature scheme', () => {
  it('accepts digits a double holds exactly, as sent', async () => {
    const body = await signedCallback('"transactionId":1316435202751478000,"fee":0.1');
    const event = await constructEvent({ payload: body, secret, scheme: 'body' });
    expect(event.payload).toMatchObject({ transactionId: 1316435202751478000, fee: 0.1 });
    expect(verifySignature({ payload: body, secret, scheme: 'body' })).toBe(true);
  });

  it.each([
    ['an id edited beyond a double’s precision', '1316435202751478000', '1316435202751478127'],
    ['a decimal edited beyond a double’s precision', '0.1', '0.10000000000000000555'],
  ])('rejects %s', async (_label, sent, edited) => {
    const body = await signedCallback(`"transactionId":1316435202751478000,"fee":0.1`);
    const tampered = body.replace(`:${sent},`, `:${edited},`).replace(`:${sent}}`, `:${edited}}`);
    expect(tampered).not.toBe(body);
    expect(verifySignature({ payload: tampered, secret, scheme: 'body' })).toBe(false);
    await expect(constructEvent({ payload: tampered, secret, scheme: 'body' })).rejects.toBeInstanceOf(WebhookSignatureError);
  });

  it('does not parse a body that carries no signature at all', async () => {
    const unsigned = JSON.stringify({ eventName: 'crypto_delivered', orderId: 'o-1', pad: 'x'.repeat(512 * 1024) });
    const parse = vi.spyOn(JSON, 'parse');
    expect(verifySignature({ payload: unsigned, secret, scheme: 'body' })).toBe(false);
    await expect(constructEvent({ payload: unsigned, secret, scheme: 'body' })).rejects.toBeInstanceOf(WebhookSignatureError);
    expect(parse).not.toHaveBeenCalled();
  });

  it('refuses an oversized body before parsing it', async () => {
    const large = await signedCallback(`"pad":"${'x'.repeat(2048)}"`);
    const parse = vi.spyOn(JSON, 'parse');
    await expect(constructEvent({ payload: large, secret, scheme: 'body', maxBytes: 1024 })).rejects.toMatchObject({
      code: 'webhook_parse_error',
      message: expect.stringMatching(/larger than 1024 bytes/),
    });
    expect(parse).not.toHaveBeenCalled();
  });
});
