import { describe, expect, it } from 'vitest';
import { multiplyDecimal } from '../../../src/sandbox/amounts.js';

describe('multiplyDecimal (the simulated credit amount)', () => {
  it('multiplies exactly and rounds down to the asset decimals', () => {
    expect(multiplyDecimal('200', '0.00000850', 8)).toBe('0.00170000');
    expect(multiplyDecimal('203.80', '0.00000850', 8)).toBe('0.00173230');
    expect(multiplyDecimal('0.1', '0.2', 2)).toBe('0.02');
    expect(multiplyDecimal('1.999', '1', 2)).toBe('1.99');
    expect(multiplyDecimal('12', '3', 0)).toBe('36');
    // Past what a double holds exactly.
    expect(multiplyDecimal('9007199254740993', '1', 0)).toBe('9007199254740993');
  });

  it('gives up on anything that is not a plain decimal', () => {
    expect(multiplyDecimal('1e3', '2', 2)).toBeUndefined();
    expect(multiplyDecimal('-5', '2', 2)).toBeUndefined();
    expect(multiplyDecimal('abc', '2', 2)).toBeUndefined();
  });
});
