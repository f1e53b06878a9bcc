// The `coinme-sdk/testing` entry point: mock Coinme (msw handlers), event factories, signing.
export {
  bindingQuoteLifetimeMs,
  maxOpenOrderTemplates,
  orderTemplateLifetimeMs,
  orderTemplateTransitions,
  paymentMethodLimits,
  createMockClock,
  createMockCoinme,
  createSeedData,
  seededCustomerId,
} from './mock/index.js';
export type {
  AuthorizeResponseShape,
  MockClock,
  MockCoinme,
  MockCoinmeData,
  MockCoinmeOptions,
  MockCustomer,
  MockFailure,
  MockTransaction,
  MockWidgetSession,
  MockBindingQuote,
  MockOrderTemplate,
  MockOrderTemplateStatus,
  MockPaymentMethod,
  OrderTemplateWebhookOptions,
  RecordedRequest,
} from './mock/index.js';
export { events, createEvents } from './events.js';
export type { CreateEventsOptions, DeepPartial, EventFactories, EventFactory, EventPayload, EventSeed } from './events.js';
export { sign } from './sign.js';
export type { SignOptions, SignedWebhook } from './sign.js';
export { TEST_DELIVERY_HEADER } from '../webhooks/test-delivery.js';
export { createUserValidationRequest } from './user-validation.js';
export type { UserValidationCredential, UserValidationRequestParams } from './user-validation.js';
