import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberToPlainDecimal } from '../../../src/internal/decimal.js';

describe('numberToPlainDecimal', () => {
  it.each([
    [200, '200'],
    [0.015, '0.015'],
    [1e-7, '0.0000001'],
    [1.5e-10, '0.00000000015'],
    [1e21, '1000000000000000000000'],
    [1.2345e25, '12345000000000000000000000'],
    [-2.5e-8, '-0.000000025'],
  ])('%s → %s', (input, expected) => {
    expect(numberToPlainDecimal(input)).toBe(expected);
  });

  it('never uses exponent notation and reads back as the same number', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const text = numberToPlainDecimal(value);
        expect(text).not.toMatch(/e/i);
        expect(Number(text)).toBe(value === 0 ? 0 : value);
      }),
      { numRuns: 500 },
    );
  });
});
