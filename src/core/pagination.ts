/** Page-by-page iteration for endpoints that take `page` and `size`. */
import { PaginationError } from '../errors.js';

/**
 * Most pages one iteration reads (a million transactions at the largest page size) before it
 * stops with a `PaginationError`, so a server that never sends a short page cannot loop forever.
 *
 * @example
 * ```ts
 * for await (const tx of coinme.transactionHistory.iterate({ customerId }, { maxPages: 10 })) {}
 * ```
 */
export const defaultMaxPages = 2_000;

/**
 * Yields every item of every page, starting at `firstPage`, and stops after a page shorter than
 * `size` (including an empty one). Pages are fetched lazily: breaking out of the loop stops it.
 * Throws `PaginationError` when a page repeats the previous one item for item (the server ignores
 * `page`) or after `maxPages` pages.
 */
export async function* paginate<T>(
  fetchPage: (page: number) => Promise<readonly T[]>,
  firstPage: number,
  size: number,
  maxPages: number = defaultMaxPages,
): AsyncGenerator<T, void, undefined> {
  let previous: string | undefined;
  for (let page = firstPage; ; page += 1) {
    if (page - firstPage >= maxPages) {
      throw new PaginationError(`Stopped after ${maxPages} pages (maxPages); narrow the query or raise maxPages`, { page });
    }
    const items = await fetchPage(page);
    // A full page equal to the one before means `page` is being ignored: nothing new will come.
    const fingerprint = items.length >= size ? JSON.stringify(items) : undefined;
    if (fingerprint !== undefined && fingerprint === previous) {
      throw new PaginationError(`Page ${page} repeats page ${page - 1}: the server ignores the page number`, { page });
    }
    previous = fingerprint;
    yield* items;
    if (items.length < size) return;
  }
}
