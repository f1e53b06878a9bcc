// The runtime smoke suite: the same checks on every runtime, against the installed package.
// It imports nothing itself; each runtime's entry passes `importSdk` (import() or require(), or
// a table of bundled modules on workerd), so the package is loaded the way that runtime loads it.
// Uses only what every runtime has: Web Crypto, fetch, Request/Response, TextEncoder.

/** The webhook families of the union, in the order the table shows them. */
export const FAMILIES = ['coinme.widget', 'coinme.notification', 'offramp', 'processing', 'callback'];

/** The public exports each entry point must have (design.md). */
export const EXPECTED_EXPORTS = {
  'coinme-sdk': ['CoinmeClient', 'buildPartnerMapping', 'CoinmeError', 'constructEvent'],
  'coinme-sdk/webhooks': ['constructEvent', 'parseWebhook', 'verifySignature', 'verifySignatureAsync', 'createWebhookHandler', 'WebhookSignatureError'],
  'coinme-sdk/testing': ['createMockCoinme', 'events', 'sign'],
};

export const WEBHOOK_SECRET = 'whsec_runtime_matrix';
// The customer the mock knows (seededCustomerId of coinme-sdk/testing).
const CUSTOMER_ID = '1319354818066124800';

/** Which family an event `type` belongs to, from the naming rules of the union (design.md). */
export function familyOfType(type) {
  if (/^(ORDER_TEMPLATE|CAAS|PAYMENT_METHOD|REFUND|CAAS_BLOCKCHAIN)(\.|$)/.test(type)) return 'coinme.notification';
  if (type.startsWith('order:')) return 'offramp';
  if (/^[A-Z][A-Z0-9_]*$/.test(type)) return 'processing';
  if (/^[a-z][a-z0-9_]*$/.test(type)) return 'callback';
  return 'coinme.widget';
}

/**
 * Runs every check and returns `[{ check, ok, error }]`; never throws.
 * `signedSamples` (from {@link buildSamples} elsewhere) stands in for coinme-sdk/testing where it
 * cannot load: on workerd, msw fails at module scope, so the harness signs and the Worker verifies.
 * @param {{ baseUrl: string, credentials: object, importSdk: (specifier: string) => Promise<any>, signedSamples?: object }} options
 */
export async function runSmoke({ baseUrl, credentials, importSdk, signedSamples }) {
  const results = [];
  const check = async (name, fn) => {
    try {
      await fn();
      results.push({ check: name, ok: true });
    } catch (error) {
      results.push({ check: name, ok: false, error: describe(error) });
    }
  };

  // --- entry points ---
  const mods = {};
  await check('import entry points', async () => {
    const problems = [];
    for (const [specifier, names] of Object.entries(EXPECTED_EXPORTS)) {
      if (signedSamples && specifier === 'coinme-sdk/testing') continue;
      try {
        mods[specifier] = await importSdk(specifier);
      } catch (error) {
        problems.push(`${specifier}: ${describe(error)}`);
        continue;
      }
      const missing = names.filter((name) => mods[specifier][name] === undefined);
      if (missing.length > 0) problems.push(`${specifier} lacks ${missing.join(', ')}`);
    }
    if (problems.length > 0) throw new Error(problems.join('; '));
  });
  const root = mods['coinme-sdk'] ?? {};
  const hooks = mods['coinme-sdk/webhooks'] ?? {};
  const testing = mods['coinme-sdk/testing'] ?? {};
  const need = (mod, specifier, name) => {
    if (typeof mod[name] !== 'function' && typeof mod[name] !== 'object') throw new Error(`${specifier} has no export ${name}`);
    return mod[name];
  };

  // --- client against the loopback mock ---
  await check('loopback mock reachable', async () => {
    // Any HTTP answer will do: this tells "cannot reach 127.0.0.1" apart from SDK failures.
    const response = await fetch(`${baseUrl}/cryptoChains`);
    await response.arrayBuffer();
  });
  let client;
  const fetched = {};
  const clientCheck = (name, fn) =>
    check(name, async () => {
      if (!client) {
        const CoinmeClient = need(root, 'coinme-sdk', 'CoinmeClient');
        client = new CoinmeClient({ ...credentials, baseUrl, maxRetries: 0, timeout: 10_000 });
      }
      await fn(client);
    });

  await clientCheck('cryptoChains.list', async (c) => {
    const assets = await c.cryptoChains.list();
    assert(Array.isArray(assets) && assets.length > 0, 'expected a non-empty Asset[]');
    assert(assets.every((a) => typeof a.code === 'string' && Array.isArray(a.supportedChains)), 'assets lack code or supportedChains');
    fetched.assets = assets;
  });
  await clientCheck('locationLicensing.list', async (c) => {
    const states = await c.locationLicensing.list({ country: 'USA' });
    assert(Array.isArray(states) && states.length > 0, 'expected a non-empty string[]');
    assert(states.every((s) => typeof s === 'string' && /^[A-Z]{2}$/.test(s)), `not two-letter codes: ${JSON.stringify(states)}`);
    fetched.licensedStates = states;
  });
  await clientCheck('quotes.informative', async (c) => {
    const quote = await c.quotes.informative({
      debitCurrencyCode: 'USD',
      creditCurrencyCode: 'BTC',
      amountValue: '200',
      amountCurrencyCode: 'USD',
    });
    assert(isObject(quote), 'expected a quote object');
    const amounts = Object.entries(quote).filter(([, v]) => typeof v === 'number');
    assert(amounts.length === 0, `amounts as numbers: ${amounts.map(([k]) => k).join(', ')}`);
  });
  await clientCheck('widget.createSession', async (c) => {
    const session = await c.widget.createSession({
      destinationCurrency: 'BTC',
      walletAddress: 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq',
    });
    assert(typeof session?.widgetUrl === 'string' && session.widgetUrl.length > 0, 'no widgetUrl');
    assert(session.expiresAt instanceof Date && !Number.isNaN(session.expiresAt.getTime()), 'expiresAt is not a Date');
  });
  await clientCheck('transactionHistory.list', async (c) => {
    const page = await c.transactionHistory.list({ customerId: CUSTOMER_ID, page: 0, size: 10 });
    const list = Array.isArray(page) ? page : page?.transactions ?? page?.data ?? page?.items;
    assert(Array.isArray(list), `expected a page of transactions, got ${JSON.stringify(page)?.slice(0, 120)}`);
  });
  await clientCheck('transactionLimits.get', async (c) => {
    const limits = await c.transactionLimits.get({ customerId: CUSTOMER_ID, fiatCurrencyCode: 'USD' });
    assert(typeof limits?.buyLimitAmount === 'string' && typeof limits?.sellLimitAmount === 'string', 'limits are not decimal strings');
    fetched.limits = limits;
  });
  await check('buildPartnerMapping', async () => {
    const buildPartnerMapping = need(root, 'coinme-sdk', 'buildPartnerMapping');
    assert(fetched.assets && fetched.licensedStates, 'inputs not fetched (see cryptoChains.list / locationLicensing.list)');
    const mapping = buildPartnerMapping({ assets: fetched.assets, licensedStates: fetched.licensedStates, limits: fetched.limits });
    assertMapping(mapping, fetched.licensedStates);
  });
  await clientCheck('client.buildPartnerMapping', async (c) => {
    assert(typeof c.buildPartnerMapping === 'function', 'CoinmeClient has no buildPartnerMapping');
    assertMapping(await c.buildPartnerMapping({ customerId: CUSTOMER_ID }));
  });

  // --- webhooks ---
  const samples = signedSamples ?? (await buildSamples(testing));
  if (signedSamples) {
    results.push({ check: 'testing: events + sign', ok: true, na: true });
  } else {
    await check('testing: events + sign', async () => {
      if (samples.error) throw new Error(samples.error);
    });
  }
  for (const family of FAMILIES) {
    await check(`constructEvent ${family}`, async () => {
      const constructEvent = need(hooks, 'coinme-sdk/webhooks', 'constructEvent');
      const mine = samples.list.filter((s) => s.family === family);
      assert(mine.length > 0, `no sample (${samples.error ?? 'no factory of this family'})`);
      const failures = [];
      for (const sample of mine) {
        try {
          const event = await constructEvent({ payload: sample.body, headers: sample.headers, secret: WEBHOOK_SECRET, ...sample.options });
          if (event.source !== family || event.type !== sample.type) {
            failures.push(`${sample.type} -> ${event.source}/${event.type}`);
          } else if (typeof event.id !== 'string' || !(event.occurredAt instanceof Date)) {
            failures.push(`${sample.type}: id or occurredAt missing`);
          }
        } catch (error) {
          failures.push(`${sample.type}: ${describe(error)}`);
        }
      }
      if (failures.length > 0) throw new Error(`${failures.length}/${mine.length} failed: ${failures.slice(0, 3).join('; ')}`);
    });
  }
  await check('verifySignatureAsync (base64, hex, tampered)', async () => {
    const verifySignatureAsync = need(hooks, 'coinme-sdk/webhooks', 'verifySignatureAsync');
    const sample = pickHeaderSample(samples);
    const signature = headerValue(sample.headers, 'x-coinme-signature');
    assert(signature, 'the signed sample carries no X-Coinme-Signature');
    assert((await verifySignatureAsync({ payload: sample.body, signature, secret: WEBHOOK_SECRET })) === true, 'a good base64 signature was refused');
    const hex = await hmac(sample.body, 'hex');
    assert((await verifySignatureAsync({ payload: sample.body, signature: hex, secret: WEBHOOK_SECRET })) === true, 'a good hex signature was refused');
    const tampered = sample.body.replace(/}\s*$/, ',"x":1}');
    assert((await verifySignatureAsync({ payload: tampered, signature, secret: WEBHOOK_SECRET })) === false, 'a tampered body was accepted');
  });
  // The synchronous form needs node:crypto (Node, Bun, Deno); elsewhere it must refuse clearly.
  await check('verifySignature (sync; else TypeError naming the async form)', async () => {
    const verifySignature = need(hooks, 'coinme-sdk/webhooks', 'verifySignature');
    const sample = pickHeaderSample(samples);
    const signature = headerValue(sample.headers, 'x-coinme-signature');
    let result;
    try {
      result = verifySignature({ payload: sample.body, signature, secret: WEBHOOK_SECRET });
    } catch (error) {
      assert(error instanceof TypeError && /verifySignatureAsync/.test(error.message), `unexpected ${describe(error)}`);
      return;
    }
    assert(result === true, 'a good signature was refused (or a Promise was returned)');
    const tampered = sample.body.replace(/}\s*$/, ',"x":1}');
    assert(verifySignature({ payload: tampered, signature, secret: WEBHOOK_SECRET }) === false, 'a tampered body was accepted');
  });
  await check('constructEvent rejects bad signature', async () => {
    const constructEvent = need(hooks, 'coinme-sdk/webhooks', 'constructEvent');
    const sample = pickHeaderSample(samples);
    let thrown;
    try {
      await constructEvent({ payload: sample.body, headers: sample.headers, secret: `${WEBHOOK_SECRET}-wrong` });
    } catch (error) {
      thrown = error;
    }
    assert(thrown, 'no error for a wrong secret');
    assert(thrown.name === 'WebhookSignatureError', `expected WebhookSignatureError, got ${describe(thrown)}`);
  });
  await check('createWebhookHandler (Fetch)', async () => {
    const handler = makeWebhookHandler(hooks);
    const sample = pickHeaderSample(samples);
    const good = await handler(deliveryRequest(sample));
    assert(good.status >= 200 && good.status < 300, `signed delivery answered ${good.status}`);
    const bad = await handler(deliveryRequest({ ...sample, body: sample.body.replace(/}\s*$/, ',"x":1}') }));
    assert(bad.status >= 400 && bad.status < 500, `tampered delivery answered ${bad.status}`);
  });

  return results;
}

/** A Fetch handler from `createWebhookHandler`, whatever the exact options it names. */
export function makeWebhookHandler(hooks, onEvent = () => {}) {
  const createWebhookHandler = hooks.createWebhookHandler;
  if (typeof createWebhookHandler !== 'function') throw new Error('coinme-sdk/webhooks has no export createWebhookHandler');
  const handler = createWebhookHandler({ secret: WEBHOOK_SECRET, onEvent });
  if (typeof handler !== 'function') throw new Error('createWebhookHandler did not return a function');
  return handler;
}

export function deliveryRequest(sample, url = 'http://127.0.0.1/webhooks/coinme') {
  return new Request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...toHeaderObject(sample.headers) },
    body: sample.body,
  });
}

/**
 * Signed deliveries of every event type: from the testing kit's `events` and `sign`; without them,
 * a few built-in bodies signed here (HMAC-SHA256, base64, X-Coinme-Signature), and `error` says so.
 */
export async function buildSamples(testing) {
  const { events, sign } = testing;
  if (isObject(events) && typeof sign === 'function') {
    const list = [];
    const errors = [];
    for (const [type, factory] of Object.entries(events)) {
      try {
        const family = familyOfType(type);
        // Payment callbacks carry their signature in the body (seed 004); the rest in a header.
        const { body, headers } = await sign(factory(), WEBHOOK_SECRET, schemeOf(family));
        list.push({ type, family, body: typeof body === 'string' ? body : new TextDecoder().decode(body), headers, options: schemeOf(family) });
      } catch (error) {
        errors.push(`${type}: ${describe(error)}`);
      }
    }
    return { list, error: errors.length > 0 ? `signing failed: ${errors.slice(0, 3).join('; ')}` : undefined };
  }
  const missing = ['events', 'sign'].filter((n) => testing[n] === undefined).join(' and ');
  const list = [];
  for (const payload of FALLBACK_BODIES) {
    const body = JSON.stringify(payload);
    const type = payload.event ?? payload.eventName;
    if (payload.eventName) {
      const { signature: _drop, ...rest } = payload;
      const signed = { ...rest, signature: await hmac(JSON.stringify(rest), 'hex') };
      list.push({ type, family: familyOfType(type), body: JSON.stringify(signed), headers: {}, options: schemeOf('callback') });
    } else {
      list.push({ type, family: familyOfType(type), body, headers: { 'x-coinme-signature': await hmac(body, 'base64') } });
    }
  }
  return { list, error: `coinme-sdk/testing lacks ${missing}` };
}

// Payment callbacks carry their signature in the body (seed 004); the other families in a header.
const schemeOf = (family) => (family === 'callback' ? { scheme: 'body' } : {});

const FALLBACK_BODIES = [
  { event: 'orchestrator.auth-state.changed', event_id: 'evt_matrix_1', timestamp: '2024-05-01T12:00:00.000Z', externalSessionId: 'sess_matrix' },
  { eventName: 'payment_received', orderId: '5a3288ea-0bd4-44d2-af11-aae1f88bbd61', timeStamp: '2024-05-01T12:00:00.000Z', signature: '' },
];

async function hmac(text, encoding) {
  const enc = new TextEncoder();
  const key = await crypto.subtle.importKey('raw', enc.encode(WEBHOOK_SECRET), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, enc.encode(text)));
  if (encoding === 'hex') return [...mac].map((b) => b.toString(16).padStart(2, '0')).join('');
  return btoa(String.fromCharCode(...mac));
}

/** A sample signed in the header scheme (the Coinme one), for the checks that need one. */
export function pickHeaderSample(samples) {
  const sample = samples.list.find((s) => headerValue(s.headers, 'x-coinme-signature'));
  if (!sample) throw new Error(`no header-signed sample (${samples.error ?? 'sign() set no X-Coinme-Signature'})`);
  return sample;
}

function headerValue(headers, name) {
  if (!headers) return undefined;
  if (typeof headers.get === 'function') return headers.get(name) ?? undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

function toHeaderObject(headers) {
  if (!headers) return {};
  if (typeof headers.forEach === 'function' && typeof headers.get === 'function') {
    const out = {};
    headers.forEach((value, key) => (out[key] = value));
    return out;
  }
  return { ...headers };
}

function assertMapping(mapping, licensedStates) {
  assert(isObject(mapping), 'mapping is not an object');
  for (const key of ['paymentMethods', 'assets']) assert(Array.isArray(mapping[key]), `mapping.${key} is not an array`);
  assert(Array.isArray(mapping.transactionalLimits?.byPaymentMethod), 'mapping.transactionalLimits.byPaymentMethod is not an array');
  assert(Array.isArray(mapping.regions?.supportedCountries), 'mapping.regions.supportedCountries is not an array');
  const blocked = mapping.regions?.stateRestrictions?.US?.blockedStates;
  assert(Array.isArray(blocked), 'mapping.regions.stateRestrictions.US.blockedStates is not an array');
  if (licensedStates) {
    const overlap = blocked.filter((s) => licensedStates.includes(s));
    assert(overlap.length === 0, `licensed states listed as blocked: ${overlap.join(', ')}`);
  }
  const codes = mapping.assets.map((a) => a.code);
  assert(codes.join() === [...codes].sort().join(), 'assets are not sorted by code');
  assert(JSON.stringify(JSON.parse(JSON.stringify(mapping))) === JSON.stringify(mapping), 'mapping is not JSON-serialisable');
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

function isObject(value) {
  return typeof value === 'object' && value !== null;
}

export function describe(error) {
  if (error instanceof Error) {
    const name = error.name && error.name !== 'Error' ? `${error.name}: ` : '';
    const cause = error.cause instanceof Error ? ` (cause: ${error.cause.message})` : '';
    return `${name}${error.message}${cause}`.replace(/\s+/g, ' ').slice(0, 300);
  }
  return String(error).slice(0, 300);
}
