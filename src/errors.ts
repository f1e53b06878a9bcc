/**
 * The error tree shared by the client and the webhooks entry point.
 *
 * Every failure the SDK raises is a {@link CoinmeError} with a stable `code` string. No error
 * ever carries the client secret, the Basic credentials or a bearer token: constructors take only
 * safe fields, and `toJSON()` lists exactly those.
 *
 * @module
 */

const brand: unique symbol = Symbol.for('coinme-sdk.error') as never;

/** One entry of Coinme's `errorResponse.errorData`. */
export interface CoinmeErrorDetail {
  /** Coinme's error code, e.g. `"123-123-123-123"`. */
  code: string;
  /** Coinme's human message. */
  message: string;
}

/**
 * Base class of every error the SDK throws.
 *
 * @example
 * ```ts
 * try { await coinme.cryptoChains.list(); }
 * catch (error) { if (isCoinmeError(error)) console.error(error.code, error.message); }
 * ```
 */
export class CoinmeError extends Error {
  override name: string = 'CoinmeError';
  /** A stable, machine-readable code for this kind of failure. */
  readonly code: string = 'coinme_error';
  /** @internal */
  readonly [brand] = true;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }

  /** The safe fields of this error, for logs. Never includes secrets. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, code: this.code, message: this.message };
  }
}

/** What an HTTP or envelope error knows about the failed call. */
export interface CoinmeApiErrorInit {
  /** HTTP status; for a 200 carrying an `errorResponse`, the `httpStatus` Coinme reported. */
  status: number;
  errors?: CoinmeErrorDetail[];
  /** The path Coinme reported, or the request path. */
  path?: string | undefined;
  requestId?: string | undefined;
  /** The parsed response body, when there was one. */
  body?: unknown;
  /** `errorResponse.timestamp` as Coinme sent it (ISO 8601 UTC), when present. */
  timestamp?: string | undefined;
  /** `errorResponse.retry` (payment-method endpoints), when present. */
  retry?: string | undefined;
  cause?: unknown;
}

/**
 * Coinme answered with an error: a non-null `errorResponse` (whatever the HTTP status) or an
 * HTTP error status.
 *
 * @example
 * ```ts
 * catch (error) {
 *   if (error instanceof CoinmeApiError) console.error(error.status, error.errors[0]?.code);
 * }
 * ```
 */
export class CoinmeApiError extends CoinmeError {
  override name: string = 'CoinmeApiError';
  override readonly code: string = 'api_error';
  readonly status: number;
  readonly errors: CoinmeErrorDetail[];
  readonly path: string | undefined;
  readonly requestId: string | undefined;
  /** `errorResponse.timestamp` as Coinme sent it, when present. */
  readonly timestamp: string | undefined;
  /** `errorResponse.retry` as Coinme sent it (payment-method endpoints), when present. */
  readonly retry: string | undefined;
  readonly body: unknown;

  constructor(message: string, init: CoinmeApiErrorInit) {
    super(message, { cause: init.cause });
    this.status = init.status;
    this.errors = init.errors ?? [];
    this.path = init.path;
    this.requestId = init.requestId;
    this.timestamp = init.timestamp;
    this.retry = init.retry;
    this.body = init.body;
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      status: this.status,
      errors: this.errors,
      path: this.path,
      requestId: this.requestId,
      timestamp: this.timestamp,
      retry: this.retry,
    };
  }
}

/**
 * Coinme refused the partner credentials (`POST /authorize` answered 401/403, or a call still
 * answered 401 after one token refresh).
 *
 * @example
 * ```ts
 * catch (error) { if (error instanceof AuthenticationError) rotateCredentials(); }
 * ```
 */
export class AuthenticationError extends CoinmeApiError {
  override name: string = 'AuthenticationError';
  override readonly code: string = 'authentication_error';
}

/**
 * Coinme answered 429 and the retries ran out.
 *
 * @example
 * ```ts
 * catch (error) { if (error instanceof RateLimitError) await sleep(error.retryAfter ?? 1000); }
 * ```
 */
export class RateLimitError extends CoinmeApiError {
  override name: string = 'RateLimitError';
  override readonly code: string = 'rate_limit_error';
  /** Milliseconds Coinme asked to wait (`Retry-After`), when it said. */
  readonly retryAfter: number | undefined;

  constructor(message: string, init: CoinmeApiErrorInit & { retryAfter?: number | undefined }) {
    super(message, init);
    this.retryAfter = init.retryAfter;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), retryAfter: this.retryAfter };
  }
}

/**
 * A request did not finish within its `timeout`.
 *
 * @example
 * ```ts
 * const coinme = new CoinmeClient({ ...credentials, timeout: 5_000 });
 * ```
 */
export class TimeoutError extends CoinmeError {
  override name: string = 'TimeoutError';
  override readonly code: string = 'timeout_error';
}

/**
 * Coinme's address answered with a redirect. The client never follows one: credentials and
 * bodies go to Coinme's origin only. `location` is the target without any credentials in it.
 *
 * @example
 * ```ts
 * catch (error) { if (error instanceof RedirectError) log.error(`Coinme redirected to ${error.location}: check baseUrl`); }
 * ```
 */
export class RedirectError extends CoinmeError {
  override name: string = 'RedirectError';
  override readonly code: string = 'redirect_error';
  /** The redirect status (301, 302, 303, 307, 308), or 0 where the runtime hides it. */
  readonly status: number;
  /** The `Location` it pointed to, without user info, or `undefined` when not exposed. */
  readonly location: string | undefined;

  constructor(message: string, init: { status: number; location: string | undefined }) {
    super(message);
    this.status = init.status;
    this.location = init.location;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), status: this.status, location: this.location };
  }
}

/**
 * Iterating over pages stopped: the server sent the same page again (it ignores `page`), or the
 * iteration reached its maximum number of pages.
 *
 * @example
 * ```ts
 * catch (error) { if (error instanceof PaginationError) log.warn(`stopped at page ${error.page}`); }
 * ```
 */
export class PaginationError extends CoinmeError {
  override name: string = 'PaginationError';
  override readonly code: string = 'pagination_error';
  /** The page number at which iteration stopped. */
  readonly page: number;

  constructor(message: string, init: { page: number }) {
    super(message);
    this.page = init.page;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), page: this.page };
  }
}

/**
 * The request never got an HTTP answer (DNS, refused or dropped connection).
 *
 * @example
 * ```ts
 * catch (error) { if (error instanceof ConnectionError) scheduleRetryLater(); }
 * ```
 */
export class ConnectionError extends CoinmeError {
  override name: string = 'ConnectionError';
  override readonly code: string = 'connection_error';
}

/** One problem with an input, as `ValidationError.issues` lists them. */
export interface ValidationIssue {
  /** Dotted path of the field, e.g. `"walletAddress"` or `"paymentMethods.0.id"`. */
  path: string;
  message: string;
}

/**
 * An input was invalid. Thrown before any request is sent; `field` names the first bad field.
 *
 * @example
 * ```ts
 * catch (error) { if (error instanceof ValidationError) form.setError(error.field, error.message); }
 * ```
 */
export class ValidationError extends CoinmeError {
  override name: string = 'ValidationError';
  override readonly code: string = 'validation_error';
  /** Dotted path of the first invalid field (empty for the input as a whole). */
  readonly field: string;
  readonly issues: ValidationIssue[];

  constructor(message: string, init: { field: string; issues?: ValidationIssue[]; cause?: unknown }) {
    super(message, { cause: init.cause });
    this.field = init.field;
    this.issues = init.issues ?? [{ path: init.field, message }];
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), field: this.field, issues: this.issues };
  }
}

/**
 * Coinme answered a body the SDK's schemas do not accept (or not JSON at all).
 *
 * @example
 * ```ts
 * catch (error) { if (error instanceof ResponseValidationError) report(error.issues, error.body); }
 * ```
 */
export class ResponseValidationError extends CoinmeError {
  override name: string = 'ResponseValidationError';
  override readonly code: string = 'response_validation_error';
  readonly status: number;
  readonly path: string | undefined;
  readonly issues: ValidationIssue[];
  /** The body as received: parsed JSON, or the raw text when it was not JSON. */
  readonly body: unknown;

  constructor(message: string, init: { status: number; path?: string | undefined; issues?: ValidationIssue[]; body: unknown; cause?: unknown }) {
    super(message, { cause: init.cause });
    this.status = init.status;
    this.path = init.path;
    this.issues = init.issues ?? [];
    this.body = init.body;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), status: this.status, path: this.path, issues: this.issues };
  }
}

/**
 * A webhook's signature (or API key, or age) did not check out.
 *
 * @example
 * ```ts
 * catch (error) { if (error instanceof WebhookSignatureError) return new Response(null, { status: 401 }); }
 * ```
 */
export class WebhookSignatureError extends CoinmeError {
  override name: string = 'WebhookSignatureError';
  override readonly code: string = 'webhook_signature_error';
}

/**
 * A webhook body was not valid JSON, was too large, or a documented event broke its schema.
 * `path` is the JSON path of the first bad field (`$` for the body as a whole).
 *
 * @example
 * ```ts
 * catch (error) { if (error instanceof WebhookParseError) console.warn(error.path, error.message); }
 * ```
 */
export class WebhookParseError extends CoinmeError {
  override name: string = 'WebhookParseError';
  override readonly code: string = 'webhook_parse_error';
  readonly path: string;

  constructor(message: string, init: { path: string; cause?: unknown }) {
    super(message, { cause: init.cause });
    this.path = init.path;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), path: this.path };
  }
}

/**
 * True for any error thrown by this SDK, even one from another copy of it (another realm or a
 * duplicated install), where `instanceof` would fail.
 *
 * @example
 * ```ts
 * if (isCoinmeError(error)) log.warn({ code: error.code });
 * ```
 */
export function isCoinmeError(value: unknown): value is CoinmeError {
  return typeof value === 'object' && value !== null && (value as { [brand]?: unknown })[brand] === true;
}
