// examples/user-validation.ts: its route export used as Next.js would (run as a script in test/e2e).
import { describe, expect, it, vi } from 'vitest';
import { createUserValidationRequest } from 'coinme-sdk/testing';

describe('examples/user-validation.ts', () => {
  it('its route answers 500 false while COINME_VALIDATION_TOKEN is unset, then works once built with a token', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'log').mockImplementation(() => {});
    const { POST, validationOptions } = await import('../../../examples/user-validation.js');
    const { createUserValidationHandler } = await import('coinme-sdk/webhooks');
    const request = () => createUserValidationRequest({ url: 'http://localhost/api/coinme/validate-user', email: 'ana@example.com', auth: { bearer: 'tok_route_1' } });
    const unset = await POST(request());
    expect([unset.status, await unset.text()]).toEqual([500, 'false']);
    const configured = await createUserValidationHandler(validationOptions('tok_route_1'))(request());
    expect([configured.status, await configured.text()]).toEqual([200, 'true']);
  });
});
