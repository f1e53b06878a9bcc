/** Fake JWTs for the mock: real structure and `exp`, fake signature. */
import { encodeBase64Utf8 } from '../../internal/base64.js';

function base64Url(text: string): string {
  return encodeBase64Utf8(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A JWT whose payload carries `sub`, `iat`, `exp` (seconds) and `jti` (the serial). */
export function issueMockJwt(claims: { subject: string; serial: number; issuedAt: number; expiresAt: number }): string {
  const header = base64Url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = base64Url(
    JSON.stringify({
      iss: 'mock-coinme',
      sub: claims.subject,
      iat: Math.floor(claims.issuedAt / 1000),
      exp: Math.floor(claims.expiresAt / 1000),
      jti: String(claims.serial),
    }),
  );
  return `${header}.${payload}.${base64Url(`mock-signature-${claims.serial}`)}`;
}
