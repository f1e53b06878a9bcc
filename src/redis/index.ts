// `coinme-sdk/redis`: shared state on Redis, with the official `redis` client (node-redis 5) or
// `ioredis` 5, both optional peer dependencies that only this entry uses.
export { RedisClaimStore } from './claim-store.js';
export { RedisTokenCache } from './token-cache.js';
export type { RedisClient, NodeRedisClient, IoRedisClient } from './client.js';
export type { RedisStoreOptions } from './options.js';
export { RedisSessionStore, type RedisSessionStoreOptions } from './session-store.js';
