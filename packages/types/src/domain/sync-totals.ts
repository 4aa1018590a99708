import { z } from 'zod';
import { schemaFor } from '../internal/schema-check';

const count = z.number().int('must be a whole number').nonnegative('must not be negative');

/**
 * How the actions of a licence sync ended, counted by outcome. Every action of the plan is counted exactly once, so
 * `applied + alreadyApplied + noop + stale + failed + notDone === actions`.
 */
export interface SyncTotals {
  /** Actions considered. */
  actions: number;
  /** Changes written by this run. */
  applied: number;
  /** Changes found already made: by an earlier run of the same plan, or on the platform itself. */
  alreadyApplied: number;
  /** Accounts already at the desired figures when the plan was made: nothing to do. */
  noop: number;
  /** Changes not made because the account changed since the plan was made (drift): never overwritten. */
  stale: number;
  /** Changes that failed; running the same plan again retries them. */
  failed: number;
  /** Changes not attempted, or stopped before their outcome was known, because the run was aborted. */
  notDone: number;
}

/** Validates {@link SyncTotals}. */
export const syncTotalsSchema = schemaFor<SyncTotals>()(
  z.object({
    actions: count,
    applied: count,
    alreadyApplied: count,
    noop: count,
    stale: count,
    failed: count,
    notDone: count,
  }),
);
