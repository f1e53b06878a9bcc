import { describe, expect, it } from 'vitest';
import {
  buildPartnerMapping,
  checkEligibility,
  type EligibilityQuery,
  type EligibilityResult,
  type IneligibilityCode,
} from 'coinme-sdk';
import { referenceAssets } from '../../fixtures/mapping/index.js';

// Licensed in WA and VA only (the locationlicensing reference example).
const mapping = buildPartnerMapping({ assets: referenceAssets, licensedStates: ['WA', 'VA'] });

const base: EligibilityQuery = { asset: 'BTC', paymentMethod: 'CARD', state: 'WA', amount: '50', direction: 'onramp' };

function codes(result: EligibilityResult): IneligibilityCode[] {
  return result.ok ? [] : result.reasons.map((reason) => reason.code);
}

describe('checkEligibility', () => {
  it('accepts an eligible on-ramp and off-ramp', () => {
    expect(checkEligibility(mapping, base)).toEqual({ ok: true });
    expect(checkEligibility(mapping, { ...base, paymentMethod: 'READYCODE', amount: '100', direction: 'offramp' })).toEqual({ ok: true });
  });

  it('matches codes case-insensitively and ignores surrounding spaces', () => {
    expect(checkEligibility(mapping, { ...base, asset: ' btc', paymentMethod: 'card ', state: 'wa', chain: 'btc', country: 'usa' })).toEqual({
      ok: true,
    });
  });

  it.each<[Partial<EligibilityQuery>, IneligibilityCode]>([
    [{ asset: 'SHIB' }, 'unsupported_asset'],
    [{ asset: 'USDC', chain: 'SOL' }, 'unsupported_chain'],
    [{ paymentMethod: 'PAYPAL' }, 'unsupported_payment_method'],
    [{ paymentMethod: 'CARD', direction: 'offramp' }, 'unsupported_direction'],
    [{ country: 'CA' }, 'unsupported_country'],
    [{ state: 'NY' }, 'blocked_state'],
    [{ state: 'ZZ' }, 'blocked_state'],
    [{ amount: '4.99' }, 'below_min'],
    [{ amount: '15000.01' }, 'above_max'],
    [{ amount: 'abc' }, 'invalid_amount'],
  ])('reports %j as %s, with a message', (change, code) => {
    const result = checkEligibility(mapping, { ...base, ...change });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reasons).toHaveLength(1);
    expect(result.reasons[0]?.code).toBe(code);
    expect(result.reasons[0]?.message).toMatch(/\w{3,}.*\.$/);
  });

  it('names the place, method and limit in its messages', () => {
    const blocked = checkEligibility(mapping, { ...base, state: 'ny', amount: '16000' });
    expect(blocked).toEqual({
      ok: false,
      reasons: [
        { code: 'blocked_state', message: 'Coinme is not licensed in NY.' },
        { code: 'above_max', message: 'The maximum for Debit Card is 15000 USD.' },
      ],
    });
  });

  it('reports a payment method that exists only in another country', () => {
    const abroad = buildPartnerMapping({
      assets: referenceAssets,
      licensedStates: ['WA'],
      paymentMethods: [{ id: 'CARD', supportedCountry: ['MX'] }],
    });
    expect(codes(checkEligibility(abroad, base))).toEqual(['unsupported_country']);
  });

  it('reports every failing check at once, each code once', () => {
    const result = checkEligibility(mapping, {
      asset: 'SHIB', paymentMethod: 'READYCODE', state: 'NY', amount: '1', direction: 'onramp', country: 'US',
    });
    expect(codes(result)).toEqual(['unsupported_asset', 'unsupported_direction', 'blocked_state', 'below_min']);
  });

  it('does not check the chain of an unknown asset, nor the limits of an unknown method', () => {
    expect(codes(checkEligibility(mapping, { ...base, asset: 'SHIB', chain: 'ETH' }))).toEqual(['unsupported_asset']);
    expect(codes(checkEligibility(mapping, { ...base, paymentMethod: 'PAYPAL', amount: '1' }))).toEqual(['unsupported_payment_method']);
  });

  it('does not check the state when none is given', () => {
    expect(checkEligibility(mapping, { ...base, state: undefined })).toEqual({ ok: true });
  });

  describe('amounts', () => {
    const check = (amount: string | number) => codes(checkEligibility(mapping, { ...base, amount }));

    it('includes both bounds', () => {
      expect(check('5')).toEqual([]);
      expect(check('5.00')).toEqual([]);
      expect(check('15000')).toEqual([]);
      expect(check(15000)).toEqual([]);
    });

    it('compares 18-decimal amounts exactly', () => {
      expect(check('14999.999999999999999999')).toEqual([]);
      expect(check('15000.000000000000000001')).toEqual(['above_max']);
      expect(check('4.999999999999999999')).toEqual(['below_min']);
      expect(check('5.000000000000000001')).toEqual([]);
    });

    it('compares "0.1" and "0.10" as the same amount', () => {
      const tiny = buildPartnerMapping({
        assets: referenceAssets,
        licensedStates: ['WA'],
        paymentMethods: [{ id: 'CARD', min: 0.1, max: 0.3 }],
      });
      const at = (amount: string | number) => codes(checkEligibility(tiny, { ...base, amount }));
      expect(at('0.1')).toEqual([]);
      expect(at('0.10')).toEqual([]);
      expect(at('0.09999999999999999999')).toEqual(['below_min']);
      expect(at('0.3')).toEqual([]);
      // 0.1 + 0.2 prints as 0.30000000000000004: above 0.3, unlike the decimal sum "0.3".
      expect(at(0.1 + 0.2)).toEqual(['above_max']);
    });

    it.each(['', ' ', 'abc', '1e3', '-1', '-0.01', '+5', '5.', '.5', '1,000', 'NaN'])('rejects %j as invalid_amount', (amount) => {
      expect(check(amount)).toEqual(['invalid_amount']);
    });

    it.each([Number.NaN, Number.POSITIVE_INFINITY, -5])('rejects the number %s as invalid_amount', (amount) => {
      expect(check(amount)).toEqual(['invalid_amount']);
    });

    it('accepts numbers in exponent form, read exactly', () => {
      expect(check(1e3)).toEqual([]);
      expect(check(1e21)).toEqual(['above_max']);
    });

    it('quotes the rejected amount in the message', () => {
      const result = checkEligibility(mapping, { ...base, amount: '1e3' });
      expect(result).toEqual({ ok: false, reasons: [{ code: 'invalid_amount', message: expect.stringContaining('"1e3"') }] });
    });
  });

  describe('with customer limits', () => {
    const limited = buildPartnerMapping({
      assets: referenceAssets,
      licensedStates: ['WA'],
      limits: { buyLimitAmount: '3.00', sellLimitAmount: '500.00' },
    });

    it('checks amounts against the narrowed max', () => {
      const withLimit = buildPartnerMapping({ assets: referenceAssets, licensedStates: ['WA'], limits: { buyLimitAmount: '100', sellLimitAmount: '0' } });
      expect(codes(checkEligibility(withLimit, { ...base, amount: '100' }))).toEqual([]);
      expect(codes(checkEligibility(withLimit, { ...base, amount: '100.01' }))).toEqual(['above_max']);
    });

    it('refuses a method with no room left, even without an amount', () => {
      const result = checkEligibility(limited, { ...base, amount: undefined });
      expect(codes(result)).toEqual(['above_max']);
      expect(result.ok ? '' : result.reasons[0]?.message).toContain('below its minimum');
    });

    it('refuses every amount for such a method', () => {
      expect(codes(checkEligibility(limited, { ...base, amount: '2' }))).toEqual(['below_min']);
      expect(codes(checkEligibility(limited, { ...base, amount: '5' }))).toEqual(['above_max']);
    });
  });
});
