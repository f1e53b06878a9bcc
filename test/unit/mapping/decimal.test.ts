import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareDecimal,
  decimalToNumberAtMost,
  isNegativeDecimal,
  minDecimal,
  parseDecimal,
} from '../../../src/internal/decimal.js';

describe('parseDecimal', () => {
  it.each([
    ['0', '0'],
    ['-0', '0'],
    ['-0.000', '0'],
    ['0.10', '0.1'],
    ['0010.500', '10.5'],
    ['15000.00', '15000'],
    ['-12.340', '-12.34'],
    ['14999.999999999999999999', '14999.999999999999999999'],
    ['0.000000000000000001', '0.000000000000000001'],
    ['123456789012345678901234567890', '123456789012345678901234567890'],
  ])('normalises the string %s to %s', (input, expected) => {
    expect(parseDecimal(input)).toBe(expected);
  });

  it.each([
    [0.1, '0.1'],
    [0.30000000000000004, '0.30000000000000004'],
    [1e21, '1000000000000000000000'],
    [1.5e22, '15000000000000000000000'],
    [1e-7, '0.0000001'],
    [1.25e-10, '0.000000000125'],
    [-2.5e-8, '-0.000000025'],
    [15000, '15000'],
    [-0, '0'],
    [Number.MAX_SAFE_INTEGER, '9007199254740991'],
  ])('reads the number %s as %s without exponent', (input, expected) => {
    expect(parseDecimal(input)).toBe(expected);
  });

  it.each(['', ' ', ' 5', '5 ', 'abc', '1e3', '1E3', '+5', '.5', '5.', '1,000', '0x10', '1.2.3', '--1', 'Infinity', 'NaN'])(
    'rejects the string %j',
    (input) => {
      expect(parseDecimal(input)).toBeUndefined();
    },
  );

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])('rejects the number %s', (input) => {
    expect(parseDecimal(input)).toBeUndefined();
  });

  it('rejects values that are neither strings nor numbers at runtime', () => {
    expect(parseDecimal(null as unknown as string)).toBeUndefined();
    expect(parseDecimal(10n as unknown as string)).toBeUndefined();
  });
});

describe('compareDecimal', () => {
  it('treats trailing zeros as equal', () => {
    expect(compareDecimal('0.1', '0.10')).toBe(0);
    expect(compareDecimal('15000', 15000)).toBe(0);
  });

  it('compares 18-decimal amounts exactly where floats cannot', () => {
    // As doubles both sides are 15000.
    expect(Number('14999.999999999999999999')).toBe(15000);
    expect(compareDecimal('14999.999999999999999999', 15000)).toBe(-1);
    expect(compareDecimal('15000.000000000000000001', '15000')).toBe(1);
    expect(compareDecimal('0.000000000000000001', '0')).toBe(1);
  });

  it('compares the number 0.1 + 0.2 as the decimal it prints as', () => {
    expect(compareDecimal(0.1 + 0.2, '0.3')).toBe(1);
    expect(compareDecimal('0.1', 0.1)).toBe(0);
  });

  it('orders negatives and mixed signs', () => {
    expect(compareDecimal('-1', '0')).toBe(-1);
    expect(compareDecimal('-1.5', '-1.25')).toBe(-1);
    expect(compareDecimal('-0', '0')).toBe(0);
    expect(compareDecimal('2', '-3')).toBe(1);
  });

  it('throws RangeError on a non-decimal', () => {
    expect(() => compareDecimal('1e3', '1')).toThrow(RangeError);
    expect(() => compareDecimal('1', Number.NaN)).toThrow(RangeError);
  });

  it('agrees with BigInt order on scaled integers (property)', () => {
    const decimal = fc
      .record({ units: fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), scale: fc.nat(20) })
      .map(({ units, scale }) => {
        const digits = (units < 0n ? -units : units).toString().padStart(scale + 1, '0');
        const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
        return { text: units < 0n ? `-${text}` : text, units: units * 10n ** BigInt(20 - scale) };
      });
    fc.assert(
      fc.property(decimal, decimal, (a, b) => {
        const expected = a.units < b.units ? -1 : a.units > b.units ? 1 : 0;
        expect(compareDecimal(a.text, b.text)).toBe(expected);
        expect(compareDecimal(b.text, a.text)).toBe(expected === 0 ? 0 : -expected);
      }),
    );
  });
});

describe('minDecimal', () => {
  it('returns the smaller value, normalised', () => {
    expect(minDecimal('500.00', 15000)).toBe('500');
    expect(minDecimal(5, '5.000')).toBe('5');
    expect(minDecimal('14999.999999999999999999', '15000')).toBe('14999.999999999999999999');
    expect(minDecimal('-1', '0.5')).toBe('-1');
  });

  it('throws RangeError on a non-decimal', () => {
    expect(() => minDecimal('', '1')).toThrow(RangeError);
  });
});

describe('isNegativeDecimal', () => {
  it('is true only below zero', () => {
    expect(isNegativeDecimal('-0.01')).toBe(true);
    expect(isNegativeDecimal(-3)).toBe(true);
    expect(isNegativeDecimal('-0')).toBe(false);
    expect(isNegativeDecimal('0.01')).toBe(false);
    expect(isNegativeDecimal('abc')).toBe(false);
  });
});

describe('decimalToNumberAtMost', () => {
  it('is exact when a double holds the value', () => {
    expect(decimalToNumberAtMost('500.00')).toBe(500);
    expect(decimalToNumberAtMost('0.1')).toBe(0.1);
    expect(decimalToNumberAtMost('1234.56')).toBe(1234.56);
  });

  it('steps below the value when the nearest double would be above it', () => {
    const n = decimalToNumberAtMost('14999.999999999999999999');
    expect(n).toBeLessThan(15000);
    expect(compareDecimal(n, '14999.999999999999999999')).toBe(-1);
  });

  it('never returns a number above the decimal (property)', () => {
    const decimal = fc
      .tuple(fc.bigInt({ min: 0n, max: 10n ** 25n }), fc.nat(20))
      .map(([units, scale]) => {
        const digits = units.toString().padStart(scale + 1, '0');
        return scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
      });
    fc.assert(
      fc.property(decimal, (text) => {
        expect(compareDecimal(decimalToNumberAtMost(text), text)).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('caps values beyond the double range at the largest double', () => {
    expect(decimalToNumberAtMost(`1${'0'.repeat(400)}`)).toBe(Number.MAX_VALUE);
  });
});
