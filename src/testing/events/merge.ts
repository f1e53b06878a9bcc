/**
 * Overrides for a generated payload, some of its fields at any depth. Objects are merged
 * field by field; arrays and scalars replace the sample's value whole.
 *
 * @example
 * ```ts
 * const overrides: DeepPartial<CaasBuyCompletedPayload> = { data: { transactionId: '42' } };
 * ```
 */
export type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

type JsonRecord = Record<string, unknown>;

const isPlainObject = (value: unknown): value is JsonRecord =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// Keys that would reach a prototype instead of the body.
const UNSAFE = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * A new object: `base` with `patch` merged in (objects recursively; everything else replaced).
 * Neither input is modified, and the result shares no objects or arrays with them.
 */
export function deepMerge(base: JsonRecord, patch: unknown): JsonRecord {
  const out = structuredClone(base);
  if (!isPlainObject(patch)) return out;
  for (const [key, value] of Object.entries(patch)) {
    if (UNSAFE.has(key) || value === undefined) continue;
    const current = out[key];
    out[key] = isPlainObject(value) && isPlainObject(current) ? deepMerge(current, value) : structuredClone(value);
  }
  return out;
}
