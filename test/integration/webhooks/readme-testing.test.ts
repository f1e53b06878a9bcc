// The README's "Testing with the kit" flow, against a handler configured as the production guide
// recommends (toleranceSeconds: 300): the factories it shows must give events such a handler accepts.
import { readFileSync } from 'node:fs';
import { createWebhookHandler, type WebhookEvent } from 'coinme-sdk/webhooks';
import { createEvents, events as fixedEvents, sign } from 'coinme-sdk/testing';
import { describe, expect, it } from 'vitest';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const testingSection = readme.slice(readme.indexOf('## Testing with the kit'), readme.indexOf('## CLI'));
const secret = 'whsec_test';

function route() {
  const seen: WebhookEvent[] = [];
  const POST = createWebhookHandler({ secret, toleranceSeconds: 300, onEvent: (event) => void seen.push(event) });
  return { POST, seen };
}

describe("the README's testing example", () => {
  it('shows the factories dated now, and where seededCustomerId fits', () => {
    expect(testingSection).toContain('createEvents({ now: () => new Date() })');
    expect(testingSection).toContain('seededCustomerId');
  });

  it('as written, is accepted by a handler with toleranceSeconds: 300', async () => {
    const { POST, seen } = route();
    const events = createEvents({ now: () => new Date() });
    const payload = events['CAAS.BUY.COMPLETED']({ data: { externalSessionId: 'order-42' } });
    const { body, headers } = await sign(payload, secret);
    const response = await POST(new Request('http://localhost/api/coinme', { method: 'POST', body, headers }));
    expect(response.status).toBe(200);
    expect(seen[0]).toMatchObject({ type: 'CAAS.BUY.COMPLETED', payload: { data: { externalSessionId: 'order-42' } } });
  });

  it('with the fixed-date `events` instead, is refused as stale (why the README dates them now)', async () => {
    const { POST } = route();
    const { body, headers } = await sign(fixedEvents['CAAS.BUY.COMPLETED']({ data: { externalSessionId: 'order-42' } }), secret);
    const response = await POST(new Request('http://localhost/api/coinme', { method: 'POST', body, headers }));
    expect(response.status).toBe(401);
  });
});
