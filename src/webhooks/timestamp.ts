/**
 * Reads an event time as the documents send it: epoch seconds (number or digit string), epoch
 * milliseconds, or an ISO 8601 string; an ISO string without a zone is taken as UTC.
 * Returns an invalid Date (NaN) when the value cannot be read; callers decide what that means.
 */
export function toDate(value: unknown): Date {
  if (typeof value === 'number') return new Date(value < 1e12 ? value * 1000 : value);
  if (typeof value !== 'string') return new Date(Number.NaN);
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return toDate(Number(text));
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(text);
  return new Date(hasZone || !text.includes('T') ? text : `${text}Z`);
}
