import { describe, expect, it } from 'vitest';
import { ValidationError } from 'coinme-sdk/webhooks';
import {
  buildPartnerMapping,
  DEFAULT_PAYMENT_METHODS,
  US_JURISDICTIONS,
  type PartnerMapping,
  type PartnerMappingInput,
  type PaymentMethodOverride,
} from 'coinme-sdk';
import {
  allJurisdictions,
  referenceAssets,
  referenceLicensedStates,
  seedAssets,
  seedSampleMapping,
} from '../../fixtures/mapping/index.js';

const withoutReadyCode: PaymentMethodOverride[] = [{ id: 'READYCODE', enabled: false }];

function limitOf(mapping: PartnerMapping, id: string) {
  const limit = mapping.transactionalLimits.byPaymentMethod.find((l) => l.paymentMethodId === id);
  if (!limit) throw new Error(`no limit for ${id}`);
  return limit;
}

function validationErrorOf(input: unknown): ValidationError {
  try {
    buildPartnerMapping(input as PartnerMappingInput);
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('buildPartnerMapping: the integration guide sample', () => {
  it('reproduces the sample byte for byte from its own inputs (the catalog without READYCODE)', () => {
    const mapping = buildPartnerMapping({
      assets: seedAssets,
      licensedStates: allJurisdictions,
      paymentMethods: withoutReadyCode,
    });
    expect(mapping).toStrictEqual(seedSampleMapping);
    expect(JSON.stringify(mapping)).toBe(JSON.stringify(seedSampleMapping));
    expect(mapping).not.toHaveProperty('notices');
  });

  it('adds only READYCODE to the sample with the full built-in catalog', () => {
    const mapping = buildPartnerMapping({ assets: seedAssets, licensedStates: allJurisdictions });
    expect(mapping.paymentMethods.map((m) => m.id)).toEqual(['CARD', 'GREENDOT', 'READYCODE']);
    expect(mapping.paymentMethods[2]).toEqual({
      id: 'READYCODE',
      label: 'ReadyCode ATM Cash Sell (Allpoint)',
      type: 'cash',
      availability: ['USD'],
      supportedCountry: ['US'],
      onrampAvailable: false,
      offrampAvailable: true,
    });
    expect(limitOf(mapping, 'READYCODE')).toEqual({ paymentMethodId: 'READYCODE', currency: 'USD', min: 20, max: 500 });
    const { paymentMethods, transactionalLimits, ...rest } = mapping;
    const { paymentMethods: seedMethods, transactionalLimits: seedLimits, ...seedRest } = seedSampleMapping;
    expect(rest).toEqual(seedRest);
    expect(paymentMethods.slice(0, 2)).toEqual(seedMethods);
    expect(transactionalLimits.byPaymentMethod.slice(0, 2)).toEqual(seedLimits.byPaymentMethod);
  });

  it('does not let callers change the built-in catalog', () => {
    expect(Object.isFrozen(DEFAULT_PAYMENT_METHODS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_PAYMENT_METHODS[0])).toBe(true);
    const mapping = buildPartnerMapping({ assets: [], licensedStates: [] });
    mapping.paymentMethods[0]?.availability.push('EUR');
    expect(DEFAULT_PAYMENT_METHODS[0]?.availability).toEqual(['USD']);
  });
});

describe('buildPartnerMapping: the reference examples', () => {
  const mapping = buildPartnerMapping({ assets: referenceAssets, licensedStates: referenceLicensedStates });

  it('lists the 8 cryptoChains assets sorted by code', () => {
    expect(referenceAssets).toHaveLength(8);
    expect(mapping.assets.map((a) => a.code)).toEqual(['BTC', 'DOGE', 'ETH', 'LINK', 'LTC', 'MATIC', 'USDC', 'XLM']);
    expect(mapping.assets.find((a) => a.code === 'USDC')).toEqual({
      code: 'USDC',
      name: 'USD Coin',
      decimals: 6,
      supportedChains: ['ETH'],
    });
  });

  it('blocks every jurisdiction but WA and VA', () => {
    const blocked = mapping.regions.stateRestrictions.US.blockedStates;
    expect(blocked).toHaveLength(54);
    expect(blocked).not.toContain('WA');
    expect(blocked).not.toContain('VA');
    expect(blocked).toContain('NY');
    expect(blocked).toContain('PR');
    expect(mapping.regions.supportedCountries).toEqual(['US']);
  });
});

describe('buildPartnerMapping: blocked states', () => {
  it('knows 56 jurisdictions: 50 states, DC and PR, GU, VI, AS, MP, sorted', () => {
    expect(US_JURISDICTIONS).toHaveLength(56);
    expect(new Set(US_JURISDICTIONS).size).toBe(56);
    expect([...US_JURISDICTIONS].sort()).toEqual(US_JURISDICTIONS);
    for (const code of ['DC', 'PR', 'GU', 'VI', 'AS', 'MP']) expect(US_JURISDICTIONS).toContain(code);
    for (const code of ['UM', 'AA', 'AE', 'AP', 'FM', 'MH', 'PW']) expect(US_JURISDICTIONS).not.toContain(code);
  });

  it('blocks everything when nothing is licensed', () => {
    const mapping = buildPartnerMapping({ assets: [], licensedStates: [] });
    expect(mapping.regions.stateRestrictions.US.blockedStates).toEqual(US_JURISDICTIONS);
  });

  it('is the complement of the licensed list, sorted', () => {
    const licensed = US_JURISDICTIONS.filter((_, i) => i % 3 === 0);
    const mapping = buildPartnerMapping({ assets: [], licensedStates: [...licensed].reverse() });
    const blocked = mapping.regions.stateRestrictions.US.blockedStates;
    expect(blocked).toHaveLength(56 - licensed.length);
    expect([...blocked].sort()).toEqual(blocked);
    expect([...blocked, ...licensed].sort()).toEqual(US_JURISDICTIONS);
  });

  it('normalises codes (trim, upper case) and ignores duplicates', () => {
    const mapping = buildPartnerMapping({
      assets: [],
      licensedStates: US_JURISDICTIONS.filter((c) => c !== 'WA' && c !== 'NY').map((c) => ` ${c.toLowerCase()} `).concat('tx'),
    });
    expect(mapping.regions.stateRestrictions.US.blockedStates).toEqual(['NY', 'WA']);
    expect(mapping.notices).toBeUndefined();
  });

  it('reports codes that are not US jurisdictions instead of dropping them silently', () => {
    const mapping = buildPartnerMapping({ assets: [], licensedStates: ['WA', 'ZZ', 'ae', 'Washington'] });
    expect(mapping.notices).toEqual([
      { code: 'unknown_jurisdiction', jurisdiction: 'AE', message: expect.stringContaining('"AE"') },
      { code: 'unknown_jurisdiction', jurisdiction: 'WASHINGTON', message: expect.stringContaining('"WASHINGTON"') },
      { code: 'unknown_jurisdiction', jurisdiction: 'ZZ', message: expect.stringContaining('not a US state') },
    ]);
    expect(mapping.regions.stateRestrictions.US.blockedStates).toHaveLength(55);
  });
});

describe('buildPartnerMapping: catalog overrides', () => {
  it('replaces the given fields of a catalog method and keeps the others', () => {
    const mapping = buildPartnerMapping({
      assets: [],
      licensedStates: [],
      paymentMethods: [{ id: 'greendot', label: 'Cash at the store', max: 1000 }],
    });
    const method = mapping.paymentMethods.find((m) => m.id === 'GREENDOT');
    expect(method?.label).toBe('Cash at the store');
    expect(method?.type).toBe('cash');
    expect(limitOf(mapping, 'GREENDOT')).toEqual({ paymentMethodId: 'GREENDOT', currency: 'USD', min: 20, max: 1000 });
  });

  it('extends the catalog with a new method, sorted by id', () => {
    const mapping = buildPartnerMapping({
      assets: [],
      licensedStates: [],
      paymentMethods: [
        {
          id: 'ACH',
          label: 'Bank Transfer',
          type: 'bank',
          availability: ['USD'],
          supportedCountry: ['US'],
          onrampAvailable: true,
          offrampAvailable: true,
          currency: 'USD',
          min: 10,
          max: 25000,
        },
      ],
    });
    expect(mapping.paymentMethods.map((m) => m.id)).toEqual(['ACH', 'CARD', 'GREENDOT', 'READYCODE']);
    expect(limitOf(mapping, 'ACH')).toEqual({ paymentMethodId: 'ACH', currency: 'USD', min: 10, max: 25000 });
  });

  it('removes a method with enabled: false', () => {
    const mapping = buildPartnerMapping({ assets: [], licensedStates: [], paymentMethods: [{ id: 'CARD', enabled: false }] });
    expect(mapping.paymentMethods.map((m) => m.id)).toEqual(['GREENDOT', 'READYCODE']);
    expect(mapping.transactionalLimits.byPaymentMethod.map((l) => l.paymentMethodId)).toEqual(['GREENDOT', 'READYCODE']);
  });

  it.each([
    [[{ id: 'CARD' }, { id: 'GREENDOT', min: -1 }], 'paymentMethods.1.min'],
    [[{ id: 'CARD', min: '5' }], 'paymentMethods.0.min'],
    [[{ id: 'CARD', max: Number.POSITIVE_INFINITY }], 'paymentMethods.0.max'],
    [[{ id: '' }], 'paymentMethods.0.id'],
    [[{ id: 'CARD', label: '' }], 'paymentMethods.0.label'],
    [[{ id: 'CARD', onrampAvailable: 'yes' }], 'paymentMethods.0.onrampAvailable'],
    [[{ id: 'CARD', maximum: 100 }], 'paymentMethods.0.maximum'],
    [[{ id: 'CARD', availability: ['USD', 3] }], 'paymentMethods.0.availability.1'],
    [[{ id: 'CARD', min: 20000 }], 'paymentMethods.0.min'],
    [[{ id: 'CARD', max: 1 }], 'paymentMethods.0.max'],
    [[{ id: 'NEW', label: 'New' }], 'paymentMethods.0.type'],
  ])('rejects the override %j naming %s', (paymentMethods, field) => {
    const error = validationErrorOf({ assets: [], licensedStates: [], paymentMethods });
    expect(error.field).toBe(field);
    expect(error.message).toContain(field);
    expect(error.issues[0]?.path).toBe(field);
  });
});

describe('buildPartnerMapping: input validation', () => {
  it.each([
    [{ assets: 'BTC', licensedStates: [] }, 'assets'],
    [{ assets: [{ code: 'BTC', name: 'Bitcoin', decimals: 8.5, supportedChains: [] }], licensedStates: [] }, 'assets.0.decimals'],
    [{ assets: [], licensedStates: ['WA', 7] }, 'licensedStates.1'],
    [{ assets: [], licensedStates: [], limits: { buyLimitAmount: 'abc', sellLimitAmount: '1' } }, 'limits.buyLimitAmount'],
    [{ assets: [], licensedStates: [], limits: { buyLimitAmount: '1', sellLimitAmount: '-5' } }, 'limits.sellLimitAmount'],
    [{ assets: [], licensedStates: [], country: 'CA' }, 'country'],
  ])('rejects %j naming %s', (input, field) => {
    expect(validationErrorOf(input).field).toBe(field);
  });

  // Messages and issue lists exactly as zod's stock schemas word them.
  it.each([
    [{ code: 'BTC', name: 'Bitcoin', decimals: 1.5, supportedChains: [] }, ['assets.0.decimals must be an integer']],
    [
      { code: 'BTC', name: 'Bitcoin', decimals: -(2 ** 60), supportedChains: [] },
      ['assets.0.decimals must be an integer', 'assets.0.decimals must not be negative'],
    ],
    [
      { code: '', name: 'Bitcoin', decimals: -1, supportedChains: [[]] },
      [
        'assets.0.code must not be empty',
        'assets.0.decimals must not be negative',
        'assets.0.supportedChains.0 must be a string',
        'assets.0.supportedChains.0 must not be empty',
      ],
    ],
  ])('words the bad asset %j', (asset, issues) => {
    const error = validationErrorOf({ assets: [asset], licensedStates: [] });
    expect(error.message).toBe(`Invalid partner mapping ${issues[0]!.replace(' ', ': ')}`);
    expect(error.issues.map((issue) => `${issue.path} ${issue.message}`)).toEqual(issues);
  });

  it.each([
    [
      { limits: { buyLimitAmount: true, sellLimitAmount: '-1' } },
      ['limits.buyLimitAmount must be a decimal string', 'limits.sellLimitAmount must be a non-negative decimal'],
    ],
    [
      { paymentMethods: [{ id: 'GREENDOT', min: Number.NaN, max: -1, enabled: 'yes' }] },
      ['paymentMethods.0.enabled must be a boolean', 'paymentMethods.0.min must be a finite number', 'paymentMethods.0.max must not be negative'],
    ],
  ])('words the bad input %j', (input, issues) => {
    const error = validationErrorOf({ assets: [], licensedStates: [], ...input });
    expect(error.issues.map((issue) => `${issue.path} ${issue.message}`)).toEqual(issues);
  });

  it('rejects duplicate asset codes', () => {
    const btc = { code: 'BTC', name: 'Bitcoin', decimals: 8, supportedChains: ['BTC'] };
    expect(validationErrorOf({ assets: [btc, { ...btc, name: 'Other' }], licensedStates: [] }).field).toBe('assets.1.code');
  });

  it('accepts USA as the country, as locationlicensing spells it', () => {
    const mapping = buildPartnerMapping({ assets: [], licensedStates: [], country: 'usa' });
    expect(mapping.regions.supportedCountries).toEqual(['US']);
  });

  it('keeps only the documented asset fields and sorts and dedupes chains', () => {
    const asset = { code: 'USDC', name: 'USD Coin', decimals: 6, supportedChains: ['SOL', 'ETH', 'SOL'], extra: true };
    const mapping = buildPartnerMapping({ assets: [asset], licensedStates: [] });
    expect(mapping.assets).toEqual([{ code: 'USDC', name: 'USD Coin', decimals: 6, supportedChains: ['ETH', 'SOL'] }]);
  });
});

describe('buildPartnerMapping: customer limits', () => {
  const build = (buyLimitAmount: string, sellLimitAmount: string) =>
    buildPartnerMapping({ assets: [], licensedStates: [], limits: { buyLimitAmount, sellLimitAmount } });

  it('narrows on-ramp methods by the buy limit and off-ramp methods by the sell limit', () => {
    const mapping = build('500.00', '100.00');
    expect(limitOf(mapping, 'CARD').max).toBe(500);
    expect(limitOf(mapping, 'GREENDOT').max).toBe(500);
    expect(limitOf(mapping, 'READYCODE').max).toBe(100);
    expect(limitOf(mapping, 'CARD').min).toBe(5);
  });

  it('never widens a catalog max', () => {
    const mapping = build('1000000.00', '1000000.00');
    expect(limitOf(mapping, 'CARD').max).toBe(15000);
    expect(limitOf(mapping, 'GREENDOT').max).toBe(2000);
    expect(limitOf(mapping, 'READYCODE').max).toBe(500);
  });

  it('keeps cents exactly', () => {
    expect(limitOf(build('1234.56', '0'), 'CARD').max).toBe(1234.56);
  });

  it('rounds an unrepresentable limit down, never up', () => {
    const max = limitOf(build('1999.999999999999999999', '500'), 'GREENDOT').max;
    expect(max).toBeLessThan(2000);
    expect(max).toBeGreaterThan(1999.99);
  });

  it('narrows a two-way method by the lower of both limits', () => {
    const mapping = buildPartnerMapping({
      assets: [],
      licensedStates: [],
      limits: { buyLimitAmount: '300', sellLimitAmount: '200' },
      paymentMethods: [{ id: 'CARD', offrampAvailable: true }],
    });
    expect(limitOf(mapping, 'CARD').max).toBe(200);
  });

  it('reports a method whose customer limit falls below its minimum', () => {
    const mapping = build('10.00', '0.00');
    expect(limitOf(mapping, 'GREENDOT')).toEqual({ paymentMethodId: 'GREENDOT', currency: 'USD', min: 20, max: 10 });
    expect(limitOf(mapping, 'READYCODE').max).toBe(0);
    expect(mapping.notices).toEqual([
      { code: 'limit_below_min', paymentMethodId: 'GREENDOT', message: expect.stringContaining('below the minimum') },
      { code: 'limit_below_min', paymentMethodId: 'READYCODE', message: expect.stringContaining('below the minimum') },
    ]);
  });

  it('accepts limits given as numbers', () => {
    const mapping = buildPartnerMapping({
      assets: [],
      licensedStates: [],
      limits: { buyLimitAmount: 250, sellLimitAmount: '40' },
    });
    expect(limitOf(mapping, 'CARD').max).toBe(250);
  });
});

describe('buildPartnerMapping: determinism', () => {
  function shuffled<T>(values: readonly T[], seed: number): T[] {
    const copy = [...values];
    let state = seed;
    for (let i = copy.length - 1; i > 0; i--) {
      state = (state * 1103515245 + 12345) % 2147483648;
      const j = state % (i + 1);
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  }

  it('gives byte-identical JSON for shuffled inputs', () => {
    const extension: PaymentMethodOverride = {
      id: 'ACH', label: 'Bank', type: 'bank', availability: ['USD', 'EUR'], supportedCountry: ['US'],
      onrampAvailable: true, offrampAvailable: false, currency: 'USD', min: 1, max: 10,
    };
    const input = (seed: number): PartnerMappingInput => ({
      assets: shuffled(referenceAssets, seed).map((a) => ({ ...a, supportedChains: shuffled([...a.supportedChains, 'ZZZ', 'AAA'], seed) })),
      licensedStates: shuffled([...referenceLicensedStates, 'NY', 'TX', 'xx', 'QQ'], seed),
      limits: { buyLimitAmount: '1.00', sellLimitAmount: '300.5' },
      paymentMethods: shuffled([extension, { id: 'GREENDOT', max: 100 }], seed),
    });
    const first = JSON.stringify(buildPartnerMapping(input(1)));
    for (const seed of [2, 3, 42, 1234, 99999]) expect(JSON.stringify(buildPartnerMapping(input(seed)))).toBe(first);
    expect(first).toContain('"notices"');
  });

  it('does not mutate its input', () => {
    const assets = structuredClone(referenceAssets).reverse();
    const licensedStates = ['wa', 'VA'];
    const before = JSON.stringify({ assets, licensedStates });
    buildPartnerMapping({ assets, licensedStates });
    expect(JSON.stringify({ assets, licensedStates })).toBe(before);
  });
});
