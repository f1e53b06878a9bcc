/**
 * The partner's user-validation endpoint (seed 004): Coinme asks it before a user buys, sells or
 * sees private data, and proceeds only on `true`.
 *
 * As a Next.js App Router route, save the `POST` export below as
 * `app/api/coinme/validate-user/route.ts`. Run this file to see each answer Coinme can get:
 *
 *   npx tsx examples/user-validation.ts
 */
import { createUserValidationRequest } from 'coinme-sdk/testing';
import { createUserValidationHandler, type UserValidationRequest } from 'coinme-sdk/webhooks';

// Stands in for your customer database.
const activeCustomers = new Set(['ana@example.com']);
async function isActiveCustomer({ email }: UserValidationRequest, signal: AbortSignal): Promise<boolean> {
  signal.throwIfAborted();
  if (email === 'db-down@example.com') throw new Error('customer database unavailable');
  return activeCustomers.has(email.toLowerCase());
}

export function createValidateUser(token: string) {
  return createUserValidationHandler({
    auth: { bearer: token },
    timeoutMs: 2_000,
    isAllowed: (request, { signal }) => isActiveCustomer(request, signal),
    onError: (error) => console.log(`  onError: ${error.code}`),
  });
}

// The route. `!` keeps `next build` working before the variable exists: until it is set, every
// request is answered 500 false, with one log line.
export const POST = createValidateUser(process.env['COINME_VALIDATION_TOKEN']!);

async function demo(): Promise<void> {
  const token = 'demo-token';
  const validateUser = createValidateUser(token);
  const url = 'http://localhost:3000/api/coinme/validate-user';
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
    const response = await validateUser(createUserValidationRequest({ url, email, auth }));
    console.log(`  ${response.status} ${await response.text()}`);
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) await demo();
