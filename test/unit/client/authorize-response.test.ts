import { describe, expect, it } from 'vitest';
import { parseAuthorizeResponse } from '../../../src/auth/authorize-response.js';
import { readJwtExpiry } from '../../../src/auth/jwt.js';

const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwYXJ0bmVyIiwiZXhwIjoxNzU1NTMzNzAwfQ.c2lnbmF0dXJl';
const header = 'eyJhbGciOiJIUzI1NiJ9';
// A payload segment with exactly this JSON text (so `1e999` stays a literal that parses as Infinity).
const payload = (json: string): string => Buffer.from(json).toString('base64url');

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

  it.each([['42'], ['null'], ['[]'], ['true']])('finds no token in the JSON value %s', (body) => {
    expect(parseAuthorizeResponse(body)).toBeUndefined();
  });

  it('reads a JWT given as the data string, trimmed', () => {
    expect(parseAuthorizeResponse(JSON.stringify({ data: jwt }))).toEqual({ token: jwt, expiresInMs: undefined });
    expect(parseAuthorizeResponse(JSON.stringify({ data: ` ${jwt}\n` }))).toEqual({ token: jwt, expiresInMs: undefined });
  });

  it('trims a JSON-quoted JWT', () => {
    expect(parseAuthorizeResponse(JSON.stringify(` ${jwt}\n`))).toEqual({ token: jwt, expiresInMs: undefined });
  });

  it('trims a token found under a key', () => {
    expect(parseAuthorizeResponse(JSON.stringify({ token: ' opaque\n', expires_in: 60 }))).toEqual({ token: 'opaque', expiresInMs: 60_000 });
    expect(parseAuthorizeResponse(JSON.stringify({ data: { accessToken: '\topaque ' } }))).toEqual({ token: 'opaque', expiresInMs: undefined });
  });

  it('skips a blank token and takes the next key', () => {
    expect(parseAuthorizeResponse(JSON.stringify({ token: '   ' }))).toBeUndefined();
    expect(parseAuthorizeResponse(JSON.stringify({ token: ' \n ', access_token: 'opaque' }))).toEqual({ token: 'opaque', expiresInMs: undefined });
  });

  it('takes the lifetime next to data when data holds the token without one', () => {
    expect(parseAuthorizeResponse(JSON.stringify({ data: { token: 'opaque' }, expires_in: 90 }))).toEqual({ token: 'opaque', expiresInMs: 90_000 });
    expect(parseAuthorizeResponse(JSON.stringify({ data: { token: 'opaque', expiresIn: 30 }, expires_in: 90 }))).toEqual({ token: 'opaque', expiresInMs: 30_000 });
  });

  it.each([[0], [-5], ['abc'], ['Infinity'], [null], [true], [[60]], [' '], ['0x3C'], ['1e3']])('ignores a lifetime of %j', (lifetime) => {
    expect(parseAuthorizeResponse(JSON.stringify({ access_token: 'opaque', expires_in: lifetime }))).toEqual({ token: 'opaque', expiresInMs: undefined });
    expect(parseAuthorizeResponse(JSON.stringify({ data: { token: 'opaque', expiresIn: lifetime } }))).toEqual({ token: 'opaque', expiresInMs: undefined });
  });

  it('reads a lifetime given as a string of digits, and falls back to the next key past an unusable one', () => {
    expect(parseAuthorizeResponse(JSON.stringify({ token: 'opaque', expires_in: '120' }))).toEqual({ token: 'opaque', expiresInMs: 120_000 });
    expect(parseAuthorizeResponse(JSON.stringify({ token: 'opaque', expires_in: 0, expiresIn: 45 }))).toEqual({ token: 'opaque', expiresInMs: 45_000 });
    expect(parseAuthorizeResponse(JSON.stringify({ token: 'opaque', expires_in: -5, expiresIn: 'abc' }))).toEqual({ token: 'opaque', expiresInMs: undefined });
  });
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

  it('reads exp only from a token of exactly three segments', () => {
    expect(readJwtExpiry(`${header}.${payload('{"exp":1755533700}')}.sig`)).toBe(1_755_533_700_000);
    expect(readJwtExpiry(`${header}.${payload('{"exp":1755533700}')}`)).toBeUndefined();
    expect(readJwtExpiry(`${header}.${payload('{"exp":1755533700}')}.sig.extra`)).toBeUndefined();
    expect(readJwtExpiry(payload('{"exp":1755533700}'))).toBeUndefined();
  });

  it.each([
    ['0', '{"exp":0}'],
    ['negative', '{"exp":-5}'],
    ['a string of digits', '{"exp":"1755533700"}'],
    ['infinite', '{"exp":1e999}'],
    ['null', '{"exp":null}'],
    ['missing', '{"iat":1755533700}'],
  ])('reads no expiry when exp is %s', (_label, claims) => {
    expect(readJwtExpiry(`${header}.${payload(claims)}.sig`)).toBeUndefined();
  });

  it.each([['a number'], ['null'], ['an array']])('reads no expiry when the payload is not an object (%s)', (label) => {
    const claims = { 'a number': '1755533700', null: 'null', 'an array': '[1755533700]' }[label]!;
    expect(readJwtExpiry(`${header}.${payload(claims)}.sig`)).toBeUndefined();
  });
});
