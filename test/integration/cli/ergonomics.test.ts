// The CLI next to Stripe's: print or dry-run a request with a curl line, list types as JSON with
// descriptions, a default URL, and short usage errors.
import { describe, expect, it, vi } from 'vitest';
import { type CliIo, run } from '../../../src/cli/run.js';
import { parseWebhook, verifySignature, webhookEventTypes } from 'coinme-sdk/webhooks';

const SECRET = 'whsec_ergonomics_18c4';
const API_KEY = 'partner-key-ergonomics-4d2';

function makeIo(env: Record<string, string> = {}) {
  const out = { stdout: '', stderr: '' };
  const fetch = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => new Response('{"received":true}', { status: 200 }));
  const io: CliIo = {
    stdout: { write: (text: string) => (out.stdout += text) },
    stderr: { write: (text: string) => (out.stderr += text) },
    stdin: (async function* () {})(),
    fetch,
    env,
  };
  return { io, out, fetch };
}

describe('webhooks trigger --dry-run and --print', () => {
  it('--dry-run prints the signed request and a curl line, and sends nothing', async () => {
    const { io, out, fetch } = makeIo({ COINME_WEBHOOK_SECRET: SECRET, COINME_API_KEY: API_KEY });
    expect(await run(['webhooks', 'trigger', 'CAAS.BUY.COMPLETED', '--dry-run', '--seed', 's1'], io)).toBe(0);
    expect(fetch).not.toHaveBeenCalled();
    const [requestLine, ...rest] = out.stdout.split('\n');
    expect(requestLine).toBe('POST http://localhost:3000/api/webhooks/coinme');
    const blank = rest.indexOf('');
    const headers = Object.fromEntries(rest.slice(0, blank).map((line) => line.split(': ') as [string, string]));
    expect(headers).toMatchObject({ 'content-type': 'application/json', 'x-api-key': '***', 'coinme-sdk-test-delivery': '1' });
    const body = rest[blank + 1] ?? '';
    expect(parseWebhook(body).type).toBe('CAAS.BUY.COMPLETED');
    expect(await verifySignature({ payload: body, signature: headers['x-coinme-signature'], secret: SECRET })).toBe(true);
    const curl = out.stdout.split('\n').find((line) => line.startsWith('curl ')) ?? '';
    expect(curl).toContain("-X POST 'http://localhost:3000/api/webhooks/coinme'");
    expect(curl).toContain(`-H 'x-coinme-signature: ${headers['x-coinme-signature']}'`);
    expect(curl).toContain('-H "x-api-key: $COINME_API_KEY"');
    expect(curl).toContain(`--data-raw '${body}'`);
    expect(out.stdout).not.toContain(API_KEY);
  });

  it('--print prints the request, then sends it', async () => {
    const { io, out, fetch } = makeIo({ COINME_WEBHOOK_SECRET: SECRET });
    expect(await run(['webhooks', 'trigger', 'REFUND', '--print', '--url', 'http://127.0.0.1:4999/hooks'], io)).toBe(0);
    expect(fetch).toHaveBeenCalledOnce();
    expect(out.stdout).toMatch(/^POST http:\/\/127\.0\.0\.1:4999\/hooks\n/);
    expect(out.stdout).toContain('Sent REFUND');
  });

  it('sends to $COINME_WEBHOOK_URL when no --url is given', async () => {
    const { io, fetch } = makeIo({ COINME_WEBHOOK_SECRET: SECRET, COINME_WEBHOOK_URL: 'http://127.0.0.1:4998/w' });
    expect(await run(['webhooks', 'trigger', 'REFUND'], io)).toBe(0);
    expect(String(fetch.mock.calls[0]?.[0])).toBe('http://127.0.0.1:4998/w');
  });
});

describe('webhooks list', () => {
  it('--json lists every type with its source and a description', async () => {
    const { io, out } = makeIo();
    expect(await run(['webhooks', 'list', '--json'], io)).toBe(0);
    const entries = JSON.parse(out.stdout) as { type: string; source: string; description: string }[];
    expect(entries.map(({ type }) => type).sort()).toEqual([...webhookEventTypes].sort());
    for (const entry of entries) {
      expect(entry.description, entry.type).toMatch(/^[A-Z].{10,}/);
      expect(entry.source, entry.type).toMatch(/^(coinme\.widget|coinme\.notification|offramp|processing|callback)$/);
    }
    expect(entries.find(({ type }) => type === 'CAAS.BUY.COMPLETED')?.description).toContain('buy completed');
  });

  it('shows descriptions beside the types', async () => {
    const { io, out } = makeIo();
    expect(await run(['webhooks', 'list'], io)).toBe(0);
    expect(out.stdout).toMatch(/^ {2}INVOICE_PAID +An invoice was paid in full$/m);
  });
});

describe('usage errors', () => {
  it.each([
    [['webhooks', 'trigger', 'REFUND', '--bogus'], 'webhooks trigger'],
    [['webhooks', 'verify', '--bogus'], 'webhooks verify'],
    [['webhooks', 'list', '--bogus'], 'webhooks list'],
    [['webhooks', 'nope'], 'webhooks'],
    [['validation', 'nope'], 'validation'],
  ])('%j names the mistake and where the usage is, without reprinting it', async (argv, command) => {
    const { io, out } = makeIo({ COINME_WEBHOOK_SECRET: SECRET });
    expect(await run(argv, io)).toBe(2);
    expect(out.stderr).toMatch(/^error: .+\nRun `coinme-sdk .+--help` for usage\.\n$/);
    expect(out.stderr).toContain(`coinme-sdk ${command} --help`);
  });
});
