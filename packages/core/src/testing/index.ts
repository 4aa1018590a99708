/**
 * `@channelkit/core/testing`: the contract test suites (vitest) that every state store and shared rate limit must pass. Load it from
 * tests only: it needs vitest, an optional peer dependency of `@channelkit/core`.
 * @module testing
 */

export type { IdempotencyStoreUnderTest } from './idempotency-store-contract';
export { describeIdempotencyStoreContract } from './idempotency-store-contract';
export type { SharedRateLimitUnderTest } from './shared-rate-limit-contract';
export { describeSharedRateLimitContract } from './shared-rate-limit-contract';
export type { StoreContractOptions, SyncStateStoreUnderTest } from './sync-state-store-contract';
export { describeSyncStateStoreContract } from './sync-state-store-contract';
