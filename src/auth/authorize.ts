/** `POST /authorize`: exchanges the partner credentials for a bearer token. */
import { ResponseValidationError } from '../errors.js';
import { coinmeApiErrorFrom, readErrorResponse } from '../core/api-error.js';
import type { HttpTransport } from '../core/http.js';
import { isHeaderValue } from '../internal/header-value.js';
import { parseJsonExact } from '../internal/json.js';
import { parseAuthorizeResponse } from './authorize-response.js';
import { readJwtExpiry } from './jwt.js';
import type { TokenGrant } from './token-manager.js';

/** Token lifetimes Coinme documents per environment, used when neither JWT nor body says. */
export const defaultTokenLifetimeMs = { staging: 30 * 60_000, production: 60 * 60_000 } as const;

/**
 * Calls `authorize` and works out the token's expiry: the JWT `exp` claim, else `expires_in`,
 * else `fallbackLifetimeMs`. The response body is never put into an error: it may hold a token.
 */
export async function requestToken(
  transport: HttpTransport,
  basicAuthorization: string,
  fallbackLifetimeMs: number,
  now: () => number,
): Promise<TokenGrant> {
  const path = '/authorize';
  const answer = await transport.send({ method: 'POST', path, form: '', authorization: basicAuthorization, retryable: true, authorize: true, read: 'text' });
  const text = String(answer.body);
  const grant = parseAuthorizeResponse(text);
  if (!grant) {
    const envelope = safeParse(text);
    if (readErrorResponse(envelope)) throw coinmeApiErrorFrom(answer.status, envelope, { path, authorize: true });
    throw unusableToken(answer.status, 'is missing');
  }
  // A token that cannot travel in a header would fail every call, with the token quoted in the
  // platform's error: refused here, without it.
  if (!isHeaderValue(grant.token)) throw unusableToken(answer.status, 'is not a valid header value');
  const expiresAt = readJwtExpiry(grant.token) ?? now() + (grant.expiresInMs ?? fallbackLifetimeMs);
  return { token: grant.token, expiresAt };
}

function unusableToken(status: number, problem: string): ResponseValidationError {
  return new ResponseValidationError(`Coinme answered /authorize without a usable token: the token ${problem}`, {
    status,
    path: '/authorize',
    issues: [{ path: 'token', message: problem }],
    body: '[redacted]',
  });
}

function safeParse(text: string): unknown {
  try {
    return parseJsonExact(text);
  } catch {
    return undefined;
  }
}
