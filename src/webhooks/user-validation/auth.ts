import { ValidationError } from '../../errors.js';

/**
 * HTTP Basic credentials (`Authorization: Basic base64(username:password)`).
 *
 * @example
 * ```ts
 * const credentials: BasicCredentials = { username: 'coinme', password: process.env.COINME_VALIDATION_PASSWORD! };
 * ```
 */
export interface BasicCredentials {
  username: string;
  password: string;
}

/**
 * One way Coinme may authenticate to the user-validation endpoint. Each secret may be a list
 * during a rotation: any of them is accepted.
 *
 * - `{ bearer }`: `Authorization: Bearer <token>`.
 * - `{ basic }`: `Authorization: Basic …`.
 * - `{ apiKey, header? }`: the key in a header, `x-api-key` by default.
 *
 * @example
 * ```ts
 * const auth: UserValidationAuth = { bearer: [process.env.TOKEN_NEXT!, process.env.TOKEN!] };
 * ```
 */
export type UserValidationAuth =
  | { bearer: string | readonly string[]; header?: never }
  | { basic: BasicCredentials | readonly BasicCredentials[]; header?: never }
  | { apiKey: string | readonly string[]; header?: string };

/**
 * Where to find one kind of credential, and the accepted values as bytes.
 *
 * @internal
 */
export interface CredentialCheck {
  kind: 'bearer' | 'basic' | 'apiKey';
  /** Lower-cased header name. */
  header: string;
  expected: Uint8Array<ArrayBuffer>[];
}

/**
 * The checks, and the paths of credentials that are still `undefined` (an environment variable
 * not set yet, as during `next build`).
 *
 * @internal
 */
export interface ResolvedAuth {
  checks: CredentialCheck[];
  unset: string[];
}

const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// A value a header cannot carry as is (it would be trimmed or refused), so it could never match.
const UNSENDABLE = /[\u0000-\u0020\u007f]/;
const encoder = /* @__PURE__ */ new TextEncoder();
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const invalid = (field: string, message: string) => new ValidationError(`createUserValidationHandler: ${field} ${message}`, { field });

// One secret string: `undefined` is recorded as unset; anything else must be a sendable string.
function secretText(value: unknown, field: string, unset: string[], allowSpaces = false): string | undefined {
  if (value === undefined) {
    unset.push(field);
    return undefined;
  }
  if (typeof value !== 'string' || value === '') throw invalid(field, 'must be a non-empty string');
  const unsendable = allowSpaces ? /[\u0000-\u001f\u007f]/ : UNSENDABLE;
  if (unsendable.test(value)) throw invalid(field, `must not contain control characters${allowSpaces ? '' : ' or spaces'}`);
  return value;
}

// A value or a non-empty list of them, each checked by `item`.
function listOf<T>(value: unknown, field: string, item: (value: unknown, field: string) => T | undefined): T[] {
  const items: readonly unknown[] = Array.isArray(value) ? value : [value];
  if (items.length === 0) throw invalid(field, 'must not be an empty list');
  return items.flatMap((entry, index) => {
    const result = item(entry, Array.isArray(value) ? `${field}.${index}` : field);
    return result === undefined ? [] : [result];
  });
}

function basicPair(value: unknown, field: string, unset: string[]): string | undefined {
  if (!isRecord(value)) throw invalid(field, 'must be { username, password }');
  const username = secretText(value['username'], `${field}.username`, unset, true);
  const password = secretText(value['password'], `${field}.password`, unset, true);
  if (username?.includes(':')) throw invalid(`${field}.username`, 'must not contain ":" (Basic credentials split on it)');
  return username === undefined || password === undefined ? undefined : `${username}:${password}`;
}

function resolveOne(entry: unknown, field: string, unset: string[]): CredentialCheck {
  if (!isRecord(entry)) throw invalid(field, 'must be { bearer }, { basic } or { apiKey, header? }');
  const kinds = (['bearer', 'basic', 'apiKey'] as const).filter((kind) => kind in entry);
  const [kind] = kinds;
  if (kind === undefined || kinds.length > 1) throw invalid(field, 'must have exactly one of bearer, basic or apiKey');
  const extra = Object.keys(entry).find((key) => key !== kind && !(kind === 'apiKey' && key === 'header'));
  if (extra !== undefined) throw invalid(`${field}.${extra}`, `is not an option of ${kind} authentication`);

  const texts =
    kind === 'basic'
      ? listOf(entry['basic'], `${field}.basic`, (value, path) => basicPair(value, path, unset))
      : listOf(entry[kind], `${field}.${kind}`, (value, path) => secretText(value, path, unset));
  const expected = texts.map((text) => encoder.encode(text));
  if (kind !== 'apiKey') return { kind, header: 'authorization', expected };

  const header = entry['header'] ?? 'x-api-key';
  if (typeof header !== 'string' || !HEADER_NAME.test(header)) throw invalid(`${field}.header`, 'must be a valid HTTP header name');
  return { kind, header: header.toLowerCase(), expected };
}

/**
 * Checks the `auth` option (one method or a list of them) and turns it into credential checks.
 * Throws `ValidationError` naming the bad field; messages never quote a secret.
 *
 * @internal
 */
export function resolveAuth(auth: unknown): ResolvedAuth {
  const unset: string[] = [];
  if (auth === undefined || auth === null) throw invalid('auth', 'is required: { bearer }, { basic } or { apiKey, header? }');
  const entries: readonly unknown[] = Array.isArray(auth) ? auth : [auth];
  if (entries.length === 0) throw invalid('auth', 'must not be an empty list');
  const checks = entries.map((entry, index) => resolveOne(entry, Array.isArray(auth) ? `auth.${index}` : 'auth', unset));
  return { checks, unset };
}
