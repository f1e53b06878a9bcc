/** Builds the right `CoinmeApiError` subclass from an HTTP status and whatever body came with it. */
import { AuthenticationError, CoinmeApiError, RateLimitError, type CoinmeErrorDetail } from '../errors.js';
import { asRecord } from '../internal/record.js';

/** What is known about the failed call besides its status and body. */
export interface ApiErrorContext {
  /** The request path, used when Coinme reports none. */
  path: string;
  requestId?: string | undefined;
  /** Milliseconds from `Retry-After`, when sent. */
  retryAfter?: number | undefined;
  /** True for `POST /authorize`, where 401 and 403 both mean the credentials were refused. */
  authorize?: boolean;
}

interface ErrorResponseFields {
  status: number | undefined;
  path: string | undefined;
  timestamp: string | undefined;
  retry: string | undefined;
  errors: CoinmeErrorDetail[];
}

/**
 * The request id of a response: `x-request-id`, else API Gateway's `x-amzn-requestid`. The one
 * place that reads it, for errors and for hooks alike.
 */
export function requestIdOf(headers: Headers): string | undefined {
  return headers.get('x-request-id') ?? headers.get('x-amzn-requestid') ?? undefined;
}

const optionalText = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * Reads Coinme's `errorResponse` (`httpStatus` as a string or a number, `errorData[]`, `path`,
 * `timestamp`, `retry`). Returns `undefined` when the body carries none.
 */
export function readErrorResponse(body: unknown): ErrorResponseFields | undefined {
  const errorResponse = asRecord(asRecord(body)?.['errorResponse']);
  if (!errorResponse) return undefined;
  const httpStatus = Number(errorResponse['httpStatus']);
  const errorData = Array.isArray(errorResponse['errorData']) ? errorResponse['errorData'] : [];
  const errors = errorData.map((entry): CoinmeErrorDetail => {
    const record = asRecord(entry) ?? {};
    const code = record['errorCode'] ?? record['code'];
    return { code: code == null ? '' : String(code), message: String(record['message'] ?? '') };
  });
  return {
    status: Number.isInteger(httpStatus) && httpStatus > 0 ? httpStatus : undefined,
    path: optionalText(errorResponse['path']),
    timestamp: optionalText(errorResponse['timestamp']),
    retry: optionalText(errorResponse['retry']),
    errors,
  };
}

/**
 * The one place that turns a Coinme failure into an error: 429 → `RateLimitError`, credentials
 * refused → `AuthenticationError`, anything else → `CoinmeApiError`. `status` is the HTTP status;
 * for a 200 carrying an `errorResponse`, the `httpStatus` Coinme reported wins.
 */
export function coinmeApiErrorFrom(httpStatus: number, body: unknown, context: ApiErrorContext): CoinmeApiError {
  const reported = readErrorResponse(body);
  const status = httpStatus >= 400 ? httpStatus : (reported?.status ?? httpStatus);
  const errors = reported?.errors ?? [];
  const path = reported?.path ?? context.path;
  const detail = errors.map((error) => (error.code ? `${error.message} (${error.code})` : error.message)).join('; ');
  const init = { status, errors, path, requestId: context.requestId, timestamp: reported?.timestamp, retry: reported?.retry, body };
  const message = `Coinme answered ${context.path} with ${status}${detail ? `: ${detail}` : ''}`;
  if (status === 429) return new RateLimitError(message, { ...init, retryAfter: context.retryAfter });
  if (status === 401 || (context.authorize && status === 403)) {
    const hint = context.authorize ? ' (check partnerId, clientSecret and userAgent)' : '';
    return new AuthenticationError(message + hint, init);
  }
  return new CoinmeApiError(message, init);
}
