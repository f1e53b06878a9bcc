import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toDate } from '../../../src/webhooks/timestamp.js';

const pad = (value: number, width: number) => String(value).padStart(width, '0');

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

  it('gives exactly what new Date gives for any UTC ISO string, valid or not', () => {
    const iso = fc
      .record({
        year: fc.integer({ min: 0, max: 9999 }),
        month: fc.integer({ min: 0, max: 13 }),
        day: fc.integer({ min: 0, max: 32 }),
        hour: fc.integer({ min: 0, max: 25 }),
        minute: fc.integer({ min: 0, max: 61 }),
        second: fc.integer({ min: 0, max: 61 }),
        fraction: fc.option(fc.stringMatching(/^[0-9]{1,9}$/), { nil: undefined }),
      })
      .map(
        ({ year, month, day, hour, minute, second, fraction }) =>
          `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}${fraction === undefined ? '' : `.${fraction}`}Z`,
      );
    fc.assert(
      fc.property(fc.oneof(iso, fc.string().map((s) => `${s}Z`), fc.string()), (text) => {
        const expected = new Date(text.trim().length > 0 && /^\d/.test(text) && /z$/i.test(text) ? text : toDate(text).getTime());
        expect(toDate(text).getTime()).toEqual(expected.getTime());
      }),
      { numRuns: 5000, seed: 20261122 },
    );
  });
});
