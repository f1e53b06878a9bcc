import { describe, expect, it } from 'vitest';
import { CoinmeClient, type CoinmeClientOptions } from 'coinme-sdk';
import { ValidationError } from 'coinme-sdk';
import { useMockCoinme } from './mock-server.js';

const { mock, client } = useMockCoinme();

async function invalid(promise: Promise<unknown>): Promise<ValidationError> {
  const error = await promise.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ValidationError);
  expect(mock.requests).toHaveLength(0); // nothing was sent, not even authorize
  return error as ValidationError;
}

const quote = { debitCurrencyCode: 'USD', creditCurrencyCode: 'BTC', amountValue: '200', amountCurrencyCode: 'USD' };

describe('input validation', () => {
  it.each([
    ['amountValue', { ...quote, amountValue: Number.NaN }],
    ['amountValue', { ...quote, amountValue: Number.POSITIVE_INFINITY }],
    ['amountValue', { ...quote, amountValue: -5 }],
    ['amountValue', { ...quote, amountValue: '1e3' }],
    ['amountValue', { ...quote, amountValue: '0' }],
    ['amountValue', { ...quote, amountValue: 2 ** 60 }],
    ['debitCurrencyCode', { ...quote, debitCurrencyCode: undefined }],
    ['cryptoSettlementType', { ...quote, cryptoSettlementType: 'OFFCHAIN' }],
    ['amountCurency', { ...quote, amountCurency: 'USD' }],
  ])('quotes.informative rejects a bad %s', async (field, params) => {
    const error = await invalid(client().quotes.informative(params as never));
    expect(error.field).toBe(field);
    expect(error.message.startsWith(field)).toBe(true);
  });

  it.each([
    ['walletAddress', { destinationCurrency: 'BTC' }],
    ['walletAddress', { destinationCurrency: 'BTC', walletAddress: '' }],
    ['destinationCurrency', { walletAddress: 'bc1q' }],
    ['countryCode', { destinationCurrency: 'BTC', walletAddress: 'bc1q', countryCode: 'USA' }],
    ['sourceAmount', { destinationCurrency: 'BTC', walletAddress: 'bc1q', sourceAmount: -1 }],
    ['redirectUrl', { destinationCurrency: 'BTC', walletAddress: 'bc1q', redirectUrl: 'javascript:alert(1)' }],
  ])('widget.createSession rejects a bad %s', async (field, params) => {
    expect((await invalid(client().widget.createSession(params as never))).field).toBe(field);
  });

  it.each([
    ['customerId', { customerId: 'abc' }],
    ['customerId', { customerId: 2 ** 60 }],
    ['customerId', { customerId: -1n }],
    ['size', { customerId: '1', size: 501 }],
    ['page', { customerId: '1', page: -1 }],
    ['startDateTime', { customerId: '1', startDateTime: 'not a date' }],
  ])('transactionHistory.list rejects a bad %s', async (field, params) => {
    expect((await invalid(client().transactionHistory.list(params as never))).field).toBe(field);
  });

  // Messages name the field, then say what zod says about it.
  it.each([
    ['amountValue: must be a number or a decimal string', () => client().quotes.informative({ ...quote, amountValue: Number.NaN })],
    ['amountValue: is too large to be exact as a number; pass it as a string', () => client().quotes.informative({ ...quote, amountValue: 2 ** 60 })],
    ['debitCurrencyCode: is missing', () => client().quotes.informative({ ...quote, debitCurrencyCode: undefined as never })],
    ['cryptoSettlementType: Invalid option: expected one of "INTERNAL"|"EXTERNAL"', () => client().quotes.informative({ ...quote, cryptoSettlementType: 'internal' as never })],
    ['amountCurency: Unrecognized key: "amountCurency"', () => client().quotes.informative({ ...quote, amountCurency: 'USD' } as never)],
    ['walletAddress: must be a non-empty string', () => client().widget.createSession({ destinationCurrency: 'BTC', walletAddress: [] as never })],
    ['walletAddress: is missing', () => client().widget.createSession({ destinationCurrency: 'BTC' } as never)],
    ['redirectUrl: must be an http(s) URL', () => client().widget.createSession({ destinationCurrency: 'BTC', walletAddress: 'bc1q', redirectUrl: 'javascript:alert(1)' })],
    ['sourceAmountLock: Invalid input: expected boolean, received string', () => client().widget.createSession({ destinationCurrency: 'BTC', walletAddress: 'bc1q', sourceAmountLock: 'yes' as never })],
    ['page: Invalid input: expected int, received number', () => client().transactionHistory.list({ customerId: '1', page: 1.5 })],
    ['size: Too big: expected number to be <=500', () => client().transactionHistory.list({ customerId: '1', size: 501 })],
  ])('words a bad input as "%s"', async (message, call) => {
    const error = await invalid(call());
    expect(error.message).toBe(message);
    expect(`${error.issues[0]?.path}: ${error.issues[0]?.message}`).toBe(message);
  });

  it('trims a redirect URL and drops tabs and line breaks, as the URL parser reads it', async () => {
    await client().widget.createSession({ destinationCurrency: 'BTC', walletAddress: 'bc1q', redirectUrl: ' https://example.com/a\tb\n ' });
    expect(mock.requestsTo('/widget')[0]!.body).toMatchObject({ redirectUrl: 'https://example.com/ab' });
  });

  it('iterate validates before the first page is requested', () => {
    expect(() => client().transactionHistory.iterate({ customerId: 'x' })).toThrow(ValidationError);
    expect(mock.requests).toHaveLength(0);
  });

  it('rejects a bad country, fiat code and per-call options', async () => {
    expect((await invalid(client().locationLicensing.list({ country: 'US' }))).field).toBe('country');
    expect((await invalid(client().transactionLimits.get({ customerId: '1', fiatCurrencyCode: 'DOLLARS' }))).field).toBe('fiatCurrencyCode');
    expect((await invalid(client().cryptoChains.list({ timeout: -1 }))).field).toBe('options.timeout');
  });
});

describe('client options', () => {
  const valid: CoinmeClientOptions = { partnerId: 'p', clientSecret: 's', userAgent: 'ua' };

  it.each(['partnerId', 'clientSecret', 'userAgent'] as const)('requires %s', (field) => {
    for (const value of [undefined, '', '   ']) {
      const create = () => new CoinmeClient({ ...valid, [field]: value } as CoinmeClientOptions);
      expect(create).toThrow(ValidationError);
      expect(create).toThrow(new RegExp(`^${field}: `));
    }
  });

  it.each([
    ['environment', { environment: 'sandbox' }],
    ['timeout', { timeout: 0 }],
    ['maxRetries', { maxRetries: 1.5 }],
    ['baseUrl', { baseUrl: 'caas.coinme.com' }],
  ])('rejects a bad %s', (field, extra) => {
    expect(() => new CoinmeClient({ ...valid, ...extra } as CoinmeClientOptions)).toThrow(expect.objectContaining({ field }));
  });

  it('defaults to staging, and strips a trailing slash of a custom base URL', () => {
    expect(new CoinmeClient(valid).baseUrl).toBe('https://caas-staging.coinme.com/services');
    expect(new CoinmeClient({ ...valid, baseUrl: 'https://proxy.example/coinme/' }).baseUrl).toBe('https://proxy.example/coinme');
  });

  it('refuses to start in a browser page unless told otherwise', () => {
    const scope = globalThis as { window?: unknown; document?: unknown };
    scope.window = {};
    scope.document = {};
    try {
      expect(() => new CoinmeClient(valid)).toThrow(/browser page/);
      expect(() => new CoinmeClient(valid)).toThrow(expect.objectContaining({ field: 'dangerouslyAllowBrowser' }));
      expect(new CoinmeClient({ ...valid, dangerouslyAllowBrowser: true })).toBeInstanceOf(CoinmeClient);
    } finally {
      delete scope.window;
      delete scope.document;
    }
  });

  it('uses a custom fetch for every attempt', async () => {
    const seen: string[] = [];
    const coinme = client({
      fetch: (input, init) => {
        seen.push(input instanceof Request ? input.url : String(input));
        return fetch(input, init);
      },
    });
    await coinme.cryptoChains.list();
    expect(seen).toEqual(['https://caas-staging.coinme.com/services/authorize', 'https://caas-staging.coinme.com/services/cryptoChains']);
  });
});
