// Public barrel of `coinme-sdk`: named exports only. `src/internal` is never exported.

// Client
export { CoinmeClient, coinmeBaseUrls } from './client.js';
export type { CoinmeClientOptions, CoinmeEnvironment } from './client.js';
export type { RequestOptions } from './core/request-options.js';
export type { CoinmeHooks, CoinmeLogger, RequestErrorEventInfo, RequestEventInfo, ResponseEventInfo } from './core/observability.js';
export type { FetchFunction } from './core/attempt.js';
export type { RetryDelay } from './core/retry.js';
export { MemoryTokenCache } from './shared-state/memory-token-cache.js';
export type { TokenCache, SharedToken } from './shared-state/token-cache.js';

// Resources
export { APIResource } from './resources/resource.js';
export { CryptoChains, type Asset } from './resources/crypto-chains.js';
export { LocationLicensing, type LocationLicensingListParams } from './resources/location-licensing.js';
export { Quotes, type InformativeQuote, type InformativeQuoteParams, type QuoteFees } from './resources/quotes.js';
export type { CreateQuoteParams, SellAllQuoteParams, TransactionalQuote } from './resources/quotes.js';
export { OrderTemplates, type CreateOrderTemplateParams, type OrderTemplate, type OrderTemplateCount } from './resources/order-templates.js';
export {
  PaymentMethods,
  type CreatePaymentMethodParams,
  type CreatedPaymentMethod,
  type PaymentMethod,
  type PaymentMethodCustomerParams,
  type PaymentMethodStatus,
} from './resources/payment-methods.js';
export { Transactions, defaultMaxTransactionPages, type TransactionsParams } from './resources/transactions.js';
export { Widget, type WidgetSession, type WidgetSessionParams } from './resources/widget.js';
export {
  TransactionHistory,
  maxTransactionPageSize,
  type IterateOptions,
  type Transaction,
  type TransactionHistoryParams,
  type TransactionPage,
} from './resources/transaction-history.js';
export { TransactionLimits, type TransactionLimitsParams, type TransactionLimitsResult } from './resources/transaction-limits.js';

// Partner mapping
export * from './mapping/index.js';
export type { FetchPartnerMappingParams } from './mapping/fetch-mapping.js';

// Session lifecycle
export * from './lifecycle/index.js';

// Shared state (dedupe claims, exactly-once effects)
export type { ClaimStore } from './shared-state/claim-store.js';
export { MemoryClaimStore, type MemoryClaimStoreOptions } from './shared-state/memory-claim-store.js';

// Webhooks (also available alone from `coinme-sdk/webhooks`, without the HTTP client)
export * from './webhooks/index.js';

// Errors
export {
  AuthenticationError,
  CoinmeApiError,
  CoinmeError,
  ConnectionError,
  PaginationError,
  RedirectError,
  RateLimitError,
  ResponseValidationError,
  TimeoutError,
  ValidationError,
  WebhookParseError,
  WebhookSignatureError,
  isCoinmeError,
} from './errors.js';
export type { CoinmeApiErrorInit, CoinmeErrorDetail, ValidationIssue } from './errors.js';
