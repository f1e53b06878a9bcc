import { CoinmeClient, ValidationError } from 'coinme-sdk';
import { outcomeSequence, type Sandbox, type SandboxOutcome, sandboxOutcomes, startSandbox } from 'coinme-sdk/sandbox';
import { seededCustomerId } from 'coinme-sdk/testing';
import { verifySignature } from 'coinme-sdk/webhooks';
import { afterEach, describe, expect, it } from 'vitest';
import { type Receiver, startReceiver } from './receiver.js';

const SECRET = 'whsec_sandbox_test_5b1e0c9a';
const fast = { eventSpacingMs: 5, retry: { baseDelayMs: 10, timeoutMs: 2_000 } };

let sandbox: Sandbox | undefined;
let receiver: Receiver | undefined;
afterEach(async () => {
  await sandbox?.close();
  await receiver?.close();
  sandbox = undefined;
  receiver = undefined;
});

async function setup(options: Parameters<typeof startSandbox>[0] = {}) {
  receiver = await startReceiver(SECRET);
  sandbox = await startSandbox({ port: 0, webhookUrl: receiver.url, webhookSecret: SECRET, ...fast, ...options });
  const coinme = new CoinmeClient({ partnerId: 'acme', clientSecret: 'acme-secret', userAgent: 'acme/1.0', baseUrl: sandbox.baseUrl, maxRetries: 0 });
  return { sandbox, receiver, coinme };
}

async function newSession(coinme: CoinmeClient, externalSessionId: string, redirectUrl = 'https://partner.example/return?from=coinme') {
  const { widgetUrl } = await coinme.widget.createSession({
    destinationCurrency: 'BTC',
    walletAddress: 'bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh',
    sourceAmount: '200',
    sourceCurrency: 'USD',
    externalSessionId,
    redirectUrl,
  });
  return new URL(widgetUrl).pathname.split('/').at(-1) ?? '';
}

const finalStatus: Record<SandboxOutcome, string> = {
  card_completed: 'completed',
  greendot_paid: 'completed',
  failed: 'failed',
  kyc_rejected: 'kyc_failed',
  expired: 'expired',
};

describe('sandbox webhook delivery', () => {
  it.each(sandboxOutcomes)('delivers the signed %s sequence in order and records the result', async (outcome) => {
    const { sandbox, receiver, coinme } = await setup();
    const token = await newSession(coinme, `session-${outcome}`);
    await sandbox.choose(token, outcome);
    await sandbox.settled();
    if (outcome === 'greendot_paid') {
      expect(sandbox.session(token)?.phase).toBe('awaiting_payment');
      await sandbox.pay(token);
      await sandbox.settled();
    }
    expect(receiver.received.map((r) => r.event?.type)).toEqual(outcomeSequence(outcome));
    expect(receiver.received.every((r) => r.status === 200)).toBe(true);
    const record = await receiver.tracker.get('externalSessionId', `session-${outcome}`);
    expect(record?.status).toBe(finalStatus[outcome]);

    const session = sandbox.session(token);
    expect(session?.phase).toBe('done');
    const back = new URL(session?.result?.redirectUrl ?? '');
    expect(back.origin + back.pathname).toBe('https://partner.example/return');
    expect(back.searchParams.get('from')).toBe('coinme');
    const hasTransaction = ['card_completed', 'greendot_paid', 'failed'].includes(outcome);
    expect(back.searchParams.get('transactionId')).toBe(hasTransaction ? session?.transactionId : null);
    expect(back.searchParams.get('status')).toBe(session?.result?.status);

    const history = await coinme.transactionHistory.list({ customerId: seededCustomerId, size: 500 });
    const listed = history.transactions.filter((tx) => tx.partnerTransactionId === session?.transactionId);
    expect(listed).toHaveLength(hasTransaction ? 1 : 0);
    if (hasTransaction) {
      expect(listed[0]).toMatchObject({ debitCurrencyAmount: '200', debitCurrencyCode: 'USD', creditCurrencyCode: 'BTC', transactionStatus: outcome === 'failed' ? 'FAILED' : 'CONFIRMED' });
      expect(record?.transactionId).toBe(session?.transactionId);
    }
  });

  it('fills the events with the session\'s own amounts, prices, wallet and ids', async () => {
    const { sandbox, receiver, coinme } = await setup();
    const token = await newSession(coinme, 'amounts-session');
    await sandbox.choose(token, 'expired');
    await sandbox.settled();
    const session = sandbox.session(token);
    const byType = new Map(receiver.received.map((r) => [r.event?.type, JSON.parse(r.body) as Record<string, unknown>]));
    expect(byType.get('greendot.location.quote-confirmed')).toMatchObject({
      externalSessionId: 'amounts-session',
      debit: { amount: '200', currencyCode: 'USD', unitPrice: '117658.01', unitPriceCode: 'USD/BTC' },
      credit: { amount: '0.00170000', currencyCode: 'BTC', unitPrice: '0.00000850', unitPriceCode: 'BTC/USD' },
    });
    expect(byType.get('greendot.barcode.displayed')).toMatchObject({
      barcodeId: session?.barcodeId,
      orderTemplateId: session?.orderTemplateId,
      providerBarcodeId: session?.providerBarcodeId,
      amount: { value: '200', currencyCode: 'USD' },
      credit: { amount: '0.00170000', currencyCode: 'BTC' },
    });
    expect(byType.get('ORDER_TEMPLATE.EXPIRED')?.['data']).toMatchObject({ orderTemplateId: session?.orderTemplateId, userInputAmount: { amount: '200', currency: 'USD' } });
    expect(session?.orderTemplateId).toMatch(/^\d{19}$/);
    expect(BigInt(session?.orderTemplateId ?? '0') > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
  });

  it('retries an endpoint that answers 500 twice then 200: three deliveries of the event, then no more', async () => {
    const { sandbox, receiver, coinme } = await setup({ eventSpacingMs: 0 });
    receiver.answers.push(500, 500);
    const token = await newSession(coinme, 'retry-session');
    await sandbox.choose(token, 'kyc_rejected');
    await sandbox.settled();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const [first, ...others] = outcomeSequence('kyc_rejected');
    expect(receiver.received.map((r) => r.status)).toEqual([500, 500, 200, 200]);
    const bodies = receiver.received.map((r) => r.body);
    expect(new Set(bodies.slice(0, 3)).size).toBe(1);
    expect(receiver.received[2]?.event?.type).toBe(first);
    expect(receiver.received.slice(3).map((r) => r.event?.type)).toEqual(others);
    const [delivery] = sandbox.deliveries(token);
    expect(delivery?.status).toBe('delivered');
    expect(delivery?.attempts.map((a) => a.statusCode)).toEqual([500, 500, 200]);
  });

  it('gives up after the configured attempts, keeps the rest of the sequence going, and resends on request', async () => {
    const { sandbox, receiver, coinme } = await setup({ eventSpacingMs: 0, retry: { maxAttempts: 2, baseDelayMs: 5 } });
    receiver.answers.push(503, 503);
    const token = await newSession(coinme, 'give-up-session');
    await sandbox.choose(token, 'kyc_rejected');
    await sandbox.settled();
    const [first, second] = sandbox.deliveries(token);
    expect(first?.status).toBe('failed');
    expect(first?.attempts).toHaveLength(2);
    expect(second?.status).toBe('delivered');

    await sandbox.resend(first?.id ?? 0);
    await sandbox.settled();
    expect(first?.status).toBe('delivered');
    const last = receiver.received.at(-1);
    expect(last?.body).toBe(first?.body);
    expect(last?.event?.type).toBe('orchestrator.auth-state.changed');
  });

  it('signs every delivery with the webhook secret over the exact body', async () => {
    const { sandbox, receiver, coinme } = await setup();
    const token = await newSession(coinme, 'signed-session');
    await sandbox.choose(token, 'card_completed');
    await sandbox.settled();
    expect(receiver.received.length).toBe(5);
    // The handler verified each one; a wrong secret must not.
    for (const { body } of receiver.received) {
      const { sign } = await import('coinme-sdk/testing');
      const { signature } = await sign(body, SECRET);
      expect(await verifySignature({ payload: body, signature, secret: SECRET })).toBe(true);
      expect(await verifySignature({ payload: body, signature, secret: 'whsec_other' })).toBe(false);
    }
  });

  it('keeps serving the API and the pages while the webhook endpoint hangs', async () => {
    const { sandbox, receiver, coinme } = await setup({ eventSpacingMs: 0, retry: { maxAttempts: 1, timeoutMs: 4_000 } });
    receiver.delayMs = 10_000;
    const token = await newSession(coinme, 'slow-session');
    await sandbox.choose(token, 'card_completed');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sandbox.deliveries(token)[0]?.status).toBe('sending');
    const started = performance.now();
    await coinme.cryptoChains.list();
    const dashboard = await fetch(sandbox.url);
    const widget = await fetch(`${sandbox.url}/widget/${token}`);
    expect(dashboard.status).toBe(200);
    expect(widget.status).toBe(200);
    // Well under the delivery's 4 s timeout: nothing waited for the hanging endpoint.
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('counts an attempt that outlasts the timeout as failed', async () => {
    const { sandbox, receiver, coinme } = await setup({ eventSpacingMs: 0, retry: { maxAttempts: 1, timeoutMs: 150 } });
    receiver.delayMs = 1_000;
    const token = await newSession(coinme, 'timeout-session');
    await sandbox.choose(token, 'kyc_rejected');
    await sandbox.settled();
    expect(sandbox.deliveries(token).map((d) => [d.status, d.attempts[0]?.error])).toEqual([
      ['failed', 'timeout'],
      ['failed', 'timeout'],
    ]);
  });

  it('asks the partner validation URL with { email } and a bearer token, and stops the purchase on false', async () => {
    const calls: Array<{ body: string; authorization: string | null }> = [];
    let allow = false;
    const validator = await startReceiver('unused');
    const { createServer } = await import('node:http');
    const server = createServer(async (request, response) => {
      let body = '';
      for await (const chunk of request) body += String(chunk);
      calls.push({ body, authorization: request.headers.authorization ?? null });
      response.writeHead(200, { 'content-type': 'application/json' }).end(String(allow));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const validationUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/validate`;
    try {
      const { sandbox, receiver, coinme } = await setup({ validationUrl, validationToken: 'validation-token-77aa' });
      const token = await newSession(coinme, 'validated-session');
      const refused = await sandbox.choose(token, 'card_completed', { email: 'blocked@example.com' });
      expect(refused.phase).toBe('open');
      expect(refused.validation).toMatchObject({ allowed: false, status: 200, answer: 'false', email: 'blocked@example.com' });
      const page = await (await fetch(`${sandbox.url}/widget/${token}`)).text();
      expect(page).toContain('blocked@example.com');
      expect(page).toContain('not allowed');
      await sandbox.settled();
      expect(receiver.received).toHaveLength(0);

      allow = true;
      const allowed = await sandbox.choose(token, 'card_completed', { email: 'ok@example.com' });
      expect(allowed.validation?.allowed).toBe(true);
      await sandbox.settled();
      expect(receiver.received).toHaveLength(5);
      expect(JSON.parse(receiver.received[0]?.body ?? '{}')).toMatchObject({ customer_email: 'ok@example.com' });
      expect(calls.map((call) => JSON.parse(call.body))).toEqual([{ email: 'blocked@example.com' }, { email: 'ok@example.com' }]);
      expect(calls.every((call) => call.authorization === 'Bearer validation-token-77aa')).toBe(true);
    } finally {
      server.closeAllConnections();
      server.close();
      await validator.close();
    }
  });

  it('keeps at most maxSessions sessions in memory', async () => {
    const { sandbox, coinme } = await setup({ maxSessions: 2 });
    const first = await newSession(coinme, 'bounded-1');
    await newSession(coinme, 'bounded-2');
    await newSession(coinme, 'bounded-3');
    expect(sandbox.sessions().map((s) => s.externalSessionId)).toEqual(['bounded-2', 'bounded-3']);
    expect(sandbox.mock.widgetSessions).toHaveLength(2);
    expect((await fetch(`${sandbox.url}/widget/${first}`)).status).toBe(404);
  });

  it('never shows the webhook secret on its pages or in its log', async () => {
    const lines: string[] = [];
    const { sandbox, coinme } = await setup({ log: (line) => lines.push(line) });
    const token = await newSession(coinme, 'secret-session');
    await sandbox.choose(token, 'card_completed');
    await sandbox.settled();
    const pages = (await Promise.all([fetch(sandbox.url), fetch(`${sandbox.url}/widget/${token}`)].map(async (r) => (await r).text()))).join('');
    expect(lines.length).toBeGreaterThan(5);
    expect(pages + lines.join('\n')).not.toContain(SECRET);
    expect(JSON.stringify(sandbox.sessions())).not.toContain(SECRET);
  });

  it('runs the widget page over plain HTTP: form post, state polling, redirect', async () => {
    const { sandbox, coinme } = await setup();
    const token = await newSession(coinme, 'form-session');
    const widgetUrl = `${sandbox.url}/widget/${token}`;
    const chosen = await fetch(widgetUrl, { method: 'POST', body: new URLSearchParams({ outcome: 'card_completed', email: 'form@example.com' }), redirect: 'manual' });
    expect(chosen.status).toBe(303);
    expect(chosen.headers.get('location')).toBe(`/widget/${token}`);
    await sandbox.settled();
    const state = (await (await fetch(`${widgetUrl}/state`)).json()) as { phase: string; status: string; redirectUrl: string };
    expect(state.phase).toBe('done');
    expect(state.status).toBe('COMPLETED');
    expect(new URL(state.redirectUrl).searchParams.get('transactionId')).toBe(sandbox.session(token)?.transactionId);
    expect((await fetch(`${sandbox.url}/widget/no-such-token`)).status).toBe(404);
    const unknownOutcome = await fetch(`${sandbox.url}/widget/${await newSession(coinme, 'bad-outcome')}`, { method: 'POST', body: new URLSearchParams({ outcome: 'teleport' }) });
    expect(unknownOutcome.status).toBe(400);
  });

  it('closes a widget after its 30 minutes on the mock clock', async () => {
    const { sandbox, receiver, coinme } = await setup();
    const token = await newSession(coinme, 'late-session');
    sandbox.mock.clock.advance(31 * 60_000);
    expect((await fetch(`${sandbox.url}/widget/${token}`)).status).toBe(410);
    await expect(sandbox.choose(token, 'card_completed')).rejects.toMatchObject({ name: 'ValidationError', field: 'token' });
    expect((await fetch(`${sandbox.url}/widget/${token}`, { method: 'POST', body: new URLSearchParams({ outcome: 'failed' }) })).status).toBe(410);
    expect(receiver.received).toHaveLength(0);
  });

  it('never redirects the browser to a non-web URL', async () => {
    const { sandbox } = await setup();
    const authorize = await fetch(`${sandbox.baseUrl}/authorize`, {
      method: 'POST',
      headers: { authorization: `Basic ${btoa('a:b')}`, 'user-agent': 'curl/8', 'content-type': 'application/x-www-form-urlencoded' },
    });
    const { data } = (await authorize.json()) as { data: { token: string } };
    const created = await fetch(`${sandbox.baseUrl}/widget`, {
      method: 'POST',
      headers: { authorization: `Bearer ${data.token}`, 'user-agent': 'curl/8', 'content-type': 'application/json' },
      body: JSON.stringify({ destinationCurrency: 'BTC', walletAddress: 'bc1q', redirectUrl: 'javascript:alert(document.domain)' }),
    });
    const { widgetUrl } = (await created.json()) as { widgetUrl: string };
    const token = new URL(widgetUrl).pathname.split('/').at(-1) ?? '';
    await sandbox.choose(token, 'kyc_rejected');
    await sandbox.settled();
    expect(sandbox.session(token)?.result).toEqual({ status: 'KYC_FAILED' });
    const page = await (await fetch(widgetUrl)).text();
    expect(page).not.toContain('href="javascript:');
    expect(page).not.toContain('location.replace');
  });

  it('rejects an unknown session or outcome from code with a ValidationError naming it', async () => {
    const { sandbox, coinme } = await setup();
    await expect(sandbox.choose('no-such-token', 'failed')).rejects.toMatchObject({ name: 'ValidationError', field: 'token' });
    const token = await newSession(coinme, 'typo-session');
    await expect(sandbox.choose(token, 'teleport' as never)).rejects.toMatchObject({ name: 'ValidationError', field: 'outcome' });
    expect(sandbox.session(token)?.phase).toBe('open');
  });

  it('rejects bad options with a ValidationError naming the option', async () => {
    await expect(startSandbox({ webhookUrl: 'http://127.0.0.1:9/hook' })).rejects.toMatchObject({ name: 'ValidationError', field: 'webhookSecret' });
    await expect(startSandbox({ port: 70_000 })).rejects.toBeInstanceOf(ValidationError);
    await expect(startSandbox({ webhookUrl: 'ftp://example.com', webhookSecret: 's' })).rejects.toMatchObject({ field: 'webhookUrl' });
  });
});
