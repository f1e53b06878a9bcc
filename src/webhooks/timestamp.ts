const DIGIT = /^\d+(\.\d+)?$/;
const ZONE = /(Z|[+-]\d{2}:?\d{2})$/i;

const isDigit = (code: number) => code >= 48 && code <= 57;

/**
 * Reads an event time as the documents send it: epoch seconds (number or digit string), epoch
 * milliseconds, or an ISO 8601 string; an ISO string without a zone is taken as UTC.
 * Returns an invalid Date (NaN) when the value cannot be read; callers decide what that means.
 */
export function toDate(value: unknown): Date {
  if (typeof value === 'number') return new Date(value < 1e12 ? value * 1000 : value);
  if (typeof value !== 'string') return new Date(Number.NaN);
  // The common case, an ISO time in UTC ('2025-12-11T16:04:24Z'): nothing to trim or add.
  const last = value.charCodeAt(value.length - 1);
  if ((last === 90 || last === 122) && isDigit(value.charCodeAt(0))) return new Date(value);
  const text = value.trim();
  if (DIGIT.test(text)) return toDate(Number(text));
  const hasZone = ZONE.test(text);
  return new Date(hasZone || !text.includes('T') ? text : `${text}Z`);
}
