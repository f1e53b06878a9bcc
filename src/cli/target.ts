// Where the CLI may send requests: loopback unless the user says otherwise.

/** True for `localhost`, `*.localhost`, 127.0.0.0/8 and `::1` (as the URL parser normalises them). */
export function isLoopback(url: URL): boolean {
  const host = url.hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * The URL given with `option`, or a usage message: it must be http(s), and off loopback only with
 * `--allow-remote` (a signed test event sent to production is accepted as real).
 */
export function targetUrl(raw: string, option: string, allowRemote: boolean): URL | string {
  const url = URL.parse(raw);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return `${option} must be an http or https URL`;
  if (url.username || url.password) return `${option} must not carry credentials (user:password@)`;
  if (!allowRemote && !isLoopback(url)) {
    return `${option} ${url.origin} is not on this machine; pass --allow-remote to send there (receivers accept these requests as real)`;
  }
  return url;
}

/** Origin and path only: a query string may hold credentials. */
export const shown = (url: URL): string => `${url.origin}${url.pathname}`;
