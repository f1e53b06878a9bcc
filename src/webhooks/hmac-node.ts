import { safeEqual } from './safe-equal.js';
import type { SignatureText } from './signature.js';

// Only what is used of node:crypto, typed here so the package's types never need @types/node.
interface NodeCrypto {
  createSecretKey(key: string, encoding: 'utf8'): object;
  createHmac(algorithm: 'sha256', key: object): {
    update(data: string | Uint8Array): { digest(encoding: 'hex' | 'base64'): string };
  };
}
interface BuiltinModules {
  getBuiltinModule?(id: 'node:crypto'): NodeCrypto | undefined;
}

let crypto: NodeCrypto | null | undefined;

/**
 * `node:crypto`, or `undefined` where the runtime has no Node built-ins. Loaded without an import
 * statement, so bundles for other runtimes stay free of it.
 */
function nodeCrypto(): NodeCrypto | undefined {
  if (crypto === undefined) {
    try {
      const process = (globalThis as { process?: BuiltinModules }).process;
      crypto = process?.getBuiltinModule?.('node:crypto') ?? null;
    } catch {
      crypto = null;
    }
  }
  return crypto ?? undefined;
}

// A key object spares createHmac encoding the secret on every call; secrets rarely change.
const keys = new Map<string, object>();
const MAX_KEYS = 16;

function keyFor(node: NodeCrypto, secret: string): object {
  let key = keys.get(secret);
  if (key === undefined) {
    if (keys.size >= MAX_KEYS) keys.clear();
    key = node.createSecretKey(secret, 'utf8');
    keys.set(secret, key);
  }
  return key;
}

/**
 * Checks a signature against HMAC-SHA256 of `data` under `secret` through `node:crypto`, in
 * constant time; `undefined` where the runtime has no `node:crypto` (use Web Crypto there).
 *
 * @internal
 */
export function nodeHmacMatches(secret: string, data: string | Uint8Array, signature: SignatureText): boolean | undefined {
  const node = nodeCrypto();
  if (!node) return undefined;
  // The digest is written the way the signature is and compared as text: nothing to decode.
  const digest = node.createHmac('sha256', keyFor(node, secret)).update(data).digest(signature.encoding);
  return safeEqual(digest.slice(0, signature.text.length), signature.text);
}
