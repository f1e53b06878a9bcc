/**
 * One small surface over the two Redis clients this entry accepts, told apart by shape:
 * ioredis has `call(command, args)`, node-redis has `sendCommand(args)`. Only types are imported,
 * so neither library is loaded by this package.
 */
import { ValidationError } from '../errors.js';

/**
 * A connected node-redis 5 client (`createClient()`, or a client pool).
 *
 * @example
 * ```ts
 * const client: NodeRedisClient = await createClient({ url: process.env.REDIS_URL }).connect();
 * ```
 */
export interface NodeRedisClient {
  sendCommand(args: ReadonlyArray<string>): Promise<unknown>;
}

/**
 * An ioredis 5 client (`new Redis(url)`).
 *
 * @example
 * ```ts
 * const client: IoRedisClient = new Redis(process.env.REDIS_URL!);
 * ```
 */
export interface IoRedisClient {
  call(command: string, args: Array<string | number>): Promise<unknown>;
}

/**
 * Either Redis client. Single-node Redis (or a primary with replicas); not Redis Cluster.
 *
 * @example
 * ```ts
 * const claims = new RedisClaimStore({ client: new Redis(process.env.REDIS_URL!) });
 * ```
 */
export type RedisClient = NodeRedisClient | IoRedisClient;

/** Sends raw commands and runs Lua scripts with whichever client the user passed. */
export class RedisCommands {
  readonly #send: (args: string[]) => Promise<unknown>;
  readonly #sha1 = new Map<string, Promise<string>>();

  constructor(client: RedisClient) {
    if (typeof client !== 'object' || client === null) throw notAClient();
    if ('call' in client && typeof client.call === 'function') {
      this.#send = ([command = '', ...args]) => client.call(command, args);
    } else if ('sendCommand' in client && typeof client.sendCommand === 'function') {
      this.#send = (args) => client.sendCommand(args);
    } else {
      throw notAClient();
    }
  }

  /** Runs one command, e.g. `['SET', key, '1', 'NX', 'PX', '1000']`. */
  send(args: string[]): Promise<unknown> {
    return this.#send(args);
  }

  /** Runs `script` by its SHA-1 (EVALSHA), loading it with EVAL the first time a server lacks it. */
  async eval(script: string, keys: string[], args: string[]): Promise<unknown> {
    let sha = this.#sha1.get(script);
    if (!sha) this.#sha1.set(script, (sha = sha1Hex(script)));
    const tail = [String(keys.length), ...keys, ...args];
    try {
      return await this.#send(['EVALSHA', await sha, ...tail]);
    } catch (error) {
      if (!String(error instanceof Error ? error.message : error).includes('NOSCRIPT')) throw error;
      return this.#send(['EVAL', script, ...tail]);
    }
  }
}

function notAClient(): ValidationError {
  return new ValidationError('client must be a node-redis client (createClient()) or an ioredis client (new Redis())', { field: 'client' });
}

async function sha1Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
