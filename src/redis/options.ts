import { ValidationError } from '../errors.js';
import type { RedisClient } from './client.js';

/**
 * Options shared by the Redis backends.
 *
 * @example
 * ```ts
 * const options: RedisStoreOptions = { client: redis, prefix: 'myapp:coinme:' };
 * ```
 */
export interface RedisStoreOptions {
  /** A connected node-redis 5 or ioredis 5 client. */
  client: RedisClient;
  /** Prepended to every key this package writes; defaults to `'coinme:'`. */
  prefix?: string;
}

/** Checks the options and returns the key prefix. */
export function checkRedisOptions(options: RedisStoreOptions): string {
  if (typeof options !== 'object' || options === null) throw new ValidationError('options must be an object', { field: 'options' });
  if (typeof options.client !== 'object' || options.client === null) {
    throw new ValidationError('client must be a node-redis or ioredis client', { field: 'client' });
  }
  const prefix = options.prefix ?? 'coinme:';
  if (typeof prefix !== 'string') throw new ValidationError('prefix must be a string', { field: 'prefix' });
  return prefix;
}
