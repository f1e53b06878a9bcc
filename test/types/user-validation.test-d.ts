import { describe, expectTypeOf, it } from 'vitest';
import { createUserValidationHandler, type UserValidationContext, type UserValidationRequest } from 'coinme-sdk/webhooks';

describe('createUserValidationHandler types', () => {
  it('gives isAllowed a typed request and context, and returns a Fetch handler', () => {
    const handler = createUserValidationHandler({
      auth: { bearer: 'token' },
      isAllowed(request, context) {
        expectTypeOf(request).toEqualTypeOf<UserValidationRequest>();
        expectTypeOf(request.email).toEqualTypeOf<string>();
        expectTypeOf(request['customerId']).toEqualTypeOf<unknown>();
        expectTypeOf(context).toEqualTypeOf<UserValidationContext>();
        expectTypeOf(context.signal).toEqualTypeOf<AbortSignal>();
        return request.email.endsWith('@example.com');
      },
    });
    expectTypeOf(handler).toEqualTypeOf<(request: Request) => Promise<Response>>();
  });

  it('accepts every auth kind, lists for rotation, and refuses a non-boolean verdict', () => {
    createUserValidationHandler({ auth: { basic: [{ username: 'u', password: 'p' }] }, isAllowed: async () => false });
    createUserValidationHandler({ auth: [{ apiKey: ['a', 'b'], header: 'x-key' }, { bearer: ['t1', 't2'] }], isAllowed: () => true });
    // @ts-expect-error isAllowed must answer a boolean
    createUserValidationHandler({ auth: { bearer: 't' }, isAllowed: () => 'yes' });
    // @ts-expect-error header belongs to apiKey only
    createUserValidationHandler({ auth: { bearer: 't', header: 'x' }, isAllowed: () => true });
  });
});
