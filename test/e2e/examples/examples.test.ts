// Runs every example for real: the scripts as child processes (as `npm run demo` does), the
// receivers with real HTTP requests, `Request` objects and API Gateway events.
import { type ChildProcessWithoutNullStreams, execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { run, type CliIo } from '../../../src/cli/run.js';
import { events, sign } from 'coinme-sdk/testing';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const SECRET = 'whsec_examples_test_6b1f0e';

/** A completed buy, dated now (the receivers reject events older than 5 minutes). */
const completedBuy = () => events['CAAS.BUY.COMPLETED']({ at: new Date().toISOString() });

async function tampered(): Promise<{ body: string; headers: Record<string, string> }> {
  const signed = await sign(completedBuy(), SECRET);
  return { body: signed.body.replace('"COMPLETED"', '"FAILED"'), headers: signed.headers };
}

/** The environment for a child process: no real credentials, no colour. */
function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('COINME_')));
  return { ...env, NO_COLOR: '1', ...extra };
}

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function runExample(file: string, env = childEnv()): Promise<Finished> {
  const startedAt = performance.now();
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', join('examples', file)], { cwd: root, env, timeout: 15_000 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') return reject(error);
      resolve({ code: error ? (error.code as number) : 0, stdout, stderr, ms: performance.now() - startedAt });
    });
  });
}

describe('examples/partner-flow.ts (npm run demo)', () => {
  let result: Finished;
  beforeAll(async () => {
    result = await runExample('partner-flow.ts');
  }, 20_000);

  it('exits 0 in well under 10 s', () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.ms).toBeLessThan(10_000);
  });

  it('prints each step', () => {
    for (const step of ['1/5 Partner mapping', '2/5 Informative quote', '3/5 Widget session', '4/5 Webhooks', '5/5 Reconciliation']) {
      expect(result.stdout).toContain(step);
    }
    expect(result.stdout).toMatch(/assets\s+8\s/);
    expect(result.stdout).toMatch(/blocked states\s+\d+/);
    expect(result.stdout).toMatch(/widgetUrl\s+https:\/\/caas-staging\.coinme\.com\/widget\//);
  });

  it('walks the session through every status to completed', () => {
    const replay = result.stdout.slice(result.stdout.indexOf('4/5'), result.stdout.indexOf('final status'));
    const statuses = [...replay.matchAll(/^\s+\d+\s+\S+\s+(\w+)/gm)].map((match) => match[1]);
    expect(statuses).toEqual([
      'kyc_passed',
      'quote_confirmed',
      'quote_confirmed',
      'barcode_generated',
      'barcode_generated',
      'barcode_generated',
      'paid_in_store',
      'fulfilled',
      'broadcast',
      'completed',
      'duplicate',
    ]);
    expect(result.stdout).toMatch(/final status\s+completed/);
  });

  it('reconciles the session with transaction history', () => {
    expect(result.stdout).toMatch(/matched\s+1\s/);
    expect(result.stdout).toMatch(/missing in history\s+0\s/);
    expect(result.stdout).toMatch(/amount mismatches\s+0\s/);
  });
});

describe('examples/quote-and-widget.ts', () => {
  it('quotes and creates a widget session against the mock', async () => {
    const result = await runExample('quote-and-widget.ts');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('quote: 203.80 USD → 0.00170000 BTC');
    expect(result.stdout).toMatch(/widget: https:\/\/caas-staging\.coinme\.com\/widget\/\S+/);
  }, 20_000);
});

describe('examples/webhook-server.ts', () => {
  let child: ChildProcessWithoutNullStreams;
  let url = '';
  let output = '';

  beforeAll(async () => {
    child = spawn(process.execPath, ['--import', 'tsx', 'examples/webhook-server.ts'], {
      cwd: root,
      env: childEnv({ PORT: '0', COINME_WEBHOOK_SECRET: SECRET }),
    });
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 15_000);
      child.stdout.on('data', () => {
        const match = /listening on (http:\S+)/.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
    });
  }, 20_000);

  afterAll(() => {
    child?.kill('SIGTERM');
  });

  const waitFor = async (pattern: RegExp) => {
    for (let i = 0; i < 100 && !pattern.test(output); i++) await new Promise((resolve) => setTimeout(resolve, 20));
    return output;
  };

  it('answers 200 to a signed delivery and 401 to a tampered one', async () => {
    const signed = await sign(completedBuy(), SECRET);
    const ok = await fetch(url, { method: 'POST', body: signed.body, headers: signed.headers });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ received: true });
    const id = (JSON.parse(signed.body) as { id: string }).id;
    expect(await waitFor(new RegExp(`verified CAAS.BUY.COMPLETED ${id}`))).toContain(`verified CAAS.BUY.COMPLETED ${id}`);

    const bad = await tampered();
    const refused = await fetch(url, { method: 'POST', body: bad.body, headers: bad.headers });
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('webhook_signature_error');
  });

  it('receives what `coinme-sdk webhooks trigger` sends', async () => {
    let stdout = '';
    const io: CliIo = {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stdout += text) },
      stdin: (async function* () {})(),
      fetch: (input, init) => globalThis.fetch(input, init),
      env: { COINME_WEBHOOK_SECRET: SECRET },
    };
    expect(await run(['webhooks', 'trigger', 'ORDER_TEMPLATE.CONSUMED', '--url', url], io)).toBe(0);
    expect(stdout).toContain('Response: 200');
    const id = /\(id ([^)]+)\)/.exec(stdout)?.[1];
    expect(id).toBeDefined();
    expect(await waitFor(new RegExp(`verified ORDER_TEMPLATE.CONSUMED ${id}`))).toContain(`verified ORDER_TEMPLATE.CONSUMED ${id}`);
    expect(stdout).not.toContain(SECRET);
  });
});

describe('framework receivers', () => {
  beforeAll(() => {
    process.env['COINME_WEBHOOK_SECRET'] = SECRET;
  });
  afterAll(() => {
    delete process.env['COINME_WEBHOOK_SECRET'];
  });
  beforeEach(() => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
  });

  const post = (url: string, delivery: { body: string; headers: Record<string, string> }) =>
    new Request(url, { method: 'POST', body: delivery.body, headers: delivery.headers });

  it('examples/next-route-handler.ts: POST verifies the delivery', async () => {
    const { POST } = await import('../../../examples/next-route-handler.js');
    const ok = await POST(post('https://partner.example/api/coinme', await sign(completedBuy(), SECRET)));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ received: true });
    expect((await POST(post('https://partner.example/api/coinme', await tampered()))).status).toBe(401);
  });

  it('examples/hono-worker.ts: routes POST /webhooks/coinme to the handler', async () => {
    const { default: worker } = await import('../../../examples/hono-worker.js');
    const env = { COINME_WEBHOOK_SECRET: SECRET };
    const signed = await sign(completedBuy(), SECRET);
    expect((await worker.fetch(post('https://worker.example/webhooks/coinme', signed), env)).status).toBe(200);
    expect((await worker.fetch(post('https://worker.example/webhooks/coinme', await tampered()), env)).status).toBe(401);
    expect((await worker.fetch(new Request('https://worker.example/webhooks/coinme'), env)).status).toBe(405);
    expect((await worker.fetch(post('https://worker.example/elsewhere', signed), env)).status).toBe(404);
  });

  it('examples/lambda-handler.ts: plain and base64 bodies, any header case', async () => {
    const { handler } = await import('../../../examples/lambda-handler.js');
    const signed = await sign(completedBuy(), SECRET);
    const plain = await handler({ body: signed.body, isBase64Encoded: false, headers: signed.headers });
    expect(plain).toMatchObject({ statusCode: 200, body: JSON.stringify({ received: true }) });

    const upperCased = Object.fromEntries(Object.entries(signed.headers).map(([name, value]) => [name.replace(/(^|-)\w/g, (c) => c.toUpperCase()), value]));
    const base64 = await handler({ body: Buffer.from(signed.body).toString('base64'), isBase64Encoded: true, headers: upperCased });
    expect(base64.statusCode).toBe(200);

    const bad = await tampered();
    expect((await handler({ body: bad.body, headers: bad.headers })).statusCode).toBe(401);
    const notJson = await sign('{"id":', SECRET);
    expect((await handler({ body: notJson.body, headers: notJson.headers })).statusCode).toBe(400);
  });
});
