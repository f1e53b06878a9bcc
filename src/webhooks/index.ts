// The `coinme-sdk/webhooks` entry point: verify, parse and receive webhooks. It never imports the
// HTTP client, so it stays small in serverless and edge bundles.
export { CoinmeError, isCoinmeError, WebhookParseError, WebhookSignatureError } from '../errors.js';
export { createWebhookHandler } from './adapters/fetch.js';
export { createWebhookMiddleware } from './adapters/node.js';
export { createFastifyWebhookPlugin } from './adapters/fastify.js';
export { constructEvent } from './construct.js';
export { webhookEventTypes } from './event.js';
export { parseWebhook } from './parse.js';
export { TEST_DELIVERY_HEADER } from './test-delivery.js';
export { verifySignature, verifySignatureAsync } from './verify.js';
export { WebhookBodyConsumedError, WebhookConfigurationError } from './errors.js';

export type { ConstructEventOptions, WebhookHandlerOptions, WebhookSecret } from './options.js';
export type { NodeWebhookListener, NodeWebhookRequest, NodeWebhookResponse } from './adapters/node.js';
export type {
  FastifyWebhookInstance,
  FastifyWebhookOptions,
  FastifyWebhookPlugin,
  FastifyWebhookReply,
  FastifyWebhookRequest,
} from './adapters/fastify.js';
export type { ConstructEventParams } from './construct.js';
export type { UnknownWebhookEvent, WebhookEvent, WebhookEventType } from './event.js';
export type { TypedWebhookEvent, WebhookSource } from './family.js';
export type { WebhookHeaders } from './headers.js';
export type { WebhookBody } from './json.js';
export type { ParseWebhookOptions } from './parse.js';
export type { SignatureEncoding } from './signature.js';
export type { VerifySignatureParams } from './verify.js';

// The members of the union by family, and the body type of each documented event.
export type {
  KycOnboardingCompletedPayload,
  KycOnboardingFailedPayload,
  AuthStateChangedPayload,
  QuoteConfirmedPayload,
  LocationSelectedPayload,
  BarcodeGenerationSucceededPayload,
  BarcodeGenerationFailedPayload,
  BarcodeDisplayedPayload,
  CoinmeWidgetPayload,
  CoinmeWidgetEvent,
} from './schemas/coinme-widget.js';
export type {
  OrderTemplateCreatedPayload,
  OrderTemplateConsumedPayload,
  OrderTemplateCompletedPayload,
  OrderTemplateExpiredPayload,
  OrderTemplateDeletedPayload,
  OrderTemplateRejectedPayload,
  OrderTemplateUpdatedPayload,
  CaasBuyFulfilledPayload,
  CaasBuyBlockchainAcceptedPayload,
  CaasBuyCompletedPayload,
  CaasBuyFailedPayload,
  CaasSellFulfilledPayload,
  CaasSellBlockchainAcceptedPayload,
  CaasSellCompletedPayload,
  CaasSellFailedPayload,
  CaasOrderTrackingPayload,
  PaymentMethodNotificationPayload,
  RefundNotificationPayload,
  CaasBlockchainNotificationPayload,
  CoinmeNotificationPayload,
  CoinmeNotificationEvent,
} from './schemas/coinme-notification.js';
export type {
  OfframpOrderCommittedPayload,
  OfframpOrderFundsSentPayload,
  OfframpOrderFundsReceivedPayload,
  OfframpOrderCompletedPayload,
  OfframpOrderFailedPayload,
  OfframpOrderRefundCompletedPayload,
  OfframpPayload,
  OfframpEvent,
} from './schemas/offramp.js';
export type {
  ProcessingPayload,
  ProcessingEvent,
  ProcessingLevel,
  InvoiceCreatedPayload,
  UnlimitedInvoiceCreatedPayload,
  InvoiceFundsReceivedPayload,
  InvoicePendingInterventionPayload,
  InvoiceTranslationCompletedPayload,
  InvoiceExpiredPayload,
  InvoicePaidPayload,
  InvoiceMempoolFoundPayload,
  InvoiceComplianceCheckPayload,
  InvoiceComplianceDeclinedPayload,
  FiatFundsReceivedPayload,
  FiatOrderUnpaidPayload,
  FiatPaymentFailedPayload,
  FiatAdjustmentPayload,
  FiatWithdrawalSuccessPayload,
  FiatWithdrawalFailedPayload,
  CustomerPurseExpiredPayload,
  CustomerPurseMempoolFoundPayload,
  CustomerPursePendingCompliancePayload,
  CustomerPurseComplianceDeclinedPayload,
  CustomerPurseFundsReceivedPayload,
  PayoutStatusChangedPayload,
  PayoutConfirmedPayload,
  PayoutValidationErrorPayload,
  TopUpComplianceCheckPayload,
  TopUpComplianceDeclinedPayload,
  WalletFundsDeliveredPayload,
} from './schemas/processing.js';
export type {
  CallbackEventName,
  CallbackPayload,
  CallbackEvent,
} from './schemas/callback.js';

// The partner's user-validation endpoint (seed 004).
export { ValidationError } from '../errors.js';
export { createFastifyUserValidationPlugin, createUserValidationHandler, createUserValidationMiddleware, UserValidationError } from './user-validation/index.js';
export type {
  BasicCredentials,
  FastifyUserValidationOptions,
  UserValidationAuth,
  UserValidationContext,
  UserValidationFailure,
  UserValidationHandlerOptions,
  UserValidationRequest,
} from './user-validation/index.js';
