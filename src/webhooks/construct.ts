import { WebhookSignatureError } from '../errors.js';
import type { WebhookEvent } from './event.js';
import { getHeader, type WebhookHeaders } from './headers.js';
import { checkSize } from './json.js';
import { type ConstructEventOptions, type ResolvedOptions, resolveConstructOptions } from './options.js';
import { parseEvent } from './parse.js';
import { safeEqual } from './safe-equal.js';
import { TEST_DELIVERY_HEADER } from './test-delivery.js';
import { matchesNode, matchesWeb, signedData } from './verify.js';

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

function checkApiKey(options: ResolvedOptions, headers: WebhookHeaders | undefined): void {
  if (options.apiKey === undefined) return;
  const name = options.apiKeyHeader;
  const apiKey = getHeader(headers, name);
  if (apiKey === undefined || apiKey.trim() === '') throw new WebhookSignatureError(`Missing ${name} header`);
  if (!safeEqual(apiKey.trim(), options.apiKey)) throw new WebhookSignatureError(`Webhook ${name} does not match`);
}

function checkTestDelivery(options: ResolvedOptions, headers: WebhookHeaders | undefined): void {
  if (options.refuseTestDeliveries && getHeader(headers, TEST_DELIVERY_HEADER) !== undefined) {
    throw new WebhookSignatureError(`Test delivery refused: it carries the ${TEST_DELIVERY_HEADER} header (refuseTestDeliveries is set)`);
  }
}

function checkAge(event: WebhookEvent, options: ResolvedOptions): void {
  const tolerance = options.toleranceMs;
  // An unknown event whose body states no time cannot be judged by age.
  if (tolerance === undefined || (event.source === 'unknown' && !event.timeStated)) return;
  const age = Number(options.now()) - event.occurredAt.getTime();
  if (!(age <= tolerance)) throw new WebhookSignatureError(`Webhook event is older than the ${tolerance / 1000}s tolerance`);
  if (-age > tolerance) throw new WebhookSignatureError(`Webhook event is dated more than ${tolerance / 1000}s in the future`);
}

/**
 * Checks and parses one delivery with options already checked: size, API key, signature, body,
 * age, in that order, each once. Every handler form and `constructEvent` go through here.
 *
 * @internal
 */
export async function receive(
  options: ResolvedOptions,
  payload: string | Uint8Array,
  headers: WebhookHeaders | undefined,
): Promise<WebhookEvent> {
  // Oversized bodies are refused before any HMAC or parse is spent on them.
  checkSize(payload, options.maxBytes);
  checkTestDelivery(options, headers);
  checkApiKey(options, headers);
  const header = getHeader(headers, options.signatureHeader);
  if (options.scheme === 'header' && (header === undefined || header.trim() === '')) {
    throw new WebhookSignatureError(`Missing ${options.signatureHeader} header`);
  }
  const signed = signedData(payload, header, options.scheme, options.encoding);
  const ok = signed !== undefined && (matchesNode(options.secrets, signed) ?? (await matchesWeb(options.secrets, signed)));
  if (!ok) {
    throw new WebhookSignatureError(
      options.scheme === 'body'
        ? 'Webhook body signature is missing or does not match'
        : `Webhook signature does not match (${options.signatureHeader} header)`,
    );
  }
  // The body scheme's event is built from the parse that was signed.
  const event = parseEvent(signed.body ?? payload, options.strict);
  checkAge(event, options);
  return event;
}

/**
 * Verifies a delivery (signature, and API key when configured) and parses it into a typed
 * {@link WebhookEvent}. Throws `WebhookSignatureError` when the signature or API key is missing or
 * wrong, or the event is outside `toleranceSeconds`; `WebhookParseError` when the body is not a
 * valid event; `ValidationError` naming the option when an option is invalid (a missing secret
 * included). Never puts a secret in an error.
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
export async function constructEvent(params: ConstructEventParams): Promise<WebhookEvent> {
  const options = resolveConstructOptions(params);
  const { payload } = params;
  const body = payload instanceof ArrayBuffer ? new Uint8Array(payload) : payload;
  return receive(options, body, params.headers);
}
