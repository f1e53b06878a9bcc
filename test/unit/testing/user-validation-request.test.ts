import { describe, expect, it } from 'vitest';
import { createUserValidationRequest } from 'coinme-sdk/testing';
import { createUserValidationHandler } from 'coinme-sdk/webhooks';

const TOKEN = 'tok_kit_2c8e';
const handler = createUserValidationHandler({
  auth: [{ bearer: TOKEN }, { basic: { username: 'coinmé', password: 'pässword' } }, { apiKey: 'k-kit-1', header: 'x-key' }],
  isAllowed: ({ email, plan }) => email === 'ana@example.com' && plan !== 'blocked',
});
const url = 'http://localhost/validate-user';

describe('createUserValidationRequest', () => {
  it('builds the JSON POST Coinme sends', async () => {
    const request = createUserValidationRequest({ url, email: 'ana@example.com', auth: { bearer: TOKEN }, fields: { plan: 'pro' } });
    expect(request.method).toBe('POST');
    expect(request.headers.get('content-type')).toBe('application/json');
    expect(request.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
    expect(await request.json()).toEqual({ plan: 'pro', email: 'ana@example.com' });
  });

  it('gives requests the handler accepts, for every credential kind', async () => {
    for (const auth of [{ bearer: TOKEN }, { basic: { username: 'coinmé', password: 'pässword' } }, { apiKey: 'k-kit-1', header: 'x-key' }]) {
      const response = await handler(createUserValidationRequest({ url, email: 'ana@example.com', auth }));
      expect([response.status, await response.text()]).toEqual([200, 'true']);
    }
    const blocked = await handler(createUserValidationRequest({ url, email: 'ana@example.com', auth: { bearer: TOKEN }, fields: { plan: 'blocked' } }));
    expect(await blocked.text()).toBe('false');
  });

  it('sends no credential with auth null, which the handler refuses', async () => {
    const request = createUserValidationRequest({ url, email: 'ana@example.com', auth: null });
    expect(request.headers.has('authorization')).toBe(false);
    expect((await handler(request)).status).toBe(401);
  });

  it('keeps email from being overridden by fields', async () => {
    const request = createUserValidationRequest({ url, email: 'ana@example.com', auth: null, fields: { email: 'eve@example.com' } });
    expect(await request.json()).toEqual({ email: 'ana@example.com' });
  });
});
