import { describe, expect, it } from 'vitest';
import { coinmeApiErrorFrom } from '../../../src/core/api-error.js';
import { AuthenticationError, CoinmeApiError, RateLimitError } from 'coinme-sdk';

const envelope = (httpStatus: string | number) => ({
  data: null,
  errorResponse: { httpStatus, path: '/services/x GET', errorData: [{ errorCode: 'a-1', message: 'first' }, { errorCode: 'a-2', message: 'second' }] },
});

describe('coinmeApiErrorFrom', () => {
  it('picks the subclass from the status', () => {
    expect(coinmeApiErrorFrom(429, undefined, { path: '/x', retryAfter: 2000 })).toBeInstanceOf(RateLimitError);
    expect((coinmeApiErrorFrom(429, undefined, { path: '/x', retryAfter: 2000 }) as RateLimitError).retryAfter).toBe(2000);
    expect(coinmeApiErrorFrom(401, undefined, { path: '/x' })).toBeInstanceOf(AuthenticationError);
    expect(coinmeApiErrorFrom(403, undefined, { path: '/authorize', authorize: true })).toBeInstanceOf(AuthenticationError);
    const forbidden = coinmeApiErrorFrom(403, undefined, { path: '/x' });
    expect([forbidden instanceof CoinmeApiError, forbidden instanceof AuthenticationError]).toEqual([true, false]);
  });

  it('uses the reported httpStatus (string or number) for a 200, the HTTP status otherwise', () => {
    expect(coinmeApiErrorFrom(200, envelope('200'), { path: '/x' }).status).toBe(200);
    expect(coinmeApiErrorFrom(200, envelope(404), { path: '/x' }).status).toBe(404);
    expect(coinmeApiErrorFrom(400, envelope('200'), { path: '/x' }).status).toBe(400);
  });

  it('carries every errorData entry, Coinme\'s path and the body', () => {
    const error = coinmeApiErrorFrom(200, envelope('200'), { path: '/x', requestId: 'req-1' });
    expect(error.errors).toEqual([{ code: 'a-1', message: 'first' }, { code: 'a-2', message: 'second' }]);
    expect(error.path).toBe('/services/x GET');
    expect(error.requestId).toBe('req-1');
    expect(error.body).toEqual(envelope('200'));
    expect(error.message).toBe('Coinme answered /x with 200: first (a-1); second (a-2)');
  });
});
