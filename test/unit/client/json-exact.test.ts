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

  it('throws SyntaxError on invalid JSON', () => {
    expect(() => parseJsonExact('{"data": ')).toThrow(SyntaxError);
  });
});
