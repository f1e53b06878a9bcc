import type { TimelineEntry } from '../lifecycle/state.js';
import type { FinishedSession, SessionStore } from '../lifecycle/store.js';
import { checkFrom, checkKey, checkTimelineEntry, checkTtl } from '../shared-state/checks.js';
import { RedisCommands } from './client.js';
import { checkRedisOptions, type RedisStoreOptions } from './options.js';

/**
 * Options of {@link RedisSessionStore}.
 *
 * @example
 * ```ts
 * const options: RedisSessionStoreOptions = { client: redis, finishedTtlMs: 72 * 3600_000, idleTtlMs: 30 * 24 * 3600_000 };
 * ```
 */
export interface RedisSessionStoreOptions extends RedisStoreOptions {
  /** How long a finished session's keys live after it finished, in ms. Default 72 h (Coinme's retry window). */
  finishedTtlMs?: number;
  /** Every key expires this long after it was created unless the session finishes first, in ms. Default 30 days. */
  idleTtlMs?: number;
}

// Appends eventId to the id's list unless it is there already, in one atomic step, so the list
// holds each event once and only ever grows at its end. A new list gets the idle expiry.
const linkScript = `
if redis.call('LPOS', KEYS[1], ARGV[1]) then return 0 end
redis.call('RPUSH', KEYS[1], ARGV[1])
if redis.call('PTTL', KEYS[1]) == -1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 1`;

// Shortens the expiry of a finished session's keys (never lengthens it).
const finishScript = `
for _, key in ipairs(KEYS) do
  local ttl = redis.call('PTTL', key)
  if ttl == -1 or ttl > tonumber(ARGV[1]) then redis.call('PEXPIRE', key, ARGV[1]) end
end
return 0`;

/**
 * A {@link SessionStore} on Redis (node-redis 5 or ioredis 5): each event's entry under
 * `<prefix>event:<eventId>` (`SET NX`), each id's linked events in a list `<prefix>links:<id>`
 * appended by a Lua script that skips repeats. Every write is idempotent and commutes, so any
 * number of processes may ingest at once. Finished sessions expire after `finishedTtlMs`.
 *
 * @example
 * ```ts
 * import { createClient } from 'redis';
 * import { RedisClaimStore, RedisSessionStore } from 'coinme-sdk/redis';
 *
 * const client = await createClient({ url: process.env.REDIS_URL }).connect();
 * const tracker = new SessionTracker({ store: new RedisSessionStore({ client }), claims: new RedisClaimStore({ client }) });
 * ```
 */
export class RedisSessionStore implements SessionStore {
  readonly #redis: RedisCommands;
  readonly #prefix: string;
  readonly #finishedTtl: string;
  readonly #idleTtl: string;

  constructor(options: RedisSessionStoreOptions) {
    this.#prefix = checkRedisOptions(options);
    const { finishedTtlMs = 72 * 3600_000, idleTtlMs = 30 * 24 * 3600_000 } = options;
    checkTtl(finishedTtlMs, 'finishedTtlMs');
    checkTtl(idleTtlMs, 'idleTtlMs');
    this.#finishedTtl = String(finishedTtlMs);
    this.#idleTtl = String(idleTtlMs);
    this.#redis = new RedisCommands(options.client);
  }

  async putEvent(entry: TimelineEntry): Promise<void> {
    checkTimelineEntry(entry);
    await this.#redis.send(['SET', this.#eventKey(entry.eventId), JSON.stringify(entry), 'NX', 'PX', this.#idleTtl]);
  }

  async link(id: string, eventId: string): Promise<void> {
    checkKey(id, 'id');
    checkKey(eventId, 'eventId');
    await this.#redis.eval(linkScript, [this.#linksKey(id)], [eventId, this.#idleTtl]);
  }

  async linked(id: string, from: number): Promise<string[]> {
    checkKey(id, 'id');
    checkFrom(from);
    const listed = await this.#redis.send(['LRANGE', this.#linksKey(id), String(from), '-1']);
    return Array.isArray(listed) ? listed.map(String) : [];
  }

  async getEvents(eventIds: readonly string[]): Promise<TimelineEntry[]> {
    if (eventIds.length === 0) return [];
    const stored = await this.#redis.send(['MGET', ...eventIds.map((eventId) => this.#eventKey(eventId))]);
    if (!Array.isArray(stored)) return [];
    return stored.flatMap((value): TimelineEntry[] => (typeof value === 'string' ? [JSON.parse(value) as TimelineEntry] : []));
  }

  async finish(session: FinishedSession): Promise<void> {
    const keys = [...session.ids.map((id) => this.#linksKey(id)), ...session.eventIds.map((eventId) => this.#eventKey(eventId))];
    if (keys.length > 0) await this.#redis.eval(finishScript, keys, [this.#finishedTtl]);
  }

  #eventKey(eventId: string): string {
    return `${this.#prefix}event:${eventId}`;
  }

  #linksKey(id: string): string {
    return `${this.#prefix}links:${id}`;
  }
}
