import { TEST_DELIVERY_HEADER } from '../webhooks/test-delivery.js';
import { type CliIo, EXIT, println } from './io.js';
import { shown } from './target.js';

/** Most of an answer the CLI reads: enough to show what the receiver said, and no more. */
export const MAX_ANSWER_BYTES = 64 * 1024;

/** An answer the CLI got, with its status, text (cut at MAX_ANSWER_BYTES) and latency. */
export interface Answer {
  status: number;
  statusText: string;
  text: string;
  ms: number;
}

// fetch reports "fetch failed" and puts the reason (ECONNREFUSED, ENOTFOUND) in `cause`.
function reason(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'timed out';
  const cause: unknown = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error) return 'code' in cause && typeof cause.code === 'string' ? `${cause.code} (${cause.message})` : cause.message;
  return error instanceof Error ? error.message : String(error);
}

async function readCapped(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    text += decoder.decode(value, { stream: true });
    if (size >= MAX_ANSWER_BYTES) {
      await reader.cancel().catch(() => undefined);
      break;
    }
  }
  return text + decoder.decode();
}

/**
 * POSTs one request from the CLI and reads the answer. Redirects are never followed (the body and
 * its credentials would go to another server): a 3xx is reported with its target and exits 1. A
 * network failure or timeout is reported and exits 3. Every request carries
 * `coinme-sdk-test-delivery: 1`.
 */
export async function send(io: CliIo, url: URL, init: { body: string; headers: Record<string, string> }, timeoutMs: number): Promise<Answer | number> {
  const started = performance.now();
  let response: Response;
  try {
    response = await io.fetch(url, {
      method: 'POST',
      body: init.body,
      headers: { ...init.headers, [TEST_DELIVERY_HEADER]: '1' },
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    println(io.stderr, `error: no answer from ${shown(url)}: ${reason(error)}`);
    return EXIT.network;
  }
  if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
    await response.body?.cancel().catch(() => undefined);
    const location = response.headers.get('location');
    const target = location === null ? undefined : URL.parse(location, url);
    const where = target ? shown(target) : location === null ? 'nowhere (no Location header)' : 'an invalid Location';
    println(io.stderr, `error: ${shown(url)} answered ${response.status}, a redirect to ${where}; redirects are never followed, so nothing was sent there`);
    return EXIT.failed;
  }
  let text = '';
  try {
    text = await readCapped(response);
  } catch (error) {
    // The status is still worth showing when the body breaks off.
    println(io.stderr, `warning: the answer's body broke off: ${reason(error)}`);
  }
  return { status: response.status, statusText: response.statusText, text, ms: performance.now() - started };
}
