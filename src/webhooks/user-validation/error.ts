import { CoinmeError } from '../../errors.js';

/**
 * Why a user-validation request was not answered with the partner's own `true`/`false`.
 *
 * - `not_configured`: a credential of `auth` was still unset when the request came (500).
 * - `method_not_allowed`: not a POST (405).
 * - `missing_credentials`, `invalid_credentials`: no or wrong credential (401).
 * - `payload_too_large`: body over `maxBytes` (413).
 * - `invalid_body`: not JSON, not an object, or no valid `email` (400).
 * - `body_consumed`: something read the body before the handler, e.g. a body parser (500).
 * - `is_allowed_failed`: `isAllowed` threw or answered something other than a boolean (503).
 * - `is_allowed_timeout`: `isAllowed` did not answer within `timeoutMs` (503).
 *
 * @example
 * ```ts
 * const code: UserValidationFailure = 'is_allowed_timeout';
 * ```
 */
export type UserValidationFailure =
  | 'not_configured'
  | 'method_not_allowed'
  | 'missing_credentials'
  | 'invalid_credentials'
  | 'payload_too_large'
  | 'invalid_body'
  | 'body_consumed'
  | 'is_allowed_failed'
  | 'is_allowed_timeout';

/**
 * A user-validation request the handler answered without the partner's verdict: refused (bad
 * method, credentials or body) or failed closed (`isAllowed` threw or timed out). Passed to the
 * handler's `onError`. Never carries a credential; `cause` is what `isAllowed` threw, if anything.
 *
 * @example
 * ```ts
 * createUserValidationHandler({
 *   auth, isAllowed,
 *   onError(error) { log.warn({ code: error.code, status: error.status }); },
 * });
 * ```
 */
export class UserValidationError extends CoinmeError {
  override name: string = 'UserValidationError';
  override readonly code: UserValidationFailure;
  /** The HTTP status the request was answered with. */
  readonly status: number;

  constructor(code: UserValidationFailure, status: number, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.status = status;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), status: this.status };
  }
}
