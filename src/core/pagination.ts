/** Page-by-page iteration for endpoints that take `page` and `size`. */

/**
 * Yields every item of every page, starting at `firstPage`, and stops after a page shorter than
 * `size` (including an empty one). Pages are fetched lazily: breaking out of the loop stops it.
 */
export async function* paginate<T>(
  fetchPage: (page: number) => Promise<readonly T[]>,
  firstPage: number,
  size: number,
): AsyncGenerator<T, void, undefined> {
  for (let page = firstPage; ; page += 1) {
    const items = await fetchPage(page);
    yield* items;
    if (items.length < size) return;
  }
}
