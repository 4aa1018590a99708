import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { LicenceChange, LicenceState, PartnerId, SyncTotals } from '@channelkit/types';
import { isChannelError } from '../errors/channel-error';
import { ConfigurationError } from '../errors/configuration-error';
import { PlanInUseError } from '../errors/plan-in-use-error';
import { UnsupportedOperationError } from '../errors/unsupported-operation-error';
import { ValidationError } from '../errors/validation-error';
import { runBounded } from '../internal/bounded-tasks';
import type { RecordedActionOutcome, SyncStateStore } from '../state/sync-state-store';
import {
  countOutcome,
  emptyTotals,
  type LicenceActionOutcome,
  type LicenceActionStatus,
  type LicenceApplyProgress,
  type LicenceApplyReport,
  type ReportedError,
} from './apply-report';
import type { LicenceAction, LicencePlan } from './licence-plan';
import { licenceActionKey } from './plan-hash';
import { concurrencyResolver, figuresOf } from './plan-licences';
import type { PlatformTarget } from './platform-target';
import { ProgressTracker } from './progress-tracker';
import { RampUp } from './ramp-up';
import { brokenSeatRules } from './seat-rules';
import { verifyLicencePlan } from './verify-plan';

/** Options of `licences.apply()`. */
export interface LicenceApplyOptions {
  /**
   * The most actions run at once, per platform; the platform's rate limiter paces the requests whatever this is. A
   * run starts two actions per platform and one more each time an action is done, so that writes begin at once
   * instead of queueing behind every action's read. @default 16
   */
  concurrency?: number | undefined;
  /**
   * Where the run records the actions that need nothing more, and the plan's lock: run the same plan again with the
   * same store and it repeats nothing and finishes the rest. @default the client's in-memory store (this process only)
   */
  store?: SyncStateStore | undefined;
  /**
   * Stops the run: no action starts after it, requests in flight are cancelled, and their actions are reported
   * `not_done` (a write cancelled in flight may have been applied: the next run reads before writing, so it is not
   * written twice). The call resolves with the report; it does not reject.
   */
  signal?: AbortSignal | undefined;
  /** Per-attempt timeout of each request, in milliseconds. @default the client's `timeoutMs` */
  timeoutMs?: number | undefined;
  /** Called after each action settles, with the counts, the rate and an estimate of the time left. */
  onProgress?: ((progress: LicenceApplyProgress) => void) | undefined;
  /** Only these actions (by `id`); the others are left alone and not reported. @default every action */
  only?: Iterable<string> | undefined;
  /**
   * Hold the plan's lock in the store while running, so that no other run applies the same plan at once. Leave it on
   * unless something else (a job queue) already makes sure each action runs once at a time. @default true
   */
  exclusive?: boolean | undefined;
  /** How long the plan's lock holds unless renewed, in milliseconds; it is renewed every third of it. @default 60000 */
  lockLeaseMs?: number | undefined;
  /** How long outcomes stay recorded in the store, in milliseconds. @default 2592000000 (30 days) */
  recordTtlMs?: number | undefined;
}

/** Options of a hub's `licences.apply()`: a concurrency per platform may be given. */
export interface HubLicenceApplyOptions extends Omit<LicenceApplyOptions, 'concurrency'> {
  /** Actions run at once: one number for every platform, or per platform. @default 16 each */
  concurrency?: number | Readonly<Partial<Record<PartnerId, number>>> | undefined;
}

const DEFAULT_LOCK_LEASE_MS = 60_000;
const DEFAULT_RECORD_TTL_MS = 30 * 86_400_000;

type Phase = 'queued' | 'read' | 'write';

interface Settled {
  status: LicenceActionStatus;
  reason: string;
  current?: LicenceState | RecordedActionOutcome['current'] | undefined;
  error?: unknown;
  resumed?: boolean;
  /** Record it in the store (an outcome a later run must not redo). */
  record?: boolean;
  /** It made requests now (counts towards the rate). */
  worked?: boolean;
}

/**
 * Applies a plan: verifies it (an edited plan is refused before any request), takes its lock in the state store,
 * and runs its actions with bounded concurrency per platform. Each action is skipped when the store records it
 * settled; otherwise the account is read afresh, and the change is written only while the account still has the
 * figures the plan saw (else the action is `stale`, never overwritten), under the action's idempotency key; its
 * outcome is recorded in the store as soon as it is known.
 */
export async function applyLicencePlan(
  targets: ReadonlyMap<string, PlatformTarget>,
  input: unknown,
  options: HubLicenceApplyOptions,
  defaultStore: SyncStateStore,
): Promise<LicenceApplyReport> {
  const plan = verifyLicencePlan(input);
  const concurrencyOf = concurrencyResolver(options.concurrency, 'concurrency', targets.keys());
  const lockLeaseMs = positive(options.lockLeaseMs ?? DEFAULT_LOCK_LEASE_MS, 'lockLeaseMs', 1_000);
  const recordTtlMs = positive(options.recordTtlMs ?? DEFAULT_RECORD_TTL_MS, 'recordTtlMs', 1);
  const store = checkStore(options.store ?? defaultStore);
  const only = options.only === undefined ? undefined : new Set(options.only);
  const selected = only === undefined ? plan.actions : plan.actions.filter((action) => only.has(action.id));
  if (only !== undefined && selected.length !== only.size) {
    const ids = new Set(plan.actions.map((action) => action.id));
    const unknown = [...only].filter((id) => !ids.has(id));
    throw new ValidationError({
      message: `Invalid only: ${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ' …' : ''} ${unknown.length === 1 ? 'is not an action' : 'are not actions'} of this plan. Nothing was sent.`,
      issues: [{ path: 'only', message: 'names actions the plan does not have' }],
    });
  }
  checkTargets(plan, selected, targets, only !== undefined);

  const runId = randomUUID();
  const startedAt = new Date();
  const started = performance.now();
  const { signal } = options;
  let stoppedBy: string | undefined;
  const stopReason = () => stoppedBy ?? (signal?.aborted ? 'the run was aborted' : undefined);

  let lockToken: string | undefined;
  let renewal: ReturnType<typeof setInterval> | undefined;
  if (options.exclusive ?? true) {
    const owner = `${hostname()}:${process.pid}:${runId}`;
    const lock = await store.acquirePlanLock({ planHash: plan.hash, owner, leaseMs: lockLeaseMs });
    if (lock.status === 'held') {
      throw new PlanInUseError({ planHash: plan.hash, owner: lock.owner, expiresAt: lock.expiresAt });
    }
    lockToken = lock.token;
    const token = lock.token;
    renewal = setInterval(
      () => {
        store.renewPlanLock(plan.hash, token, lockLeaseMs).then(
          (held) => {
            if (!held)
              stoppedBy ??=
                'the plan’s lock in the state store was lost (its lease ran out and another run took it)';
          },
          (error: unknown) => {
            stoppedBy ??= `the plan’s lock could not be renewed: ${messageOf(error)}`;
          },
        );
      },
      Math.floor(lockLeaseMs / 3),
    );
    renewal.unref?.();
  }

  const outcomes = new Map<string, LicenceActionOutcome>();
  const tracker = new ProgressTracker(
    selected.length,
    selected.filter((action) => action.kind !== 'noop').length,
  );
  const settle = (action: LicenceAction, key: string, settled: Settled) => {
    const outcome: LicenceActionOutcome = {
      actionId: action.id,
      row: action.row,
      partner: action.partner,
      accountId: action.accountId,
      kind: action.kind,
      status: settled.status,
      resumed: settled.resumed ?? false,
      idempotencyKey: key,
      reason: settled.reason,
      ...(settled.current === undefined ? {} : { current: currentFigures(settled.current) }),
      ...(settled.error === undefined ? {} : { error: reportedError(settled.error) }),
    };
    outcomes.set(action.id, outcome);
    tracker.settle(settled.status, settled.worked ?? false, action.kind !== 'noop');
    try {
      options.onProgress?.(tracker.snapshot());
    } catch (error) {
      targets
        .get(action.partner)
        ?.logger.error('licence apply: an onProgress callback threw; the run goes on', {
          error: messageOf(error),
        });
    }
  };

  const runAction = async (action: LicenceAction, key: string): Promise<Settled> => {
    const target = targets.get(action.partner) as PlatformTarget;
    const name = `${action.partner} account ${action.accountId}`;
    const call = { signal, timeoutMs: options.timeoutMs };
    let phase: Phase = 'queued';
    const stopped = (reason: string): Settled => ({
      status: 'not_done',
      reason: `Not done: ${reason} before it started.`,
    });
    try {
      const before = stopReason();
      if (before !== undefined) return stopped(before);
      if (action.kind === 'noop') return { status: 'noop', reason: action.reason };
      const recorded = await store.getOutcome(plan.hash, action.id);
      if (recorded !== undefined) {
        return {
          status: recorded.status,
          reason: `${recorded.reason} (recorded by an earlier run of this plan at ${recorded.recordedAt})`,
          current: recorded.current,
          resumed: true,
        };
      }
      phase = 'read';
      let state: LicenceState;
      try {
        state = await target.read(action.accountId, call);
      } catch (error) {
        if (isChannelError(error) && error.code === 'not_found' && !signal?.aborted) {
          return {
            status: 'stale',
            reason: `${name} is no longer found on ${action.partner} (${messageOf(error)}); nothing was written. Plan again.`,
            record: true,
            worked: true,
          };
        }
        throw error;
      }
      if (state.seats.purchased === action.after.seats && state.plan === action.after.plan) {
        return {
          status: 'already_applied',
          reason: `${name} already has ${action.after.seats} seats on ${action.after.plan}: nothing was written.`,
          current: state,
          record: true,
          worked: true,
        };
      }
      const drift = driftOf(action, state);
      if (drift !== undefined) {
        return {
          status: 'stale',
          reason: `${name} changed since the plan was made (${drift}); it was not overwritten. Plan again to include its new figures.`,
          current: state,
          record: true,
          worked: true,
        };
      }
      const change: LicenceChange = {
        seats: action.after.seats,
        ...(action.after.plan === state.plan ? {} : { plan: action.after.plan }),
      };
      const broken = brokenSeatRules(state, change, target.seatRules, new Date());
      if (broken.length > 0) {
        return {
          status: 'stale',
          reason: `Since the plan was made, the change breaks a rule: ${broken.map((rule) => rule.reason).join(' ')} Nothing was written.`,
          current: state,
          record: true,
          worked: true,
        };
      }
      const late = stopReason();
      if (late !== undefined) {
        return {
          status: 'not_done',
          reason: `Not done: ${late} after its fresh read; nothing was written.`,
          worked: true,
        };
      }
      phase = 'write';
      const written = await target.write(action.accountId, change, {
        ...call,
        idempotencyKey: key,
        previous: state,
      });
      return { status: 'applied', reason: action.reason, current: written, record: true, worked: true };
    } catch (error) {
      if (signal?.aborted && isChannelError(error) && error.code === 'aborted') {
        return {
          status: 'not_done',
          reason:
            phase === 'write'
              ? 'Not done: the run was aborted while its write was in flight. The platform may have applied it; the next run of this plan reads the account first and will not write it twice.'
              : 'Not done: the run was aborted before its write; nothing was written.',
          error,
          worked: phase !== 'queued',
        };
      }
      if (phase === 'queued') {
        // The state store failed: without it nothing can be recorded, so the run stops here.
        stoppedBy ??= `the state store failed: ${messageOf(error)}`;
        return { status: 'not_done', reason: `Not done: ${stoppedBy}.`, error };
      }
      return {
        status: 'failed',
        reason:
          phase === 'write'
            ? `The write failed: ${messageOf(error)} Running the same plan again retries it (reading first, so an applied change is not written twice).`
            : `Reading the account before writing failed: ${messageOf(error)} Nothing was written; running the same plan again retries it.`,
        error,
        worked: true,
      };
    }
  };

  const ramps = new Map<string, RampUp>();
  const rampOf = (partner: string): RampUp => {
    let ramp = ramps.get(partner);
    if (ramp === undefined) {
      ramp = new RampUp(concurrencyOf(partner));
      ramps.set(partner, ramp);
    }
    return ramp;
  };

  try {
    const limits = new Map<string, number>();
    let buffer = 0;
    for (const partner of targets.keys()) {
      limits.set(partner, concurrencyOf(partner));
      buffer += concurrencyOf(partner) * 2;
    }
    await runBounded(
      selected,
      {
        laneOf: (action) => action.partner,
        limit: (lane) => limits.get(lane) ?? 1,
        buffer,
        stop: () => stopReason() !== undefined,
      },
      async (action) => {
        const key = licenceActionKey(plan.hash, action);
        // Actions that make requests start as the platform's ramp allows; a noop settles at once.
        const ramp = action.kind === 'noop' ? undefined : rampOf(action.partner);
        await ramp?.start();
        let settled: Settled;
        try {
          settled = await runAction(action, key);
        } finally {
          ramp?.finish();
        }
        if (settled.record) {
          try {
            const status = settled.status as RecordedActionOutcome['status'];
            await store.recordOutcome({
              planHash: plan.hash,
              actionId: action.id,
              outcome: {
                status,
                reason: settled.reason,
                ...(settled.current === undefined ? {} : { current: currentFigures(settled.current) }),
                recordedAt: new Date().toISOString(),
              },
              ttlMs: recordTtlMs,
            });
          } catch (error) {
            // The outcome stands (the platform has it); only its record is missing, so the next run reads the
            // account and finds it done. Without a working store, no further action starts.
            stoppedBy ??= `the state store failed: ${messageOf(error)}`;
            settled.reason += ` (It could not be recorded: ${messageOf(error)})`;
          }
        }
        settle(action, key, settled);
      },
    );
  } finally {
    if (renewal !== undefined) clearInterval(renewal);
    if (lockToken !== undefined) {
      await store.releasePlanLock(plan.hash, lockToken).catch(() => undefined);
    }
  }

  // Actions never started because the run stopped.
  const reason = stopReason() ?? 'the run stopped';
  for (const action of selected) {
    if (!outcomes.has(action.id)) {
      settle(action, licenceActionKey(plan.hash, action), {
        status: 'not_done',
        reason: `Not done: ${reason} before it started.`,
      });
    }
  }

  const totals = emptyTotals();
  const byPartner: Record<string, SyncTotals> = {};
  const ordered: LicenceActionOutcome[] = [];
  for (const action of selected) {
    const outcome = outcomes.get(action.id) as LicenceActionOutcome;
    ordered.push(outcome);
    countOutcome(totals, outcome.status);
    byPartner[action.partner] ??= emptyTotals();
    countOutcome(byPartner[action.partner] as SyncTotals, outcome.status);
  }
  const durationMs = Math.round(performance.now() - started);
  const aborted = signal?.aborted ?? false;
  for (const [partner, partnerTotals] of Object.entries(byPartner)) {
    targets.get(partner)?.completed(runId, {
      planHash: plan.hash,
      totals: partnerTotals,
      complete: partnerTotals.failed === 0 && partnerTotals.notDone === 0,
      aborted,
      durationMs,
    });
  }
  const finalStop = stoppedBy ?? (aborted ? 'the run was aborted' : undefined);
  return {
    planHash: plan.hash,
    runId,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    durationMs,
    totals,
    byPartner,
    complete: totals.failed === 0 && totals.notDone === 0,
    aborted,
    ...(finalStop === undefined ? {} : { stoppedBy: finalStop }),
    outcomes: ordered,
  };
}

/** What changed on the account since the plan, in words; `undefined` when the plan's figures still hold. */
function driftOf(action: LicenceAction, state: LicenceState): string | undefined {
  const changes: string[] = [];
  if (state.seats.purchased !== action.before.seats.purchased) {
    changes.push(`seats ${action.before.seats.purchased} → ${state.seats.purchased}`);
  }
  if (state.plan !== action.before.plan) changes.push(`plan ${action.before.plan} → ${state.plan}`);
  return changes.length === 0 ? undefined : changes.join(', ');
}

function currentFigures(value: LicenceState | RecordedActionOutcome['current']) {
  if (value === undefined) return undefined;
  return 'accountId' in value ? figuresOf(value as LicenceState) : value;
}

/** Checks that every action to run has a platform that serves it, for the same tenant, able to change licences. */
function checkTargets(
  plan: LicencePlan,
  selected: readonly LicenceAction[],
  targets: ReadonlyMap<string, PlatformTarget>,
  partial: boolean,
): void {
  const needed = new Set(selected.map((action) => action.partner));
  if (!partial) for (const platform of plan.platforms) needed.add(platform.partner);
  const working = new Set(
    selected.filter((action) => action.kind !== 'noop').map((action) => action.partner),
  );
  for (const platform of plan.platforms) {
    if (!needed.has(platform.partner)) continue;
    const target = targets.get(platform.partner);
    if (target === undefined) {
      throw new ValidationError({
        message: `This licence plan includes ${platform.partner} accounts, which this client does not serve (it serves ${[...targets.keys()].join(', ')}). Apply it with a hub that has ${platform.partner}, or pass \`only\` with the actions to run here.`,
        issues: [{ path: 'platforms', message: `includes ${platform.partner}, which is not served here` }],
      });
    }
    if ((platform.scope ?? '') !== (target.scope ?? '')) {
      throw new ValidationError({
        message: `This licence plan was made for ${platform.partner} ${platform.scope ?? '(no tenant)'}, but this client speaks for ${target.scope ?? '(no tenant)'}. Nothing was sent; apply it with a client of the tenant it was made for.`,
        issues: [{ path: 'platforms', message: `was made for another ${platform.partner} tenant` }],
      });
    }
    if (working.has(platform.partner) && !(target.supports.get && target.supports.set)) {
      throw new UnsupportedOperationError({
        platform: platform.partner,
        operation: target.supports.get ? 'licences.set' : 'licences.get',
      });
    }
  }
}

function checkStore(store: SyncStateStore): SyncStateStore {
  const methods = [
    'acquirePlanLock',
    'renewPlanLock',
    'releasePlanLock',
    'getOutcome',
    'recordOutcome',
    'listOutcomes',
  ];
  for (const method of methods) {
    if (typeof (store as unknown as Record<string, unknown>)[method] !== 'function') {
      throw new ConfigurationError({
        option: 'store',
        problem: `must implement SyncStateStore (its ${method} method is missing)`,
      });
    }
  }
  return store;
}

function positive(value: number, option: string, min: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw new ValidationError({
      message: `Invalid ${option}: must be a whole number of milliseconds, at least ${min} (got ${String(value)}).`,
      issues: [{ path: option, message: `must be a whole number of at least ${min}` }],
    });
  }
  return value;
}

function reportedError(error: unknown): ReportedError {
  if (isChannelError(error)) return { name: error.name, code: error.code, message: error.message };
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
