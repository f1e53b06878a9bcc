import { CoinmeError } from '../errors.js';

/**
 * A framework read or parsed the webhook body before the handler could, so the exact bytes the
 * signature covers are gone. Every handler form answers it 500 `webhook_body_consumed` (a
 * configuration problem, so the sender keeps retrying until it is fixed).
 *
 * @example
 * ```ts
 * onError(error) { if (error instanceof WebhookBodyConsumedError) log.error('mount the webhook route before body parsers'); }
 * ```
 */
export class WebhookBodyConsumedError extends CoinmeError {
  override name: string = 'WebhookBodyConsumedError';
  override readonly code: string = 'webhook_body_consumed';
}

/**
 * A webhook handler was built without a secret (typically during `next build`, where runtime
 * secrets are unset). The handler constructs, then answers every delivery 500 with this error and
 * never accepts an event.
 *
 * @example
 * ```ts
 * onError(error) { if (error instanceof WebhookConfigurationError) alert(error.message); }
 * ```
 */
export class WebhookConfigurationError extends CoinmeError {
  override name: string = 'WebhookConfigurationError';
  override readonly code: string = 'webhook_configuration_error';
}
