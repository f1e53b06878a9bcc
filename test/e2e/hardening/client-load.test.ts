// One client under 1 000 concurrent calls while its token expires mid-run: every call succeeds and
// the client authorizes once at start and once per expiry, never more.
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoinmeClient } from 'coinme-sdk';
import { createMockCoinme, seededCustomerId } from 'coinme-sdk/testing';

const CALLS = 1_000;
const STAGING_TOKEN_LIFETIME_MS = 30 * 60_000;

const mock = createMockCoinme({ environment: 'staging' });
const server = setupServer(...mock.handlers);
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());

type Outcome = { ok: true; kind: string } | { ok: false; error: unknown };

function call(client: CoinmeClient, index: number): Promise<Outcome> {
  const kind = ['cryptoChains', 'locationLicensing', 'transactionLimits'][index % 3] as string;
  const run = async (): Promise<void> => {
    if (kind === 'cryptoChains') {
      const assets = await client.cryptoChains.list();
      expect(assets.length).toBeGreaterThan(0);
    } else if (kind === 'locationLicensing') {
      const states = await client.locationLicensing.list({ country: 'USA' });
      expect(states.length).toBeGreaterThan(0);
    } else {
      const limits = await client.transactionLimits.get({ customerId: seededCustomerId, fiatCurrencyCode: 'USD' });
      expect(limits).toBeTypeOf('object');
    }
  };
  return run().then(
    () => ({ ok: true, kind }),
    (error: unknown) => ({ ok: false, error }),
  );
}

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

describe('client under load', () => {
  it(`${CALLS} concurrent calls across a token expiry: one authorize per token, no failures`, async () => {
    let answered = 0;
    let inFlightAtExpiry = 0;
    // Each attempt leaves after its own delay (0-19 ms, fixed by its order), so calls overlap
    // and some are on the wire when the token expires.
    let attempts = 0;
    const staggeredFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
      attempts += 1;
      await new Promise((resolve) => setTimeout(resolve, (attempts * 7) % 20));
      return fetch(input, init);
    };
    const client = new CoinmeClient({
      ...mock.credentials,
      environment: 'staging',
      now: mock.clock.now,
      retryDelay: { initial: 1, max: 4 },
      fetch: staggeredFetch,
      hooks: {
        onResponse: ({ path, status }) => {
          if (path.endsWith('/authorize') || status !== 200) return;
          answered += 1;
          // Half of the first wave answered, the other half still pending: the token expires now.
          if (answered === CALLS / 4) {
            inFlightAtExpiry = CALLS / 2 - answered;
            mock.clock.advance(STAGING_TOKEN_LIFETIME_MS + 60_000);
          }
        },
      },
    });

    const started = performance.now();
    const firstHalf = Array.from({ length: CALLS / 2 }, (_, index) => call(client, index));
    await until(() => answered >= CALLS / 4);
    const secondHalf = Array.from({ length: CALLS / 2 }, (_, index) => call(client, CALLS / 2 + index));
    const outcomes = await Promise.all([...firstHalf, ...secondHalf]);
    const elapsedMs = performance.now() - started;

    const failures = outcomes.filter((outcome) => !outcome.ok);
    expect(failures).toEqual([]);
    expect(outcomes).toHaveLength(CALLS);

    // Exactly one authorize for the first token and one for the expiry, all accepted.
    const authorizes = mock.requestsTo('/authorize');
    expect(authorizes).toHaveLength(2);
    expect(authorizes.every((request) => request.authenticated)).toBe(true);

    // Every API request carried one of those two tokens; those refused (sent with the expired
    // token, answered 401) were each replayed once with the fresh one.
    const apiRequests = mock.requests.filter((request) => request.path !== '/authorize');
    const refused = apiRequests.filter((request) => !request.authenticated);
    const accepted = apiRequests.filter((request) => request.authenticated);
    expect(accepted).toHaveLength(CALLS);
    expect(apiRequests).toHaveLength(CALLS + refused.length);
    expect(new Set(accepted.map((request) => request.tokenSerial))).toEqual(new Set([1, 2]));
    expect(inFlightAtExpiry).toBe(CALLS / 4);
    expect(refused).toHaveLength(CALLS / 4);

    console.info(
      `client load: ${CALLS} calls in ${Math.round(elapsedMs)} ms, ${authorizes.length} authorize, ` +
        `${inFlightAtExpiry} pending at expiry, ${refused.length} answered 401 and replayed`,
    );
  });
});
