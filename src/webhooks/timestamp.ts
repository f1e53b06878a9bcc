const DIGIT = /^\d+(\.\d+)?$/;
const ZONE = /(Z|[+-]\d{2}:?\d{2})$/i;

const isDigit = (code: number) => code >= 48 && code <= 57;

// Digits of `text` from `start` to `end` as a number, or -1 if any is not a digit.
function digits(text: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (!isDigit(code)) return -1;
    value = value * 10 + code - 48;
  }
  return value;
}

/**
 * `YYYY-MM-DDTHH:MM:SS[.fraction]Z`, the form the documents send, read without the general date
 * parser (several times faster). Anything else, or an impossible date, returns undefined and is
 * left to `new Date`, so results are the same.
 */
function utcIso(text: string): Date | undefined {
  const n = text.length;
  if (n < 20 || text.charCodeAt(n - 1) !== 90) return undefined;
  if (text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':' || text[16] !== ':') return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  const hour = digits(text, 11, 13);
  const minute = digits(text, 14, 16);
  const second = digits(text, 17, 19);
  let ms = 0;
  if (n > 20) {
    if (text[19] !== '.' || n === 21) return undefined;
    const fraction = digits(text, 20, n - 1);
    if (fraction < 0) return undefined;
    ms = digits(`${text.slice(20, Math.min(23, n - 1))}00`, 0, 3);
  }
  if (year < 1000 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59 || Math.min(hour, minute, second) < 0) {
    return undefined;
  }
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms));
  return date.getUTCDate() === day ? date : undefined;
}

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
  if ((last === 90 || last === 122) && isDigit(value.charCodeAt(0))) return utcIso(value) ?? new Date(value);
  const text = value.trim();
  if (DIGIT.test(text)) return toDate(Number(text));
  const hasZone = ZONE.test(text);
  return new Date(hasZone || !text.includes('T') ? text : `${text}Z`);
}
