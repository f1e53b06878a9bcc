import { describe, expect, it } from 'vitest';
import { toDate } from '../../../src/webhooks/timestamp.js';

describe('toDate', () => {
  it('reads the documents’ forms: ISO with Z, ISO without zone (UTC), epoch seconds and ms', () => {
    expect(toDate('2025-12-19T20:38:07Z').toISOString()).toBe('2025-12-19T20:38:07.000Z');
    expect(toDate('2025-12-19T17:26:06.943000Z').toISOString()).toBe('2025-12-19T17:26:06.943Z');
    expect(toDate('2022-03-15T12:13:05.909616').toISOString()).toBe('2022-03-15T12:13:05.909Z');
    expect(toDate(1766176687).toISOString()).toBe('2025-12-19T20:38:07.000Z');
    expect(toDate('1766176687').toISOString()).toBe('2025-12-19T20:38:07.000Z');
    expect(toDate(1766176687000).toISOString()).toBe('2025-12-19T20:38:07.000Z');
    expect(Number.isNaN(toDate('2025-02-30T00:00:00Z').getTime())).toBe(Number.isNaN(new Date('2025-02-30T00:00:00Z').getTime()));
    expect(Number.isNaN(toDate('not a date').getTime())).toBe(true);
    expect(Number.isNaN(toDate(null).getTime())).toBe(true);
  });
});
