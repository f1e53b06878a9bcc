/** Keeps secrets out of anything the SDK shows: logs, hooks, inspection. */

const secretHeaders = new Set(['authorization', 'x-api-key', 'proxy-authorization', 'cookie']);

/** Header names and values with credentials reduced to their scheme, e.g. `Bearer [redacted]`. */
export function redactHeaders(headers: Headers): Record<string, string> {
  const safe: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (!secretHeaders.has(name)) {
      safe[name] = value;
      return;
    }
    const scheme = name === 'authorization' ? /^(\w+)\s/.exec(value)?.[1] : undefined;
    safe[name] = scheme ? `${scheme} [redacted]` : '[redacted]';
  });
  return safe;
}

/** The path of a URL without its query string (which can carry customer ids). */
export function pathOf(url: string): string {
  return new URL(url).pathname;
}
