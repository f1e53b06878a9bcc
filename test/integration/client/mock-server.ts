// Shared setup: a mock Coinme behind msw, and a client wired to it with tiny retry delays.
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { CoinmeClient, type CoinmeClientOptions } from 'coinme-sdk';
import { createMockCoinme, type MockCoinmeOptions } from 'coinme-sdk/testing';

export function useMockCoinme(options: MockCoinmeOptions = {}) {
  const mock = createMockCoinme(options);
  const server = setupServer(...mock.handlers);
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    mock.reset();
  });
  afterAll(() => server.close());

  const client = (overrides: Partial<CoinmeClientOptions> = {}): CoinmeClient =>
    new CoinmeClient({
      ...mock.credentials,
      environment: options.environment ?? 'staging',
      now: mock.clock.now,
      retryDelay: { initial: 1, max: 4 },
      ...overrides,
    });

  return { mock, server, client };
}
