/** Coinme's `{ data, errorResponse }` envelope. */
import { ResponseValidationError } from '../errors.js';
import { asRecord } from '../internal/record.js';
import { coinmeApiErrorFrom, readErrorResponse, requestIdOf } from './api-error.js';
import type { HttpAnswer } from './http.js';

/**
 * Unwraps the envelope of a successful answer. A non-null `errorResponse` throws a
 * `CoinmeApiError` whatever the HTTP status. With `envelope: 'optional'`, a bare payload is
 * returned as is.
 */
export function unwrapEnvelope(answer: HttpAnswer, context: { path: string; envelope: 'required' | 'optional' }): unknown {
  const { body } = answer;
  const record = asRecord(body);
  if (record && record['errorResponse'] != null && readErrorResponse(body)) {
    throw coinmeApiErrorFrom(answer.status, body, { path: context.path, requestId: requestIdOf(answer.headers) });
  }
  if (record && 'data' in record) return record['data'];
  if (context.envelope === 'optional') return body;
  throw new ResponseValidationError(`Coinme answered ${context.path} without its { data, errorResponse } envelope`, {
    status: answer.status,
    path: context.path,
    issues: [{ path: 'data', message: 'is missing' }],
    body,
  });
}
