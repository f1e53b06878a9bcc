import { safeEqual } from './safe-equal.js';
import type { SignatureText } from './signature.js';

/**
 * Checks a signature against the HMAC-SHA256 of `data` under `secret`, in constant time.
 *
 * @internal
 */
export type HmacCheck = (secret: string, data: string | Uint8Array, signature: SignatureText) => boolean | Promise<boolean>;

type NodeCrypto = typeof import('node:crypto');
/** HMAC-SHA256 of `data` under one secret, written in `encoding`. */
type Digest = (data: string | Uint8Array, encoding: 'hex' | 'base64') => string;

let loaded: HmacCheck | null | undefined;

// Secrets rarely change, so the work of preparing one is kept for a few.
const digests = new Map<string, Digest>();
const MAX_SECRETS = 16;

function digestFor(crypto: NodeCrypto, secret: string): Digest {
  let digest = digests.get(secret);
  if (digest === undefined) {
    if (digests.size >= MAX_SECRETS) digests.delete(digests.keys().next().value ?? '');
    digest = prepare(crypto, secret);
    digests.set(secret, digest);
  }
  return digest;
}

const BLOCK = 64;

/**
 * A digest function for one secret. HMAC-SHA256 is H((K ^ opad) || H((K ^ ipad) || m)) (RFC 2104).
 * For an ASCII secret of at most one block, K ^ ipad is ASCII too, so the inner hash of a string
 * body is one `crypto.hash` of one string: this skips creating an `Hmac` object per call, which
 * is most of the cost on a small body. Anything else (bytes, other secrets, a runtime without
 * `crypto.hash`, or a result that differs from `createHmac` on a probe) uses `createHmac`.
 */
function prepare(crypto: NodeCrypto, secret: string): Digest {
  // A key object spares createHmac encoding the secret on every call.
  const key = crypto.createSecretKey(secret, 'utf8');
  const hmac: Digest = (data, encoding) => crypto.createHmac('sha256', key).update(data).digest(encoding);
  const hash = crypto.hash as NodeCrypto['hash'] | undefined;
  if (typeof hash !== 'function' || secret.length > BLOCK) return hmac;

  let innerPad = '';
  // The outer message: K ^ opad, then the 32-byte inner digest written into it on each call.
  const outer = new Uint8Array(BLOCK + 32);
  for (let i = 0; i < BLOCK; i++) {
    const byte = secret.charCodeAt(i) || 0;
    if (byte > 0x7f) return hmac;
    innerPad += String.fromCharCode(byte ^ 0x36);
    outer[i] = byte ^ 0x5c;
  }
  const oneShot: Digest = (data, encoding) => {
    if (typeof data !== 'string') return hmac(data, encoding);
    outer.set(hash('sha256', innerPad + data, 'buffer'), BLOCK);
    return hash('sha256', outer, encoding);
  };
  const probe = 'coinme-sdk \u00e9\u{1f600}';
  return oneShot(probe, 'hex') === hmac(probe, 'hex') ? oneShot : hmac;
}

/**
 * HMAC-SHA256 check through `node:crypto`, several times faster than Web Crypto on Node, or
 * `undefined` where the runtime has no Node built-ins. Loaded lazily without an import statement,
 * so bundles for other runtimes stay free of it.
 *
 * @internal
 */
export function nodeHmac(): HmacCheck | undefined {
  if (loaded === undefined) {
    let crypto: NodeCrypto | undefined;
    try {
      crypto = globalThis.process?.getBuiltinModule?.('node:crypto');
    } catch {
      crypto = undefined;
    }
    // The digest is written the way the signature is and compared as text: no decoding per call.
    loaded = crypto
      ? (secret, data, { text, encoding }) => safeEqual(digestFor(crypto, secret)(data, encoding).slice(0, text.length), text)
      : null;
  }
  return loaded ?? undefined;
}
