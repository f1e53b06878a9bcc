/**
 * Signed webhook delivery: one attempt at a time per delivery, retried with doubling waits on a
 * non-2xx answer, a network error or a timeout. A slow or dead endpoint only delays its own
 * session's events; requests to the API and the pages never wait for it.
 */
import { sleep } from '../internal/sleep.js';
import { sign } from '../testing/sign.js';
import type { ResolvedSandboxOptions } from './options.js';

/**
 * One try at delivering an event.
 *
 * @example
 * ```ts
 * const last: SandboxAttempt | undefined = delivery.attempts.at(-1);
 * console.log(last?.statusCode ?? last?.error, `${last?.latencyMs} ms`);
 * ```
 */
export interface SandboxAttempt {
  at: Date;
  /** The endpoint's HTTP status, when it answered. */
  statusCode?: number;
  /** Why there was no answer (`timeout`, `connection refused`, …). */
  error?: string;
  latencyMs: number;
}

/**
 * One event on its way to the partner's webhook URL.
 *
 * @example
 * ```ts
 * const failed = sandbox.deliveries().filter((delivery) => delivery.status === 'failed');
 * ```
 */
export interface SandboxDelivery {
  readonly id: number;
  /** The widget token of the session it belongs to. */
  readonly sessionToken: string;
  readonly type: string;
  /** The exact bytes sent (as text), which the signature covers. */
  readonly body: string;
  /** `pending` (queued), `sending`, `delivered` (2xx), `failed` (attempts used up), `skipped` (no webhook URL). */
  status: 'pending' | 'sending' | 'delivered' | 'failed' | 'skipped';
  readonly attempts: SandboxAttempt[];
}

// A resend adds attempts to the same delivery; this keeps one delivery's history bounded.
const maxAttemptsKept = 50;

function reason(error: unknown): string {
  if (error instanceof DOMException && error.name === 'TimeoutError') return 'timeout';
  const cause = error instanceof Error ? error.cause : undefined;
  const code = typeof cause === 'object' && cause !== null && 'code' in cause ? String(cause.code) : undefined;
  if (code === 'ECONNREFUSED') return 'connection refused';
  return code ?? (error instanceof Error ? error.message : 'request failed');
}

/**
 * The delivery log and sender.
 *
 * @internal
 */
export class Deliveries {
  readonly #options: ResolvedSandboxOptions;
  readonly #stopped: AbortSignal;
  readonly #all = new Map<number, SandboxDelivery>();
  #nextId = 1;

  constructor(options: ResolvedSandboxOptions, stopped: AbortSignal) {
    this.#options = options;
    this.#stopped = stopped;
  }

  list(): SandboxDelivery[] {
    return [...this.#all.values()];
  }

  get(id: number): SandboxDelivery | undefined {
    return this.#all.get(id);
  }

  ofSession(token: string): SandboxDelivery[] {
    return this.list().filter((delivery) => delivery.sessionToken === token);
  }

  /** Forgets a dropped session's deliveries. */
  forget(token: string): void {
    for (const delivery of this.ofSession(token)) this.#all.delete(delivery.id);
  }

  /** Records an event for delivery (not sent yet). */
  add(sessionToken: string, type: string, body: string): SandboxDelivery {
    const delivery: SandboxDelivery = { id: this.#nextId++, sessionToken, type, body, status: 'pending', attempts: [] };
    this.#all.set(delivery.id, delivery);
    return delivery;
  }

  /** Sends until a 2xx answer or the attempts run out; never throws. */
  async send(delivery: SandboxDelivery): Promise<void> {
    const { webhookUrl, webhookSecret, retry } = this.#options;
    if (!webhookUrl || webhookSecret === undefined) {
      delivery.status = 'skipped';
      return;
    }
    delivery.status = 'sending';
    const { headers } = await sign(delivery.body, webhookSecret);
    for (let attempt = 1; attempt <= retry.maxAttempts && !this.#stopped.aborted; attempt++) {
      if (attempt > 1) {
        const stopped = await sleep(retry.baseDelayMs * 2 ** (attempt - 2), this.#stopped).then(() => false, () => true);
        if (stopped) break;
      }
      if (await this.#attempt(delivery, webhookUrl, headers, attempt)) {
        delivery.status = 'delivered';
        return;
      }
    }
    delivery.status = 'failed';
  }

  async #attempt(delivery: SandboxDelivery, url: URL, headers: Record<string, string>, attempt: number): Promise<boolean> {
    const started = performance.now();
    const record: SandboxAttempt = { at: new Date(), latencyMs: 0 };
    try {
      const response = await this.#options.fetch(url, {
        method: 'POST',
        body: delivery.body,
        headers: { ...headers, 'user-agent': 'coinme-sdk-sandbox' },
        redirect: 'manual',
        signal: AbortSignal.any([AbortSignal.timeout(this.#options.retry.timeoutMs), this.#stopped]),
      });
      record.statusCode = response.status;
      await response.body?.cancel().catch(() => undefined);
    } catch (error) {
      record.error = reason(error);
    }
    record.latencyMs = Math.round(performance.now() - started);
    delivery.attempts.push(record);
    if (delivery.attempts.length > maxAttemptsKept) delivery.attempts.shift();
    const answer = record.statusCode === undefined ? record.error : String(record.statusCode);
    this.#options.log(`webhook ${delivery.type} → ${answer} (${record.latencyMs} ms, attempt ${attempt})`);
    return record.statusCode !== undefined && record.statusCode >= 200 && record.statusCode < 300;
  }
}
