/** The mock's starting data: Coinme's own documented examples. */

import type { Transaction } from '../../resources/transaction-history.js';

/**
 * A transaction as Coinme's transaction history sends it: the client's `Transaction` with the
 * time still an ISO string.
 */
export interface MockTransaction extends Omit<Transaction, 'transactionDateTime'> {
  transactionDateTime: string;
  [field: string]: unknown;
}

/** What the mock knows about one customer. */
export interface MockCustomer {
  /** Remaining limits per fiat currency code. */
  limits: Record<string, { buyLimitAmount: string; sellLimitAmount: string }>;
  transactions: MockTransaction[];
  /** Crypto held in Coinme's custody, by asset code (what `POST /cryptoquote/sell-all` sells). */
  holdings?: Record<string, string>;
}

/**
 * The data the mock serves. Every field can be replaced or mutated between requests.
 *
 * @example
 * ```ts
 * mock.data.locations['USA'] = ['WA', 'OR'];
 * mock.data.customers['42'] = { limits: { USD: { buyLimitAmount: '10.00', sellLimitAmount: '0' } }, transactions: [] };
 * ```
 */
export interface MockCoinmeData {
  /** `GET /cryptoChains` payload map, keyed by asset code. */
  cryptoChains: Record<string, { code: string; name: string; decimals: number; supportedChains: string[]; [field: string]: unknown }>;
  /** `GET /locationlicensing` state codes, keyed by three-letter country code. */
  locations: Record<string, string[]>;
  /** Informative quote payloads, keyed by `creditCurrencyCode`. */
  quotes: Record<string, Record<string, unknown>>;
  /** Customers keyed by customer id (digits). */
  customers: Record<string, MockCustomer>;
}

/**
 * The customer id of the seeded customer (a 64-bit id beyond 2^53, as Coinme's are).
 *
 * @example
 * ```ts
 * const limits = await coinme.transactionLimits.get({ customerId: seededCustomerId });
 * ```
 */
export const seededCustomerId = '1319354818066124800';

const asset = (code: string, name: string, decimals: number, chain: string) => ({ code, name, decimals, supportedChains: [chain] });

/**
 * A fresh copy of the seed data (the examples from Coinme's API reference and seed 000), to
 * change before handing it to the mock.
 *
 * @example
 * ```ts
 * const mock = createMockCoinme();
 * mock.data = { ...createSeedData(), locations: { USA: ['WA', 'TX'] } };
 * ```
 */
export function createSeedData(): MockCoinmeData {
  return {
    cryptoChains: {
      BTC: asset('BTC', 'Bitcoin', 8, 'BTC'),
      MATIC: asset('MATIC', 'Polygon', 18, 'ETH'),
      ETH: asset('ETH', 'Ethereum', 18, 'ETH'),
      XLM: asset('XLM', 'Stellar Lumens', 7, 'XLM'),
      LINK: asset('LINK', 'Chainlink', 18, 'ETH'),
      DOGE: asset('DOGE', 'Dogecoin', 8, 'DOGE'),
      USDC: asset('USDC', 'USD Coin', 6, 'ETH'),
      LTC: asset('LTC', 'Litecoin', 8, 'LTC'),
    },
    locations: { USA: ['WA', 'VA'] },
    quotes: {
      BTC: {
        creditCurrencyUnitPrice: '0.00000850',
        creditCurrencyUnitPriceCode: 'BTC/USD',
        debitCurrencyUnitPrice: '117658.01',
        debitCurrencyUnitPriceCode: 'USD/BTC',
        creditCurrencyAmount: '0.00170000',
        creditCurrencyCode: 'BTC',
        debitCurrencyAmount: '203.80',
        debitCurrencyCode: 'USD',
        totalFees: '3.80',
        feeCurrency: 'USD',
        feesMap: { exchangeFee: '3.80' },
        spread: '2.18',
        spreadCurrencyCode: 'USD',
        chain: 'BTC',
      },
      DOGE: {
        creditCurrencyUnitPrice: '7.917',
        creditCurrencyUnitPriceCode: 'DOGE/USD',
        debitCurrencyUnitPrice: '0.1263104711',
        debitCurrencyUnitPriceCode: 'USD/DOGE',
        creditCurrencyAmount: '771.9075',
        creditCurrencyCode: 'DOGE',
        debitCurrencyAmount: '100',
        debitCurrencyCode: 'USD',
        totalFees: '2.5',
        feeCurrency: 'USD',
        feesMap: { exchangeFee: '2.5', processingFee: '0' },
        spread: '0.117',
        spreadCurrencyCode: 'USD',
      },
    },
    customers: {
      [seededCustomerId]: {
        limits: { USD: { buyLimitAmount: '500.00', sellLimitAmount: '500.00' } },
        holdings: { DOGE: '749.0925' },
        transactions: [
          {
            totalFees: '2.5',
            feeCurrencyCode: 'USD',
            creditCurrencyAmount: '771.9075',
            creditCurrencyCode: 'DOGE',
            debitCurrencyAmount: '100',
            debitCurrencyCode: 'USD',
            transactionDateTime: '2022-01-25T09:27:07.066193Z',
            partnerTransactionId: '345678',
            transactionStatus: 'CONFIRMED',
            fromWalletAddress: '',
            toWalletAddress: '',
            promoCode: 'noFees',
          },
          {
            totalFees: '2.5',
            feeCurrencyCode: 'USD',
            creditCurrencyAmount: '100',
            creditCurrencyCode: 'USD',
            debitCurrencyAmount: '749.0925',
            debitCurrencyCode: 'DOGE',
            transactionDateTime: '2022-01-25T09:56:46.436559Z',
            partnerTransactionId: '345987',
            transactionStatus: 'CONFIRMED',
            fromWalletAddress: '',
            toWalletAddress: '',
            promoCode: 'noFees',
          },
        ],
      },
    },
  };
}
