/** The one "is this a JSON object" check. Not part of the public API. */

/** `value` as a record when it is a non-null, non-array object; else `undefined`. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
