import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoinmeClient } from 'coinme-sdk';
import { describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/run.js';
import { sandboxCommand } from '../../../src/sandbox/cli.js';
import { startReceiver } from './receiver.js';

const SECRET = 'whsec_sandbox_cli_61f0a2';

function makeIo(env: Record<string, string> = {}) {
  const out = { stdout: '', stderr: '' };
  const io = {
    stdout: { write: (text: string) => (out.stdout += text) },
    stderr: { write: (text: string) => (out.stderr += text) },
    stdin: (async function* () {})(),
    fetch: (input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init),
    env,
  };
  return { io, out };
}

describe('coinme-sdk sandbox', () => {
  it('is listed in the main help and has its own', async () => {
    const main = makeIo();
    expect(await run(['--help'], main.io)).toBe(0);
    expect(main.out.stdout).toContain('sandbox');
    const help = makeIo();
    expect(await run(['sandbox', '--help'], help.io)).toBe(0);
    expect(help.out.stdout).toContain('--webhook-url');
  });

  it('refuses a secret on the command line without echoing it', async () => {
    const { io, out } = makeIo();
    expect(await run(['sandbox', '--webhook-url', 'http://127.0.0.1:9/hook', '--secret', SECRET], io)).toBe(2);
    expect(out.stderr).toContain('never read from the command line');
    expect(out.stderr + out.stdout).not.toContain(SECRET);
  });

  it('needs a secret with --webhook-url, and names bad numbers', async () => {
    const missing = makeIo();
    expect(await run(['sandbox', '--webhook-url', 'http://127.0.0.1:9/hook'], missing.io)).toBe(2);
    expect(missing.out.stderr).toContain('COINME_WEBHOOK_SECRET');
    const port = makeIo();
    expect(await run(['sandbox', '--port', 'abc'], port.io)).toBe(2);
    expect(port.out.stderr).toContain('--port');
  });

  it('runs until stopped, signing with the secret from --secret-file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'coinme-sandbox-cli-'));
    const receiver = await startReceiver(SECRET);
    try {
      await writeFile(join(dir, 'secret'), `${SECRET}\n`);
      let stop = () => {};
      const stopped = new Promise<void>((resolve) => (stop = resolve));
      const { io, out } = makeIo();
      const exit = sandboxCommand(io, ['--port', '0', '--webhook-url', receiver.url, '--secret-file', join(dir, 'secret'), '--spacing', '0'], () => stopped);
      await expect.poll(() => out.stdout, { timeout: 5_000 }).toContain('Press Ctrl+C');
      const baseUrl = /Partner API\s+(\S+)/.exec(out.stdout)?.[1] ?? '';
      const coinme = new CoinmeClient({ partnerId: 'cli', clientSecret: 'cli-secret', userAgent: 'cli/1', baseUrl });
      const { widgetUrl } = await coinme.widget.createSession({ destinationCurrency: 'BTC', walletAddress: 'bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh', externalSessionId: 'cli-session' });
      const form = new URLSearchParams({ outcome: 'kyc_rejected', email: 'cli@example.com' });
      const chosen = await fetch(widgetUrl, { method: 'POST', body: form, redirect: 'manual' });
      expect(chosen.status).toBe(303);
      await expect.poll(() => out.stdout, { timeout: 5_000 }).toContain('webhook kyc-prove.onboarding.failed → 200');
      expect(receiver.received.map((r) => [r.status, r.event?.type])).toEqual([
        [200, 'orchestrator.auth-state.changed'],
        [200, 'kyc-prove.onboarding.failed'],
      ]);
      stop();
      expect(await exit).toBe(0);
      expect(out.stdout).toContain('sandbox stopped');
      expect(out.stdout + out.stderr).not.toContain(SECRET);
    } finally {
      await receiver.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
