// The sandbox in a real browser: Debian's chromium, driven by playwright-core. A partner app
// creates a widget session with CoinmeClient, a developer picks each outcome on the widget page,
// and the partner's webhook endpoint, SessionTracker and redirect page see what Coinme would send.
import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoinmeClient } from 'coinme-sdk';
import { outcomeSequence, type Sandbox, type SandboxOutcome, sandboxOutcomes, startSandbox } from 'coinme-sdk/sandbox';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Receiver, startReceiver } from '../../integration/sandbox/receiver.js';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const SECRET = 'whsec_browser_test_0c4f7d21';
// The guide's pictures are refreshed only on request (UPDATE_SCREENSHOTS=1), so a test run
// leaves the tree clean; otherwise they go to the ignored cache.
const screenshots = process.env.UPDATE_SCREENSHOTS
  ? join(import.meta.dirname, '../../../docs/guides/img')
  : join(import.meta.dirname, '../../../.ci/.cache/screenshots');

// In CI the browser test must run: a missing chromium is a failure, not a skip.
if (!hasChromium && process.env['CI'] === 'true') {
  throw new Error(`chromium not found at ${CHROMIUM}: run .ci/install-chromium.sh (CI installs it before the tests)`);
}

// Ports 4400-4499 are this suite's; try a few in case another run holds one.
async function onFreePort<T>(start: (port: number) => Promise<T>): Promise<T> {
  let lastError: unknown;
  for (let i = 0; i < 20; i++) {
    try {
      return await start(4400 + Math.floor(Math.random() * 100));
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

const finalStatus: Record<SandboxOutcome, string> = {
  card_completed: 'completed',
  greendot_paid: 'completed',
  failed: 'failed',
  kyc_rejected: 'kyc_failed',
  expired: 'expired',
};
const redirectStatus: Record<SandboxOutcome, string> = {
  card_completed: 'COMPLETED',
  greendot_paid: 'COMPLETED',
  failed: 'FAILED',
  kyc_rejected: 'KYC_FAILED',
  expired: 'EXPIRED',
};

describe.skipIf(!hasChromium)('sandbox in a browser (chromium)', () => {
  let browser: BrowserContext;
  let profile: string;
  let sandbox: Sandbox;
  let partner: Receiver;
  let coinme: CoinmeClient;

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    partner = await onFreePort((port) => startReceiver(SECRET, '/api/coinme', port));
    sandbox = await onFreePort((port) =>
      startSandbox({ port, webhookUrl: partner.url, webhookSecret: SECRET, eventSpacingMs: 10, retry: { baseDelayMs: 20 } }),
    );
    coinme = new CoinmeClient({ partnerId: 'acme', clientSecret: 'acme-client-secret', userAgent: 'acme-app/1.0', baseUrl: sandbox.baseUrl });
    profile = await mkdtemp(join(tmpdir(), 'coinme-chromium-'));
    // A fresh profile directory (playwright passes it as --user-data-dir).
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
    await partner?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  async function shot(page: Page, name: string, fullPage = true): Promise<void> {
    await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage });
  }

  it.each(sandboxOutcomes)('%s: the partner receives the signed sequence and the browser returns to redirectUrl', async (outcome) => {
    const externalSessionId = `browser-${outcome}`;
    const returnUrl = new URL('/checkout/return', partner.url).href;
    const { widgetUrl } = await coinme.widget.createSession({
      destinationCurrency: 'BTC',
      walletAddress: 'bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh',
      sourceAmount: '200',
      sourceCurrency: 'USD',
      sourceAmountLock: true,
      paymentMethod: outcome === 'greendot_paid' || outcome === 'expired' ? 'GREENDOT' : 'CARD',
      paymentMethodLock: true,
      countryCode: 'US',
      state: 'WA',
      externalSessionId,
      redirectUrl: returnUrl,
    });
    const token = new URL(widgetUrl).pathname.split('/').at(-1) ?? '';

    const page = await browser.newPage();
    await page.setViewportSize({ width: 900, height: 760 });
    try {
      await page.goto(widgetUrl);
      await expect(page.locator('dd', { hasText: externalSessionId }).count()).resolves.toBe(1);
      if (outcome === 'card_completed') await shot(page, 'sandbox-widget');
      await page.fill('input[name=email]', `${outcome}@example.com`);
      await page.click(`button[data-outcome=${outcome}]`);
      if (outcome === 'greendot_paid') {
        await page.waitForSelector('#pay', { timeout: 30_000 });
        await expect(page.locator('#barcode-number').textContent()).resolves.toBe(sandbox.session(token)?.providerBarcodeId);
        await shot(page, 'sandbox-barcode');
        await page.click('#pay');
      }
      await page.waitForURL((url) => url.pathname === '/checkout/return', { timeout: 30_000 });

      const session = sandbox.session(token);
      const landed = new URL(page.url());
      expect(landed.searchParams.get('status')).toBe(redirectStatus[outcome]);
      const hasTransaction = ['card_completed', 'greendot_paid', 'failed'].includes(outcome);
      expect(landed.searchParams.get('transactionId')).toBe(hasTransaction ? (session?.transactionId ?? 'missing') : null);
      await expect(page.locator('#status').textContent()).resolves.toBe(redirectStatus[outcome]);

      await sandbox.settled();
      const mine = partner.received.filter((r) => JSON.stringify(r.event?.payload ?? {}).includes(externalSessionId) || sandbox.deliveries(token).some((d) => d.body === r.body));
      expect(mine.map((r) => r.event?.type)).toEqual(outcomeSequence(outcome));
      expect(mine.every((r) => r.status === 200)).toBe(true);
      const record = await partner.tracker.get('externalSessionId', externalSessionId);
      expect(record?.status).toBe(finalStatus[outcome]);
    } finally {
      await page.close();
    }
  });

  it('shows every session and delivery on the dashboard, with a working resend button', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1000, height: 820 });
    try {
      await page.goto(sandbox.url);
      await expect(page.locator('[data-session]').count()).resolves.toBe(sandboxOutcomes.length);
      const rows = page.locator('tr[data-delivery]');
      const total = sandboxOutcomes.reduce((sum, outcome) => sum + outcomeSequence(outcome).length, 0);
      await expect(rows.count()).resolves.toBe(total);
      // Show one body as a developer would open it.
      await page.locator('details').nth(2).evaluate((element) => element.setAttribute('open', ''));
      await shot(page, 'sandbox-dashboard', false);

      const before = partner.received.length;
      const first = rows.first();
      const id = Number(await first.getAttribute('data-delivery'));
      await first.locator('button', { hasText: 'Resend' }).click();
      await page.waitForURL(sandbox.url + '/');
      await sandbox.settled();
      expect(partner.received.length).toBe(before + 1);
      expect(partner.received.at(-1)?.body).toBe(sandbox.deliveries().find((d) => d.id === id)?.body);
      expect(partner.received.at(-1)?.status).toBe(200);
    } finally {
      await page.close();
    }
  });
});
