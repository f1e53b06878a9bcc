// Public barrel of `coinme-sdk`: named exports only.
export {
  AuthenticationError,
  CoinmeApiError,
  CoinmeError,
  ConnectionError,
  RateLimitError,
  ResponseValidationError,
  TimeoutError,
  ValidationError,
  WebhookParseError,
  WebhookSignatureError,
  isCoinmeError,
} from './errors.js';
export type { CoinmeApiErrorInit, CoinmeErrorDetail, ValidationIssue } from './errors.js';
