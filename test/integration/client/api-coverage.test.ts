// The 13 operations beyond the widget flow, through the package's public entry points and the
// testing kit's mock over msw: typed results, coherent mock state, and no re-sent POSTs.
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CoinmeApiError, CoinmeClient, ConnectionError, ResponseValidationError, ValidationError, type CreatePaymentMethodParams } from 'coinme-sdk';
import { bindingQuoteLifetimeMs, createMockCoinme, maxOpenOrderTemplates, seededCustomerId } from 'coinme-sdk/testing';
import { constructEvent } from 'coinme-sdk/webhooks';

const mock = createMockCoinme({ environment: 'staging' });
const server = setupServer(...mock.handlers);
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => {
  server.events.removeAllListeners();
  server.resetHandlers();
  mock.reset();
});
afterAll(() => server.close());

const base = 'https://caas-staging.coinme.com/services';
/** The raw bodies the client sent to `path`, as text. */
function captureBodies(path: string): Promise<string>[] {
  const bodies: Promise<string>[] = [];
  server.events.on('request:start', ({ request }) => {
    if (new URL(request.url).pathname === `/services${path}`) bodies.push(request.clone().text());
  });
  return bodies;
}

const client = () => new CoinmeClient({ ...mock.credentials, environment: 'staging', now: mock.clock.now, retryDelay: { initial: 1, max: 2 } });
const customerId = seededCustomerId;
const buy = { customerId, debitCurrencyCode: 'USD', creditCurrencyCode: 'DOGE', amountValue: 100, amountCurrencyCode: 'USD' } as const;

const templateParams = {
  customerId,
  debitCurrencyCode: 'USD',
  creditCurrencyCode: 'BTC',
  amountValue: '11',
  amountCurrencyCode: 'USD',
  providerId: 'greendot',
  locationReference: 'store-4821',
};

const cardParams: CreatePaymentMethodParams = {
  customerId,
  providerId: 'card-processor',
  paymentProcessAssociation: 'BUY',
  card: { cardNumber: '4111111111111111', month: '03', year: '2030', cvv: '7351' },
  billingAddress: { firstName: 'Ada', country: 'US', addressLine1: '11 Creekside St.', zipCode: '33414', city: 'West Palm Beach', state: 'FL' },
};

describe('quotes.create / retrieve / sellAll', () => {
  it('creates a binding quote with an id and a 30 s expiry, sending customerId as the JSON integer the spec declares', async () => {
    const sent = captureBodies('/cryptoquote');
    const quote = await client().quotes.create(buy);
    expect(quote.quoteId).toMatch(/^\d{19}$/);
    // The mock clock runs with real time, so a slow machine shaves a few ms off the lifetime served.
    expect(quote.expiresIn).toBeGreaterThan(bindingQuoteLifetimeMs - 2_000);
    expect(quote.expiresIn).toBeLessThanOrEqual(bindingQuoteLifetimeMs);
    const [issued] = mock.bindingQuotes;
    expect(quote.expiresAt).toEqual(issued?.expiresAt);
    const lifetime = issued!.expiresAt.getTime() - mock.requestsTo('/cryptoquote')[0]!.at;
    expect(lifetime).toBeGreaterThanOrEqual(bindingQuoteLifetimeMs);
    expect(lifetime).toBeLessThan(bindingQuoteLifetimeMs + 2_000);
    expect(quote).toMatchObject({ debitCurrencyCode: 'USD', creditCurrencyCode: 'DOGE', debitCurrencyAmount: '100', feeCurrency: 'USD', spread: '0.117' });
    // The 19-digit id goes out as a JSON number, digit for digit; the amount as a decimal string.
    const [body] = await Promise.all(sent);
    expect(body).toContain(`"customerId":${customerId},`);
    expect(body).toContain('"amountValue":"100"');
  });

  it('retrieves the quote while it is valid and reports it expired after 30 s on the mock clock', async () => {
    const coinme = client();
    const { quoteId } = await coinme.quotes.create(buy);
    const again = await coinme.quotes.retrieve(quoteId);
    expect(again.quoteId).toBe(quoteId);
    expect(mock.requestsTo(`/cryptoquote/${quoteId}`)).toHaveLength(1);
    mock.clock.advance(bindingQuoteLifetimeMs);
    await expect(coinme.quotes.retrieve(quoteId)).rejects.toMatchObject({ name: 'CoinmeApiError', errors: [{ message: 'Quote has expired' }] });
  });

  it('sells all of a custodial balance, and refuses a customer with none', async () => {
    const quote = await client().quotes.sellAll({ customerId, debitCurrencyCode: 'DOGE', creditCurrencyCode: 'USD' });
    expect(quote).toMatchObject({ debitCurrencyCode: 'DOGE', creditCurrencyCode: 'USD', debitCurrencyAmount: '749.0925' });
    await expect(client().quotes.sellAll({ customerId, debitCurrencyCode: 'BTC', creditCurrencyCode: 'USD' })).rejects.toBeInstanceOf(CoinmeApiError);
  });

  it('never re-sends a quote POST after a 5xx or a dropped connection, while a GET is retried', async () => {
    const coinme = client();
    mock.failNext({ status: 503, path: '/cryptoquote' });
    await expect(coinme.quotes.create(buy)).rejects.toMatchObject({ status: 503 });
    mock.failNext({ networkError: true, path: '/cryptoquote/sell-all' });
    await expect(coinme.quotes.sellAll({ customerId, debitCurrencyCode: 'DOGE', creditCurrencyCode: 'USD' })).rejects.toBeInstanceOf(ConnectionError);
    expect(mock.requestsTo('/cryptoquote')).toHaveLength(1);
    expect(mock.requestsTo('/cryptoquote/sell-all')).toHaveLength(1);
    const { quoteId } = await coinme.quotes.create(buy);
    mock.failNext({ status: 503, path: `/cryptoquote/${quoteId}` });
    await coinme.quotes.retrieve(quoteId);
    expect(mock.requestsTo(`/cryptoquote/${quoteId}`)).toHaveLength(2);
  });

  it('refuses bad input before sending anything, naming the field', async () => {
    const coinme = client();
    await expect(coinme.quotes.create({ ...buy, amountValue: 'tempor' })).rejects.toMatchObject({ name: 'ValidationError', field: 'amountValue' });
    await expect(coinme.quotes.create({ ...buy, customerId: 2 ** 60 })).rejects.toMatchObject({ field: 'customerId' });
    await expect(coinme.quotes.retrieve('')).rejects.toMatchObject({ field: 'quoteId' });
    expect(mock.requests).toHaveLength(0);
  });

  it('reports a quote without its id as a ResponseValidationError saying the field is missing', async () => {
    server.use(http.post(`${base}/cryptoquote`, () => HttpResponse.json({ data: { totalFees: '1' }, errorResponse: null })));
    const error = await client().quotes.create(buy).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues[0]).toEqual({ path: 'quoteId', message: 'is missing' });
  });
});

describe('orderTemplates', () => {
  it('a created template appears in list and count; delete removes it from the count; the maximum is enforced', async () => {
    const coinme = client();
    const created = await coinme.orderTemplates.create(templateParams);
    expect(created).toMatchObject({ status: 'CREATED', active: true, amountValue: '11', creditCurrencyCode: 'BTC' });
    expect(created.transactionProviderRef).toMatch(/^\d{30}$/);
    expect(created.expiresAt).toBeInstanceOf(Date);

    const listed = await coinme.orderTemplates.list(customerId);
    expect(listed.map((template) => template.transactionSystemRef)).toEqual([created.transactionSystemRef]);
    expect(listed[0]?.orderTemplateId).toBe(created.transactionSystemRef);
    expect(await coinme.orderTemplates.count(customerId, { providerId: 'greendot' })).toEqual({ createdCount: 1, maxOrdersSubmitted: maxOpenOrderTemplates, maximumReached: false });
    expect(mock.requestsTo(`/order-template/templates/count/${customerId}`)[0]?.query).toEqual({ providerId: 'greendot' });

    await coinme.orderTemplates.create(templateParams);
    expect((await coinme.orderTemplates.count(customerId, { providerId: 'greendot' })).maximumReached).toBe(true);
    await expect(coinme.orderTemplates.create(templateParams)).rejects.toBeInstanceOf(CoinmeApiError);

    await coinme.orderTemplates.delete(created.transactionSystemRef, { customerId });
    expect(mock.requestsTo(`/order-template/${created.transactionSystemRef}`)[0]).toMatchObject({ method: 'DELETE', query: { customerId } });
    expect(await coinme.orderTemplates.count(customerId, { providerId: 'greendot' })).toMatchObject({ createdCount: 1, maximumReached: false });
    const statuses = (await coinme.orderTemplates.list(customerId)).map((template) => template.status);
    expect(statuses).toEqual(['DELETED', 'CREATED']);
    // Only CREATED templates can be deleted.
    await expect(coinme.orderTemplates.delete(created.transactionSystemRef, { customerId })).rejects.toMatchObject({ status: 400 });
  });

  it('expires an unused template after 24 h on the mock clock', async () => {
    const coinme = client();
    await coinme.orderTemplates.create(templateParams);
    mock.clock.advance(24 * 60 * 60_000);
    expect((await coinme.orderTemplates.list(customerId)).map((template) => template.status)).toEqual(['EXPIRED']);
  });

  it('emits signed ORDER_TEMPLATE webhooks that follow the template through its lifecycle', async () => {
    const secret = 'whsec_mock_order_templates';
    const created = await client().orderTemplates.create(templateParams);
    const ref = created.transactionSystemRef;
    const types: string[] = [];
    for (const status of [undefined, 'CONSUMED', 'COMPLETED'] as const) {
      const delivery = await mock.orderTemplateWebhook(ref, status === undefined ? { secret } : { secret, status });
      const event = await constructEvent({ payload: delivery.body, headers: delivery.headers, secret });
      types.push(event.type);
      expect(event.type.startsWith('ORDER_TEMPLATE.') && event.payload).toMatchObject({ data: { orderTemplateId: ref, providerId: 'greendot' } });
    }
    expect(types).toEqual(['ORDER_TEMPLATE.CREATED', 'ORDER_TEMPLATE.CONSUMED', 'ORDER_TEMPLATE.COMPLETED']);
    expect((await client().orderTemplates.list(customerId))[0]?.status).toBe('COMPLETED');
    await expect(mock.orderTemplateWebhook(ref, { secret, status: 'CREATED' })).rejects.toThrow(/cannot go from COMPLETED to CREATED/);
  });

  it('emits the webhook of a template deleted through the API, and of a rejected payment', async () => {
    const secret = 'whsec_mock_order_templates';
    const coinme = client();
    const deleted = await coinme.orderTemplates.create(templateParams);
    await coinme.orderTemplates.delete(deleted.transactionSystemRef, { customerId });
    const rejected = await coinme.orderTemplates.create(templateParams);
    await mock.orderTemplateWebhook(rejected.transactionSystemRef, { secret, status: 'CONSUMED' });
    const events = [];
    for (const [ref, status] of [[deleted.transactionSystemRef, undefined], [rejected.transactionSystemRef, 'REJECTED']] as const) {
      const delivery = await mock.orderTemplateWebhook(ref, status === undefined ? { secret } : { secret, status });
      events.push(await constructEvent({ payload: delivery.body, headers: delivery.headers, secret }));
    }
    expect(events.map((event) => event.type)).toEqual(['ORDER_TEMPLATE.DELETED', 'ORDER_TEMPLATE.REJECTED']);
    expect(events[1]?.payload).toMatchObject({ data: { providerTransactionRef: rejected.transactionProviderRef, errorData: { message: 'Payment rejected by the retailer' } } });
  });

  it('never re-sends a create or a delete after a 5xx', async () => {
    const coinme = client();
    mock.failNext({ status: 500, path: '/order-template' });
    await expect(coinme.orderTemplates.create(templateParams)).rejects.toMatchObject({ status: 500 });
    expect(mock.requestsTo('/order-template')).toHaveLength(1);
    const { transactionSystemRef } = await coinme.orderTemplates.create(templateParams);
    mock.failNext({ status: 502, path: `/order-template/${transactionSystemRef}` });
    await expect(coinme.orderTemplates.delete(transactionSystemRef, { customerId })).rejects.toMatchObject({ status: 502 });
    expect(mock.requestsTo(`/order-template/${transactionSystemRef}`)).toHaveLength(1);
  });

  it('refuses a missing providerId or locationReference before sending', async () => {
    const { locationReference: _omitted, ...withoutLocation } = templateParams;
    await expect(client().orderTemplates.create(withoutLocation as typeof templateParams)).rejects.toMatchObject({ field: 'locationReference', message: 'locationReference: is missing' });
    await expect(client().orderTemplates.count(customerId, { providerId: '' })).rejects.toBeInstanceOf(ValidationError);
    expect(mock.requests).toHaveLength(0);
  });
});

describe('paymentMethods', () => {
  it('adds a card, lists, retrieves, deletes it (then it is gone), and reports the limits', async () => {
    const coinme = client();
    const { paymentMethod, customerId: owner } = await coinme.paymentMethods.create(cardParams);
    expect(owner).toBe(customerId);
    expect(paymentMethod).toMatchObject({ status: 'VERIFIED', buySupported: true, sellSupported: false, card: { cardNumber: '************1111' } });
    expect(paymentMethod.createdAt).toBeInstanceOf(Date);
    expect(Math.abs(paymentMethod.createdAt!.getTime() - mock.clock.now())).toBeLessThan(5_000);

    const id = paymentMethod.paymentMethodId;
    expect((await coinme.paymentMethods.list({ customerId })).map((card) => card.paymentMethodId)).toEqual([id]);
    expect(await coinme.paymentMethods.retrieve(id, { customerId })).toMatchObject({ paymentMethodId: id, status: 'VERIFIED' });
    expect(await coinme.paymentMethods.status({ customerId })).toEqual({ maxReached: false, maxVerifiedReached: false, maxTotalReached: false });

    const deleted = await coinme.paymentMethods.delete(id, { customerId });
    expect(deleted.status).toBe('DELETED');
    expect(deleted.deletedAt).toBeInstanceOf(Date);
    expect(await coinme.paymentMethods.list({ customerId })).toEqual([]);
    await expect(coinme.paymentMethods.retrieve(id, { customerId })).rejects.toMatchObject({ status: 404 });
    expect(mock.requestsTo(`/paymentmethods/${id}`).map((request) => request.method)).toEqual(['GET', 'DELETE', 'GET']);
  });

  it('sends the card untouched to Coinme, and the mock keeps neither the number nor the CVV', async () => {
    const sent = captureBodies('/paymentmethods');
    await client().paymentMethods.create(cardParams);
    const [body] = await Promise.all(sent);
    expect(JSON.parse(body!)).toMatchObject({ card: cardParams.card, billingAddress: cardParams.billingAddress, paymentProcessAssociation: 'BUY' });
    const recorded = JSON.stringify(mock.requests);
    expect(recorded).not.toContain('4111111111111111');
    expect(recorded).not.toContain('7351');
    expect(mock.paymentMethods[0]).toMatchObject({ last4: '1111' });
  });

  it('reports maxReached after five cards', async () => {
    const coinme = client();
    for (let i = 0; i < 5; i += 1) await coinme.paymentMethods.create(cardParams);
    expect(await coinme.paymentMethods.status({ customerId })).toEqual({ maxReached: true, maxVerifiedReached: true, maxTotalReached: false });
    await expect(coinme.paymentMethods.create(cardParams)).rejects.toBeInstanceOf(CoinmeApiError);
  });

  it('never re-sends a card after a 5xx', async () => {
    mock.failNext({ status: 503, path: '/paymentmethods' });
    await expect(client().paymentMethods.create(cardParams)).rejects.toMatchObject({ status: 503 });
    expect(mock.requestsTo('/paymentmethods')).toHaveLength(1);
  });

  it('refuses bad card data without repeating it', async () => {
    const error = await client()
      .paymentMethods.create({ ...cardParams, card: { ...cardParams.card, cardNumber: '4111 1111 1111 1111' } })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'ValidationError', field: 'card.cardNumber' });
    expect(JSON.stringify(error) + String(error)).not.toContain('4111');
    await expect(client().paymentMethods.create({ ...cardParams, card: { ...cardParams.card, cvv: '12' } })).rejects.toMatchObject({ field: 'card.cvv' });
    expect(mock.requests).toHaveLength(0);
  });
});

describe('transactions (GET /transactionhistory)', () => {
  it('lists a page and iterates every transaction', async () => {
    const coinme = client();
    const page = await coinme.transactions.list({ customerId, page: 0, size: 1 });
    expect(page).toMatchObject({ page: 0, size: 1, hasMore: true });
    expect(page.transactions[0]).toMatchObject({ partnerTransactionId: '345678', promoCode: 'noFees', debitCurrencyAmount: '100' });
    expect(page.transactions[0]?.transactionDateTime).toBeInstanceOf(Date);
    const ids: string[] = [];
    for await (const tx of coinme.transactions.iterate({ customerId, size: 1 })) ids.push(tx.partnerTransactionId);
    expect(ids).toEqual(['345678', '345987']);
    expect(mock.requestsTo('/transactionhistory').map((request) => request.query['page'])).toEqual(['0', '0', '1', '2']);
  });

  it('throws PaginationError on a repeated page (a server that ignores `page`) without yielding it twice', async () => {
    const transactions = mock.data.customers[customerId]!.transactions;
    server.use(http.get(`${base}/transactionhistory`, () => HttpResponse.json({ data: { transactions }, errorResponse: null })));
    const ids: string[] = [];
    const iterate = async () => {
      for await (const tx of client().transactions.iterate({ customerId, size: 2 })) ids.push(tx.partnerTransactionId);
    };
    await expect(iterate()).rejects.toMatchObject({ name: 'PaginationError', page: 1 });
    expect(ids).toEqual(['345678', '345987']);
  });

  it('throws PaginationError after maxPages full pages', async () => {
    let page = 0;
    server.use(
      http.get(`${base}/transactionhistory`, () => {
        const tx = { ...mock.data.customers[customerId]!.transactions[0]!, partnerTransactionId: String((page += 1)) };
        return HttpResponse.json({ data: { transactions: [tx] }, errorResponse: null });
      }),
    );
    const ids: string[] = [];
    const iterate = async () => {
      for await (const tx of client().transactions.iterate({ customerId, size: 1 }, { maxPages: 3 })) ids.push(tx.partnerTransactionId);
    };
    await expect(iterate()).rejects.toMatchObject({ name: 'PaginationError', page: 3 });
    expect(ids).toEqual(['1', '2', '3']);
  });

  it('takes maxPages in the options, as transactionHistory.iterate does, and refuses it among the params', async () => {
    let requests = 0;
    server.use(
      http.get(`${base}/transactionhistory`, () => {
        requests += 1;
        return HttpResponse.json({ data: { transactions: [] }, errorResponse: null });
      }),
    );
    const inParams = { customerId, maxPages: 3 } as Parameters<CoinmeClient['transactions']['iterate']>[0];
    const drain = async () => {
      for await (const _ of client().transactions.iterate(inParams));
    };
    await expect(drain()).rejects.toMatchObject({ name: 'ValidationError', field: 'maxPages' });
    const badOption = async () => {
      for await (const _ of client().transactions.iterate({ customerId }, { maxPages: 0 }));
    };
    await expect(badOption()).rejects.toMatchObject({ name: 'ValidationError', field: 'options.maxPages' });
    expect(requests).toBe(0);
  });
});
