import { signatureBytes, type SignatureText } from './signature.js';

const encoder = /* @__PURE__ */ new TextEncoder();
// Importing a key is the slow part of a Web Crypto HMAC; secrets rarely change, so keep a few.
// Once imported, the key itself replaces the promise, so later checks do not wait a turn for it.
const keys = new Map<string, CryptoKey | Promise<CryptoKey>>();
const MAX_KEYS = 16;

function keyFor(secret: string): CryptoKey | Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    if (keys.size >= MAX_KEYS) keys.clear();
    const imported = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
    key = imported.then((value) => {
      keys.set(secret, value);
      return value;
    });
    keys.set(secret, key);
  }
  return key;
}

/**
 * Checks a signature against HMAC-SHA256 of `data` under `secret` through Web Crypto, available on
 * every runtime; `subtle.verify` compares in constant time.
 *
 * @internal
 */
export async function webHmacMatches(secret: string, data: string | Uint8Array, signature: SignatureText): Promise<boolean> {
  const bytes = signatureBytes(signature);
  if (!bytes) return false;
  const payload = typeof data === 'string' ? encoder.encode(data) : data;
  const key = keyFor(secret);
  return crypto.subtle.verify('HMAC', key instanceof Promise ? await key : key, bytes, payload as Uint8Array<ArrayBuffer>);
}
