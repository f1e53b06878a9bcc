/** `startSandbox`: a local Coinme on 127.0.0.1 (partner API, simulated widget, webhook delivery, dashboard). */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sleep } from '../internal/sleep.js';
import { ValidationError } from '../errors.js';
import { createMockCoinme, type MockCoinme } from '../testing/mock/index.js';
import { answerApi } from './api.js';
import { HttpError, isLoopbackHost, publicOrigin, readBody, seeOther, sendHtml, sendResponse, toFetchRequest } from './http.js';
import { Deliveries, type SandboxDelivery } from './deliveries.js';
import { recordTransaction } from './history.js';
import { resolveOptions, type SandboxOptions } from './options.js';
import { buildEvents, redirectResult, type SandboxOutcome, sandboxOutcomes, waitsForPayment } from './outcomes.js';
import { dashboardPage } from './pages/dashboard.js';
import { missingWidgetPage, widgetPage } from './pages/widget.js';
import { createSession, type SandboxSession } from './session.js';
import { validateUser } from './validation.js';

/**
 * A running sandbox.
 *
 * @example
 * ```ts
 * const sandbox = await startSandbox({ port: 0 });
 * const coinme = new CoinmeClient({ partnerId: 'any', clientSecret: 'any', userAgent: 'my-app/1.0', baseUrl: sandbox.baseUrl });
 * const { widgetUrl } = await coinme.widget.createSession({ destinationCurrency: 'BTC', walletAddress });
 * await sandbox.close();
 * ```
 */
export interface Sandbox {
  /** `http://127.0.0.1:<port>`: the dashboard. */
  readonly url: string;
  /** `http://127.0.0.1:<port>/services`: give it to `CoinmeClient` as `baseUrl`. */
  readonly baseUrl: string;
  /** The mock behind the API: its data, requests and failure injection. */
  readonly mock: MockCoinme;
  /** Sessions kept, oldest first. */
  sessions(): SandboxSession[];
  /** A session by its widget token (the last segment of `widgetUrl`). */
  session(token: string): SandboxSession | undefined;
  /** Deliveries kept, oldest first; of one session when `token` is given. */
  deliveries(token?: string): SandboxDelivery[];
  /**
   * Picks an outcome, as the widget page's buttons do: asks the validation URL (if any), then
   * starts delivering the outcome's events. Resolves once they are queued.
   */
  choose(token: string, outcome: SandboxOutcome, options?: { email?: string }): Promise<SandboxSession>;
  /** Marks a shown Green Dot barcode paid, as the widget page's button does. */
  pay(token: string): Promise<SandboxSession>;
  /** Sends a delivery's body again (a new signature, the same bytes). */
  resend(deliveryId: number): Promise<SandboxDelivery | undefined>;
  /** Resolves when no event is waiting or being delivered. */
  settled(): Promise<void>;
  /** Stops delivering, closes every connection and the server. */
  close(): Promise<void>;
}

/**
 * Starts a local Coinme on 127.0.0.1: the partner API of the testing kit's mock at `/services`
 * (any partner credentials accepted), a simulated hosted widget at each `widgetUrl` where a
 * developer picks an outcome, signed delivery of that outcome's webhook events to `webhookUrl`,
 * and a dashboard at `/`. Node only.
 *
 * @example
 * ```ts
 * import { startSandbox } from 'coinme-sdk/sandbox';
 *
 * const sandbox = await startSandbox({
 *   port: 4010,
 *   webhookUrl: 'http://localhost:3000/api/coinme',
 *   webhookSecret: process.env.COINME_WEBHOOK_SECRET,
 * });
 * console.log(`API at ${sandbox.baseUrl}, dashboard at ${sandbox.url}`);
 * ```
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const config = resolveOptions(options);
  const stop = new AbortController();
  const deliveries = new Deliveries(config, stop.signal);
  const sessions = new Map<string, SandboxSession>();
  const running = new Set<Promise<void>>();
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (!response.headersSent) response.writeHead(status, { 'content-type': 'text/plain' });
      response.end(error instanceof HttpError ? error.message : 'Sandbox error');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const mock = createMockCoinme({ environment: 'staging', baseUrl: `${origin}/services` });

  function track(work: Promise<void>): void {
    const tracked = work.catch((error: unknown) => config.log(`sandbox: ${error instanceof Error ? error.message : String(error)}`));
    running.add(tracked);
    void tracked.finally(() => running.delete(tracked));
  }

  function remember(session: SandboxSession): void {
    sessions.set(session.token, session);
    for (const [token] of sessions) {
      if (sessions.size <= config.maxSessions) break;
      sessions.delete(token);
      deliveries.forget(token);
      const index = mock.widgetSessions.findIndex((candidate) => candidate.token === token);
      if (index >= 0) mock.widgetSessions.splice(index, 1);
    }
  }

  // The mock's widgetUrl points at its own base; the sandbox serves the widget itself.
  async function widgetCreated(response: Response, request: IncomingMessage): Promise<Response> {
    const text = await response.text();
    const json: unknown = JSON.parse(text);
    const record = (value: unknown) => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined);
    const session = record(record(json)?.['data']) ?? record(json);
    const widgetUrl = session?.['widgetUrl'];
    const created = typeof widgetUrl === 'string' ? mock.widgetSessions.find((candidate) => candidate.widgetUrl === widgetUrl) : undefined;
    if (!session || !created) return new Response(text, { status: response.status, headers: response.headers });
    const url = `${publicOrigin(request, port)}/widget/${created.token}`;
    session['widgetUrl'] = url;
    remember(createSession({ token: created.token, widgetUrl: url, expiresAt: created.expiresAt, params: created.params, data: mock.data }));
    config.log(`widget session ${created.token} → ${url}`);
    return Response.json(json, { status: response.status });
  }

  async function runSequence(session: SandboxSession, part: 'first' | 'afterPayment', outcome: SandboxOutcome): Promise<void> {
    for (const event of buildEvents(session, part, outcome)) {
      await sleep(config.eventSpacingMs, stop.signal);
      await deliveries.send(deliveries.add(session.token, event.type, JSON.stringify(event.payload)));
      if (stop.signal.aborted) return;
    }
    if (part === 'first' && waitsForPayment(outcome)) {
      session.phase = 'awaiting_payment';
      return;
    }
    finish(session, outcome);
  }

  function finish(session: SandboxSession, outcome: SandboxOutcome): void {
    const result = redirectResult(outcome, session);
    if (result.transactionId !== undefined) recordTransaction(mock, session, result.status === 'COMPLETED' ? 'CONFIRMED' : 'FAILED');
    const redirect = session.params['redirectUrl'];
    let redirectUrl: string | undefined;
    const url = typeof redirect === 'string' && URL.canParse(redirect) ? new URL(redirect) : undefined;
    // Only web pages: a `javascript:` redirect would run on the sandbox's own origin.
    if (url && (url.protocol === 'http:' || url.protocol === 'https:')) {
      if (result.transactionId !== undefined) url.searchParams.set('transactionId', result.transactionId);
      url.searchParams.set('status', result.status);
      redirectUrl = url.href;
    }
    session.result = { ...result, ...(redirectUrl === undefined ? {} : { redirectUrl }) };
    session.phase = 'done';
    config.log(`session ${session.token} ${outcome} → ${result.status}`);
  }

  function known(token: string): SandboxSession {
    const session = sessions.get(token);
    if (!session) throw new ValidationError(`No widget session "${token}" (unknown, or dropped as one of the oldest)`, { field: 'token' });
    return session;
  }

  const isExpired = (session: SandboxSession) => mock.clock.now() >= session.expiresAt.getTime();

  const sandbox: Sandbox = {
    url: origin,
    baseUrl: `${origin}/services`,
    mock,
    sessions: () => [...sessions.values()],
    session: (token) => sessions.get(token),
    deliveries: (token) => (token === undefined ? deliveries.list() : deliveries.ofSession(token)),
    async choose(token, outcome, choice = {}) {
      const session = known(token);
      if (!sandboxOutcomes.includes(outcome)) throw new ValidationError(`outcome must be one of ${sandboxOutcomes.join(', ')}`, { field: 'outcome' });
      if (session.phase !== 'open') return session;
      if (isExpired(session)) throw new ValidationError('The widget session has expired (30 minutes after it was created)', { field: 'token' });
      if (choice.email) session.email = choice.email;
      session.outcome = outcome;
      session.phase = 'delivering';
      session.validation = await validateUser(config, session.email, stop.signal);
      if (!session.validation.allowed) {
        delete session.outcome;
        session.phase = 'open';
        return session;
      }
      track(runSequence(session, 'first', outcome));
      return session;
    },
    async pay(token) {
      const session = known(token);
      if (session.phase !== 'awaiting_payment' || !session.outcome) return session;
      session.phase = 'delivering';
      track(runSequence(session, 'afterPayment', session.outcome));
      return session;
    },
    async resend(deliveryId) {
      const original = deliveries.get(deliveryId);
      // One send at a time per delivery: a resend of one still in flight is already happening.
      if (!original || original.status === 'sending' || original.status === 'pending') return original;
      track(deliveries.send(original));
      return original;
    },
    async settled() {
      while (running.size > 0) await Promise.all(running);
    },
    async close() {
      stop.abort(new Error('sandbox closed'));
      await sandbox.settled();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', origin);
    const method = request.method ?? 'GET';
    const path = url.pathname;
    if (!isLoopbackHost(request.headers.host, port)) throw new HttpError(403, 'The sandbox answers only on 127.0.0.1 and localhost');
    const body = await readBody(request);

    if (path === '/services' || path.startsWith('/services/')) {
      const answer = await answerApi(mock, toFetchRequest(request, origin, body));
      const isWidget = method === 'POST' && path === '/services/widget' && answer.ok;
      await sendResponse(response, isWidget ? await widgetCreated(answer, request) : answer);
      return;
    }
    if (method === 'GET' && (path === '/' || path === '/dashboard')) {
      sendHtml(response, 200, dashboardPage({ sessions: sandbox.sessions(), deliveriesOf: deliveries.ofSession.bind(deliveries), baseUrl: sandbox.baseUrl, webhookUrl: config.webhookUrl?.href }));
      return;
    }
    const widget = /^\/widget\/([\w-]+)(\/state)?$/.exec(path);
    if (widget) {
      const token = widget[1] ?? '';
      const session = sessions.get(token);
      if (!session) return sendHtml(response, 404, missingWidgetPage('Unknown widget session'));
      if (widget[2]) {
        response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        response.end(JSON.stringify({ phase: session.phase, status: session.result?.status ?? null, redirectUrl: session.result?.redirectUrl ?? null }));
        return;
      }
      if (session.phase === 'open' && isExpired(session)) return sendHtml(response, 410, missingWidgetPage('This widget session has expired'));
      if (method === 'POST') {
        const form = new URLSearchParams(body.toString('utf8'));
        const outcome = form.get('outcome');
        const act = form.get('action') === 'pay' ? sandbox.pay(token) : outcome === null ? undefined : sandbox.choose(token, outcome as SandboxOutcome, { email: form.get('email') ?? '' });
        await act?.catch((error: unknown) => {
          throw error instanceof ValidationError ? new HttpError(400, error.message) : error;
        });
        return seeOther(response, `/widget/${token}`);
      }
      return sendHtml(response, 200, widgetPage(session, deliveries.ofSession(token)));
    }
    const resend = /^\/deliveries\/(\d+)\/resend$/.exec(path);
    if (resend && method === 'POST') {
      await sandbox.resend(Number(resend[1]));
      return seeOther(response, '/');
    }
    if (path === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    sendHtml(response, 404, missingWidgetPage('Not found'));
  }

  config.log(`Coinme sandbox on ${origin} (API ${sandbox.baseUrl})`);
  return sandbox;
}

