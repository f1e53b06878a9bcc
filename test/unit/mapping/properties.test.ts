import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareDecimal } from '../../../src/internal/decimal.js';
import { buildPartnerMapping, DEFAULT_PAYMENT_METHODS, US_JURISDICTIONS } from 'coinme-sdk';
import { referenceAssets } from '../../fixtures/mapping/index.js';

// Decimal strings with up to 18 fraction digits, from 0 to 10^7.
const decimalLimit = fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 25n }), fc.nat(18)).map(([units, scale]) => {
  const digits = units.toString().padStart(scale + 1, '0');
  return scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
});

describe('buildPartnerMapping properties', () => {
  it('never widens a catalog max, and narrows to the customer limit otherwise', () => {
    fc.assert(
      fc.property(decimalLimit, decimalLimit, (buyLimitAmount, sellLimitAmount) => {
        const mapping = buildPartnerMapping({ assets: [], licensedStates: [], limits: { buyLimitAmount, sellLimitAmount } });
        for (const method of DEFAULT_PAYMENT_METHODS) {
          const limit = mapping.transactionalLimits.byPaymentMethod.find((l) => l.paymentMethodId === method.id);
          const customer = method.onrampAvailable ? buyLimitAmount : sellLimitAmount;
          expect(limit?.max).toBeLessThanOrEqual(method.max);
          expect(compareDecimal(limit?.max ?? Number.NaN, customer)).toBeLessThanOrEqual(0);
          expect(limit?.min).toBe(method.min);
        }
      }),
    );
  });

  it('makes blockedStates and the licensed list partition every jurisdiction', () => {
    const code = fc.oneof(fc.constantFrom(...US_JURISDICTIONS), fc.stringMatching(/^[A-Za-z]{2}$/));
    fc.assert(
      fc.property(fc.array(code, { maxLength: 80 }), (licensedStates) => {
        const mapping = buildPartnerMapping({ assets: referenceAssets, licensedStates });
        const blocked = mapping.regions.stateRestrictions.US.blockedStates;
        const licensed = new Set(licensedStates.map((c) => c.toUpperCase()));
        const known = US_JURISDICTIONS.filter((c) => licensed.has(c));
        expect(blocked.filter((c) => licensed.has(c))).toEqual([]);
        expect([...blocked, ...known].sort()).toEqual(US_JURISDICTIONS);
        expect([...blocked].sort()).toEqual(blocked);
        const unknown = [...licensed].filter((c) => !US_JURISDICTIONS.includes(c)).sort();
        expect((mapping.notices ?? []).map((n) => (n.code === 'unknown_jurisdiction' ? n.jurisdiction : ''))).toEqual(unknown);
      }),
    );
  });

  it('gives the same JSON for any order of its inputs', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray([...US_JURISDICTIONS, 'ZZ', 'AE']),
        fc.integer({ min: 0, max: 1000 }),
        (licensedStates, seed) => {
          const rotate = <T>(values: readonly T[]) => values.map((_, i) => values[(i + seed) % values.length] as T);
          const a = buildPartnerMapping({ assets: referenceAssets, licensedStates });
          const b = buildPartnerMapping({ assets: rotate(referenceAssets), licensedStates: rotate(licensedStates).reverse() });
          expect(JSON.stringify(b)).toBe(JSON.stringify(a));
        },
      ),
    );
  });
});
