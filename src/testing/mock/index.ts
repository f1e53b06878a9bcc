/** The mock Coinme of `coinme-sdk/testing`. */
export { createMockCoinme } from './create-mock-coinme.js';
export type { AuthorizeResponseShape, MockCoinme, MockCoinmeOptions, MockFailure, OrderTemplateWebhookOptions, RecordedRequest } from './create-mock-coinme.js';
export { bindingQuoteLifetimeMs, type MockBindingQuote } from './binding-quotes.js';
export { maxOpenOrderTemplates, orderTemplateLifetimeMs, orderTemplateTransitions, type MockOrderTemplate, type MockOrderTemplateStatus } from './order-templates.js';
export { paymentMethodLimits, type MockPaymentMethod } from './payment-methods.js';
export { createMockClock } from './clock.js';
export type { MockClock } from './clock.js';
export type { MockWidgetSession } from './endpoints.js';
export { createSeedData, seededCustomerId } from './seed-data.js';
export type { MockCoinmeData, MockCustomer, MockTransaction } from './seed-data.js';
