// Public barrel of `coinme-sdk`: named exports only. `src/internal` is never exported.

// Client
export { CoinmeClient, coinmeBaseUrls } from './client.js';
export type { CoinmeClientOptions, CoinmeEnvironment } from './client.js';
export type { RequestOptions } from './core/request-options.js';
export type { CoinmeHooks, CoinmeLogger, RequestErrorEventInfo, RequestEventInfo, ResponseEventInfo } from './core/observability.js';
export type { FetchFunction } from './core/attempt.js';
export type { RetryDelay } from './core/retry.js';

// Resources
export { APIResource } from './resources/resource.js';
export { CryptoChains, type Asset } from './resources/crypto-chains.js';
export { LocationLicensing, type LocationLicensingListParams } from './resources/location-licensing.js';
export { Quotes, type InformativeQuote, type InformativeQuoteParams, type QuoteFees } from './resources/quotes.js';
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
