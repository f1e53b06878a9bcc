/**
 * Authenticated calls: adds the bearer token, replays once after a 401 with a fresh token,
 * unwraps the envelope and validates the payload.
 */
import type * as z from 'zod/mini';
import { CoinmeApiError, ValidationError } from '../errors.js';
import type { TokenManager } from '../auth/token-manager.js';
import { unwrapEnvelope, type RawResponse } from './envelope.js';
import type { HttpCall, HttpTransport } from './http.js';
import type { RequestOptions } from './request-options.js';
import { parseResponse } from './validate.js';

/** One API call as a resource describes it. */
export interface ApiCall<S extends z.ZodMiniType> {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  query?: Record<string, string | undefined>;
  json?: unknown;
  /** Whether a failed attempt may be sent again (never for calls that create something). */
  retryable: boolean;
  /** `'optional'` accepts a payload that arrives without the `{ data, errorResponse }` envelope. */
  envelope?: 'required' | 'optional';
  /** Schema of the unwrapped payload. */
  schema: S;
  options?: RequestOptions | undefined;
}

/** Runs API calls on behalf of the resources. */
export class Requester {
  readonly #transport: HttpTransport;
  readonly #tokens: TokenManager;

  constructor(transport: HttpTransport, tokens: TokenManager) {
    this.#transport = transport;
    this.#tokens = tokens;
  }

  async call<S extends z.ZodMiniType>(call: ApiCall<S>): Promise<z.output<S>> {
    const options = checkRequestOptions(call.options);
    const response = await this.#sendAuthorized(call, options);
    const requestId = response.headers.get('x-request-id') ?? undefined;
    const data = unwrapEnvelope(response, { path: call.path, envelope: call.envelope ?? 'required', requestId });
    return parseResponse(call.schema, data, { status: response.status, path: call.path });
  }

  async #sendAuthorized(call: ApiCall<z.ZodMiniType>, options: RequestOptions | undefined): Promise<RawResponse> {
    const base: Omit<HttpCall, 'authorization'> = { method: call.method, path: call.path, query: call.query, json: call.json, retryable: call.retryable, options };
    const token = await this.#tokens.getToken(options?.signal);
    try {
      return await this.#transport.send({ ...base, authorization: `Bearer ${token}` });
    } catch (error) {
      if (!(error instanceof CoinmeApiError) || error.status !== 401) throw error;
      // The token was refused (revoked, or expired early): refresh once and replay once. A 401
      // means Coinme did not act on the request, so replaying is safe even for a POST.
      this.#tokens.invalidate(token);
      const fresh = await this.#tokens.getToken(options?.signal);
      return this.#transport.send({ ...base, authorization: `Bearer ${fresh}` });
    }
  }
}

function checkRequestOptions(options: RequestOptions | undefined): RequestOptions | undefined {
  if (options === undefined) return undefined;
  const fail = (field: string, message: string): never => {
    throw new ValidationError(`options.${field} ${message}`, { field: `options.${field}` });
  };
  if (typeof options !== 'object' || options === null) fail('', 'must be an object');
  const { signal, timeout, maxRetries } = options;
  if (signal !== undefined && !(signal instanceof AbortSignal)) fail('signal', 'must be an AbortSignal');
  if (timeout !== undefined && !(Number.isInteger(timeout) && timeout > 0 && timeout <= 2_147_483_647)) {
    fail('timeout', 'must be a positive integer number of milliseconds');
  }
  if (maxRetries !== undefined && !(Number.isInteger(maxRetries) && maxRetries >= 0 && maxRetries <= 10)) {
    fail('maxRetries', 'must be an integer from 0 to 10');
  }
  return options;
}
