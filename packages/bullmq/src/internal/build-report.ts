import {
  type LicenceActionOutcome,
  type LicenceApplyReport,
  type LicencePlan,
  licenceActionKey,
} from '@channelkit/core';
import type { SyncTotals } from '@channelkit/types';

/** An action without a settled outcome: its job's state, and the outcome of its last attempt, if any. */
export interface PendingAction {
  /** `queued` when no attempt has reported; else the BullMQ job state (`failed` = failed for good). */
  state: string;
  outcome?: LicenceActionOutcome | undefined;
}

/**
 * Builds a report of an enqueued plan in the shape of `licences.apply()`'s: every action in plan order, with the
 * outcome its worker reported, `noop` for actions without a change, and `not_done` for actions still queued or due
 * for another attempt. `waiting` counts those.
 */
export function buildApplyReport(
  plan: LicencePlan,
  enqueuedAt: string,
  outcomes: ReadonlyMap<string, LicenceActionOutcome>,
  pending: ReadonlyMap<string, PendingAction>,
): { report: LicenceApplyReport; waiting: number } {
  const totals = emptyTotals();
  const byPartner: Record<string, SyncTotals> = {};
  const ordered: LicenceActionOutcome[] = [];
  let waiting = 0;
  for (const action of plan.actions) {
    let outcome: LicenceActionOutcome;
    const base = {
      actionId: action.id,
      row: action.row,
      partner: action.partner,
      accountId: action.accountId,
      kind: action.kind,
      resumed: false,
      idempotencyKey: licenceActionKey(plan.hash, action),
    };
    const open = pending.get(action.id);
    if (action.kind === 'noop') {
      outcome = { ...base, status: 'noop', reason: action.reason };
    } else if (open === undefined) {
      outcome = outcomes.get(action.id) as LicenceActionOutcome;
    } else if (open.state === 'failed' && open.outcome !== undefined) {
      outcome = open.outcome;
    } else {
      waiting += 1;
      const last = open.outcome;
      outcome = {
        ...base,
        status: 'not_done',
        reason:
          last === undefined
            ? 'Not done yet: waiting in the queue for a worker.'
            : `Not done yet: its last attempt did not finish (${last.reason}); the queue retries it (job ${open.state}).`,
        ...(last?.error === undefined ? {} : { error: last.error }),
      };
    }
    ordered.push(outcome);
    count(totals, outcome.status);
    byPartner[action.partner] ??= emptyTotals();
    count(byPartner[action.partner] as SyncTotals, outcome.status);
  }
  const finishedAt = new Date();
  const startedAt = new Date(enqueuedAt);
  return {
    waiting,
    report: {
      planHash: plan.hash,
      runId: `queue:${plan.hash.slice('sha256:'.length, 'sha256:'.length + 16)}`,
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      durationMs: Math.max(0, finishedAt.getTime() - startedAt.getTime()),
      totals,
      byPartner,
      complete: totals.failed === 0 && totals.notDone === 0,
      aborted: false,
      outcomes: ordered,
    },
  };
}

function emptyTotals(): SyncTotals {
  return { actions: 0, applied: 0, alreadyApplied: 0, noop: 0, stale: 0, failed: 0, notDone: 0 };
}

function count(totals: SyncTotals, status: LicenceActionOutcome['status']): void {
  totals.actions += 1;
  if (status === 'applied') totals.applied += 1;
  else if (status === 'already_applied') totals.alreadyApplied += 1;
  else if (status === 'noop') totals.noop += 1;
  else if (status === 'stale') totals.stale += 1;
  else if (status === 'failed') totals.failed += 1;
  else totals.notDone += 1;
}
