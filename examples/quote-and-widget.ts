/**
 * The smallest useful integration: a client, an informative quote, a hosted widget session.
 *
 *   npx tsx examples/quote-and-widget.ts            # against the mock Coinme
 *   COINME_PARTNER_ID=... COINME_CLIENT_SECRET=... COINME_USER_AGENT=... npx tsx examples/quote-and-widget.ts
 */
import './support/require-node.js';
import { setupServer } from 'msw/node';
import { CoinmeClient, isCoinmeError } from 'coinme-sdk';
import { createMockCoinme } from 'coinme-sdk/testing';

const { COINME_PARTNER_ID, COINME_CLIENT_SECRET, COINME_USER_AGENT } = process.env;
const credentials =
  COINME_PARTNER_ID && COINME_CLIENT_SECRET && COINME_USER_AGENT
    ? { partnerId: COINME_PARTNER_ID, clientSecret: COINME_CLIENT_SECRET, userAgent: COINME_USER_AGENT }
    : undefined;

// Without credentials, msw answers every Coinme call in-process.
const mock = credentials ? undefined : createMockCoinme();
const server = mock && setupServer(...mock.handlers);
server?.listen({ onUnhandledFrame: 'error' });

try {
  const coinme = new CoinmeClient({ ...(credentials ?? mock!.credentials), environment: 'staging' });

  const quote = await coinme.quotes.informative({
    debitCurrencyCode: 'USD',
    creditCurrencyCode: 'BTC',
    amountValue: '200',
    amountCurrencyCode: 'USD',
  });
  console.log(`quote: ${quote.debitCurrencyAmount} ${quote.debitCurrencyCode} → ${quote.creditCurrencyAmount} ${quote.creditCurrencyCode} (fees ${quote.totalFees})`);

  const session = await coinme.widget.createSession({
    destinationCurrency: 'BTC',
    walletAddress: 'bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh',
    sourceAmount: '200',
    sourceCurrency: 'USD',
    externalSessionId: crypto.randomUUID(),
  });
  console.log(`widget: ${session.widgetUrl}`);
  console.log(`expires: ${session.expiresAt.toISOString()}`);
} catch (error) {
  console.error(isCoinmeError(error) ? `Coinme error [${error.code}]: ${error.message}` : error);
  process.exitCode = 1;
} finally {
  server?.close();
}
