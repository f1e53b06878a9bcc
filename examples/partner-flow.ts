/**
 * The whole partner integration of Coinme's widget guide, end to end:
 *
 *   1. partner mapping (assets, payment methods, limits, blocked states) and an eligibility check
 *   2. an informative quote
 *   3. a hosted widget session
 *   4. the session's webhooks, signed, verified and folded into one session record
 *   5. reconciliation against transaction history
 *
 * By default it runs against the mock Coinme of `coinme-sdk/testing` (no network, no account):
 *
 *   npm run demo
 *
 * With staging credentials it calls Coinme staging instead (steps 1-3 and 5 for real; step 4
 * replays locally signed webhooks, because Coinme delivers real ones to your server's URL):
 *
 *   COINME_PARTNER_ID=... COINME_CLIENT_SECRET=... COINME_USER_AGENT=... \
 *   COINME_CUSTOMER_ID=... COINME_WALLET_ADDRESS=... npm run demo
 */
import './support/require-node.js';
import { setupServer } from 'msw/node';
import {
  CoinmeClient,
  EventDeduper,
  MemorySessionStore,
  SessionTracker,
  checkEligibility,
  constructEvent,
  isCoinmeError,
  reconcile,
  type SessionState,
  type Transaction,
} from 'coinme-sdk';
import { createMockCoinme, events, seededCustomerId, sign } from 'coinme-sdk/testing';
import { bold, dim, fields, green, heading, note, red, streamTable, table, wait, yellow } from './support/terminal.js';

const started = performance.now();
const env = process.env;
const staging = Boolean(env['COINME_PARTNER_ID'] && env['COINME_CLIENT_SECRET'] && env['COINME_USER_AGENT']);

// ---------------------------------------------------------------------------------------------
// The client: real staging credentials, or the mock Coinme served through msw.
// ---------------------------------------------------------------------------------------------
const mock = staging ? undefined : createMockCoinme({ environment: 'staging' });
const server = mock ? setupServer(...mock.handlers) : undefined;
server?.listen({ onUnhandledFrame: 'error' });

const coinme = new CoinmeClient(
  mock
    ? { ...mock.credentials, environment: 'staging' }
    : {
        partnerId: env['COINME_PARTNER_ID']!,
        clientSecret: env['COINME_CLIENT_SECRET']!,
        userAgent: env['COINME_USER_AGENT']!,
        environment: env['COINME_ENVIRONMENT'] === 'production' ? 'production' : 'staging',
        ...(env['COINME_API_KEY'] ? { apiKey: env['COINME_API_KEY'] } : {}),
      },
);

const customerId = mock ? seededCustomerId : env['COINME_CUSTOMER_ID'];
const walletAddress = env['COINME_WALLET_ADDRESS'] ?? 'bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh';
// Coinme signs deliveries with the secret it shares with you. The replay signs its own.
const webhookSecret = 'whsec_local_demo_only';
const externalSessionId = `demo_${new Date().toISOString().slice(0, 10).replaceAll('-', '')}_${crypto.randomUUID().slice(0, 8)}`;

async function main(): Promise<number> {
  console.log(bold('coinme-sdk partner flow'));
  note(mock ? 'against the embedded mock Coinme (set COINME_PARTNER_ID, COINME_CLIENT_SECRET, COINME_USER_AGENT for staging)' : `against Coinme ${coinme.environment} (${coinme.baseUrl})`);

  // 1. Configuration -------------------------------------------------------------------------
  heading('1/5', 'Partner mapping');
  const mapping = await coinme.buildPartnerMapping(customerId ? { customerId } : {});
  const blocked = mapping.regions.stateRestrictions.US.blockedStates;
  table([
    { what: 'assets', count: mapping.assets.length, detail: mapping.assets.map((asset) => asset.code).join(' ') },
    { what: 'payment methods', count: mapping.paymentMethods.length, detail: mapping.paymentMethods.map((method) => method.id).join(' ') },
    {
      what: 'limits',
      count: mapping.transactionalLimits.byPaymentMethod.length,
      detail: mapping.transactionalLimits.byPaymentMethod.map((limit) => `${limit.paymentMethodId} ${limit.min}-${limit.max} ${limit.currency}`).join(', '),
    },
    { what: 'blocked states', count: blocked.length, detail: `${blocked.slice(0, 8).join(' ')}${blocked.length > 8 ? ' …' : ''}` },
  ]);
  const checks = [
    { asset: 'BTC', paymentMethod: 'GREENDOT', state: 'WA', amount: '200', direction: 'onramp' },
    { asset: 'BTC', paymentMethod: 'GREENDOT', state: 'NY', amount: '200', direction: 'onramp' },
    { asset: 'BTC', paymentMethod: 'CARD', state: 'WA', amount: '1', direction: 'onramp' },
  ] as const;
  console.log();
  table(
    checks.map((query) => {
      const result = checkEligibility(mapping, query);
      return {
        checkEligibility: `${query.direction} ${query.amount} USD → ${query.asset} by ${query.paymentMethod} in ${query.state}`,
        result: result.ok ? green('ok') : red(result.reasons.map((reason) => reason.code).join(', ')),
      };
    }),
  );

  // 2. Informative quote ----------------------------------------------------------------------
  heading('2/5', 'Informative quote');
  const quote = await coinme.quotes.informative({ debitCurrencyCode: 'USD', creditCurrencyCode: 'BTC', amountValue: '200', amountCurrencyCode: 'USD' });
  fields({
    'you pay': `${quote.debitCurrencyAmount} ${quote.debitCurrencyCode}`,
    'you get': `${quote.creditCurrencyAmount} ${quote.creditCurrencyCode}`,
    fees: `${quote.totalFees} ${quote.feeCurrency ?? quote.debitCurrencyCode}`,
    price: `${quote.debitCurrencyUnitPrice} ${quote.debitCurrencyUnitPriceCode}`,
  });

  // 3. Widget session --------------------------------------------------------------------------
  heading('3/5', 'Widget session');
  const session = await coinme.widget.createSession({
    destinationCurrency: 'BTC',
    walletAddress,
    sourceAmount: '200',
    sourceCurrency: 'USD',
    countryCode: 'US',
    state: 'WA',
    externalSessionId,
    redirectUrl: 'https://partner.example/coinme/done',
  });
  fields({ externalSessionId, widgetUrl: session.widgetUrl, expiresAt: session.expiresAt.toISOString() });

  // 4. Webhooks --------------------------------------------------------------------------------
  heading('4/5', 'Webhooks for this session');
  note(mock ? 'replaying the session as Coinme delivers it: signed, verified with constructEvent, folded by SessionTracker' : 'staging delivers real webhooks to your endpoint; this replay is signed locally with a demo secret');
  const ids = {
    barcodeId: '1313964142118440960',
    providerBarcodeId: '830324007540008113355271474330',
    orderTemplateId: '1316433953436078080',
    transactionId: String(1_319_403_376_555_986_944n + BigInt(Math.floor(Math.random() * 1e6))),
    txHash: '9f3c1a4e7b2d6c8f0a5e3b1d7c9f2a4e6b8d0c2f4a6e8b0d2c4f6a8e0b2d4c6f',
  };
  const debit = { amount: quote.debitCurrencyAmount, currencyCode: quote.debitCurrencyCode };
  const credit = { amount: quote.creditCurrencyAmount, currencyCode: quote.creditCurrencyCode };
  const blockchainData = { targetWalletAddress: walletAddress, currency: 'BTC', chain: 'BTC' };
  const at = () => new Date().toISOString();
  const userInputAmount = { amount: debit.amount, currency: debit.currencyCode };

  // Seed 000's cash on-ramp, in delivery order. Widget events name the session by
  // externalSessionId; the order template is first known by its own id only (linked once
  // `barcode.displayed` names both); the buy carries the transaction id from then on.
  const deliveries: Array<() => object> = [
    () => events['kyc-prove.onboarding.completed']({ externalSessionId, customer_id: customerId ?? '1319354818066124800', timestamp: at() }),
    () =>
      events['greendot.location.quote-confirmed']({
        externalSessionId,
        timestamp: at(),
        paymentMethod: 'cash',
        debit: { ...debit, unitPrice: quote.debitCurrencyUnitPrice, unitPriceCode: quote.debitCurrencyUnitPriceCode },
        credit: { ...credit, unitPrice: quote.creditCurrencyUnitPrice, unitPriceCode: quote.creditCurrencyUnitPriceCode },
        fees: { totalFees: quote.totalFees, feeCurrency: quote.feeCurrency ?? 'USD' },
      }),
    () => events['discover.barcode.location-selected']({ externalSessionId, timestamp: at() }),
    () =>
      events['greendot.barcode.generation-succeeded']({
        externalSessionId,
        timestamp: at(),
        barcodeId: ids.barcodeId,
        providerBarcodeId: ids.providerBarcodeId,
        amount: { value: debit.amount, currencyCode: debit.currencyCode },
        credit,
      }),
    () => events['ORDER_TEMPLATE.CREATED']({ at: at(), data: { orderTemplateId: ids.orderTemplateId, userInputAmount } }),
    () =>
      events['greendot.barcode.displayed']({
        externalSessionId,
        timestamp: at(),
        barcodeId: ids.barcodeId,
        providerBarcodeId: ids.providerBarcodeId,
        orderTemplateId: ids.orderTemplateId,
        amount: { value: debit.amount, currencyCode: debit.currencyCode },
        credit,
      }),
    () =>
      events['ORDER_TEMPLATE.CONSUMED']({
        at: at(),
        data: { orderTemplateId: ids.orderTemplateId, externalSessionId, providerTransactionRef: ids.providerBarcodeId, userInputAmount },
      }),
    () =>
      events['CAAS.BUY.FULFILLED']({
        at: at(),
        data: { transactionId: ids.transactionId, externalSessionId, metadata: { orderTemplateId: ids.orderTemplateId, blockchainData } },
      }),
    () =>
      events['CAAS.BUY.BLOCKCHAIN_ACCEPTED']({
        at: at(),
        data: { transactionId: ids.transactionId, externalSessionId, metadata: { blockchainData: { ...blockchainData, blockchainTransactionId: ids.txHash } } },
      }),
    () =>
      events['CAAS.BUY.COMPLETED']({
        at: at(),
        data: {
          transactionId: ids.transactionId,
          externalSessionId,
          metadata: { orderTemplateId: ids.orderTemplateId, blockchainData: { ...blockchainData, blockchainTransactionId: ids.txHash } },
        },
      }),
  ];

  const store = new MemorySessionStore();
  const tracker = new SessionTracker({ store });
  const deduper = new EventDeduper();
  const printer = streamTable({ '#': 2, event: 37, status: 18, record: 33 });
  const sent: string[] = [];
  let last: SessionState | undefined;

  const deliver = async (n: number, signed: { body: string; headers: Record<string, string> }) => {
    // What your endpoint does with each POST: verify and parse, skip repeats, fold into the session.
    const event = await constructEvent({ payload: signed.body, headers: signed.headers, secret: webhookSecret, toleranceSeconds: 300 });
    if (event.id !== undefined && !(await deduper.claim(event.id))) {
      printer.print({ '#': n, event: event.type, status: dim('duplicate, skipped'), record: dim(`event ${event.id.slice(0, 8)}… seen`) });
      return;
    }
    let record: SessionState | undefined;
    try {
      record = await tracker.ingest(event);
    } catch (error) {
      if (event.id !== undefined) await deduper.release(event.id); // so Coinme's retry of this delivery is processed
      throw error;
    }
    if (record) last = record;
    const label = record?.externalSessionId ? `session ${record.externalSessionId}` : record?.orderTemplateId ? `orderTemplate ${record.orderTemplateId}` : '-';
    const status = record?.status === 'completed' ? green(record.status) : (record?.status ?? '-');
    printer.print({ '#': n, event: event.type, status, record: label });
  };

  for (const [index, build] of deliveries.entries()) {
    const signed = await sign(build(), webhookSecret);
    sent.push(signed.body);
    await wait(50, `waiting for delivery ${index + 1}/${deliveries.length}`);
    await deliver(index + 1, signed);
  }
  // Coinme retries a delivery it could not confirm: the same event arrives twice.
  await wait(50, 'waiting for a redelivery');
  await deliver(deliveries.length + 1, await sign(sent[6]!, webhookSecret));

  const tracked = await tracker.get('externalSessionId', externalSessionId);
  console.log();
  fields({
    'final status': tracked?.status === 'completed' ? green(tracked.status) : yellow(tracked?.status ?? 'unknown'),
    'ids linked': tracked ? `externalSessionId, barcodeId, orderTemplateId, transactionId → one record (${store.size.events} events stored)` : '-',
    'tx hash': tracked?.txHash,
    timeline: `${tracked?.timeline.length ?? 0} events`,
  });

  // 5. Reconciliation --------------------------------------------------------------------------
  heading('5/5', 'Reconciliation with transaction history');
  if (!customerId) {
    note('skipped: set COINME_CUSTOMER_ID to read a customer’s transaction history');
  } else {
    if (mock && last?.transactionId) {
      // The mock records the completed buy, as Coinme's history would.
      mock.data.customers[seededCustomerId]?.transactions.push({
        totalFees: quote.totalFees,
        feeCurrencyCode: quote.feeCurrency ?? 'USD',
        creditCurrencyAmount: credit.amount,
        creditCurrencyCode: credit.currencyCode,
        debitCurrencyAmount: debit.amount,
        debitCurrencyCode: debit.currencyCode,
        transactionDateTime: new Date().toISOString(),
        partnerTransactionId: last.transactionId,
        transactionStatus: 'CONFIRMED',
        fromWalletAddress: '',
        toWalletAddress: walletAddress,
      });
    }
    const transactions: Transaction[] = [];
    for await (const transaction of coinme.transactionHistory.iterate({ customerId })) transactions.push(transaction);
    const report = reconcile(tracked ? [tracked] : [], transactions);
    table([
      { result: 'matched', count: report.matched.length, meaning: 'session and history agree on amounts' },
      { result: 'missing in history', count: report.missingInHistory.length, meaning: 'money moved, but history has no record yet' },
      { result: 'missing in webhooks', count: report.missingInWebhooks.length, meaning: 'history records from other sessions' },
      { result: 'amount mismatches', count: report.amountMismatches.length, meaning: 'same transaction, different amounts' },
    ]);
    note(`${transactions.length} history records read with transactionHistory.iterate()`);
  }

  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(`\n${tracked?.status === 'completed' ? green('✔') : red('✘')} done in ${seconds}s`);
  return tracked?.status === 'completed' ? 0 : 1;
}

try {
  process.exitCode = await main();
} catch (error) {
  // SDK errors carry a stable code and never contain credentials or tokens.
  console.error(red(`\nfailed: ${isCoinmeError(error) ? `[${error.code}] ` : ''}${error instanceof Error ? error.message : String(error)}`));
  process.exitCode = 1;
} finally {
  server?.close();
}
