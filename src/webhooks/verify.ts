import { readSignedBody } from './body-scheme.js';
import { nodeHmacMatches } from './hmac-node.js';
import { webHmacMatches } from './hmac-web.js';
import type { WebhookSecret } from './options.js';
import { readSignature, type SignatureEncoding, type SignatureText } from './signature.js';

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
 * The data a signature covers and the signature itself, ready to check against each secret.
 *
 * @internal
 */
export interface SignedData {
  readonly data: string | Uint8Array;
  readonly signature: SignatureText;
  /** The body scheme's parse of the body: the values the signature covers. */
  readonly body?: Readonly<Record<string, unknown>>;
}

function misuse(message: string): never {
  throw new TypeError(message);
}

const isSecret = (item: unknown) => typeof item === 'string' && item !== '';

function secretsOf(secret: unknown): readonly string[] {
  if (typeof secret === 'string' && secret !== '') return [secret];
  if (Array.isArray(secret) && secret.length > 0 && secret.every(isSecret)) return secret as readonly string[];
  return misuse('verifySignature needs a non-empty webhook secret (a string or a list of strings)');
}

function dataOf(payload: unknown): string | Uint8Array {
  if (typeof payload === 'string' || payload instanceof Uint8Array) return payload;
  if (payload instanceof ArrayBuffer) return new Uint8Array(payload);
  return misuse('verifySignature needs the raw body as a string, Uint8Array or ArrayBuffer');
}

/**
 * What a delivery's signature covers under `scheme`, or `undefined` when it cannot carry a valid
 * signature (missing, malformed, or a body-scheme body that is not a signed JSON object).
 *
 * @internal
 */
export function signedData(
  payload: string | Uint8Array,
  signature: unknown,
  scheme: 'header' | 'body' | undefined,
  encoding: SignatureEncoding | undefined,
): SignedData | undefined {
  if (scheme === 'body') {
    const signed = readSignedBody(typeof payload === 'string' ? payload : new TextDecoder().decode(payload));
    const text = signed && readSignature(signed.signature, 'hex');
    return text && { data: signed.signed, signature: text, body: signed.body };
  }
  const text = readSignature(signature, encoding);
  return text && { data: payload, signature: text };
}

/**
 * Whether any secret signed `signed`, through `node:crypto`; `undefined` where it is missing.
 *
 * @internal
 */
export function matchesNode(secrets: readonly string[], { data, signature }: SignedData): boolean | undefined {
  let matched: boolean | undefined = false;
  // Every secret is tried, so the time taken does not say which one matched.
  for (const secret of secrets) {
    const ok = nodeHmacMatches(secret, data, signature);
    if (ok === undefined) return undefined;
    matched = ok || matched;
  }
  return matched;
}

/**
 * Whether any secret signed `signed`, through Web Crypto.
 *
 * @internal
 */
export async function matchesWeb(secrets: readonly string[], { data, signature }: SignedData): Promise<boolean> {
  if (secrets.length === 1) return webHmacMatches(secrets[0] as string, data, signature);
  const results = await Promise.all(secrets.map((secret) => webHmacMatches(secret, data, signature)));
  return results.includes(true);
}

function checked(params: VerifySignatureParams): [readonly string[], SignedData | undefined] {
  if (typeof params !== 'object' || params === null) misuse('verifySignature needs { payload, signature, secret }');
  const { scheme, encoding } = params;
  if (scheme !== undefined && scheme !== 'header' && scheme !== 'body') misuse('verifySignature: scheme must be "header" or "body"');
  if (encoding !== undefined && encoding !== 'hex' && encoding !== 'base64') misuse('verifySignature: encoding must be "hex" or "base64"');
  const secrets = secretsOf(params.secret);
  return [secrets, signedData(dataOf(params.payload), params.signature, scheme, encoding)];
}

/**
 * Checks a webhook's HMAC-SHA256 signature over the raw body, in constant time, and returns a
 * `boolean` at once (through `node:crypto`: Node, Bun, Deno, and Workers with `nodejs_compat`).
 * The signature may be hex or base64 (standard or url-safe, padded or not; detected unless
 * `encoding` says), with surrounding whitespace or a `sha256=` prefix. Returns `false` for any bad
 * or malformed signature; throws `TypeError` only on misuse: no secret, a body that is not a
 * string or bytes, or a runtime without `node:crypto` (use {@link verifySignatureAsync} there).
 *
 * @example
 * ```ts
 * const ok = verifySignature({
 *   payload: rawBody,
 *   signature: request.headers.get('x-coinme-signature'),
 *   secret: [process.env.COINME_WEBHOOK_SECRET!, process.env.COINME_WEBHOOK_SECRET_OLD!],
 * });
 * if (!ok) return new Response(null, { status: 401 });
 * ```
 */
export function verifySignature(params: VerifySignatureParams): boolean {
  const [secrets, signed] = checked(params);
  if (!signed) return false;
  return (
    matchesNode(secrets, signed) ??
    misuse('verifySignature needs node:crypto, which this runtime lacks: use verifySignatureAsync (Web Crypto)')
  );
}

/**
 * {@link verifySignature} through Web Crypto (`crypto.subtle`), for runtimes without
 * `node:crypto` (browsers, Workers without `nodejs_compat`). Same checks, same answers, resolved
 * asynchronously: always `await` it.
 *
 * @example
 * ```ts
 * const ok = await verifySignatureAsync({ payload: await request.arrayBuffer(), signature, secret: env.COINME_WEBHOOK_SECRET });
 * if (!ok) return new Response(null, { status: 401 });
 * ```
 */
export async function verifySignatureAsync(params: VerifySignatureParams): Promise<boolean> {
  const [secrets, signed] = checked(params);
  return signed ? matchesWeb(secrets, signed) : false;
}
