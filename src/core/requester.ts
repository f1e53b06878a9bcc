/**
 * Authenticated calls: adds the bearer token, replays once after a 401 with a fresh token,
 * unwraps the envelope and validates the payload.
 */
import type * as z from 'zod/mini';
import { CoinmeApiError } from '../errors.js';
import type { TokenManager } from '../auth/token-manager.js';
import { unwrapEnvelope } from './envelope.js';
import type { HttpAnswer, HttpCall, HttpTransport } from './http.js';
import { limitSchemas, type RequestOptions } from './request-options.js';
import { parseInput, parseResponse } from './validate.js';

/**
 * One API call as a resource describes it. `schema` is any zod schema of the unwrapped payload;
 * the call resolves to its output.
 */
export interface ApiCall<S extends z.core.$ZodType> {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  query?: Record<string, string | undefined>;
  json?: unknown;
  /** Whether a failed attempt may be sent again: never for calls that create something or move money. */
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
  readonly #totalTimeout: number;

  constructor(transport: HttpTransport, tokens: TokenManager, totalTimeout: number) {
    this.#transport = transport;
    this.#tokens = tokens;
    this.#totalTimeout = totalTimeout;
  }

  async call<S extends z.core.$ZodType>(call: ApiCall<S>): Promise<z.output<S>> {
    const options = parseInput(limitSchemas().requestOptions, call.options, 'options');
    const answer = await this.#sendAuthorized(call, options);
    const data = unwrapEnvelope(answer, { path: call.path, envelope: call.envelope ?? 'required' });
    return parseResponse(call.schema, data, { status: answer.status, path: call.path });
  }

  async #sendAuthorized(call: ApiCall<z.core.$ZodType>, options: RequestOptions | undefined): Promise<HttpAnswer> {
    const started = performance.now();
    const base: Omit<HttpCall, 'authorization'> = { method: call.method, path: call.path, query: call.query, json: call.json, retryable: call.retryable, options };
    const token = await this.#tokens.getToken(options?.signal);
    try {
      return await this.#transport.send({ ...base, authorization: `Bearer ${token}` });
    } catch (error) {
      if (!(error instanceof CoinmeApiError) || error.status !== 401) throw error;
      // The token was refused (revoked, or expired early): refresh once and replay once, within
      // what is left of the call's total timeout. A 401 means Coinme did not act on the request,
      // so replaying is safe even for a POST.
      this.#tokens.invalidate(token);
      const fresh = await this.#tokens.getToken(options?.signal);
      const left = Math.max(1, Math.round(this.#totalTimeout - (performance.now() - started)));
      return this.#transport.send({ ...base, authorization: `Bearer ${fresh}` }, left);
    }
  }
}
