/**
 * How a signature is written: base64 (standard or url-safe) or hex.
 *
 * @example
 * ```ts
 * await verifySignature({ payload, signature, secret, encoding: 'hex' satisfies SignatureEncoding });
 * ```
 */
export type SignatureEncoding = 'base64' | 'hex';

/**
 * A signature that can be an HMAC-SHA256 digest, normalised for comparison: 64 lower-case hex
 * digits, or the first 43 characters of standard base64 (url-safe characters mapped back,
 * padding dropped).
 *
 * @internal
 */
export interface SignatureText {
  text: string;
  encoding: SignatureEncoding;
}

const HEX = /^[0-9a-f]{64}$/;

/**
 * Reads a signature header's value, or `undefined` when it cannot be a digest. Tolerates
 * surrounding whitespace and a `sha256=` prefix; tells hex from base64 by length unless told.
 * Characters are not checked here: a malformed signature simply never matches.
 *
 * @internal
 */
export function readSignature(value: unknown, encoding?: SignatureEncoding): SignatureText | undefined {
  if (typeof value !== 'string') return undefined;
  let text = value.trim();
  if (text.length > 44 && /^sha256=/i.test(text)) text = text.slice(7).trimStart();
  if (text.length === 64 && encoding !== 'base64') return { text: text.toLowerCase(), encoding: 'hex' };
  if ((text.length === 43 || (text.length === 44 && text.endsWith('='))) && encoding !== 'hex') {
    text = text.slice(0, 43);
    if (text.includes('-') || text.includes('_')) text = text.replace(/-/g, '+').replace(/_/g, '/');
    return { text, encoding: 'base64' };
  }
  return undefined;
}

/**
 * The bytes of a signature `readSignature` accepted, or `undefined` when it is not valid hex or base64.
 *
 * @internal
 */
export function signatureBytes({ text, encoding }: SignatureText): Uint8Array<ArrayBuffer> | undefined {
  if (encoding === 'hex') {
    return HEX.test(text) ? Uint8Array.from({ length: 32 }, (_, i) => parseInt(text.slice(i * 2, i * 2 + 2), 16)) : undefined;
  }
  try {
    return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
  } catch {
    return undefined;
  }
}
