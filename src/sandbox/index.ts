// The `coinme-sdk/sandbox` entry point (Node only): a local Coinme for development and end-to-end tests.
export { startSandbox } from './sandbox.js';
export type { Sandbox } from './sandbox.js';
export type { SandboxOptions, SandboxRetryOptions } from './options.js';
export { sandboxOutcomes, outcomeSequence } from './outcomes.js';
export type { SandboxOutcome } from './outcomes.js';
export type { SandboxSession, SandboxPhase, SandboxValidation, SandboxAmount } from './session.js';
export type { SandboxDelivery, SandboxAttempt } from './deliveries.js';
