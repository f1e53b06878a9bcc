import { describe, expect, it, vi } from 'vitest';
import { CoinmeApiError, ConnectionError, RateLimitError, TimeoutError } from 'coinme-sdk';
import { useMockCoinme } from './mock-server.js';

const { mock, client } = useMockCoinme();
const widgetParams = { destinationCurrency: 'BTC', walletAddress: 'bc1qexample' };

describe('retries of GETs', () => {
  it('retries a 5xx and then succeeds', async () => {
    mock.failNext({ status: 500, path: '/cryptoChains' });
    mock.failNext({ status: 503, path: '/cryptoChains' });
    expect(await client().cryptoChains.list()).toHaveLength(8);
    expect(mock.requestsTo('/cryptoChains')).toHaveLength(3);
  });

  it('retries a dropped connection', async () => {
    mock.failNext({ networkError: true, path: '/transactionlimits' });
    expect(await client().transactionLimits.get({ customerId: '1319354818066124800' })).toEqual({ buyLimitAmount: '500.00', sellLimitAmount: '500.00' });
    expect(mock.requestsTo('/transactionlimits')).toHaveLength(2);
  });

  it('gives up after maxRetries with the last error', async () => {
    mock.failNext({ status: 502, path: '/cryptoChains', times: 5 });
    const error = await client({ maxRetries: 1 }).cryptoChains.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CoinmeApiError);
    expect(error).toMatchObject({ status: 502 });
    expect(mock.requestsTo('/cryptoChains')).toHaveLength(2);
  });

  it('lets one call override maxRetries', async () => {
    mock.failNext({ status: 500, path: '/cryptoChains', times: 5 });
    await expect(client().cryptoChains.list({ maxRetries: 0 })).rejects.toMatchObject({ status: 500 });
    expect(mock.requestsTo('/cryptoChains')).toHaveLength(1);
  });

  it('does not retry a 4xx other than 408/429', async () => {
    mock.failNext({ status: 400, path: '/cryptoChains' });
    await expect(client().cryptoChains.list()).rejects.toMatchObject({ name: 'CoinmeApiError', status: 400, errors: [{ message: 'Mock failure 400' }] });
    expect(mock.requestsTo('/cryptoChains')).toHaveLength(1);
  });

  it('reports exhausted network failures as ConnectionError', async () => {
    mock.failNext({ networkError: true, path: '/cryptoChains', times: 3 });
    const error = await client().cryptoChains.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toContain('3 attempts');
  });
});

describe('429 and Retry-After', () => {
  it('waits as long as Retry-After says, then succeeds', async () => {
    mock.failNext({ status: 429, retryAfter: 1, path: '/locationlicensing' });
    const started = performance.now();
    expect(await client().locationLicensing.list()).toEqual(['WA', 'VA']);
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThanOrEqual(950);
    expect(waited).toBeLessThan(3000);
  });

  it('honours Retry-After given as an HTTP date', async () => {
    mock.failNext({ status: 429, retryAfter: new Date(Date.now() + 1500).toUTCString(), path: '/locationlicensing' });
    const started = performance.now();
    await client().locationLicensing.list();
    expect(performance.now() - started).toBeGreaterThanOrEqual(400);
  });

  it('throws RateLimitError with retryAfter in ms when retries run out', async () => {
    mock.failNext({ status: 429, retryAfter: 7, path: '/cryptoChains' });
    const error = await client({ maxRetries: 0 }).cryptoChains.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfter).toBe(7000);
    expect((error as RateLimitError).status).toBe(429);
  });

  it('reads a Retry-After of several digits', async () => {
    mock.failNext({ status: 429, retryAfter: 12, path: '/cryptoChains' });
    const error = await client({ maxRetries: 0 }).cryptoChains.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfter).toBe(12_000);
  });

  it.each(['5x', 'x5', '1.5', '-1', 'soon'])('drops a Retry-After of %j, which is neither seconds nor an HTTP date', async (retryAfter) => {
    mock.failNext({ status: 429, retryAfter, path: '/cryptoChains' });
    const error = await client({ maxRetries: 0 }).cryptoChains.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfter).toBeUndefined();
  });

  it('retries after the default backoff when Retry-After is unreadable', async () => {
    // Read as 50 seconds, the wait would overrun the total timeout and end in TimeoutError.
    mock.failNext({ status: 429, retryAfter: '50x', path: '/cryptoChains' });
    expect(await client({ totalTimeout: 3_000 }).cryptoChains.list()).toHaveLength(8);
    expect(mock.requestsTo('/cryptoChains')).toHaveLength(2);
  });
});

describe('backoff', () => {
  // When each attempt of a GET to /cryptoChains started (after the answer to the one before it).
  async function attemptGaps(retryDelay: { initial: number; max: number }, failures: number): Promise<number[]> {
    const started: number[] = [];
    const coinme = client({
      retryDelay,
      maxRetries: failures,
      totalTimeout: 10_000,
      hooks: { onRequest: (info) => (info.path.endsWith('/cryptoChains') ? started.push(performance.now()) : undefined) },
    });
    await coinme.cryptoChains.list({ maxRetries: 0 }); // authorize first
    started.length = 0;
    mock.failNext({ status: 503, path: '/cryptoChains', times: failures });
    expect(await coinme.cryptoChains.list()).toHaveLength(8);
    expect(started).toHaveLength(failures + 1);
    return started.slice(1).map((at, index) => at - started[index]!);
  }

  it('waits at least half the backoff, which doubles from retryDelay.initial on each retry', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const gaps = await attemptGaps({ initial: 200, max: 8_000 }, 3);
    // "Equal jitter" with the lowest draw: 100, 200, 400 ms. A wait can run late, never early.
    expect(gaps[0]).toBeGreaterThanOrEqual(95);
    expect(gaps[1]).toBeGreaterThanOrEqual(195);
    expect(gaps[2]).toBeGreaterThanOrEqual(395);
    // A generous ceiling (350 ms expected): only a backoff several times too long crosses it.
    expect(gaps.reduce((sum, gap) => sum + gap, 0)).toBeLessThan(2_000);
  });

  it('waits about the full backoff with the highest draw', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.999);
    const gaps = await attemptGaps({ initial: 100, max: 8_000 }, 3);
    // About 100, 200, 400 ms.
    expect(gaps[0]).toBeGreaterThanOrEqual(95);
    expect(gaps[1]).toBeGreaterThanOrEqual(195);
    expect(gaps[2]).toBeGreaterThanOrEqual(395);
    // A generous ceiling (700 ms expected): a backoff of over twice the intended one crosses it.
    expect(gaps.reduce((sum, gap) => sum + gap, 0)).toBeLessThan(1_500);
  });
});

describe('POSTs', () => {
  it('never retries a widget session after a 5xx: it may have been created', async () => {
    mock.failNext({ status: 500, path: '/widget' });
    await expect(client().widget.createSession(widgetParams)).rejects.toMatchObject({ name: 'CoinmeApiError', status: 500 });
    expect(mock.requestsTo('/widget')).toHaveLength(1);
  });

  it('never retries a widget session after a timeout', async () => {
    const coinme = client({ timeout: 50 });
    await coinme.cryptoChains.list();
    mock.setLatency(150);
    await expect(coinme.widget.createSession(widgetParams)).rejects.toBeInstanceOf(TimeoutError);
    expect(mock.requestsTo('/widget')).toHaveLength(1);
  });

  it('never retries a widget session after a dropped connection', async () => {
    mock.failNext({ networkError: true, path: '/widget' });
    await expect(client().widget.createSession(widgetParams)).rejects.toBeInstanceOf(ConnectionError);
    expect(mock.requestsTo('/widget')).toHaveLength(1);
  });

  it('retries the informative quote, which changes nothing', async () => {
    mock.failNext({ status: 503, path: '/cryptoquote/informative' });
    const quote = await client().quotes.informative({ debitCurrencyCode: 'USD', creditCurrencyCode: 'BTC', amountValue: 200, amountCurrencyCode: 'USD' });
    expect(quote.totalFees).toBe('3.80');
    expect(mock.requestsTo('/cryptoquote/informative')).toHaveLength(2);
  });
});

describe('timeouts and aborts', () => {
  it('times out each attempt, retries a GET, and then throws TimeoutError', async () => {
    const coinme = client({ timeout: 60 });
    await coinme.cryptoChains.list(); // authorize before slowing down
    mock.setLatency(200);
    const error = await coinme.cryptoChains.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toContain('60 ms');
    expect(mock.requestsTo('/cryptoChains')).toHaveLength(4);
  });

  it('accepts a per-call timeout', async () => {
    const coinme = client();
    await coinme.cryptoChains.list();
    mock.setLatency(200);
    await expect(coinme.cryptoChains.list({ timeout: 40, maxRetries: 0 })).rejects.toBeInstanceOf(TimeoutError);
  });

  it('succeeds on a retry after one slow attempt', async () => {
    const coinme = client({ timeout: 80 });
    await coinme.cryptoChains.list();
    mock.setLatency(200);
    const pending = coinme.cryptoChains.list();
    setTimeout(() => mock.setLatency(0), 50);
    expect(await pending).toHaveLength(8);
  });

  it('surfaces the caller\'s abort as an abort, without retrying', async () => {
    const coinme = client();
    await coinme.cryptoChains.list();
    mock.setLatency(300);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const error = await coinme.cryptoChains.list({ signal: controller.signal }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('AbortError');
    expect(mock.requestsTo('/cryptoChains')).toHaveLength(2);
  });

  it('cuts the wait before a retry short when the caller aborts, with the caller\'s reason', async () => {
    mock.failNext({ status: 429, retryAfter: 30, path: '/cryptoChains' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('shutting down')), 50);
    const started = performance.now();
    await expect(client().cryptoChains.list({ signal: controller.signal })).rejects.toThrow('shutting down');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(mock.requestsTo('/cryptoChains')).toHaveLength(1);
  });

  it('does not send anything when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('user navigated away'));
    await expect(client().cryptoChains.list({ signal: controller.signal })).rejects.toThrow('user navigated away');
    // Not even an authorize a moment later (one nobody awaits would fail once the mock is gone).
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(mock.requests).toHaveLength(0);
  });
});
