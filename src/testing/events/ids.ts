// Deterministic ids for generated events. Not cryptographic: they only need to be stable for a
// given seed and counter, and different between seeds, so tests can compare bodies exactly.

/**
 * A factory set's seed, a number or a string; `7` and `'7'` give the same ids.
 *
 * @example
 * ```ts
 * const seed: EventSeed = 'checkout-test';
 * ```
 */
export type EventSeed = number | string;

// FNV-1a over the text form: a string and a number seed of the same spelling give the same ids.
function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A stream of pseudo-random 32-bit words (splitmix32) for one seed, counter and field. */
function words(seed: EventSeed, counter: number, field: string): () => number {
  let state = hash32(`${String(seed)}\u0000${counter}\u0000${field}`);
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DIGITS = /^\d+$/;

function uuid(next: () => number): string {
  const hex = Array.from({ length: 4 }, () => next().toString(16).padStart(8, '0')).join('');
  // Version 4 and the RFC 4122 variant, so validators that check them accept the id.
  const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function digits(next: () => number, length: number): string {
  let text = String((next() % 9) + 1);
  while (text.length < length) text += String(next() % 10);
  return text;
}

/**
 * A fresh id shaped like `sample`: a UUID for a UUID, a digit string of the same length for a
 * digit string, a positive integer for a number; any other string gets a seeded suffix.
 */
export function idLike(sample: unknown, seed: EventSeed, counter: number, field: string): string | number {
  const next = words(seed, counter, field);
  if (typeof sample === 'number') return (next() % 2_000_000_000) + 1;
  const text = typeof sample === 'string' ? sample : '';
  if (UUID.test(text)) return uuid(next);
  if (DIGITS.test(text)) return digits(next, text.length);
  return `${text || 'evt'}_${next().toString(36)}${next().toString(36)}`;
}
