import type { IdempotencyStore } from '../idempotency/idempotency-store';
import { StateTables } from './state-tables';
import type { SyncStateStore } from './sync-state-store';

/** Options of {@link createMemoryStateStore}. */
export interface MemoryStateStoreOptions {
  /** The store's clock, in milliseconds since the epoch; tests pass their own. @default Date.now */
  now?: (() => number) | undefined;
}

/** A store that is both a {@link SyncStateStore} and an {@link IdempotencyStore}. */
export type StateStore = SyncStateStore & IdempotencyStore;

/**
 * An in-memory state store: licence sync checkpoints and plan locks, and idempotency keys, kept in this process
 * only. A client uses one of these by default for `licences.apply`, so an apply stopped by its signal and run again
 * in the same process resumes; a crash loses it. Use `createFileStateStore()` to survive restarts.
 * @example
 * const store = createMemoryStateStore();
 * const report = await client.licences.apply(plan, { store });
 */
export function createMemoryStateStore(options: MemoryStateStoreOptions = {}): StateStore {
  const tables = new StateTables(options.now ?? Date.now);
  return {
    claim: async (request) => tables.claim(request).answer,
    complete: async (key, token, completion) => tables.complete(key, token, completion).answer,
    release: async (key, token, keep) => tables.release(key, token, keep).answer,
    acquirePlanLock: async (request) => tables.acquirePlanLock(request),
    renewPlanLock: async (planHash, token, leaseMs) => tables.renewPlanLock(planHash, token, leaseMs),
    releasePlanLock: async (planHash, token) => tables.releasePlanLock(planHash, token),
    getOutcome: async (planHash, actionId) => tables.getOutcome(planHash, actionId),
    recordOutcome: async (request) => tables.recordOutcome(request).answer,
    async *listOutcomes(planHash) {
      yield* tables.listOutcomes(planHash);
    },
  };
}
