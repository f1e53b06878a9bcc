// `coinme-sdk sandbox` as a partner runs it: its own process, reached with plain HTTP (as curl
// would), stopped with Ctrl+C (SIGINT).
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startReceiver } from '../../integration/sandbox/receiver.js';

const SECRET = 'whsec_sandbox_process_93d1';
const root = join(import.meta.dirname, '../../..');

describe('coinme-sdk sandbox (a separate process)', () => {
  let child: ChildProcess | undefined;
  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
  });

  it('serves the API and the widget, delivers signed events, and stops on SIGINT', async () => {
    const receiver = await startReceiver(SECRET);
    const port = 4400 + Math.floor(Math.random() * 100);
    let output = '';
    child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'sandbox', '--port', String(port), '--webhook-url', receiver.url, '--spacing', '10'], {
      cwd: root,
      env: { ...process.env, COINME_WEBHOOK_SECRET: SECRET },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk) => (output += String(chunk)));
    child.stderr?.on('data', (chunk) => (output += String(chunk)));
    const exited = new Promise<number | null>((resolve) => child?.on('exit', (code) => resolve(code)));
    try {
      await expect.poll(() => output, { timeout: 60_000, interval: 200 }).toContain('Press Ctrl+C');
      const base = `http://localhost:${port}/services`;
      const ua = { 'user-agent': 'curl/8.5.0' };
      const auth = await fetch(`${base}/authorize`, {
        method: 'POST',
        headers: { ...ua, authorization: `Basic ${btoa('my-partner:my-secret')}`, 'content-type': 'application/x-www-form-urlencoded' },
      });
      const { data } = (await auth.json()) as { data: { token: string } };
      const bearer = { ...ua, authorization: `Bearer ${data.token}` };
      const chains = (await (await fetch(`${base}/cryptoChains`, { headers: bearer })).json()) as { data: { cryptoChains: Record<string, unknown> }; errorResponse: null };
      expect(Object.keys(chains.data.cryptoChains)).toContain('BTC');
      expect(chains.errorResponse).toBeNull();

      const created = await fetch(`${base}/widget`, {
        method: 'POST',
        headers: { ...bearer, 'content-type': 'application/json' },
        body: JSON.stringify({ destinationCurrency: 'BTC', walletAddress: 'bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh', sourceAmount: 50, sourceCurrency: 'USD', externalSessionId: 'process-1' }),
      });
      const { widgetUrl } = (await created.json()) as { widgetUrl: string };
      expect(widgetUrl.startsWith(`http://localhost:${port}/widget/`)).toBe(true);
      const chosen = await fetch(widgetUrl, { method: 'POST', body: new URLSearchParams({ outcome: 'card_completed', email: 'p@example.com' }), redirect: 'manual' });
      expect(chosen.status).toBe(303);
      await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBe(5);
      expect(receiver.received.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
      expect(receiver.received.at(-1)?.event?.type).toBe('CAAS.BUY.COMPLETED');

      child.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(output).toContain('sandbox stopped');
      expect(output).not.toContain(SECRET);
    } finally {
      await receiver.close();
    }
  });
});
