import { WebhookSignatureError } from '../errors.js';
import type { WebhookEvent } from './event.js';
import { getHeader, type WebhookHeaders } from './headers.js';
import { nodeHmac } from './hmac-node.js';
import { webHmac } from './hmac-web.js';
import { checkSize, DEFAULT_MAX_BYTES } from './json.js';
import { parseWebhook, type ParseWebhookOptions } from './parse.js';
import { safeEqual } from './safe-equal.js';
import type { SignatureEncoding } from './signature.js';
import { secretList, signatureMatches, type WebhookSecret } from './verify.js';

/**
 * How deliveries are checked: everything `constructEvent` takes but the delivery itself.
 *
 * @example
 * ```ts
 * const options: ConstructEventOptions = { secret, apiKey: process.env.COINME_WEBHOOK_API_KEY!, toleranceSeconds: 300 };
 * ```
 */
export interface ConstructEventOptions extends ParseWebhookOptions {
  /** The shared secret, or a list of secrets during a rotation. */
  secret: WebhookSecret;
  /** Header carrying the signature. Default `x-coinme-signature`. */
  signatureHeader?: string;
  /** Force how the signature is written; by default hex or base64 is detected. */
  encoding?: SignatureEncoding;
  /** `header` (default), or `body` for deliveries signed inside the body (`signature` field). */
  scheme?: 'header' | 'body';
  /** Reject events whose time is further than this from now, in seconds (either way). */
  toleranceSeconds?: number;
  /** When set, each delivery must carry this API key too. */
  apiKey?: string;
  /** Header carrying the API key. Default `x-api-key`. */
  apiKeyHeader?: string;
  /** The clock used by `toleranceSeconds`. Default `Date.now`. */
  now?: () => Date | number;
}

/**
 * One delivery to check and parse.
 *
 * @example
 * ```ts
 * const params: ConstructEventParams = { payload: rawBody, headers: request.headers, secret };
 * ```
 */
export interface ConstructEventParams extends ConstructEventOptions {
  /** The raw body exactly as received. */
  payload: string | Uint8Array | ArrayBuffer;
  /** The request headers (a `Headers` object or a plain record; names in any case). */
  headers?: WebhookHeaders | undefined;
}

function checkAge(event: WebhookEvent, toleranceSeconds: number, now: Date | number): void {
  // An unknown event has no time the SDK can read; its age cannot be judged.
  if (event.source === 'unknown') return;
  const age = Number(now) - event.occurredAt.getTime();
  if (age > toleranceSeconds * 1000) {
    throw new WebhookSignatureError(`Webhook event is older than the ${toleranceSeconds}s tolerance`);
  }
  if (-age > toleranceSeconds * 1000) {
    throw new WebhookSignatureError(`Webhook event is dated more than ${toleranceSeconds}s in the future`);
  }
}

/**
 * Verifies a delivery (signature, and API key when configured) and parses it into a typed
 * {@link WebhookEvent}. Throws `WebhookSignatureError` when the signature or API key is missing or
 * wrong, or the event is outside `toleranceSeconds`; `WebhookParseError` when the body is not a
 * valid event. Never puts a secret in an error.
 *
 * @example
 * ```ts
 * const event = await constructEvent({
 *   payload: await request.text(),
 *   headers: request.headers,
 *   secret: process.env.COINME_WEBHOOK_SECRET!,
 *   toleranceSeconds: 300,
 * });
 * ```
 */
export function constructEvent(params: ConstructEventParams): Promise<WebhookEvent> {
  try {
    const matched = checkDelivery(params);
    // node:crypto answers synchronously: parse at once rather than a promise later.
    return typeof matched === 'boolean'
      ? Promise.resolve(accept(params, matched))
      : matched.then((ok) => accept(params, ok));
  } catch (error) {
    return Promise.reject(error);
  }
}

// Checks the API key and starts the signature check; throws on what can be judged at once.
function checkDelivery(params: ConstructEventParams): boolean | Promise<boolean> {
  secretList(params.secret);
  // Refuse oversized bodies before spending an HMAC on them.
  checkSize(params.payload, params.maxBytes ?? DEFAULT_MAX_BYTES);
  if (params.apiKey !== undefined) {
    const name = params.apiKeyHeader ?? 'x-api-key';
    const apiKey = getHeader(params.headers, name);
    if (apiKey === undefined) throw new WebhookSignatureError(`Missing ${name} header`);
    if (!safeEqual(apiKey.trim(), params.apiKey)) throw new WebhookSignatureError(`Webhook ${name} does not match`);
  }
  const { payload, secret, encoding } = params;
  const hmac = nodeHmac() ?? webHmac;
  if (params.scheme === 'body') return signatureMatches(hmac, { payload, secret, scheme: 'body' });
  const name = params.signatureHeader ?? 'x-coinme-signature';
  const signature = getHeader(params.headers, name);
  if (signature === undefined || signature.trim() === '') throw new WebhookSignatureError(`Missing ${name} header`);
  return signatureMatches(hmac, encoding ? { payload, signature, secret, encoding } : { payload, signature, secret });
}

// Parses a delivery whose signature was checked (`ok`), then checks its age.
function accept(params: ConstructEventParams, ok: boolean): WebhookEvent {
  if (!ok) {
    throw new WebhookSignatureError(
      params.scheme === 'body'
        ? 'Webhook body signature is missing or does not match'
        : `Webhook signature does not match (${params.signatureHeader ?? 'x-coinme-signature'} header)`,
    );
  }
  const options: ParseWebhookOptions = {};
  if (params.strict !== undefined) options.strict = params.strict;
  if (params.maxBytes !== undefined) options.maxBytes = params.maxBytes;
  const event = parseWebhook(params.payload, options);
  if (params.toleranceSeconds !== undefined) checkAge(event, params.toleranceSeconds, params.now?.() ?? Date.now());
  return event;
}
