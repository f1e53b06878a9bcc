/**
 * Parses the body of `POST /authorize`. Coinme does not publish it, so every shape seen in practice
 * is accepted: `{ data: { token } }`, `{ data: { accessToken } }`, `{ token }`,
 * `{ access_token, expires_in }`, and a bare JWT (plain or JSON-quoted).
 */
import { asRecord } from '../internal/record.js';

/** A token and, when the response said, its lifetime. */
export interface AuthorizeGrant {
  token: string;
  /** Lifetime in milliseconds from `expires_in` / `expiresIn`, when present. */
  expiresInMs: number | undefined;
}

const tokenKeys = ['token', 'accessToken', 'access_token', 'jwt', 'bearerToken'] as const;
const lifetimeKeys = ['expires_in', 'expiresIn'] as const;

// A lifetime is a JSON number or its decimal digits: `Number()` alone would read `true` as 1 s and `[60]` as 60 s.
const secondsOf = (value: unknown): number =>
  typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : Number.NaN;

function fromObject(record: Record<string, unknown>): AuthorizeGrant | undefined {
  for (const key of tokenKeys) {
    const token = record[key];
    if (typeof token === 'string' && token.trim() !== '') {
      const lifetime = lifetimeKeys.map((name) => secondsOf(record[name])).find((seconds) => Number.isFinite(seconds) && seconds > 0);
      return { token: token.trim(), expiresInMs: lifetime === undefined ? undefined : lifetime * 1000 };
    }
  }
  return undefined;
}

// A bare body is only taken for a token when it looks like a JWT, so "OK" or an HTML page is not.
const bareTokenPattern = /^[\w-]+\.[\w-]+\.[\w-]*$/;

/** The grant in an authorize body, or `undefined` when the body holds no recognisable token. */
export function parseAuthorizeResponse(text: string): AuthorizeGrant | undefined {
  const trimmed = text.trim();
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return bareTokenPattern.test(trimmed) ? { token: trimmed, expiresInMs: undefined } : undefined;
  }
  if (typeof parsed === 'string') {
    return bareTokenPattern.test(parsed.trim()) ? { token: parsed.trim(), expiresInMs: undefined } : undefined;
  }
  const record = asRecord(parsed);
  if (!record) return undefined;
  const data = record['data'];
  if (typeof data === 'string' && bareTokenPattern.test(data.trim())) return { token: data.trim(), expiresInMs: undefined };
  const inner = asRecord(data);
  const grant = inner ? fromObject(inner) : undefined;
  if (grant) {
    return grant.expiresInMs === undefined ? { ...grant, expiresInMs: fromObject({ ...record, token: grant.token })?.expiresInMs } : grant;
  }
  return fromObject(record);
}
