/** Runtime detection. Not part of the public API. */

/** True inside a browser page (not a worker, not a server runtime). */
export function isBrowserPage(): boolean {
  const scope = globalThis as { window?: unknown; document?: unknown };
  return typeof scope.window !== 'undefined' && typeof scope.document !== 'undefined';
}
