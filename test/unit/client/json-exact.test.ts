import { describe, expect, it } from 'vitest';
import { parseJsonExact } from '../../../src/internal/json.js';

describe('parseJsonExact', () => {
  it('keeps integers beyond 2^53 and long decimals as their source text', () => {
    expect(parseJsonExact('{"id":1319354818066124801,"amount":0.047116964221968237,"n":[9007199254740993]}')).toEqual({
      id: '1319354818066124801',
      amount: '0.047116964221968237',
      n: ['9007199254740993'],
    });
  });

  it('leaves ordinary numbers alone', () => {
    expect(parseJsonExact('{"decimals":18,"expiresIn":30000,"fee":2.5,"lat":-78.617716,"max":9007199254740991}')).toEqual({
      decimals: 18,
      expiresIn: 30000,
      fee: 2.5,
      lat: -78.617716,
      max: 9007199254740991,
    });
  });

  it('leaves numbers written with an exponent as numbers, and finds long numbers in arrays and at the top', () => {
    expect(parseJsonExact('{"a":1e21,"b":3.346908393637813e+134}')).toEqual({ a: 1e21, b: 3.346908393637813e134 });
    expect(parseJsonExact('[1, 12345678901234567890]')).toEqual([1, '12345678901234567890']);
    expect(parseJsonExact(' 12345678901234567890')).toBe('12345678901234567890');
    // A long digit run inside a string is left as it is.
    expect(parseJsonExact('{"id":"12345678901234567890","n":1}')).toEqual({ id: '12345678901234567890', n: 1 });
  });

  it('leaves long digit runs inside strings alone, escaped quotes included', () => {
    expect(parseJsonExact('{"s":"x\\"y","id":12345678901234567890,"t":"a:12345678901234567890","u":"\\\\"}')).toEqual({
      s: 'x"y',
      id: '12345678901234567890',
      t: 'a:12345678901234567890',
      u: '\\',
    });
    expect(parseJsonExact('{"a":"\\\\","b":0.10000000000000000555,"c":[-12345678901234567890 ,1]}')).toEqual({ a: '\\', b: '0.10000000000000000555', c: ['-12345678901234567890', 1] });
  });

  it('throws SyntaxError on invalid JSON', () => {
    expect(() => parseJsonExact('{"data": ')).toThrow(SyntaxError);
  });
});
