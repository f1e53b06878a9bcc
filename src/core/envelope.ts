/** Coinme's `{ data, errorResponse }` envelope. */
import { ResponseValidationError } from '../errors.js';
import { parseJsonExact } from '../internal/json.js';
import { coinmeApiErrorFrom, readErrorResponse } from './api-error.js';

/** A response as the transport hands it over: status, headers and the raw text. */
export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
}

/**
 * Parses a successful response body and unwraps its envelope. A non-null `errorResponse` throws a
 * `CoinmeApiError` whatever the HTTP status; a body that is not JSON throws
 * `ResponseValidationError`. With `envelope: 'optional'`, a bare payload is returned as is.
 */
export function unwrapEnvelope(
  response: RawResponse,
  context: { path: string; envelope: 'required' | 'optional'; requestId?: string | undefined },
): unknown {
  let body: unknown;
  try {
    body = parseJsonExact(response.text);
  } catch (cause) {
    throw new ResponseValidationError(`Coinme answered ${context.path} with a body that is not JSON`, {
      status: response.status,
      path: context.path,
      body: response.text,
      cause,
    });
  }
  const record = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
  if (record && record['errorResponse'] != null && readErrorResponse(body)) {
    throw coinmeApiErrorFrom(response.status, body, { path: context.path, requestId: context.requestId });
  }
  if (record && 'data' in record) return record['data'];
  if (context.envelope === 'optional') return body;
  throw new ResponseValidationError(`Coinme answered ${context.path} without its { data, errorResponse } envelope`, {
    status: response.status,
    path: context.path,
    issues: [{ path: 'data', message: 'is missing' }],
    body,
  });
}
