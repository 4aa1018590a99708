import {
  ConfigurationError,
  type LicenceActionOutcome,
  type LicencePlan,
  type SharedRateLimit,
  type StateStore,
} from '@channelkit/core';

/**
 * A state store that several processes and machines share: the licence sync checkpoints and plan locks
 * (`SyncStateStore`), the idempotency keys of provisioning and webhook de-duplication (`IdempotencyStore`), and
 * what the queue keeps besides ({@link QueueRecords}). `createRedisStateStore()` and `createPostgresStateStore()`
 * implement it.
 */
export type QueueStateStore = StateStore & QueueRecords;

/**
 * What the queue keeps in the shared state store besides checkpoints and idempotency keys: the plans enqueued
 * (workers load them by hash) and the latest outcome of each action (read by `getApplyReport()` in any process).
 */
export interface QueueRecords {
  /**
   * Keeps a plan so that workers can load it by its hash, with the time it was first kept; keeping the same plan
   * again only extends how long it is kept. Answers true when the plan was not kept before.
   */
  savePlan(plan: LicencePlan, ttlMs: number): Promise<boolean>;
  /** A plan kept with `savePlan` (plain JSON: verify it before use) and when it was first kept, or `undefined`. */
  loadPlan(planHash: string): Promise<SavedPlan | undefined>;
  /**
   * Keeps the latest outcome of an action as a worker reported it. A settled outcome (`applied`, `already_applied`,
   * `stale`) is never replaced by an unsettled one (`failed`, `not_done`) that a slower attempt reports later.
   */
  saveActionOutcome(planHash: string, outcome: LicenceActionOutcome, ttlMs: number): Promise<void>;
  /** Every action outcome kept for a plan, in no particular order. */
  listActionOutcomes(planHash: string): AsyncIterable<LicenceActionOutcome>;
  /**
   * A rate limit kept in this store, shared by every client given it under the same `name` in any process or
   * machine: pass it to a client as `sharedRateLimit`, with one name per platform account (e.g.
   * `zoom:<master account id>`), so that together they stay under the limits the client's `rateLimit` sets.
   * Workers (`runWorker()`) use one per queue.
   * @throws ConfigurationError for a name that is empty or longer than 200 characters.
   */
  sharedRateLimit(name: string): SharedRateLimit;
  /** Closes the store's connections (those it opened; a client or pool you passed in stays open). */
  close(): Promise<void>;
}

/** Checks the name of a shared rate limit. */
export function checkRateLimitName(name: string): void {
  if (typeof name !== 'string' || name.length === 0 || name.length > 200) {
    throw new ConfigurationError({
      option: 'sharedRateLimit name',
      problem: 'must be a non-empty string of at most 200 characters, e.g. zoom:<master account id>',
    });
  }
}

/** Outcomes that need nothing more: a later report of another status never replaces them. */
export const SETTLED_STATUSES: ReadonlySet<string> = new Set(['applied', 'already_applied', 'stale', 'noop']);

/** A plan as {@link QueueStateStore.loadPlan} returns it. */
export interface SavedPlan {
  /** The plan, as plain JSON: verify it before use. */
  plan: unknown;
  /** When it was first kept (enqueued), RFC 3339. */
  savedAt: string;
}
