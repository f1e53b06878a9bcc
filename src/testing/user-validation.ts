import type { BasicCredentials } from '../webhooks/user-validation/auth.js';

/**
 * The credential a user-validation request carries: one of the methods the handler accepts, or
 * none (to see a 401).
 *
 * @example
 * ```ts
 * const auth: UserValidationCredential = { basic: { username: 'coinme', password: 'pw' } };
 * ```
 */
export type UserValidationCredential = { bearer: string } | { basic: BasicCredentials } | { apiKey: string; header?: string } | null;

/**
 * What {@link createUserValidationRequest} builds.
 *
 * @example
 * ```ts
 * const params: UserValidationRequestParams = { url: 'http://localhost:3000/api/coinme/validate-user', email: 'ana@example.com', auth: { bearer: token } };
 * ```
 */
export interface UserValidationRequestParams {
  /** The partner's validation URL. */
  url: string | URL;
  /** The user Coinme asks about. */
  email: string;
  /** The credential to send; `null` sends none. */
  auth: UserValidationCredential;
  /** Other body fields, sent beside `email`. */
  fields?: Readonly<Record<string, unknown>>;
}

// Basic credentials are UTF-8 before base64 (RFC 7617's charset="UTF-8").
function basic({ username, password }: BasicCredentials): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(`${username}:${password}`)) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

/**
 * Builds the request Coinme sends to a partner's user-validation endpoint before a user buys,
 * sells or sees private data: a JSON POST of `{ email, ...fields }` with the given credential.
 * Pass it to a handler directly, or send it with `fetch`.
 *
 * @example
 * ```ts
 * const request = createUserValidationRequest({ url: 'http://localhost/validate', email: 'ana@example.com', auth: { bearer: 'tok' } });
 * const response = await handler(request);        // createUserValidationHandler's handler
 * expect(await response.json()).toBe(true);
 * ```
 */
export function createUserValidationRequest(params: UserValidationRequestParams): Request {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  const { auth } = params;
  if (auth !== null) {
    if ('bearer' in auth) headers['authorization'] = `Bearer ${auth.bearer}`;
    else if ('basic' in auth) headers['authorization'] = basic(auth.basic);
    else headers[(auth.header ?? 'x-api-key').toLowerCase()] = auth.apiKey;
  }
  return new Request(params.url, { method: 'POST', headers, body: JSON.stringify({ ...params.fields, email: params.email }) });
}
