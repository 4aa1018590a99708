import type { LicenceFigures } from '../sync/licence-plan';

/** How a settled action ended, as the state store keeps it: only outcomes a later run must not redo are recorded. */
export type RecordedActionStatus = 'applied' | 'already_applied' | 'stale';

/**
 * The record of an action that needs nothing more, kept by a {@link SyncStateStore} so that a later run of the same
 * plan skips it. Plain JSON; a store keeps it as given and returns it unchanged.
 */
export interface RecordedActionOutcome {
  /** `applied` (written), `already_applied` (found done) or `stale` (the account drifted; never to be written). */
  status: RecordedActionStatus;
  /** What happened, in words. */
  reason: string;
  /** The account's figures after the write, or as read when it was found done or drifted. */
  current?: LicenceFigures | undefined;
  /** When it was recorded, RFC 3339. */
  recordedAt: string;
}

/** What {@link SyncStateStore.acquirePlanLock} is asked for. */
export interface PlanLockRequest {
  /** The plan's hash, `sha256:…`. */
  planHash: string;
  /** Who asks, for messages: e.g. `host-1:4242:<run id>`. */
  owner: string;
  /** How long the lock holds unless renewed, in milliseconds: a crashed holder frees it when this runs out. */
  leaseMs: number;
}

/** The lock is yours: renew it before `leaseMs` runs out, and release it when done. */
export interface PlanLockAcquired {
  /** Discriminant. */
  status: 'acquired';
  /** Proves the lock to `renewPlanLock` and `releasePlanLock`. */
  token: string;
}

/** Another run holds the plan's lock. */
export interface PlanLockHeld {
  /** Discriminant. */
  status: 'held';
  /** The holder's `owner`. */
  owner: string;
  /** When its lease runs out unless renewed, in milliseconds since the epoch (the store's clock). */
  expiresAt: number;
}

/** The answer to {@link SyncStateStore.acquirePlanLock}. */
export type PlanLockAnswer = PlanLockAcquired | PlanLockHeld;

/** What {@link SyncStateStore.recordOutcome} records. */
export interface OutcomeRecordRequest {
  /** The plan's hash. */
  planHash: string;
  /** The action's `id` (`<partner>:<accountId>`). */
  actionId: string;
  /** The outcome. */
  outcome: RecordedActionOutcome;
  /** How long the record is kept, in milliseconds; after that the action counts as never run. */
  ttlMs: number;
}

/** The answer to {@link SyncStateStore.recordOutcome}. */
export interface OutcomeRecordAnswer {
  /** True when this call recorded the outcome; false when one was already recorded (it stands, unchanged). */
  recorded: boolean;
  /** The outcome that stands: this call's, or the one recorded first. */
  outcome: RecordedActionOutcome;
}

/** One recorded outcome, as {@link SyncStateStore.listOutcomes} yields it. */
export interface RecordedActionEntry {
  /** The action's `id`. */
  actionId: string;
  /** Its outcome. */
  outcome: RecordedActionOutcome;
}

/**
 * Where licence sync keeps its checkpoints: which actions of a plan need nothing more, so that a run that stopped
 * (aborted, crashed, killed) and is started again with the same plan and store repeats nothing and finishes the
 * rest; and a lock per plan, so that two runs cannot apply the same plan at once. Every operation is atomic on its
 * own, so several processes (and machines) may share one store:
 *
 * - `acquirePlanLock` takes the lock only when it is free or its lease has run out (`SET NX PX` in Redis,
 *   `INSERT ... ON CONFLICT DO UPDATE ... WHERE expires_at < now()` in PostgreSQL); `renewPlanLock` and
 *   `releasePlanLock` act only while their token still holds it.
 * - `recordOutcome` records an action's outcome only when none is recorded (first writer wins: `HSETNX`,
 *   `INSERT ... ON CONFLICT DO NOTHING`), and answers the outcome that stands.
 * - `getOutcome` and `listOutcomes` read; expired records are never returned.
 *
 * Time (leases, TTLs) is measured by the store's own clock. `createMemoryStateStore()` and `createFileStateStore()`
 * implement it; any other store must pass the contract suite `describeSyncStateStoreContract` from
 * `@channelkit/core/testing`.
 */
export interface SyncStateStore {
  /** Takes the apply lock of a plan, or says who holds it. */
  acquirePlanLock(request: PlanLockRequest): Promise<PlanLockAnswer>;
  /** Extends a held lock by `leaseMs` from now; false when `token` no longer holds it (nothing changed). */
  renewPlanLock(planHash: string, token: string, leaseMs: number): Promise<boolean>;
  /** Frees a held lock; false when `token` no longer holds it (nothing changed). */
  releasePlanLock(planHash: string, token: string): Promise<boolean>;
  /** The outcome recorded for an action of a plan, if any. */
  getOutcome(planHash: string, actionId: string): Promise<RecordedActionOutcome | undefined>;
  /** Records an action's outcome unless one is recorded already; answers the outcome that stands. */
  recordOutcome(request: OutcomeRecordRequest): Promise<OutcomeRecordAnswer>;
  /** Every outcome recorded for a plan, in no particular order. */
  listOutcomes(planHash: string): AsyncIterable<RecordedActionEntry>;
}
