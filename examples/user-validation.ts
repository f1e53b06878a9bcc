/**
 * The partner's user-validation endpoint (seed 004): Coinme asks it before a user buys, sells or
 * sees private data, and proceeds only on `true`.
 *
 * Next.js App Router: save the `POST` export below as `app/api/coinme/validate-user/route.ts`.
 * Express: `app.post(path, createUserValidationMiddleware(options))`, as `demo()` does. Run this
 * file to serve it on a random local port and see each answer Coinme can get:
 *
 *   npx tsx examples/user-validation.ts
 */
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createUserValidationRequest } from 'coinme-sdk/testing';
import {
  createUserValidationHandler,
  createUserValidationMiddleware,
  type UserValidationHandlerOptions,
  type UserValidationRequest,
} from 'coinme-sdk/webhooks';

// Stands in for your customer database.
const activeCustomers = new Set(['ana@example.com']);
async function isActiveCustomer({ email }: UserValidationRequest, signal: AbortSignal): Promise<boolean> {
  signal.throwIfAborted();
  if (email === 'db-down@example.com') throw new Error('customer database unavailable');
  return activeCustomers.has(email.toLowerCase());
}

/** The options both forms share: the credential Coinme sends, and the decision. */
export function validationOptions(token: string): UserValidationHandlerOptions {
  return {
    auth: { bearer: token },
    timeoutMs: 2_000,
    isAllowed: (request, { signal }) => isActiveCustomer(request, signal),
    onError: (error) => console.log(`  onError: ${error.code}`),
  };
}

// The Next.js route. `!` keeps `next build` working before the variable exists: until it is set,
// every request is answered 500 false, with one log line.
export const POST = createUserValidationHandler(validationOptions(process.env['COINME_VALIDATION_TOKEN']!));

async function demo(): Promise<void> {
  const token = 'demo-token';
  const app = express();
  app.post('/api/coinme/validate-user', createUserValidationMiddleware(validationOptions(token)));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/coinme/validate-user`;

  const cases = [
    { label: 'active customer', email: 'ana@example.com', auth: { bearer: token } },
    { label: 'unknown customer', email: 'bo@example.com', auth: { bearer: token } },
    { label: 'wrong token', email: 'ana@example.com', auth: { bearer: 'not-the-token' } },
    { label: 'no credential', email: 'ana@example.com', auth: null },
    { label: 'not an email', email: 'ana', auth: { bearer: token } },
    { label: 'database down', email: 'db-down@example.com', auth: { bearer: token } },
  ];
  for (const { label, email, auth } of cases) {
    console.log(`${label}:`);
    // The request Coinme sends, built by the testing kit, over real HTTP.
    const response = await fetch(createUserValidationRequest({ url, email, auth }));
    console.log(`  ${response.status} ${await response.text()}`);
  }
  server.close();
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) await demo();
