import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import pkg from '../../../package.json' with { type: 'json' };
import { type CliIo, run } from '../../../src/cli/run.js';
import { events, sign } from 'coinme-sdk/testing';
import { parseWebhook, verifySignature, webhookEventTypes } from 'coinme-sdk/webhooks';

const SECRET = 'whsec_cli_9d2be71f03';
const API_KEY = 'partner-api-key-5521';
// For usage errors, which must fail before anything is sent.
const NOWHERE = 'http://127.0.0.1:9/never';

/** Everything the CLI wrote, across the whole file: the secret must never be in it. */
let transcript = '';

function makeIo(options: { stdin?: string | Uint8Array; env?: Record<string, string> } = {}) {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    stdout: { write: (text: string) => ((out.stdout += text), (transcript += text)) },
    stderr: { write: (text: string) => ((out.stderr += text), (transcript += text)) },
    stdin: (async function* () {
      if (options.stdin !== undefined) yield options.stdin;
    })(),
    fetch: (input, init) => globalThis.fetch(input, init),
    env: options.env ?? {},
  };
  return { io, out };
}

interface Delivery {
  body: string;
  headers: IncomingHttpHeaders;
  validHeaderSignature: boolean;
  validBodySignature: boolean;
}

// A receiver on 127.0.0.1 that checks each delivery with the SDK's own verifier.
let server: Server;
let base = '';
let status = 200;
let signatureHeader = 'x-coinme-signature';
const deliveries: Delivery[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const raw = Buffer.concat(chunks);
      const header = request.headers[signatureHeader];
      const delivery: Delivery = {
        body: raw.toString('utf8'),
        headers: request.headers,
        validHeaderSignature: await verifySignature({ payload: new Uint8Array(raw), signature: typeof header === 'string' ? header : null, secret: SECRET }),
        validBodySignature: await verifySignature({ payload: new Uint8Array(raw), secret: SECRET, scheme: 'body' }),
      };
      deliveries.push(delivery);
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ received: status < 300, valid: delivery.validHeaderSignature || delivery.validBodySignature }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(() => {
  status = 200;
  signatureHeader = 'x-coinme-signature';
  deliveries.length = 0;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  expect(transcript.length).toBeGreaterThan(0);
  expect(transcript).not.toContain(SECRET);
  expect(transcript).not.toContain(API_KEY);
});

describe('coinme-sdk webhooks list', () => {
  it('prints every documented type under its source', async () => {
    const { io, out } = makeIo();
    expect(await run(['webhooks', 'list'], io)).toBe(0);
    // Each line is a type and its description.
    const lines = out.stdout.split('\n').map((line) => line.replace(/^( {2}\S+) .*$/, '$1'));
    for (const type of webhookEventTypes) expect(lines).toContain(`  ${type}`);
    const headers = lines.filter((line) => /^\S/.test(line));
    expect(headers.map((line) => line.split(' ')[0])).toEqual(['coinme.widget', 'coinme.notification', 'offramp', 'processing', 'callback']);
    // Each type sits below the header of the source parseWebhook gives it.
    for (const type of webhookEventTypes) {
      const index = lines.indexOf(`  ${type}`);
      const header = lines.slice(0, index).reverse().find((line) => /^\S/.test(line));
      expect(header?.split(' ')[0], type).toBe(parseWebhook((events as unknown as Record<string, () => Record<string, unknown>>)[type]!()).source);
    }
  });
});

describe('coinme-sdk webhooks trigger', () => {
  it('POSTs a signed sample the receiver verifies, and exits 0 on 2xx', async () => {
    const { io, out } = makeIo();
    const code = await run(['webhooks', 'trigger', 'CAAS.BUY.COMPLETED', '--url', `${base}/hooks?token=abc`, '--secret', SECRET], io);
    expect(code).toBe(0);
    expect(deliveries).toHaveLength(1);
    const [delivery] = deliveries;
    expect(delivery?.validHeaderSignature).toBe(true);
    expect(delivery?.headers['content-type']).toBe('application/json');
    const event = parseWebhook(delivery?.body ?? '');
    expect(event.type).toBe('CAAS.BUY.COMPLETED');
    expect(out.stdout).toContain(`(id ${event.id})`);
    expect(out.stdout).toContain('Response: 200 OK');
    expect(out.stdout).toContain('{"received":true,"valid":true}');
    // The query string may carry credentials: only origin and path are printed.
    expect(out.stdout).not.toContain('token=abc');
  });

  it('sends a fresh event id and a current time on every trigger', async () => {
    const { io } = makeIo();
    const before = Date.now();
    await run(['webhooks', 'trigger', 'greendot.barcode.displayed', '--url', base, '--secret', SECRET], io);
    await run(['webhooks', 'trigger', 'greendot.barcode.displayed', '--url', base, '--secret', SECRET], io);
    const [first, second] = deliveries.map((delivery) => parseWebhook(delivery.body, { strict: true }));
    expect(first?.id).not.toBe(second?.id);
    expect(first?.type === 'greendot.barcode.displayed' && first.occurredAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it('signs in hex under a custom header, with the API key, and applies --set', async () => {
    signatureHeader = 'x-partner-signature';
    const { io } = makeIo();
    const code = await run(
      [
        'webhooks', 'trigger', 'order:crypto-offramp:completed', '--url', base, '--secret', SECRET,
        '--header', 'X-Partner-Signature', '--encoding', 'hex', '--api-key', API_KEY,
        '--set', 'data.destination.amount=250.00', '--set', 'data.fees.0.amount=3.10', '--set-new', 'data.partnerRef=1319354818066124800',
      ],
      io,
    );
    expect(code).toBe(0);
    const [delivery] = deliveries;
    expect(delivery?.validHeaderSignature).toBe(true);
    expect(delivery?.headers['x-partner-signature']).toMatch(/^[0-9a-f]{64}$/);
    expect(delivery?.headers['x-api-key']).toBe(API_KEY);
    const body = JSON.parse(delivery?.body ?? '') as { data: { destination: { amount: unknown }; fees: { amount: unknown }[]; partnerRef: unknown } };
    expect(body.data.destination.amount).toBe('250.00');
    expect(body.data.fees[0]?.amount).toBe('3.10');
    // 64-bit ids are kept as text, never rounded through a number.
    expect(body.data.partnerRef).toBe('1319354818066124800');
  });

  it('signs payment callbacks in the body, with no signature header', async () => {
    const { io } = makeIo();
    expect(await run(['webhooks', 'trigger', 'crypto_delivered', '--url', base, '--secret', SECRET], io)).toBe(0);
    const [delivery] = deliveries;
    expect(delivery?.validBodySignature).toBe(true);
    expect(delivery?.headers['x-coinme-signature']).toBeUndefined();
    expect(parseWebhook(delivery?.body ?? '').type).toBe('crypto_delivered');
  });

  it('takes the secret from COINME_WEBHOOK_SECRET', async () => {
    const { io } = makeIo({ env: { COINME_WEBHOOK_SECRET: SECRET } });
    expect(await run(['webhooks', 'trigger', 'INVOICE_PAID', '--url', base], io)).toBe(0);
    expect(deliveries[0]?.validHeaderSignature).toBe(true);
  });

  it('exits 1 when the receiver answers non-2xx, showing what it said', async () => {
    status = 401;
    const { io, out } = makeIo();
    expect(await run(['webhooks', 'trigger', 'ORDER_TEMPLATE.CREATED', '--url', base, '--secret', SECRET], io)).toBe(1);
    expect(deliveries).toHaveLength(1);
    expect(out.stdout).toContain('Response: 401 Unauthorized');
    expect(out.stdout).toContain('"received":false');
    expect(out.stderr).toContain('answered 401');
  });

  it('exits 3 when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const { io, out } = makeIo();
    expect(await run(['webhooks', 'trigger', 'REFUND', '--url', `http://127.0.0.1:${port}/`, '--secret', SECRET], io)).toBe(3);
    expect(out.stderr).toContain('ECONNREFUSED');
  });

  it('exits 2 on an unknown type, suggesting the closest names', async () => {
    const { io, out } = makeIo();
    expect(await run(['webhooks', 'trigger', 'CAAS.BUY.COMPLETE', '--url', base, '--secret', SECRET], io)).toBe(2);
    expect(out.stderr).toContain('unknown event type "CAAS.BUY.COMPLETE"');
    expect(out.stderr).toMatch(/Did you mean: CAAS\.BUY\.COMPLETED/);
    expect(deliveries).toHaveLength(0);
  });

  it.each([
    [['webhooks', 'trigger', 'REFUND', '--url', 'https://example.com/hooks', '--secret', SECRET], 'pass --allow-remote'],
    [['webhooks', 'trigger', 'REFUND', '--url', NOWHERE], 'missing the webhook secret'],
    [['webhooks', 'trigger', '--url', NOWHERE, '--secret', SECRET], 'missing the event type'],
    [['webhooks', 'trigger', 'REFUND', '--url', 'ftp://example.com', '--secret', SECRET], 'http or https'],
    [['webhooks', 'trigger', 'REFUND', '--url', NOWHERE, '--secret', SECRET, '--encoding', 'base32'], 'base64 or hex'],
    [['webhooks', 'trigger', 'REFUND', '--url', NOWHERE, '--secret', SECRET, '--set', 'noequals'], 'path=value'],
    [['webhooks', 'trigger', 'REFUND', '--url', NOWHERE, '--secret', SECRET, '--set', '__proto__.x=1'], 'cannot write'],
    [['webhooks', 'trigger', 'REFUND', '--url', NOWHERE, '--secret', SECRET, '--bogus'], "Unknown option '--bogus'"],
    // A secret typed where an argument goes is quoted back, masked.
    [['webhooks', 'trigger', 'REFUND', SECRET, '--url', NOWHERE, '--secret', SECRET], 'unexpected argument "***"'],
  ])('exits 2 on a usage error: %j', async (argv, message) => {
    const { io, out } = makeIo();
    expect(await run(argv, io)).toBe(2);
    expect(out.stderr).toContain(message);
    expect(deliveries).toHaveLength(0);
  });
});

describe('coinme-sdk webhooks verify', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'coinme-cli-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('accepts a good signature and prints type, id and occurredAt', async () => {
    const { body, signature } = await sign(events['CAAS.BUY.COMPLETED'](), SECRET);
    const { io, out } = makeIo({ stdin: body });
    expect(await run(['webhooks', 'verify', '--secret', SECRET, '--signature', signature], io)).toBe(0);
    const event = parseWebhook(body);
    expect(out.stdout).toContain('Signature valid');
    expect(out.stdout).toContain('type: CAAS.BUY.COMPLETED');
    expect(out.stdout).toContain(`id: ${event.id}`);
    expect(out.stdout).toContain('occurredAt: 2026-01-01T00:00:00.000Z');
  });

  it('reads the signature from a header file', async () => {
    const { body, signature } = await sign(events.INVOICE_PAID(), SECRET, { encoding: 'hex', header: 'x-partner-signature' });
    const file = join(dir, 'headers.txt');
    await writeFile(file, `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Partner-Signature: ${signature}\r\n`);
    const { io, out } = makeIo({ stdin: new TextEncoder().encode(body) });
    expect(await run(['webhooks', 'verify', '--secret', SECRET, '--header-file', file, '--header', 'x-partner-signature'], io)).toBe(0);
    expect(out.stdout).toContain('type: INVOICE_PAID');
  });

  it('checks the in-body signature of payment callbacks', async () => {
    const { body } = await sign(events.payment_received(), SECRET, { scheme: 'body' });
    const good = makeIo({ stdin: body });
    expect(await run(['webhooks', 'verify', '--secret', SECRET], good.io)).toBe(0);
    expect(good.out.stdout).toContain('type: payment_received');
    const bad = makeIo({ stdin: body.replace('payment_received', 'payment_rejected') });
    expect(await run(['webhooks', 'verify', '--secret', SECRET], bad.io)).toBe(1);
    expect(bad.out.stderr).toContain('"signature" field does not match');
  });

  it('exits 1 on a bad signature, saying so', async () => {
    const { body } = await sign(events['CAAS.BUY.COMPLETED'](), SECRET);
    const { signature } = await sign(events['CAAS.BUY.COMPLETED'](), 'another-secret');
    const { io, out } = makeIo({ stdin: body });
    expect(await run(['webhooks', 'verify', '--secret', SECRET, '--signature', signature], io)).toBe(1);
    expect(out.stderr).toContain('Signature invalid');
    expect(out.stdout).not.toContain('type:');
  });

  it('exits 1 on a signature that is not a digest at all', async () => {
    const { io, out } = makeIo({ stdin: JSON.stringify(events.REFUND()) });
    expect(await run(['webhooks', 'verify', '--secret', SECRET, '--signature', 'not-a-signature'], io)).toBe(1);
    expect(out.stderr).toContain('is not a base64 or hex HMAC-SHA256 digest');
  });

  it('exits 1 when a correctly signed body breaks its schema, naming the field', async () => {
    const broken = { ...events['order:crypto-offramp:completed'](), bootstrapTokenId: 42 };
    const { body, signature } = await sign(broken, SECRET);
    const { io, out } = makeIo({ stdin: body });
    expect(await run(['webhooks', 'verify', '--secret', SECRET, '--signature', signature], io)).toBe(1);
    expect(out.stdout).toContain('Signature valid');
    expect(out.stderr).toMatch(/Body invalid: .*bootstrapTokenId/);
  });

  it('exits 2 without a secret, a signature or a body', async () => {
    const noSecret = makeIo({ stdin: '{}' });
    expect(await run(['webhooks', 'verify', '--signature', 'x'], noSecret.io)).toBe(2);
    const noSignature = makeIo({ stdin: '{"id":"1"}' });
    expect(await run(['webhooks', 'verify', '--secret', SECRET], noSignature.io)).toBe(2);
    expect(noSignature.out.stderr).toContain('missing --signature or --header-file');
    const noBody = makeIo();
    expect(await run(['webhooks', 'verify', '--secret', SECRET, '--signature', 'x'], noBody.io)).toBe(2);
    expect(noBody.out.stderr).toContain('no body on stdin');
  });
});

describe('coinme-sdk help and version', () => {
  it.each([
    [['--help'], 'Usage: coinme-sdk <command>'],
    [['webhooks', '--help'], 'Usage: coinme-sdk webhooks <list|trigger|verify>'],
    [['webhooks', 'list', '--help'], 'Usage: coinme-sdk webhooks list'],
    [['webhooks', 'trigger', '--help'], 'Usage: coinme-sdk webhooks trigger <type>'],
    [['webhooks', 'verify', '-h'], 'Usage: coinme-sdk webhooks verify'],
  ])('%j prints its usage and exits 0', async (argv, usage) => {
    const { io, out } = makeIo();
    expect(await run(argv, io)).toBe(0);
    expect(out.stdout).toContain(usage);
  });

  it('prints the package version', async () => {
    const { io, out } = makeIo();
    expect(await run(['--version'], io)).toBe(0);
    expect(out.stdout).toBe(`${pkg.version}\n`);
  });

  it.each([[[]], [['nope']], [['webhooks']], [['webhooks', 'send']]])('exits 2 on %j', async (argv) => {
    const { io, out } = makeIo();
    expect(await run(argv, io)).toBe(2);
    expect(out.stderr).toContain('error:');
  });
});
