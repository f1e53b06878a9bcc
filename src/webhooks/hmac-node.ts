import { safeEqual } from './safe-equal.js';
import type { SignatureText } from './signature.js';

/**
 * Checks a signature against the HMAC-SHA256 of `data` under `secret`, in constant time.
 *
 * @internal
 */
export type HmacCheck = (secret: string, data: string | Uint8Array, signature: SignatureText) => boolean | Promise<boolean>;

let loaded: HmacCheck | null | undefined;

// A secret as a key object, made once: createHmac then skips encoding the secret on every call.
// Secrets rarely change, so a few are kept.
type NodeCrypto = typeof import('node:crypto');
const keys = new Map<string, ReturnType<NodeCrypto['createSecretKey']>>();
const MAX_KEYS = 16;

function keyFor(crypto: NodeCrypto, secret: string): ReturnType<NodeCrypto['createSecretKey']> {
  let key = keys.get(secret);
  if (key === undefined) {
    if (keys.size >= MAX_KEYS) keys.delete(keys.keys().next().value ?? '');
    key = crypto.createSecretKey(secret, 'utf8');
    keys.set(secret, key);
  }
  return key;
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
      ? (secret, data, { text, encoding }) =>
          safeEqual(crypto.createHmac('sha256', keyFor(crypto, secret)).update(data).digest(encoding).slice(0, text.length), text)
      : null;
  }
  return loaded ?? undefined;
}
