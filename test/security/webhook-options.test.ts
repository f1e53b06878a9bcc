import { describe, expect, it, vi } from 'vitest';
import { constructEvent, createWebhookHandler, type WebhookEvent } from 'coinme-sdk/webhooks';
import { createEvents, sign } from 'coinme-sdk/testing';

// Webhook options fail closed: every bad value is a ValidationError naming the option when the
// handler is built (or constructEvent is called), and the defaults are the safe ones.

const secret = 'whsec_options_4c1e';
const url = 'https://partner.example/webhooks/coinme';
const events = createEvents({ now: () => new Date() });

async function delivery(payload: object = events['CAAS.BUY.COMPLETED'](), headers: Record<string, string> = {}) {
  const signed = await sign(payload, secret);
  return new Request(url, { method: 'POST', body: signed.body, headers: { ...signed.headers, ...headers } });
}

const numericOptions = ['maxBytes', 'toleranceSeconds'] as const;
const badNumbers: unknown[] = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -1, 0, '', 'abc', '100', null, true, {}, []];

describe('webhook options', () => {
  it.each(numericOptions)('refuse every bad %s at build time, naming it', (option) => {
    for (const value of badNumbers) {
      const build = () => createWebhookHandler({ secret, onEvent: vi.fn(), [option]: value as number });
      expect(build, `${option}: ${String(value)}`).toThrow(expect.objectContaining({ code: 'validation_error', field: option }));
    }
  });

  it('refuse a fractional maxBytes', () => {
    expect(() => createWebhookHandler({ secret, onEvent: vi.fn(), maxBytes: 10.5 })).toThrow(
      expect.objectContaining({ field: 'maxBytes' }),
    );
  });

  it('refuse an empty, blank or wrong-typed apiKey', () => {
    for (const apiKey of ['', '   ', 42, null, {}]) {
      expect(() => createWebhookHandler({ secret, onEvent: vi.fn(), apiKey: apiKey as string })).toThrow(
        expect.objectContaining({ field: 'apiKey' }),
      );
    }
  });

  it('refuse wrong-typed or malformed strings, functions and enums', () => {
    const cases: [string, unknown][] = [
      ['signatureHeader', ''],
      ['signatureHeader', 'x coinme'],
      ['signatureHeader', 7],
      ['apiKeyHeader', 'x-api-key\n'],
      ['encoding', 'base32'],
      ['scheme', 'query'],
      ['strict', 'yes'],
      ['now', 123],
      ['onEvent', undefined],
      ['onEvent', 'handle'],
      ['onError', 'log'],
      ['secret', 42],
      ['secret', [secret, 42]],
      ['secret', { value: secret }],
    ];
    for (const [option, value] of cases) {
      const build = () => createWebhookHandler({ secret, onEvent: vi.fn(), [option]: value } as never);
      expect(build, `${option}: ${String(value)}`).toThrow(expect.objectContaining({ code: 'validation_error', field: option }));
    }
  });

  it('refuse an unknown option, so a typo does not switch a check off', () => {
    const build = () => createWebhookHandler({ secret, onEvent: vi.fn(), tolerance: 300 } as never);
    expect(build).toThrow(expect.objectContaining({ field: 'tolerance' }));
  });

  it('never echo a secret or API key put in the wrong option', () => {
    let error: unknown;
    try {
      createWebhookHandler({ secret, onEvent: vi.fn(), signatureHeader: 'sk_live secret value' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ code: 'validation_error', field: 'signatureHeader' });
    expect(String(error)).not.toContain('sk_live');
    expect(JSON.stringify(error)).not.toContain('sk_live');
  });

  it('are checked by constructEvent too', async () => {
    const request = await delivery();
    const payload = await request.text();
    const headers = Object.fromEntries(request.headers);
    for (const [option, value] of [
      ['maxBytes', Number.NaN],
      ['toleranceSeconds', Number.POSITIVE_INFINITY],
      ['apiKey', ''],
    ] as const) {
      await expect(constructEvent({ payload, headers, secret, [option]: value })).rejects.toMatchObject({ field: option });
    }
  });

  it('keep the 1 MiB body limit when maxBytes is left out', async () => {
    const handler = createWebhookHandler({ secret, onEvent: vi.fn() });
    const large = events['CAAS.BUY.COMPLETED']({ data: { metadata: { note: 'x'.repeat(1024 * 1024) } } } as never);
    expect((await handler(await delivery(large))).status).toBe(413);
  });

  it('reject a six-year-old event under any finite tolerance', async () => {
    const old = createEvents({ now: new Date(Date.now() - 6 * 365 * 24 * 3600 * 1000) });
    const handler = createWebhookHandler({ secret, toleranceSeconds: 300, onEvent: vi.fn() });
    expect((await handler(await delivery(old['CAAS.BUY.COMPLETED']()))).status).toBe(401);
  });
});

describe('a handler built without its secret (next build)', () => {
  it('constructs, then answers every delivery 500 with one clear line, and never accepts an event', async () => {
    const onEvent = vi.fn();
    const onError = vi.fn();
    for (const unset of [undefined, '']) {
      const handler = createWebhookHandler({ secret: unset as unknown as string, onEvent, onError });
      const response = await handler(await delivery());
      expect(response.status).toBe(500);
      expect(await response.json()).toMatchObject({ error: { code: 'webhook_configuration_error', message: expect.stringMatching(/secret is not set/) } });
    }
    expect(onEvent).not.toHaveBeenCalled();
    expect(onError).toHaveBeenCalledTimes(2);
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ code: 'webhook_configuration_error' });
  });

  it('logs one line per refused delivery when there is no onError', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const handler = createWebhookHandler({ secret: process.env.COINME_SECRET_THAT_IS_NOT_SET as string, onEvent: vi.fn() });
    expect((await handler(await delivery())).status).toBe(500);
    expect(log).toHaveBeenCalledTimes(1);
    expect(String(log.mock.calls[0]?.[0])).toMatch(/^coinme-sdk: The webhook secret is not set/);
  });
});

describe('a Fetch request whose body the framework already read (Hono after c.req.json())', () => {
  it('is answered 500 webhook_body_consumed, and onError is told', async () => {
    const onError = vi.fn();
    const seen: WebhookEvent[] = [];
    const handler = createWebhookHandler({ secret, onEvent: (event) => void seen.push(event), onError });
    const request = await delivery();
    await request.json();
    const response = await handler(request);
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ error: { code: 'webhook_body_consumed' } });
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'webhook_body_consumed' }), request);
    expect(seen).toEqual([]);
  });
});
