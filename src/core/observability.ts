/** The logger and hooks a client accepts. Neither ever receives a secret or a token. */

/**
 * What every request event describes: one attempt of one call.
 *
 * @example
 * ```ts
 * const onRequest = ({ method, path, attempt }: RequestEventInfo) => console.debug(method, path, attempt);
 * ```
 */
export interface RequestEventInfo {
  method: string;
  /** URL path without the query string, e.g. `/services/cryptoChains`. */
  path: string;
  /** 1 for the first attempt, 2 for the first retry, and so on. */
  attempt: number;
  /** Request headers with `Authorization` and `x-api-key` redacted. */
  headers: Record<string, string>;
}

/**
 * An attempt that got an HTTP answer.
 *
 * @example
 * ```ts
 * const onResponse = ({ status, durationMs }: ResponseEventInfo) => histogram.observe({ status }, durationMs);
 * ```
 */
export interface ResponseEventInfo extends RequestEventInfo {
  status: number;
  durationMs: number;
  requestId: string | undefined;
}

/**
 * An attempt that got no HTTP answer (network failure, timeout, abort).
 *
 * @example
 * ```ts
 * const onError = ({ path, error }: RequestErrorEventInfo) => console.warn(path, error.name);
 * ```
 */
export interface RequestErrorEventInfo extends RequestEventInfo {
  durationMs: number;
  error: { name: string; message: string };
}

/**
 * Observers called for every attempt. They run synchronously inside the request; an exception
 * they throw is ignored so observing can never break a call.
 *
 * @example
 * ```ts
 * const coinme = new CoinmeClient({
 *   ...credentials,
 *   hooks: { onResponse: ({ method, path, status, durationMs }) => metrics.timing(`${method} ${path} ${status}`, durationMs) },
 * });
 * ```
 */
export interface CoinmeHooks {
  onRequest?: (info: RequestEventInfo) => void;
  onResponse?: (info: ResponseEventInfo) => void;
  onError?: (info: RequestErrorEventInfo) => void;
}

/**
 * A logger such as `console`, pino or winston, with some or all of the four levels. Each line is a short
 * message plus a fields object (method, path, status, durationMs, attempt).
 *
 * @example
 * ```ts
 * const coinme = new CoinmeClient({ ...credentials, logger: console });
 * ```
 */
export interface CoinmeLogger {
  debug?: (message: string, fields: Record<string, unknown>) => void;
  info?: (message: string, fields: Record<string, unknown>) => void;
  warn?: (message: string, fields: Record<string, unknown>) => void;
  error?: (message: string, fields: Record<string, unknown>) => void;
}

/** Fans attempt events out to the hooks and the logger, shielding the request from their failures. */
export class Observer {
  readonly #logger: CoinmeLogger | undefined;
  readonly #hooks: CoinmeHooks | undefined;
  /** False when nobody listens: callers then skip building event infos (and redacting headers). */
  readonly active: boolean;

  constructor(logger: CoinmeLogger | undefined, hooks: CoinmeHooks | undefined) {
    this.#logger = logger;
    this.#hooks = hooks;
    this.active = logger != null || hooks != null;
  }

  request(info: RequestEventInfo): void {
    this.#safely(() => this.#hooks?.onRequest?.(info));
    this.#log('debug', 'coinme request', { method: info.method, path: info.path, attempt: info.attempt });
  }

  response(info: ResponseEventInfo): void {
    this.#safely(() => this.#hooks?.onResponse?.(info));
    const fields = { method: info.method, path: info.path, status: info.status, durationMs: info.durationMs, attempt: info.attempt, requestId: info.requestId };
    this.#log(info.status >= 400 ? 'warn' : 'debug', 'coinme response', fields);
  }

  error(info: RequestErrorEventInfo): void {
    this.#safely(() => this.#hooks?.onError?.(info));
    const fields = { method: info.method, path: info.path, durationMs: info.durationMs, attempt: info.attempt, error: info.error.name };
    this.#log('warn', `coinme request failed: ${info.error.message}`, fields);
  }

  #log(level: keyof CoinmeLogger, message: string, fields: Record<string, unknown>): void {
    this.#safely(() => this.#logger?.[level]?.(message, fields));
  }

  #safely(action: () => void): void {
    try {
      action();
    } catch {
      // An observer's own failure must not fail the call it observes.
    }
  }
}
