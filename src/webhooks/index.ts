// The `coinme-sdk/webhooks` entry point. It never imports the HTTP client.
export { WebhookParseError, WebhookSignatureError, CoinmeError, isCoinmeError } from '../errors.js';
export type { WebhookSource, TypedWebhookEvent } from './family.js';
