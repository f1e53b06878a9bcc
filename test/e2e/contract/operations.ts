// Every published partner operation, the SDK method that calls it, and a call with valid input.
// Ids are small: Prism validates `format: int64` as at most 2^53 - 1 and refuses Coinme's real
// 19-digit ids itself (`Request body property customerId must be <= 9007199254740991`).
import type { CoinmeClient } from 'coinme-sdk';

export interface Operation {
  method: 'GET' | 'POST' | 'DELETE';
  /** The path as the (cleaned) spec writes it. */
  path: string;
  /** The SDK method that calls it. */
  sdk: string;
  call: (coinme: CoinmeClient) => Promise<unknown>;
}

const customerId = '4242';
const card = { cardNumber: '4111111111111111', month: '03', year: '2030', cvv: '123' };
const billingAddress = { firstName: 'Ada', lastName: 'Lovelace', country: 'US', addressLine1: '11 Creekside St.', zipCode: '33414', city: 'West Palm Beach', state: 'FL' };

export const operations: Operation[] = [
  { method: 'POST', path: '/authorize', sdk: '(automatic: first call, expiry, 401)', call: (c) => c.cryptoChains.list() },
  { method: 'GET', path: '/cryptoChains', sdk: 'cryptoChains.list()', call: (c) => c.cryptoChains.list() },
  { method: 'GET', path: '/locationlicensing', sdk: 'locationLicensing.list()', call: (c) => c.locationLicensing.list({ country: 'USA' }) },
  {
    method: 'POST',
    path: '/cryptoquote/informative',
    sdk: 'quotes.informative()',
    call: (c) => c.quotes.informative({ debitCurrencyCode: 'USD', creditCurrencyCode: 'DOGE', amountValue: '100', amountCurrencyCode: 'USD', cryptoSettlementType: 'EXTERNAL' }),
  },
  {
    method: 'POST',
    path: '/cryptoquote',
    sdk: 'quotes.create()',
    call: (c) =>
      c.quotes.create({
        customerId, debitCurrencyCode: 'USD', creditCurrencyCode: 'DOGE', amountValue: '100', amountCurrencyCode: 'USD',
        providerId: 'provider-1', gpsCoordinates: { latitude: '-78.617716', longitude: '62.936942' }, cryptoSettlementType: 'INTERNAL',
      }),
  },
  { method: 'GET', path: '/cryptoquote/{quoteId}', sdk: 'quotes.retrieve()', call: (c) => c.quotes.retrieve('1016647805236006912') },
  { method: 'POST', path: '/cryptoquote/sell-all', sdk: 'quotes.sellAll()', call: (c) => c.quotes.sellAll({ customerId, debitCurrencyCode: 'DOGE', creditCurrencyCode: 'USD', chain: 'ETH' }) },
  {
    method: 'POST',
    path: '/order-template',
    sdk: 'orderTemplates.create()',
    call: (c) =>
      c.orderTemplates.create({
        customerId, debitCurrencyCode: 'USD', creditCurrencyCode: 'BTC', amountValue: '11', amountCurrencyCode: 'USD',
        providerId: 'greendot', locationReference: 'store-4821', externalCustodyCreditInfo: { walletAddress: 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq' },
      }),
  },
  { method: 'GET', path: '/order-template/templates/{customerId}', sdk: 'orderTemplates.list()', call: (c) => c.orderTemplates.list(customerId) },
  {
    method: 'GET',
    path: '/order-template/templates/count/{customerId}',
    sdk: 'orderTemplates.count()',
    call: (c) => c.orderTemplates.count(customerId, { providerId: 'greendot' }),
  },
  {
    method: 'DELETE',
    path: '/order-template/{transactionSystemRef}',
    sdk: 'orderTemplates.delete()',
    call: (c) => c.orderTemplates.delete('1231976224861065216', { customerId }),
  },
  {
    method: 'POST',
    path: '/paymentmethods',
    sdk: 'paymentMethods.create()',
    call: (c) => c.paymentMethods.create({ customerId, providerId: 'provider-1', card, billingAddress, paymentProcessAssociation: 'BUY' }),
  },
  { method: 'GET', path: '/paymentmethods', sdk: 'paymentMethods.list()', call: (c) => c.paymentMethods.list({ customerId }) },
  { method: 'GET', path: '/paymentmethods/{paymentMethodId}', sdk: 'paymentMethods.retrieve()', call: (c) => c.paymentMethods.retrieve('123456', { customerId }) },
  { method: 'DELETE', path: '/paymentmethods/{paymentMethodId}', sdk: 'paymentMethods.delete()', call: (c) => c.paymentMethods.delete('123456', { customerId }) },
  { method: 'GET', path: '/paymentmethods/status', sdk: 'paymentMethods.status()', call: (c) => c.paymentMethods.status({ customerId }) },
  {
    method: 'GET',
    path: '/transactionhistory',
    sdk: 'transactions.list() / .iterate()',
    call: (c) => c.transactions.list({ customerId, currencyCode: 'DOGE', startDateTime: '2022-01-24T16:44:49Z', endDateTime: new Date('2022-02-24T16:44:49Z'), page: 0, size: 50 }),
  },
  {
    method: 'GET',
    path: '/widget/transactionhistory',
    sdk: 'transactionHistory.list() / .iterate()',
    call: (c) => c.transactionHistory.list({ customerId, currencyCode: 'DOGE', startDateTime: '2022-01-24T16:44:49Z', page: 0, size: 50 }),
  },
  { method: 'GET', path: '/transactionlimits', sdk: 'transactionLimits.get()', call: (c) => c.transactionLimits.get({ customerId, fiatCurrencyCode: 'USD' }) },
];
