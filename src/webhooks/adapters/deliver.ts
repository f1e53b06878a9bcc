import { type CoinmeError, WebhookParseError, WebhookSignatureError } from '../../errors.js';
import { receive } from '../construct.js';
import type { WebhookEvent } from '../event.js';
import { WebhookBodyConsumedError, WebhookConfigurationError } from '../errors.js';
import type { WebhookHeaders } from '../headers.js';
import type { ResolvedWebhookOptions } from '../options.js';

export type { WebhookHandlerOptions } from '../options.js';

/**
 * The status, JSON body and extra headers to answer a delivery with.
 *
 * @internal
 */
export interface WebhookReply {
  status: number;
  body: { received: true } | { error: { code: string; message: string } };
  headers?: Record<string, string>;
}

/**
 * What a handler form knows of one request: enough for the core to answer it.
 *
 * @internal
 */
export interface Delivery<Request> {
  /** The framework's request, handed to `onEvent` and `onError`. */
  readonly request: Request;
  readonly method: string | undefined;
  readonly headers: WebhookHeaders;
  /**
   * Reads the raw body: its bytes, `'too-large'` as soon as it grows past `maxBytes` (the rest is
   * never buffered), or `'consumed'` when the framework already read or parsed it. May reject when
   * the stream fails.
   */
  read(maxBytes: number): Promise<Uint8Array | 'too-large' | 'consumed'>;
  /** Why the body was consumed and how to fix it in this framework; a general advice by default. */
  readonly consumedAdvice?: string;
}

/** The message of `webhook_body_consumed` when the handler form has no better advice. */
export const BODY_CONSUMED =
  'The webhook body was already read or parsed before the webhook handler ran, so its signature cannot be checked. ' +
  'Give the handler the untouched request: mount it before any body parser.';

const UNCONFIGURED =
  'The webhook secret is not set: every delivery is refused until it is. ' +
  'Set the secret (for example COINME_WEBHOOK_SECRET) in the environment the server runs in.';

/**
 * The reply for a refused delivery.
 *
 * @internal
 */
export const refusal = (status: number, code: string, message: string, headers?: Record<string, string>): WebhookReply =>
  headers ? { status, body: { error: { code, message } }, headers } : { status, body: { error: { code, message } } };

function report<R>(options: ResolvedWebhookOptions<R>, error: unknown, request: R): void {
  try {
    options.onError?.(error, request);
  } catch {
    // A failing logger must not change the answer.
  }
}

// Reports the error, then answers with its code and message (never a secret: errors carry none).
function refuse<R>(options: ResolvedWebhookOptions<R>, request: R, status: number, error: CoinmeError): WebhookReply {
  report(options, error, request);
  return refusal(status, error.code, error.message);
}

function unconfigured<R>(options: ResolvedWebhookOptions<R>, request: R): WebhookReply {
  const error = new WebhookConfigurationError(UNCONFIGURED);
  // Without onError nobody would hear of it: one line on the console instead.
  if (options.onError) report(options, error, request);
  else console.error(`coinme-sdk: ${UNCONFIGURED}`);
  return refusal(500, error.code, error.message);
}

/**
 * Answers one delivery, for every handler form: 405 (not POST, not reported), 500 (no secret configured, or the
 * body already consumed), 413 (over `maxBytes`), 400 (unreadable or invalid body), 401 (signature
 * or API key), 500 (`onEvent` threw, with no detail so nothing internal leaks and the sender
 * retries), else 200 `{ received: true }`. Every refusal is told to `onError`.
 *
 * @internal
 */
export async function deliver<R>(options: ResolvedWebhookOptions<R>, delivery: Delivery<R>): Promise<WebhookReply> {
  const { request } = delivery;
  // Not a delivery (a health check, a browser): answered, not reported.
  if (delivery.method !== 'POST') {
    return refusal(405, 'method_not_allowed', 'Webhooks are delivered with POST', { allow: 'POST' });
  }
  if (options.secrets.length === 0) return unconfigured(options, request);
  let payload: Uint8Array | 'too-large' | 'consumed';
  try {
    payload = await delivery.read(options.maxBytes);
  } catch (error) {
    return refuse(options, request, 400, new WebhookParseError('The request body could not be read', { path: '$', cause: error }));
  }
  if (payload === 'consumed') {
    return refuse(options, request, 500, new WebhookBodyConsumedError(delivery.consumedAdvice ?? BODY_CONSUMED));
  }
  if (payload === 'too-large') {
    report(options, new WebhookParseError(`Webhook body is larger than ${options.maxBytes} bytes`, { path: '$' }), request);
    return refusal(413, 'payload_too_large', `Webhook body is larger than ${options.maxBytes} bytes`, { connection: 'close' });
  }
  let event: WebhookEvent;
  try {
    event = await receive(options, payload, delivery.headers);
  } catch (error) {
    if (error instanceof WebhookSignatureError) return refuse(options, request, 401, error);
    if (error instanceof WebhookParseError) return refuse(options, request, 400, error);
    report(options, error, request);
    return refusal(500, 'internal_error', 'The webhook could not be processed');
  }
  try {
    await options.onEvent(event, request);
  } catch (error) {
    report(options, error, request);
    return refusal(500, 'handler_error', 'The webhook handler failed');
  }
  return { status: 200, body: { received: true } };
}
