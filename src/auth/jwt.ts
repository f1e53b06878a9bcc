/** Reads the expiry of a JWT without verifying it (the SDK only needs to know when to refresh). */
import { decodeBase64UrlUtf8 } from '../internal/base64.js';
import { asRecord } from '../internal/record.js';

/** The `exp` claim in epoch milliseconds, or `undefined` when the token is not a JWT with one. */
export function readJwtExpiry(token: string): number | undefined {
  const segments = token.split('.');
  if (segments.length !== 3 || segments[1] === undefined) return undefined;
  const json = decodeBase64UrlUtf8(segments[1]);
  if (json === undefined) return undefined;
  try {
    const claims: unknown = JSON.parse(json);
    const exp = asRecord(claims)?.['exp'];
    return typeof exp === 'number' && Number.isFinite(exp) && exp > 0 ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
