import type { CredentialCheck } from './auth.js';

/** What a request's credentials amount to. @internal */
export type CredentialVerdict = 'ok' | 'missing' | 'invalid';

// Header values are byte strings: each character is one byte (what the sender put on the wire).
const latin1Bytes = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0) & 0xff);

function base64Bytes(text: string): Uint8Array<ArrayBuffer> | undefined {
  try {
    return latin1Bytes(atob(text));
  } catch {
    return undefined;
  }
}

// The credential a request presents for one check, as bytes; `undefined` when it has none.
function presented(check: CredentialCheck, headers: Headers): Uint8Array<ArrayBuffer> | undefined {
  const value = headers.get(check.header);
  if (value === null || value === '') return undefined;
  if (check.kind === 'apiKey') return latin1Bytes(value);
  const match = /^(\S+) +(\S+)$/.exec(value);
  if (!match || match[1]?.toLowerCase() !== check.kind) return undefined;
  const credential = match[2] as string;
  return check.kind === 'bearer' ? latin1Bytes(credential) : base64Bytes(credential);
}

/**
 * A checker of a request's credentials against `checks`. Comparison is in constant time whatever
 * the lengths: each accepted secret is stored as its HMAC under a random per-process key, and a
 * presented credential is checked with `subtle.verify` against every one of them (no early exit).
 *
 * @internal
 */
export function credentialChecker(checks: readonly CredentialCheck[]): (headers: Headers) => Promise<CredentialVerdict> {
  let prepared: Promise<{ key: CryptoKey; macs: ArrayBuffer[][] }> | undefined;
  const prepare = async () => {
    const key = await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    const macs = await Promise.all(checks.map((check) => Promise.all(check.expected.map((bytes) => crypto.subtle.sign('HMAC', key, bytes)))));
    return { key, macs };
  };
  return async (headers) => {
    // Prepared on first use, so building a handler does no crypto work.
    prepared ??= prepare();
    const { key, macs } = await prepared;
    let offered = false;
    let matched = false;
    for (const [index, check] of checks.entries()) {
      const credential = presented(check, headers);
      if (credential === undefined) continue;
      offered = true;
      for (const mac of macs[index] ?? []) {
        if (await crypto.subtle.verify('HMAC', key, mac, credential)) matched = true;
      }
    }
    return matched ? 'ok' : offered ? 'invalid' : 'missing';
  };
}
