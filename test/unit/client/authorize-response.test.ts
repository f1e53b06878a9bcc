import { describe, expect, it } from 'vitest';
import { parseAuthorizeResponse } from '../../../src/auth/authorize-response.js';
import { readJwtExpiry } from '../../../src/auth/jwt.js';

const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwYXJ0bmVyIiwiZXhwIjoxNzU1NTMzNzAwfQ.c2lnbmF0dXJl';

describe('parseAuthorizeResponse', () => {
  it.each([
    ['{ data: { token } }', JSON.stringify({ data: { token: jwt }, errorResponse: null })],
    ['{ data: { accessToken } }', JSON.stringify({ data: { accessToken: jwt } })],
    ['{ token }', JSON.stringify({ token: jwt })],
    ['a bare JWT', jwt],
    ['a bare JWT with a newline', `${jwt}\n`],
    ['a JSON-quoted JWT', JSON.stringify(jwt)],
  ])('reads %s', (_shape, body) => {
    expect(parseAuthorizeResponse(body)).toEqual({ token: jwt, expiresInMs: undefined });
  });

  it('reads { access_token, expires_in } with its lifetime', () => {
    expect(parseAuthorizeResponse(JSON.stringify({ access_token: 'opaque', token_type: 'Bearer', expires_in: 3600 }))).toEqual({ token: 'opaque', expiresInMs: 3_600_000 });
    expect(parseAuthorizeResponse(JSON.stringify({ data: { token: 'opaque', expiresIn: 60 } }))).toEqual({ token: 'opaque', expiresInMs: 60_000 });
  });

  it.each([['{}'], ['""'], ['OK'], ['<html>login</html>'], [JSON.stringify({ data: null, errorResponse: { httpStatus: 401 } })], [JSON.stringify({ token: '' })]])(
    'finds no token in %s',
    (body) => {
      expect(parseAuthorizeResponse(body)).toBeUndefined();
    },
  );
});

describe('readJwtExpiry', () => {
  it('reads exp in milliseconds', () => {
    expect(readJwtExpiry(jwt)).toBe(1_755_533_700_000);
  });

  it('returns undefined for tokens that are not JWTs or have no exp', () => {
    expect(readJwtExpiry('opaque-token')).toBeUndefined();
    expect(readJwtExpiry('a.b.c')).toBeUndefined();
    expect(readJwtExpiry(`eyJhbGciOiJIUzI1NiJ9.${btoa('{"sub":"x"}')}.sig`)).toBeUndefined();
  });
});
