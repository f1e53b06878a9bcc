/** Argument checks shared by the Redis and Postgres backends: bad input is a `ValidationError`. */
import { ValidationError } from '../errors.js';
import type { TimelineEntry } from '../lifecycle/state.js';

/** Throws unless `key` is a non-empty string. */
export function checkKey(key: unknown, field = 'key'): asserts key is string {
  if (typeof key !== 'string' || key.length === 0) {
    throw new ValidationError(`${field} must be a non-empty string`, { field });
  }
}

/** Throws unless `ttlMs` is a positive whole number of milliseconds. */
export function checkTtl(ttlMs: unknown, field = 'ttlMs'): asserts ttlMs is number {
  if (typeof ttlMs !== 'number' || !Number.isSafeInteger(ttlMs) || ttlMs <= 0) {
    throw new ValidationError(`${field} must be a positive integer number of milliseconds`, { field });
  }
}

/** Throws unless `entry` is a well-formed shared token; never puts the token into the message. */
export function checkSharedToken(entry: unknown): asserts entry is { token: string; expiresAt: number; refreshAt: number } {
  const value = entry as { token?: unknown; expiresAt?: unknown; refreshAt?: unknown } | null;
  if (typeof value !== 'object' || value === null) throw new ValidationError('entry must be an object', { field: 'entry' });
  if (typeof value.token !== 'string' || value.token.length === 0) throw new ValidationError('entry.token must be a non-empty string', { field: 'entry.token' });
  for (const field of ['expiresAt', 'refreshAt'] as const) {
    if (typeof value[field] !== 'number' || !Number.isFinite(value[field])) {
      throw new ValidationError(`entry.${field} must be a finite number of epoch milliseconds`, { field: `entry.${field}` });
    }
  }
}

/** The shared token stored as JSON in `text`, or `undefined` when it is not one (then refresh). */
export function parseSharedToken(text: string): { token: string; expiresAt: number; refreshAt: number } | undefined {
  try {
    const entry: unknown = JSON.parse(text);
    checkSharedToken(entry);
    return { token: entry.token, expiresAt: entry.expiresAt, refreshAt: entry.refreshAt };
  } catch {
    return undefined;
  }
}

/** Throws unless `entry` is an object with a non-empty `eventId`. */
export function checkTimelineEntry(entry: TimelineEntry): void {
  if (typeof entry !== 'object' || entry === null) throw new ValidationError('entry must be a timeline entry', { field: 'entry' });
  checkKey(entry.eventId, 'entry.eventId');
}

/** Throws unless `from` is a list position (a non-negative integer). */
export function checkFrom(from: number): void {
  if (!Number.isInteger(from) || from < 0) throw new ValidationError('from must be a non-negative integer', { field: 'from' });
}
