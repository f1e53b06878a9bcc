import { WebhookParseError, WebhookSignatureError } from '../../errors.js';
import { constructEvent, type ConstructEventOptions } from '../construct.js';
import type { WebhookEvent } from '../event.js';
import type { WebhookHeaders } from '../headers.js';

/**
 * What the webhook adapters take: `constructEvent`'s options plus what to do with each event.
 *
 * @example
 * ```ts
 * const options: WebhookHandlerOptions<Request> = {
 *   secret,
 *   onEvent: (event) => queue.push(event),
 *   onError: (error) => log.warn({ error }),
 * };
 * ```
 */
export interface WebhookHandlerOptions<Request> extends ConstructEventOptions {
  /**
   * Handles one verified event. The delivery is acknowledged (200) once this resolves; if it
   * throws, the sender gets a 500 and will retry.
   */
  onEvent(event: WebhookEvent, request: Request): unknown;
  /** Told about every refused or failed delivery (for logs); its result is ignored. */
  onError?(error: unknown, request: Request): void;
}

/**
 * The status and JSON body to answer a delivery with.
 *
 * @internal
 */
export interface WebhookReply {
  status: number;
  body: { received: true } | { error: { code: string; message: string } };
}

/**
 * The reply for a delivery refused before any parsing.
 *
 * @internal
 */
export const refusal = (status: number, code: string, message: string): WebhookReply => ({
  status,
  body: { error: { code, message } },
});

function report<R>(options: WebhookHandlerOptions<R>, error: unknown, request: R): void {
  try {
    options.onError?.(error, request);
  } catch {
    // A failing logger must not change the answer.
  }
}

/**
 * Verifies, parses and hands one delivery to `onEvent`, and says how to answer. Signature
 * problems are 401, bad bodies 400, a failing `onEvent` 500 with no detail (so nothing internal
 * leaks and the sender retries).
 *
 * @internal
 */
export async function deliver<R>(
  options: WebhookHandlerOptions<R>,
  payload: Uint8Array,
  headers: WebhookHeaders,
  request: R,
): Promise<WebhookReply> {
  let event: WebhookEvent;
  try {
    event = await constructEvent({ ...options, payload, headers });
  } catch (error) {
    report(options, error, request);
    if (error instanceof WebhookSignatureError) return refusal(401, error.code, error.message);
    if (error instanceof WebhookParseError) return refusal(400, error.code, error.message);
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
