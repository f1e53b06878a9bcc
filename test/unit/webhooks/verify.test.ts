import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { verifySignature, verifySignatureAsync, type VerifySignatureParams } from 'coinme-sdk/webhooks';

const secret = 'whsec_8f2c1d9e7a6b';
const body = '{"id":"evt_1","type":"ORDER_TEMPLATE","data":{"amount":"12.50","note":"café ☕"}}';
const digest = createHmac('sha256', secret).update(body).digest();
const hex = digest.toString('hex');
const base64 = digest.toString('base64');
const base64url = digest.toString('base64url');

// verifySignature answers at once (node:crypto); wrapped so both paths are checked alike.
const paths = [
  ['verifySignature, node:crypto', async (params: VerifySignatureParams) => verifySignature(params)],
  ['verifySignatureAsync, Web Crypto', (params: VerifySignatureParams) => verifySignatureAsync(params)],
] as const;

describe.each(paths)('verify (%s)', (_name, verify) => {
  it.each([
    ['hex', hex],
    ['upper-case hex', hex.toUpperCase()],
    ['base64', base64],
    ['base64 without padding', base64.replace(/=+$/, '')],
    ['base64url', base64url],
    ['surrounding whitespace', `  ${base64}\n`],
    ['a sha256= prefix', `sha256=${hex}`],
    ['a SHA256= prefix and whitespace', ` SHA256=${base64} `],
  ])('accepts %s', async (_label, signature) => {
    await expect(verify({ payload: body, signature, secret })).resolves.toBe(true);
  });

  it.each([
    ['a tampered body', { payload: body.replace('12.50', '12.51'), signature: base64 }],
    ['a wrong secret', { payload: body, signature: base64, secret: 'whsec_other' }],
    ['a truncated hex signature', { payload: body, signature: hex.slice(0, 63) }],
    ['a truncated base64 signature', { payload: body, signature: base64.slice(0, 40) }],
    ['a signature with an extra byte', { payload: body, signature: `${hex}00` }],
    ['garbage characters', { payload: body, signature: `${base64.slice(0, 20)}!@#${base64.slice(23)}` }],
    ['an empty signature', { payload: body, signature: '' }],
    ['a missing signature', { payload: body, signature: undefined }],
    ['a null signature', { payload: body, signature: null }],
    ['hex forced to base64', { payload: body, signature: hex, encoding: 'base64' as const }],
    ['base64 forced to hex', { payload: body, signature: base64, encoding: 'hex' as const }],
    ['a bare prefix', { payload: body, signature: 'sha256=' }],
  ])('returns false for %s', async (_label, params) => {
    await expect(verify({ secret, ...params })).resolves.toBe(false);
  });

  it('reads the signature as written when the encoding is forced', async () => {
    await expect(verify({ payload: body, signature: hex, secret, encoding: 'hex' })).resolves.toBe(true);
    await expect(verify({ payload: body, signature: base64url, secret, encoding: 'base64' })).resolves.toBe(true);
  });

  it('accepts any secret of a rotation list', async () => {
    await expect(verify({ payload: body, signature: hex, secret: ['whsec_new', secret] })).resolves.toBe(true);
    await expect(verify({ payload: body, signature: hex, secret: [secret, 'whsec_old'] })).resolves.toBe(true);
    await expect(verify({ payload: body, signature: hex, secret: ['whsec_new', 'whsec_old'] })).resolves.toBe(false);
  });

  it('throws TypeError on an empty or missing secret, without echoing it', async () => {
    await expect(verify({ payload: body, signature: hex, secret: '' })).rejects.toThrow(TypeError);
    await expect(verify({ payload: body, signature: hex, secret: [] })).rejects.toThrow(TypeError);
    await expect(verify({ payload: body, signature: hex, secret: [secret, ''] })).rejects.toThrow(TypeError);
    await expect(verify({ payload: body, signature: hex, secret: undefined as never })).rejects.toThrow(TypeError);
    await expect(verify({ payload: body, signature: hex, secret: [secret, ''] })).rejects.not.toThrow(secret);
  });

  it('throws TypeError on misuse: no params, an unknown scheme or encoding, a secret list with a non-string', async () => {
    await expect(verify(null as never)).rejects.toThrow(/needs \{ payload, signature, secret \}/);
    await expect(verify('body' as never)).rejects.toThrow(TypeError);
    await expect(verify({ payload: body, signature: hex, secret, scheme: 'query' as never })).rejects.toThrow(/scheme must be "header" or "body"/);
    await expect(verify({ payload: body, signature: hex, secret, encoding: 'base32' as never })).rejects.toThrow(/encoding must be "hex" or "base64"/);
    await expect(verify({ payload: body, signature: hex, secret: [secret, 42 as never] })).rejects.toThrow(/non-empty webhook secret/);
  });

  it('reads a sha256= prefix followed by spaces', async () => {
    await expect(verify({ payload: body, signature: `sha256=  ${hex}`, secret })).resolves.toBe(true);
  });

  it('returns false for a base64 signature with anything after its 43 characters but one "="', async () => {
    const unpadded = base64.slice(0, 43);
    await expect(verify({ payload: body, signature: `${unpadded}=`, secret })).resolves.toBe(true);
    // 44 characters that do not end in padding, and longer strings that start with the digest.
    await expect(verify({ payload: body, signature: `${unpadded}A`, secret })).resolves.toBe(false);
    await expect(verify({ payload: body, signature: `${unpadded}==`, secret })).resolves.toBe(false);
    await expect(verify({ payload: body, signature: `${base64}garbage`, secret })).resolves.toBe(false);
  });

  it('accepts url-safe base64 that has only "-" or only "_" in it', async () => {
    // Bodies whose digest, in base64url, has exactly one of the two url-safe characters.
    const find = (has: string, lacks: string) => {
      for (let i = 0; ; i++) {
        const candidate = `${body} ${i}`;
        const url = createHmac('sha256', secret).update(candidate).digest('base64url');
        if (url.includes(has) && !url.includes(lacks)) return { payload: candidate, signature: url };
      }
    };
    for (const [has, lacks] of [['-', '_'], ['_', '-']] as const) {
      const { payload, signature } = find(has, lacks);
      await expect(verify({ payload, signature, secret })).resolves.toBe(true);
    }
  });

  it('verifies Uint8Array, Buffer and ArrayBuffer payloads over the same bytes', async () => {
    const bytes = new TextEncoder().encode(body);
    await expect(verify({ payload: bytes, signature: hex, secret })).resolves.toBe(true);
    await expect(verify({ payload: Buffer.from(body), signature: hex, secret })).resolves.toBe(true);
    await expect(verify({ payload: bytes.slice().buffer, signature: hex, secret })).resolves.toBe(true);
    // A view onto part of a larger buffer signs only its own bytes.
    const padded = new Uint8Array(bytes.length + 4);
    padded.set(bytes, 2);
    await expect(verify({ payload: padded.subarray(2, 2 + bytes.length), signature: hex, secret })).resolves.toBe(true);
    bytes[0] = 0x5b;
    await expect(verify({ payload: bytes, signature: hex, secret })).resolves.toBe(false);
  });

  describe('body scheme', () => {
    // Signed the way the payment-callback document shows: hex HMAC of JSON.stringify(payload).
    const payload = {
      eventName: 'crypto_delivered',
      orderId: '5a3288ea-0bd4-44d2-af11-aae1f88bbd61',
      timeStamp: '2022-10-26T22:36:41.658Z',
    };
    const signature = createHmac('sha256', secret).update(JSON.stringify(payload)).digest('hex');
    const delivered = JSON.stringify({ ...payload, signature });

    it('accepts a body whose signature field matches the rest of the body', async () => {
      await expect(verify({ payload: delivered, secret, scheme: 'body' })).resolves.toBe(true);
      await expect(verify({ payload: new TextEncoder().encode(delivered), secret, scheme: 'body' })).resolves.toBe(true);
      // Whitespace in the delivery does not matter: the rest of the body is re-serialised.
      await expect(verify({ payload: JSON.stringify({ ...payload, signature }, null, 2), secret, scheme: 'body' })).resolves.toBe(true);
    });

    it('rejects a changed field, a wrong secret, a missing or malformed signature', async () => {
      await expect(verify({ payload: delivered.replace('crypto_delivered', 'crypto_tx_failed'), secret, scheme: 'body' })).resolves.toBe(false);
      await expect(verify({ payload: delivered, secret: 'whsec_other', scheme: 'body' })).resolves.toBe(false);
      await expect(verify({ payload: JSON.stringify(payload), secret, scheme: 'body' })).resolves.toBe(false);
      await expect(verify({ payload: JSON.stringify({ ...payload, signature: 42 }), secret, scheme: 'body' })).resolves.toBe(false);
      await expect(verify({ payload: '{"signature":', secret, scheme: 'body' })).resolves.toBe(false);
      await expect(verify({ payload: `[${delivered}]`, secret, scheme: 'body' })).resolves.toBe(false);
    });

    it('depends on key order, as the sender serialised it', async () => {
      const reordered = JSON.stringify({ orderId: payload.orderId, eventName: payload.eventName, timeStamp: payload.timeStamp, signature });
      await expect(verify({ payload: reordered, secret, scheme: 'body' })).resolves.toBe(false);
    });
  });
});

describe('verifySignature', () => {
  it('returns a boolean, not a promise, so `if (!verifySignature(...))` rejects a bad signature', () => {
    expect(verifySignature({ payload: body, signature: hex, secret })).toBe(true);
    expect(verifySignature({ payload: body, signature: hex, secret: 'whsec_other' })).toBe(false);
  });
});

describe('node:crypto and Web Crypto', () => {
  const secrets = fc.oneof(fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 100 }), fc.string({ unit: 'binary', minLength: 1, maxLength: 80 }));
  const bodies = fc.oneof(fc.string({ unit: 'binary', maxLength: 2000 }), fc.json(), fc.uint8Array({ maxLength: 300 }));

  it('agree with createHmac on generated secrets and bodies, in hex and base64', async () => {
    await fc.assert(
      fc.asyncProperty(secrets, bodies, fc.boolean(), async (key, payload, asHex) => {
        const signature = createHmac('sha256', key).update(payload).digest(asHex ? 'hex' : 'base64');
        const flipped = signature.replace(/^./, (c) => (c === '0' ? '1' : '0'));
        for (const [candidate, expected] of [[signature, true], [flipped, false]] as const) {
          const params = { payload, signature: candidate, secret: key };
          expect(verifySignature(params)).toBe(expected);
          expect(await verifySignatureAsync(params)).toBe(expected);
        }
        expect(verifySignature({ payload, signature, secret: `${key}x` })).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('keep giving the right answer as many secrets come and go', () => {
    for (let i = 0; i < 100; i++) {
      const key = `whsec_${i % 40}`;
      const signature = createHmac('sha256', key).update(body).digest('hex');
      expect(verifySignature({ payload: body, signature, secret: key })).toBe(true);
      expect(verifySignature({ payload: body, signature, secret: `whsec_${(i % 40) + 1}` })).toBe(false);
    }
  });
});

describe('coinme-sdk/webhooks/verify', () => {
  it('offers the same checks, without the schema library', async () => {
    const verifyOnly = await import('coinme-sdk/webhooks/verify');
    expect(Object.keys(verifyOnly).sort()).toEqual(['verifySignature', 'verifySignatureAsync']);
    expect(verifyOnly.verifySignature({ payload: body, signature: hex, secret })).toBe(true);
    expect(await verifyOnly.verifySignatureAsync({ payload: body, signature: base64, secret })).toBe(true);
  });
});
