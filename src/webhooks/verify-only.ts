// The `coinme-sdk/webhooks/verify` entry point: signature checks only. It never loads the schema
// library, so a receiver that only verifies starts as fast as the HMAC allows.
export { verifySignature, verifySignatureAsync } from './verify.js';
export type { VerifySignatureParams } from './verify.js';
export type { WebhookSecret } from './options.js';
export type { SignatureEncoding } from './signature.js';
