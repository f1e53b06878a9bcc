import { describe, expectTypeOf, it } from 'vitest';
import type { WebhookEvent } from 'coinme-sdk/webhooks';

describe('WebhookEvent', () => {
  it('has an id and a time on every member, unknown events included', () => {
    expectTypeOf<WebhookEvent['id']>().toEqualTypeOf<string>();
    expectTypeOf<WebhookEvent['occurredAt']>().toEqualTypeOf<Date>();
  });
});
