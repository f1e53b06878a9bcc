/**
 * Request headers as the runtimes hand them over: a Fetch `Headers` (or anything with a `get`),
 * or a plain record such as Node's `req.headers`.
 *
 * @example
 * ```ts
 * await constructEvent({ payload, secret, headers: req.headers satisfies WebhookHeaders });
 * ```
 */
export type WebhookHeaders =
  | { get(name: string): string | null }
  | Readonly<Record<string, string | readonly string[] | undefined>>;

/**
 * A header's value, whatever the case of its name; the first one when it was sent several times.
 *
 * @internal
 */
export function getHeader(headers: WebhookHeaders | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof headers.get === 'function') return (headers as { get(name: string): string | null }).get(name) ?? undefined;
  const record = headers as Readonly<Record<string, string | readonly string[] | undefined>>;
  const wanted = name.toLowerCase();
  // Node hands names over lower-cased: try that first, then any spelling.
  const keys = Object.hasOwn(record, wanted) ? [wanted] : Object.keys(record);
  for (const key of keys) {
    if (key.toLowerCase() !== wanted) continue;
    const value = record[key];
    const first = typeof value === 'string' ? value : value?.[0];
    if (first !== undefined) return first;
  }
  return undefined;
}
