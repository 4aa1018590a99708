/**
 * channelkit beyond one machine: licence apply and provisioning as BullMQ jobs under each master account's shared
 * rate limit, with Redis or PostgreSQL state stores.
 * @module
 */

export type {
  ChannelQueue,
  ChannelQueueOptions,
  EnqueuedApply,
  EnqueuedProvision,
  EnqueueProvisionOptions,
  ProvisionStatus,
  WaitForApplyOptions,
} from './channel-queue';
export { createChannelQueue } from './channel-queue';
export type {
  PostgresPool,
  PostgresPoolClient,
  PostgresQueryResult,
  PostgresStateStoreOptions,
} from './postgres/postgres-state-store';
export { createPostgresStateStore } from './postgres/postgres-state-store';
export type { QueueConnection } from './queue-backend';
export type { QueueRecords, QueueStateStore, SavedPlan } from './queue-state-store';
export type { PlatformRateProfile, QueueLimiter } from './rate-profiles';
export { DEFAULT_RATE_PROFILES, LIMIT_UTILISATION, limiterFor } from './rate-profiles';
export type { RedisStateStoreOptions } from './redis/redis-state-store';
export { createRedisStateStore } from './redis/redis-state-store';
export type { RunningWorker, RunWorkerOptions } from './run-worker';
export { runWorker } from './run-worker';
