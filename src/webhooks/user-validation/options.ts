import { ValidationError } from '../../errors.js';
import { resolveAuth, type ResolvedAuth, type UserValidationAuth } from './auth.js';
import { DEFAULT_VALIDATION_MAX_BYTES, type UserValidationRequest } from './body.js';
import type { UserValidationError } from './error.js';

/**
 * What `isAllowed` gets besides the body: the HTTP request, and a signal aborted when the
 * handler stops waiting (`timeoutMs`), so a slow lookup can be cancelled.
 *
 * @example
 * ```ts
 * const isAllowed = async ({ email }: UserValidationRequest, { signal }: UserValidationContext) =>
 *   (await db.query('select active from customers where email = $1', [email], { signal })).active;
 * ```
 */
export interface UserValidationContext {
  request: Request;
  signal: AbortSignal;
}

/**
 * Options of {@link createUserValidationHandler}.
 *
 * @example
 * ```ts
 * const options: UserValidationHandlerOptions = {
 *   auth: { bearer: process.env.COINME_VALIDATION_TOKEN! },
 *   isAllowed: async ({ email }) => customers.isActive(email),
 *   timeoutMs: 2_000,
 * };
 * ```
 */
export interface UserValidationHandlerOptions {
  /** How Coinme authenticates: one method or a list of accepted ones; secrets may be lists (rotation). */
  auth: UserValidationAuth | readonly UserValidationAuth[];
  /** The partner's decision: may this user operate? Anything but `true` or `false` counts as a failure. */
  isAllowed(request: UserValidationRequest, context: UserValidationContext): boolean | Promise<boolean>;
  /** How long `isAllowed` may take before the answer is 503 `false`. Default 5000 ms, at most 60000. */
  timeoutMs?: number;
  /** Largest body accepted, in bytes; larger is 413. Default 16384, at most 1048576. */
  maxBytes?: number;
  /** Told about every request not answered with the partner's verdict (for logs); its result is ignored. */
  onError?(error: UserValidationError, request: Request): void;
}

/** @internal */
export interface ResolvedValidationOptions {
  auth: ResolvedAuth;
  isAllowed: UserValidationHandlerOptions['isAllowed'];
  timeoutMs: number;
  maxBytes: number;
  onError: UserValidationHandlerOptions['onError'];
}

export const DEFAULT_VALIDATION_TIMEOUT_MS = 5_000;
const MAX_TIMEOUT_MS = 60_000;
const MAX_MAX_BYTES = 1024 * 1024;

const invalid = (field: string, message: string) => new ValidationError(`createUserValidationHandler: ${field} ${message}`, { field });

function integerIn(value: unknown, field: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
    throw invalid(field, `must be a whole number from 1 to ${max}, got ${typeof value === 'number' ? String(value) : typeof value}`);
  }
  return value;
}

/**
 * Checks every option when the handler is built, so a misconfiguration is a `ValidationError`
 * naming the option rather than a handler that lets requests through.
 *
 * @internal
 */
export function resolveValidationOptions(options: UserValidationHandlerOptions): ResolvedValidationOptions {
  if (typeof options !== 'object' || options === null) throw invalid('options', 'must be an object');
  const known = new Set(['auth', 'isAllowed', 'timeoutMs', 'maxBytes', 'onError']);
  const unknown = Object.keys(options).find((key) => !known.has(key));
  if (unknown !== undefined) throw invalid(unknown, 'is not an option');
  if (typeof options.isAllowed !== 'function') throw invalid('isAllowed', 'must be a function');
  if (options.onError !== undefined && typeof options.onError !== 'function') throw invalid('onError', 'must be a function');
  return {
    auth: resolveAuth(options.auth),
    isAllowed: options.isAllowed,
    timeoutMs: integerIn(options.timeoutMs, 'timeoutMs', DEFAULT_VALIDATION_TIMEOUT_MS, MAX_TIMEOUT_MS),
    maxBytes: integerIn(options.maxBytes, 'maxBytes', DEFAULT_VALIDATION_MAX_BYTES, MAX_MAX_BYTES),
    onError: options.onError,
  };
}
