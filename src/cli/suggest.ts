// Levenshtein distance over lower-cased names: `caas.buy.complete` is one edit from the real name.
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * Up to `limit` names closest to `input`: names containing it first (a partial name such as
 * `offramp:completed`), then the smallest edit distances.
 */
export function closest(input: string, names: readonly string[], limit = 3): string[] {
  const needle = input.toLowerCase();
  return names
    .map((name) => {
      const hay = name.toLowerCase();
      return { name, score: hay.includes(needle) ? 0 : distance(needle, hay) };
    })
    .filter(({ score }) => score <= Math.max(3, Math.floor(needle.length / 2)))
    .sort((a, b) => a.score - b.score)
    .slice(0, limit)
    .map(({ name }) => name);
}
