/**
 * channelkit beyond one machine: licence apply and provisioning as BullMQ jobs under each master account's shared
 * rate limit, with Redis or PostgreSQL state stores.
 * @module
 */

export type { PostgresStateStoreOptions } from './postgres/postgres-state-store';
export { createPostgresStateStore } from './postgres/postgres-state-store';
export type { QueueStateStore } from './queue-state-store';
export type { RedisStateStoreOptions } from './redis/redis-state-store';
export { createRedisStateStore } from './redis/redis-state-store';
