/** Base64 helpers on top of the globals every supported runtime has. Not part of the public API. */

/** Base64 of the UTF-8 bytes of `text`. */
export function encodeBase64Utf8(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Decodes base64url (or base64) to UTF-8 text; `undefined` when the input is not base64. */
export function decodeBase64UrlUtf8(input: string): string | undefined {
  const base64 = input.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  try {
    const binary = atob(padded);
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
