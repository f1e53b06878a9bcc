/**
 * The raw body from what a framework left of it: its bytes, `'too-large'` as soon as it grows
 * past `maxBytes` (a stream is cancelled there, the rest never buffered), or `'consumed'`.
 *
 * @internal
 */
export async function readLimited(
  source: Uint8Array | string | ReadableStream<Uint8Array> | 'consumed' | null,
  maxBytes: number,
): Promise<Uint8Array | 'too-large' | 'consumed'> {
  if (source === 'consumed') return source;
  if (source === null) return new Uint8Array(0);
  if (typeof source === 'string' || source instanceof Uint8Array) {
    const bytes = typeof source === 'string' ? new TextEncoder().encode(source) : source;
    return bytes.byteLength > maxBytes ? 'too-large' : bytes;
  }
  const reader = source.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return 'too-large';
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
