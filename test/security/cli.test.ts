// The CLI fails closed (issue 15, findings 1 and 8): it never follows a redirect, sends off this
// machine only when told, keeps secrets off the command line, shows a receiver's control
// characters as escapes, refuses to invent fields, and marks what it sends as a test delivery.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type CliIo, run } from '../../src/cli/run.js';
import { TEST_DELIVERY_HEADER } from 'coinme-sdk/testing';

const SECRET = 'whsec_security_3e9d51c0aa';
const API_KEY = 'partner-key-security-77b1';

interface Received {
  server: 'receiver' | 'elsewhere';
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}
const received: Received[] = [];

/** What the receiver does next; `elsewhere` records anything that reaches it. */
let reply: (response: import('node:http').ServerResponse) => void = (response) => response.end('{"received":true}');

function listen(name: Received['server'], handle: (response: import('node:http').ServerResponse) => void): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ server: name, path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      handle(response);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

let receiver: { server: Server; url: string };
let elsewhere: { server: Server; url: string };
let dir = '';

beforeAll(async () => {
  receiver = await listen('receiver', (response) => reply(response));
  elsewhere = await listen('elsewhere', (response) => response.end('{"received":true}'));
  dir = await mkdtemp(join(tmpdir(), 'coinme-cli-security-'));
});
afterEach(() => {
  received.length = 0;
  reply = (response) => response.end('{"received":true}');
});
afterAll(async () => {
  await Promise.all([receiver, elsewhere].map(({ server }) => new Promise((resolve) => server.close(resolve))));
  await rm(dir, { recursive: true, force: true });
});

function makeIo(env: Record<string, string> = {}, fetch: typeof globalThis.fetch = (input, init) => globalThis.fetch(input, init)) {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    stdout: { write: (text: string) => (out.stdout += text) },
    stderr: { write: (text: string) => (out.stderr += text) },
    stdin: (async function* () {})(),
    fetch,
    env,
  };
  return { io, out };
}

describe('redirects (finding 1, trigger)', () => {
  for (const status of [301, 302, 303, 307, 308]) {
    it(`does not follow a ${status} to another origin: exit 1, the target named, nothing sent there`, async () => {
      reply = (response) => {
        response.writeHead(status, { location: `${elsewhere.url}/stolen?from=redirect` });
        response.end();
      };
      const { io, out } = makeIo({ COINME_WEBHOOK_SECRET: SECRET, COINME_API_KEY: API_KEY });
      const code = await run(['webhooks', 'trigger', 'CAAS.BUY.COMPLETED', '--url', `${receiver.url}/hooks`], io);
      expect(code).toBe(1);
      expect(received.map(({ server }) => server)).toEqual(['receiver']);
      expect(out.stderr).toContain(`answered ${status}, a redirect to ${elsewhere.url}/stolen`);
      expect(out.stderr).toContain('never followed');
      expect(out.stdout).not.toContain('Sent ');
    });
  }
});

describe('remote URLs (finding 8)', () => {
  const recordingFetch = (calls: string[]): typeof globalThis.fetch => async (input) => {
    calls.push(String(input));
    return new Response('{"received":true}', { status: 200 });
  };

  for (const url of ['https://hooks.partner.example/coinme', 'http://10.0.0.5/hooks', 'http://localhost.partner.example/hooks', 'http://127.0.0.1.nip.io/hooks', 'http://[::ffff:7f00:1]/hooks']) {
    it(`refuses ${url} without --allow-remote, sending nothing`, async () => {
      const calls: string[] = [];
      const { io, out } = makeIo({ COINME_WEBHOOK_SECRET: SECRET }, recordingFetch(calls));
      expect(await run(['webhooks', 'trigger', 'REFUND', '--url', url], io)).toBe(2);
      expect(calls).toEqual([]);
      expect(out.stderr).toContain('--allow-remote');
    });
  }

  it('sends to a remote URL with --allow-remote', async () => {
    const calls: string[] = [];
    const { io } = makeIo({ COINME_WEBHOOK_SECRET: SECRET }, recordingFetch(calls));
    expect(await run(['webhooks', 'trigger', 'REFUND', '--url', 'https://hooks.partner.example/coinme', '--allow-remote'], io)).toBe(0);
    expect(calls).toEqual(['https://hooks.partner.example/coinme']);
  });

  for (const host of ['localhost:1', '127.0.0.1:1', '127.1.2.3:1', '[::1]:1', 'app.localhost:1']) {
    it(`treats http://${host} as this machine`, async () => {
      const calls: string[] = [];
      const { io } = makeIo({ COINME_WEBHOOK_SECRET: SECRET }, recordingFetch(calls));
      expect(await run(['webhooks', 'trigger', 'REFUND', '--url', `http://${host}/hooks`], io)).toBe(0);
      expect(calls).toHaveLength(1);
    });
  }

  it('refuses credentials in the URL', async () => {
    const { io, out } = makeIo({ COINME_WEBHOOK_SECRET: SECRET });
    expect(await run(['webhooks', 'trigger', 'REFUND', '--url', `http://user:pw@127.0.0.1:1/hooks`], io)).toBe(2);
    expect(out.stderr).toContain('must not carry credentials');
  });
});

describe('secrets off the command line (finding 8)', () => {
  it('reads the secret and the API key from files', async () => {
    await writeFile(join(dir, 'secret'), `${SECRET}\n`);
    await writeFile(join(dir, 'api-key'), API_KEY);
    const { io, out } = makeIo();
    const code = await run(['webhooks', 'trigger', 'INVOICE_PAID', '--url', receiver.url, '--secret-file', join(dir, 'secret'), '--api-key-file', join(dir, 'api-key')], io);
    expect(code).toBe(0);
    expect(received[0]?.headers['x-api-key']).toBe(API_KEY);
    expect(received[0]?.headers['x-coinme-signature']).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(out.stderr).toBe('');
  });

  it('reads the API key from COINME_API_KEY', async () => {
    const { io } = makeIo({ COINME_WEBHOOK_SECRET: SECRET, COINME_API_KEY: API_KEY });
    expect(await run(['webhooks', 'trigger', 'INVOICE_PAID', '--url', receiver.url], io)).toBe(0);
    expect(received[0]?.headers['x-api-key']).toBe(API_KEY);
  });

  it('warns loudly when a secret is given on the command line, and never prints it', async () => {
    const { io, out } = makeIo();
    expect(await run(['webhooks', 'trigger', 'INVOICE_PAID', '--url', receiver.url, '--secret', SECRET, `--api-key=${API_KEY}`], io)).toBe(0);
    expect(out.stderr).toMatch(/warning: --secret on the command line is visible to other users/);
    expect(out.stderr).toMatch(/warning: --api-key on the command line is visible to other users/);
    expect(`${out.stdout}${out.stderr}`).not.toContain(SECRET);
    expect(`${out.stdout}${out.stderr}`).not.toContain(API_KEY);
  });

  it('refuses an unreadable or empty secret file without quoting it', async () => {
    await writeFile(join(dir, 'empty'), '\n');
    const missing = makeIo();
    expect(await run(['webhooks', 'trigger', 'REFUND', '--url', receiver.url, '--secret-file', join(dir, 'nope')], missing.io)).toBe(2);
    expect(missing.out.stderr).toContain('cannot read --secret-file (ENOENT)');
    const empty = makeIo();
    expect(await run(['webhooks', 'trigger', 'REFUND', '--url', receiver.url, '--secret-file', join(dir, 'empty')], empty.io)).toBe(2);
    expect(empty.out.stderr).toContain('--secret-file is empty');
    expect(received).toHaveLength(0);
  });
});

describe('what the receiver says is shown, not obeyed (finding 8)', () => {
  it('escapes control characters and bidi overrides in the echoed answer', async () => {
    const hostile = '{"ok":true}\u001b]0;owned\u0007\u001b[2J\u001b[31mSent to production\r\u202Eevil\u009b';
    reply = (response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(hostile);
    };
    const { io, out } = makeIo({ COINME_WEBHOOK_SECRET: SECRET });
    expect(await run(['webhooks', 'trigger', 'REFUND', '--url', receiver.url], io)).toBe(0);
    const written = out.stdout + out.stderr;
    expect(written).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(written).toContain('\\u001b]0;owned\\u0007\\u001b[2J');
    expect(written).toContain('\\u202eevil\\u009b');
  });
});

describe('--set edits existing fields only (finding 8)', () => {
  it('refuses a typo, suggesting the field, and sends nothing', async () => {
    const { io, out } = makeIo({ COINME_WEBHOOK_SECRET: SECRET });
    expect(await run(['webhooks', 'trigger', 'CAAS.BUY.COMPLETED', '--url', receiver.url, '--set', 'data.externalSesionId=x'], io)).toBe(2);
    expect(out.stderr).toContain('data has no field "externalSesionId"');
    expect(out.stderr).toContain('Did you mean data.externalSessionId?');
    expect(out.stderr).toContain('--set-new');
    expect(received).toHaveLength(0);
  });

  it('refuses a missing object on the way', async () => {
    const { io, out } = makeIo({ COINME_WEBHOOK_SECRET: SECRET });
    expect(await run(['webhooks', 'trigger', 'CAAS.BUY.COMPLETED', '--url', receiver.url, '--set', 'data.metadta.orderStatus=FAILED'], io)).toBe(2);
    expect(out.stderr).toContain('Did you mean data.metadata?');
    expect(received).toHaveLength(0);
  });

  it('adds a field with --set-new, and --set still edits existing ones', async () => {
    const { io } = makeIo({ COINME_WEBHOOK_SECRET: SECRET });
    const code = await run(['webhooks', 'trigger', 'CAAS.BUY.COMPLETED', '--url', receiver.url, '--set-new', 'data.partnerNote.text=hello', '--set', 'data.externalSessionId=sess_42'], io);
    expect(code).toBe(0);
    const body = JSON.parse(received[0]?.body ?? '{}') as { data: { partnerNote: unknown; externalSessionId: unknown } };
    expect(body.data.partnerNote).toEqual({ text: 'hello' });
    expect(body.data.externalSessionId).toBe('sess_42');
  });
});

describe('test deliveries are marked (finding 8)', () => {
  it(`sends ${TEST_DELIVERY_HEADER}: 1 with every trigger`, async () => {
    expect(TEST_DELIVERY_HEADER).toBe('coinme-sdk-test-delivery');
    const { io } = makeIo({ COINME_WEBHOOK_SECRET: SECRET });
    expect(await run(['webhooks', 'trigger', 'crypto_delivered', '--url', receiver.url], io)).toBe(0);
    expect(await run(['webhooks', 'trigger', 'INVOICE_PAID', '--url', receiver.url], io)).toBe(0);
    expect(received.map(({ headers }) => headers[TEST_DELIVERY_HEADER])).toEqual(['1', '1']);
  });
});

describe('bounds', () => {
  it('reads at most 64 KiB of a flooding answer, then hangs up', async () => {
    let sent = 0;
    let closed!: () => void;
    const hungUp = new Promise<void>((resolve) => (closed = resolve));
    reply = (response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(1024 * 1024, 'A');
      response.on('close', closed);
      const pump = () => {
        while (sent < 64) {
          sent++;
          if (!response.write(chunk)) return void response.once('drain', pump);
        }
        response.end();
      };
      response.on('error', () => {});
      pump();
    };
    const { io, out } = makeIo({ COINME_WEBHOOK_SECRET: SECRET });
    expect(await run(['webhooks', 'trigger', 'REFUND', '--url', receiver.url], io)).toBe(0);
    await hungUp;
    expect(out.stdout.length).toBeLessThan(2_000);
    // 64 MiB were on offer; the CLI stopped reading, so little more than the socket buffers went out.
    expect(sent).toBeLessThan(32);
  });

  it('stops reading an answer that trickles past --timeout, saying so', async () => {
    reply = (response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      const timer = setInterval(() => response.write('.'), 50);
      response.on('close', () => clearInterval(timer));
      setTimeout(() => {
        clearInterval(timer);
        response.end();
      }, 5_000);
    };
    const { io, out } = makeIo({ COINME_WEBHOOK_SECRET: SECRET });
    const started = performance.now();
    const code = await run(['webhooks', 'trigger', 'REFUND', '--url', receiver.url, '--timeout', '300'], io);
    expect(performance.now() - started).toBeLessThan(2_000);
    // The status arrived in time, the body did not: the status counts, the cut is reported.
    expect(code).toBe(0);
    expect(out.stderr).toContain("warning: the answer's body broke off: timed out");
  });

  it('validation check does not follow a redirect either', async () => {
    reply = (response) => {
      response.writeHead(307, { location: `${elsewhere.url}/validate` });
      response.end();
    };
    const { io, out } = makeIo({ COINME_VALIDATION_TOKEN: 'tok_security_redirect_1' });
    expect(await run(['validation', 'check', '--url', receiver.url, '--email', 'ana@example.com'], io)).toBe(1);
    expect(received.map(({ server }) => server)).toEqual(['receiver']);
    expect(out.stderr).toContain(`answered 307, a redirect to ${elsewhere.url}/validate`);
  });

  it('gives up on a receiver that never answers within --timeout: exit 3', async () => {
    reply = () => {};
    const { io, out } = makeIo({ COINME_WEBHOOK_SECRET: SECRET });
    const started = performance.now();
    expect(await run(['webhooks', 'trigger', 'REFUND', '--url', receiver.url, '--timeout', '300'], io)).toBe(3);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(out.stderr).toContain('timed out');
  });
});
