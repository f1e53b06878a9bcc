// The partner's user-validation endpoint (seed 004): the handler and its types.
export { createUserValidationHandler } from './handler.js';
export { createFastifyUserValidationPlugin, createUserValidationMiddleware } from './frameworks.js';
export type { FastifyUserValidationOptions } from './frameworks.js';
export { UserValidationError } from './error.js';
export type { BasicCredentials, UserValidationAuth } from './auth.js';
export type { UserValidationRequest } from './body.js';
export type { UserValidationFailure } from './error.js';
export type { UserValidationContext, UserValidationHandlerOptions } from './options.js';
