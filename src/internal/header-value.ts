/** Header value check. Not part of the public API. */

// Visible ASCII with inner spaces or tabs: what every runtime sends as is. Anything else (a line
// break above all) makes fetch throw an error that quotes the value, which may be a secret.
const headerValue = /^[\x21-\x7e](?:[\x20-\x7e\t]*[\x21-\x7e])?$/;

/** True when `value` can be sent as an HTTP header value unchanged. */
export function isHeaderValue(value: string): boolean {
  return headerValue.test(value);
}
