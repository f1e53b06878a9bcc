import { type HmacCheck, nodeHmac } from './hmac-node.js';
import { webHmac } from './hmac-web.js';
import { readSignature, type SignatureEncoding, type SignatureText } from './signature.js';

/**
 * A webhook secret, or several during a rotation (any of them may have signed).
 *
 * @example
 * ```ts
 * const secret: WebhookSecret = [process.env.COINME_WEBHOOK_SECRET!, process.env.COINME_WEBHOOK_SECRET_PREVIOUS!];
 * ```
 */
export type WebhookSecret = string | readonly string[];

/**
 * What `verifySignature` checks.
 *
 * @example
 * ```ts
 * const params: VerifySignatureParams = { payload: rawBody, secret, scheme: 'body' };
 * ```
 */
export interface VerifySignatureParams {
  /** The raw body exactly as received: a string (UTF-8) or its bytes. */
  payload: string | Uint8Array | ArrayBuffer;
  /** The signature header's value; not used by the `body` scheme. */
  signature?: string | null | undefined;
  /** The shared secret, or a list of secrets during a rotation. */
  secret: WebhookSecret;
  /** Force how the signature is written; by default hex or base64 is detected. */
  encoding?: SignatureEncoding;
  /**
   * `header` (default): HMAC-SHA256 of the raw body, sent in a header. `body`: the signature is
   * the body's own `signature` field, a hex HMAC-SHA256 of `JSON.stringify` of the rest of the body.
   */
  scheme?: 'header' | 'body';
}

/**
 * The secret(s), checked; throws `TypeError` when there is none, since that is a bug in the caller.
 *
 * @internal
 */
export function secretList(secret: WebhookSecret): string | readonly string[] {
  // A single string is the common case: checked without building a list.
  if (typeof secret === 'string' ? secret !== '' : Array.isArray(secret) && secret.length > 0 && secret.every(isSecret)) {
    return secret;
  }
  throw new TypeError('verifySignature needs a non-empty webhook secret');
}

const isSecret = (item: unknown) => typeof item === 'string' && item !== '';

function toData(payload: VerifySignatureParams['payload']): string | Uint8Array {
  if (typeof payload === 'string' || payload instanceof Uint8Array) return payload;
  if (payload instanceof ArrayBuffer) return new Uint8Array(payload);
  throw new TypeError('verifySignature needs the raw body as a string, Uint8Array or ArrayBuffer');
}

// The body scheme signs the body minus its `signature` field, re-serialised in the body's key order.
function bodySigned(data: string | Uint8Array): [string, unknown] | undefined {
  try {
    const body: unknown = JSON.parse(typeof data === 'string' ? data : new TextDecoder().decode(data));
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
    const { signature, ...rest } = body as Record<string, unknown>;
    return [JSON.stringify(rest), signature];
  } catch {
    return undefined;
  }
}

/**
 * Whether the signature matches: synchronously when the HMAC is (node:crypto), else a promise.
 * Throws `TypeError` on misuse (no secret, a body that is not a string or bytes).
 *
 * @internal
 */
export function signatureMatches(hmac: HmacCheck, params: VerifySignatureParams): boolean | Promise<boolean> {
  const secrets = secretList(params.secret);
  let data = toData(params.payload);
  let signature: unknown = params.signature;
  let encoding = params.encoding;
  if (params.scheme === 'body') {
    const signed = bodySigned(data);
    if (!signed) return false;
    [data, signature] = signed;
    encoding = 'hex';
  }
  const expected = readSignature(signature, encoding);
  if (!expected) return false;
  return anyMatch(hmac, secrets, data, expected);
}

/**
 * `verifySignature` with a chosen HMAC implementation.
 *
 * @internal
 */
export function verifyWith(hmac: HmacCheck, params: VerifySignatureParams): Promise<boolean> {
  try {
    // A synchronous check (node:crypto) costs one resolved promise, nothing more.
    const matched = signatureMatches(hmac, params);
    return typeof matched === 'boolean' ? Promise.resolve(matched) : matched;
  } catch (error) {
    return Promise.reject(error);
  }
}

// Tries the secrets in turn, synchronously for as long as the HMAC answers synchronously.
function anyMatch(
  hmac: HmacCheck,
  secrets: string | readonly string[],
  data: string | Uint8Array,
  signature: SignatureText,
  from = 0,
): boolean | Promise<boolean> {
  if (typeof secrets === 'string') return hmac(secrets, data, signature);
  for (let i = from; i < secrets.length; i++) {
    const matched = hmac(secrets[i] as string, data, signature);
    if (typeof matched !== 'boolean') {
      return matched.then((ok) => ok || anyMatch(hmac, secrets, data, signature, i + 1));
    }
    if (matched) return true;
  }
  return false;
}

/**
 * Checks a webhook's HMAC-SHA256 signature over the raw body, in constant time. The signature may
 * be hex or base64 (standard or url-safe, padded or not; detected unless `encoding` says), with
 * surrounding whitespace or a `sha256=` prefix. Resolves `false` for any bad or malformed
 * signature; throws `TypeError` only when no secret is given.
 *
 * @example
 * ```ts
 * const ok = await verifySignature({
 *   payload: rawBody,
 *   signature: request.headers.get('x-coinme-signature'),
 *   secret: [process.env.COINME_WEBHOOK_SECRET!, process.env.COINME_WEBHOOK_SECRET_OLD!],
 * });
 * if (!ok) return new Response(null, { status: 401 });
 * ```
 */
export function verifySignature(params: VerifySignatureParams): Promise<boolean> {
  return verifyWith(nodeHmac() ?? webHmac, params);
}
