import { describe, expect, it } from 'vitest';
import { availableOptions, buildPartnerMapping } from 'coinme-sdk';
import { referenceAssets } from '../../fixtures/mapping/index.js';

const mapping = buildPartnerMapping({ assets: referenceAssets, licensedStates: ['WA', 'VA'] });
const empty = { assets: [], paymentMethods: [], limits: [] };

describe('availableOptions', () => {
  it('lists the on-ramp methods, their limits and every asset in a licensed state', () => {
    const options = availableOptions(mapping, { state: 'WA', direction: 'onramp' });
    expect(options.paymentMethods.map((m) => m.id)).toEqual(['CARD', 'GREENDOT']);
    expect(options.limits).toEqual([
      { paymentMethodId: 'CARD', currency: 'USD', min: 5, max: 15000 },
      { paymentMethodId: 'GREENDOT', currency: 'USD', min: 20, max: 2000 },
    ]);
    expect(options.assets).toEqual(mapping.assets);
    expect(options.assets).not.toBe(mapping.assets);
  });

  it('lists the off-ramp methods for selling', () => {
    const options = availableOptions(mapping, { state: ' va ', direction: 'offramp', country: 'USA' });
    expect(options.paymentMethods.map((m) => m.id)).toEqual(['READYCODE']);
    expect(options.limits.map((l) => l.paymentMethodId)).toEqual(['READYCODE']);
    expect(options.assets).toHaveLength(8);
  });

  it('is empty in a blocked state, an unknown state or another country', () => {
    expect(availableOptions(mapping, { state: 'NY', direction: 'onramp' })).toEqual(empty);
    expect(availableOptions(mapping, { state: 'ZZ', direction: 'onramp' })).toEqual(empty);
    expect(availableOptions(mapping, { state: 'WA', direction: 'onramp', country: 'CA' })).toEqual(empty);
  });

  it('leaves out methods the customer limit leaves no room for, and is empty when none is left', () => {
    const limited = buildPartnerMapping({
      assets: referenceAssets,
      licensedStates: ['WA'],
      limits: { buyLimitAmount: '10', sellLimitAmount: '0' },
    });
    const buy = availableOptions(limited, { state: 'WA', direction: 'onramp' });
    expect(buy.paymentMethods.map((m) => m.id)).toEqual(['CARD']);
    expect(buy.limits).toEqual([{ paymentMethodId: 'CARD', currency: 'USD', min: 5, max: 10 }]);
    expect(availableOptions(limited, { state: 'WA', direction: 'offramp' })).toEqual(empty);
  });

  it('leaves out methods not offered in the country', () => {
    const abroad = buildPartnerMapping({
      assets: referenceAssets,
      licensedStates: ['WA'],
      paymentMethods: [{ id: 'GREENDOT', supportedCountry: ['MX'] }],
    });
    expect(availableOptions(abroad, { state: 'WA', direction: 'onramp' }).paymentMethods.map((m) => m.id)).toEqual(['CARD']);
  });
});
