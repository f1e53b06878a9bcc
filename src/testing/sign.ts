/**
 * Options of {@link sign}.
 *
 * @example
 * ```ts
 * const options: SignOptions = { header: 'x-partner-signature', encoding: 'hex', apiKey: 'partner-key' };
 * ```
 */
export interface SignOptions {
  /**
   * `header` (default): HMAC-SHA256 of the body bytes in a header, as Coinme sends it. `body`:
   * the payment callback scheme, where the body's own `signature` field is the hex HMAC-SHA256 of
   * `JSON.stringify` of the body without it, and no signature header is sent.
   */
  scheme?: 'header' | 'body';
  /** Name of the signature header (configurable per partner). Default `x-coinme-signature`. */
  header?: string;
  /** How the header signature is written. Default `base64`. */
  encoding?: 'base64' | 'hex';
  /** Sent as `x-api-key`, for receivers that also check the partner API key. */
  apiKey?: string;
}

/**
 * A signed delivery: send `body` as is, with `headers`.
 *
 * @example
 * ```ts
 * const { body, headers }: SignedWebhook = await sign(events.INVOICE_PAID(), secret);
 * await handler(new Request('http://localhost/webhooks', { method: 'POST', body, headers }));
 * ```
 */
export interface SignedWebhook {
  /** The exact bytes (as UTF-8 text) the signature covers. */
  body: string;
  /** `content-type`, the signature header (header scheme) and `x-api-key` when asked. */
  headers: Record<string, string>;
  /** The signature: the header's value, or the body's `signature` field. */
  signature: string;
}

const encoder = new TextEncoder();

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

async function hmac(secret: string, data: Uint8Array): Promise<Uint8Array> {
  const key = await globalThis.crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await globalThis.crypto.subtle.sign('HMAC', key, data as Uint8Array<ArrayBuffer>));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !ArrayBuffer.isView(value);
}

// The body scheme needs the object; a raw body is parsed so its key order is kept.
function asObject(payload: unknown): Record<string, unknown> {
  const text = typeof payload === 'string' ? payload : payload instanceof Uint8Array ? new TextDecoder().decode(payload) : undefined;
  const value: unknown = text === undefined ? payload : JSON.parse(text);
  if (!isRecord(value)) throw new TypeError('sign with scheme "body" needs a JSON object payload');
  return value;
}

/**
 * Signs a webhook body the way a real delivery is signed, with Web Crypto only, so it runs on
 * every runtime. An object payload is sent as `JSON.stringify(payload)`; a string or bytes are
 * sent as given. The signature is HMAC-SHA256 of the body bytes with `secret`, base64 (or hex) in
 * the `x-coinme-signature` header. With `scheme: 'body'` (payment callbacks) the body's
 * `signature` field is recomputed instead, and no signature header is added.
 *
 * @example
 * ```ts
 * const { body, headers } = await sign(events['CAAS.BUY.COMPLETED'](), 'whsec_test');
 * const response = await fetch('http://localhost:3000/webhooks/coinme', { method: 'POST', body, headers });
 *
 * // A payment callback, its in-body signature recomputed:
 * const callback = await sign(events.crypto_delivered(), 'whsec_test', { scheme: 'body' });
 * ```
 */
export async function sign(payload: object | string | Uint8Array, secret: string, options: SignOptions = {}): Promise<SignedWebhook> {
  if (typeof secret !== 'string' || secret === '') throw new TypeError('sign needs a non-empty webhook secret');
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.apiKey !== undefined) headers['x-api-key'] = options.apiKey;

  if (options.scheme === 'body') {
    const object = asObject(payload);
    const { signature: _stale, ...rest } = object;
    const signature = toHex(await hmac(secret, encoder.encode(JSON.stringify(rest))));
    // Spreading the original keeps `signature` where it was; only its value changes.
    const body = JSON.stringify({ ...object, signature });
    return { body, headers, signature };
  }

  const body = typeof payload === 'string' ? payload : payload instanceof Uint8Array ? new TextDecoder().decode(payload) : JSON.stringify(payload);
  // Bytes are signed as given, so a body that is not valid UTF-8 still gets its true signature.
  const bytes = payload instanceof Uint8Array ? payload : encoder.encode(body);
  const digest = await hmac(secret, bytes);
  const signature = options.encoding === 'hex' ? toHex(digest) : toBase64(digest);
  headers[(options.header ?? 'x-coinme-signature').toLowerCase()] = signature;
  return { body, headers, signature };
}
