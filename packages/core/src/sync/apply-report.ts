import type { PartnerId, SyncTotals } from '@channelkit/types';
import type { LicenceActionKind, LicenceFigures } from './licence-plan';

/**
 * How one action of a plan ended:
 * - `applied`: this run wrote the change;
 * - `already_applied`: the change was made before: by an earlier run of the same plan (recorded in the state store,
 *   see `resumed`), or found made when the account was read before writing;
 * - `noop`: the account was as desired when the plan was made; no request;
 * - `stale`: the account changed since the plan was made (or now breaks a rule): reported, never overwritten;
 * - `failed`: an error stopped it; running the same plan again retries it;
 * - `not_done`: the run stopped (aborted, lock lost, store failed) before it, or before its outcome was known.
 */
export type LicenceActionStatus = 'applied' | 'already_applied' | 'noop' | 'stale' | 'failed' | 'not_done';

/** An error, as a report carries it: plain, redacted. */
export interface ReportedError {
  /** The error class, e.g. `RateLimitError`. */
  name: string;
  /** Its channelkit code, e.g. `rate_limited`, when it has one. */
  code?: string | undefined;
  /** What failed and what to do. */
  message: string;
}

/** One action's outcome in an {@link LicenceApplyReport}. */
export interface LicenceActionOutcome {
  /** The action's `id`, `<partner>:<accountId>`. */
  actionId: string;
  /** The row of the desired list it came from. */
  row: number;
  /** The platform. */
  partner: PartnerId;
  /** The platform's id of the account. */
  accountId: string;
  /** What the action was to do. */
  kind: LicenceActionKind;
  /** How it ended. */
  status: LicenceActionStatus;
  /** True when an earlier run of the same plan settled it (read from the state store): no request now. */
  resumed: boolean;
  /** The idempotency key of the action (see `licenceActionKey`). */
  idempotencyKey: string;
  /** What happened, in words. */
  reason: string;
  /** The account's figures after the write, or as read before it. */
  current?: LicenceFigures | undefined;
  /** The error, for `failed` actions and for `not_done` ones stopped while a request was in flight. */
  error?: ReportedError | undefined;
}

/** What `licences.apply()` did with a plan: every action's outcome, and the counts. Plain JSON. */
export interface LicenceApplyReport {
  /** The plan's hash. */
  planHash: string;
  /** This run's id: a new one per call. */
  runId: string;
  /** When the run started, RFC 3339. */
  startedAt: string;
  /** When it ended, RFC 3339. */
  finishedAt: string;
  /** How long it ran, in milliseconds. */
  durationMs: number;
  /** Actions counted by outcome. */
  totals: SyncTotals;
  /** The same counts per platform. */
  byPartner: Record<string, SyncTotals>;
  /** True when nothing is left to do for this plan: no action failed or was left undone. */
  complete: boolean;
  /** True when the run was stopped by its `AbortSignal`. */
  aborted: boolean;
  /** Why the run stopped before the end, when it did (aborted, plan lock lost, state store failed). */
  stoppedBy?: string | undefined;
  /** Every action's outcome, in plan order. */
  outcomes: LicenceActionOutcome[];
}

/** Progress of an apply, as `onProgress` receives it after each action settles. */
export interface LicenceApplyProgress {
  /** Actions in the run. */
  total: number;
  /** Actions settled, whatever their outcome. */
  done: number;
  /** Written by this run. */
  applied: number;
  /** Found made already. */
  alreadyApplied: number;
  /** Nothing to do. */
  noop: number;
  /** Drifted since the plan. */
  stale: number;
  /** Failed. */
  failed: number;
  /** Not done (the run is stopping). */
  notDone: number;
  /** Actions that needed requests settled per second, over the last 10 seconds; 0 until one has. */
  ratePerSecond: number;
  /** Estimated milliseconds until the end at that rate; `undefined` until it can be estimated. */
  etaMs: number | undefined;
  /** Milliseconds since the run started. */
  elapsedMs: number;
}

/** Counts with every outcome at zero. */
export function emptyTotals(): SyncTotals {
  return { actions: 0, applied: 0, alreadyApplied: 0, noop: 0, stale: 0, failed: 0, notDone: 0 };
}

/** Adds one outcome of `status` to `totals`. */
export function countOutcome(totals: SyncTotals, status: LicenceActionStatus): void {
  totals.actions += 1;
  if (status === 'applied') totals.applied += 1;
  else if (status === 'already_applied') totals.alreadyApplied += 1;
  else if (status === 'noop') totals.noop += 1;
  else if (status === 'stale') totals.stale += 1;
  else if (status === 'failed') totals.failed += 1;
  else totals.notDone += 1;
}
