import {
  ConfigurationError,
  type LicenceActionOutcome,
  type LicenceApplyReport,
  type LicencePlan,
  licenceActionKey,
  ValidationError,
  verifyLicencePlan,
} from '@channelkit/core';
import type { EnterpriseAccount, ProvisionAccountInput } from '@channelkit/types';
import { buildApplyReport, type PendingAction } from './internal/build-report';
import { APPLY_JOB, type ApplyJobData, PROVISION_JOB, type ProvisionJobData } from './internal/job-data';
import { jobIdOf, provisionJobIdOf, queueNameOf } from './internal/queue-names';
import { openBackend, type QueueConnection } from './queue-backend';
import type { QueueStateStore } from './queue-state-store';

/** Options of {@link createChannelQueue}. */
export interface ChannelQueueOptions {
  /** `redis://…` or `postgres://…`: where the queues and the shared state store live. */
  connection: QueueConnection;
  /**
   * Separates this deployment's queues and state from others on the same server: a Redis key prefix, or the
   * PostgreSQL schema name (letters, digits, underscores). Workers must use the same. @default 'channelkit'
   */
  prefix?: string | undefined;
  /** Attempts per job before it is reported `failed`; a transport retry inside an attempt does not count. @default 5 */
  attempts?: number | undefined;
  /** How long plans, outcomes and finished jobs are kept, in milliseconds. @default 2592000000 (30 days) */
  retentionMs?: number | undefined;
}

/** What {@link ChannelQueue.enqueueApply} did. */
export interface EnqueuedApply {
  /** The plan's hash: pass it to `getApplyReport`. */
  planHash: string;
  /** Actions that need a write (not `noop`): one job each. */
  jobs: number;
  /** True when the plan was enqueued before: its jobs were not added again. */
  alreadyEnqueued: boolean;
  /** Actions of a plan enqueued before that had failed for good, given another round of attempts now. */
  retried: number;
  /** The queues the jobs went to: one per platform and master account. */
  queues: string[];
}

/** What {@link ChannelQueue.enqueueProvision} did. */
export interface EnqueuedProvision {
  /** The job's id, derived from the platform, master account and idempotency key. */
  jobId: string;
  /** The queue of the platform and master account. */
  queue: string;
  /** False when a job with this idempotency key was enqueued before (no new job was added). */
  added: boolean;
}

/** Where a provisioning job stands, as {@link ChannelQueue.getProvision} reads it. */
export interface ProvisionStatus {
  /** `waiting`, `active`, `delayed`, `completed`, `failed`, or `unknown` (no such job). */
  state: string;
  /** The account, once completed. */
  account?: EnterpriseAccount | undefined;
  /** Why it failed, once failed for good. */
  failedReason?: string | undefined;
}

/** Options of {@link ChannelQueue.enqueueProvision}. */
export interface EnqueueProvisionOptions {
  /** The platform, e.g. `zoom`. */
  partner: string;
  /** The master account (the adapter's `idempotencyScope`, e.g. the Zoom master account id), when it has one. */
  scope?: string | undefined;
  /** The caller's idempotency key: enqueuing the same key again adds no job, and the account is created once. */
  idempotencyKey: string;
}

/** Options of {@link ChannelQueue.waitForApply}. */
export interface WaitForApplyOptions {
  /** How often the report is read, in milliseconds. @default 1000 */
  intervalMs?: number | undefined;
  /** Called with each report read. */
  onReport?: ((report: LicenceApplyReport) => void) | undefined;
  /** Stops waiting (the jobs go on); the call then resolves with the latest report. */
  signal?: AbortSignal | undefined;
}

/**
 * The producer side of the queue: enqueue licence plans and provisionings, and read their outcomes from any
 * process. Workers (`runWorker`) run the jobs.
 */
export interface ChannelQueue {
  /**
   * Enqueues a plan: keeps it in the state store and adds one job per action that needs a write, to the queue of
   * its platform and master account, with the action's idempotency key as job id, so that enqueuing the same plan
   * again adds nothing; it gives the actions that failed for good another round of attempts. The plan is verified
   * first: an edited plan is refused before anything is enqueued.
   */
  enqueueApply(plan: unknown): Promise<EnqueuedApply>;
  /** Enqueues a provisioning under an idempotency key: the same key enqueues one job, which creates one account. */
  enqueueProvision(
    input: ProvisionAccountInput,
    options: EnqueueProvisionOptions,
  ): Promise<EnqueuedProvision>;
  /** Where a provisioning enqueued with `enqueueProvision` stands. */
  getProvision(options: EnqueueProvisionOptions): Promise<ProvisionStatus>;
  /**
   * The report of an enqueued plan, read from the state store and the queues: the shape of `licences.apply()`'s
   * report. Actions still queued or being retried are `not_done` (their reason says so); `complete` is true once
   * every action needs nothing more.
   * @throws ValidationError when no plan with this hash was enqueued (or it has expired).
   */
  getApplyReport(planHash: string): Promise<LicenceApplyReport>;
  /** Reads the report until no job of the plan is waiting, running or due for a retry; resolves with the last. */
  waitForApply(planHash: string, options?: WaitForApplyOptions): Promise<LicenceApplyReport>;
  /** The shared state store (also usable as the idempotency store of a client). */
  readonly store: QueueStateStore;
  /** Closes the connections. */
  close(): Promise<void>;
}

const DEFAULT_ATTEMPTS = 5;
const DEFAULT_RETENTION_MS = 30 * 86_400_000;
const BULK = 500;

/**
 * Opens the producer side of the queue on Redis or PostgreSQL. The CLI's `licences apply --queue <url>` is this
 * function's `enqueueApply` followed by `waitForApply`.
 * @example
 * import { createChannelQueue } from '@channelkit/bullmq';
 *
 * const queue = createChannelQueue({ connection: 'postgres://app@db.internal/channelkit' });
 * const { planHash } = await queue.enqueueApply(plan);
 * const report = await queue.waitForApply(planHash, { onReport: (r) => console.log(r.totals) });
 * await queue.close();
 */
export function createChannelQueue(options: ChannelQueueOptions): ChannelQueue {
  const attempts = options.attempts ?? DEFAULT_ATTEMPTS;
  const retentionMs = options.retentionMs ?? DEFAULT_RETENTION_MS;
  if (!Number.isSafeInteger(attempts) || attempts < 1) {
    throw new ConfigurationError({ option: 'attempts', problem: 'must be a whole number of at least 1' });
  }
  const backend = openBackend(options.connection, options.prefix);
  const { store } = backend;
  const jobOptions = (jobId: string) => ({
    jobId,
    attempts,
    backoff: { type: 'exponential', delay: 1_000 },
    // Finished jobs are kept for the retention period: a job id seen again within it is not added again.
    removeOnComplete: { age: Math.ceil(retentionMs / 1000) },
    removeOnFail: { age: Math.ceil(retentionMs / 1000) },
  });

  const scopeOf = (plan: LicencePlan, partner: string) =>
    plan.platforms.find((platform) => platform.partner === partner)?.scope;

  async function pendingOf(
    plan: LicencePlan,
    unsettled: ReadonlyMap<string, LicenceActionOutcome | undefined>,
  ) {
    const pending = new Map<string, PendingAction>();
    for (const action of plan.actions) {
      if (action.kind === 'noop' || !unsettled.has(action.id)) continue;
      const outcome = unsettled.get(action.id);
      if (outcome === undefined) {
        pending.set(action.id, { state: 'queued' });
        continue;
      }
      // A failed attempt: retried later, or failed for good?
      const queue = backend.queue(queueNameOf(action.partner, scopeOf(plan, action.partner)));
      const state = await queue.getJobState(jobIdOf(licenceActionKey(plan.hash, action)));
      pending.set(action.id, { state: String(state), outcome });
    }
    return pending;
  }

  async function loadPlan(planHash: string) {
    const saved = await store.loadPlan(planHash);
    if (saved === undefined) {
      throw new ValidationError({
        message: `No plan with hash ${planHash} was enqueued here (or it expired). Enqueue it with enqueueApply() first.`,
        issues: [{ path: 'planHash', message: 'names no enqueued plan' }],
      });
    }
    return { plan: verifyLicencePlan(saved.plan), savedAt: saved.savedAt };
  }

  async function report(planHash: string): Promise<{ report: LicenceApplyReport; waiting: number }> {
    const { plan, savedAt } = await loadPlan(planHash);
    const outcomes = new Map<string, LicenceActionOutcome>();
    for await (const outcome of store.listActionOutcomes(planHash)) outcomes.set(outcome.actionId, outcome);
    const unsettled = new Map<string, LicenceActionOutcome | undefined>();
    for (const action of plan.actions) {
      if (action.kind === 'noop') continue;
      const outcome = outcomes.get(action.id);
      if (outcome === undefined || outcome.status === 'failed' || outcome.status === 'not_done') {
        unsettled.set(action.id, outcome);
      }
    }
    const pending = await pendingOf(plan, unsettled);
    return buildApplyReport(plan, savedAt, outcomes, pending);
  }

  return {
    store,
    async enqueueApply(input) {
      const plan = verifyLicencePlan(input);
      const first = await store.savePlan(plan, retentionMs);
      const byQueue = new Map<
        string,
        { name: string; data: ApplyJobData; opts: ReturnType<typeof jobOptions> }[]
      >();
      let jobs = 0;
      for (const action of plan.actions) {
        if (action.kind === 'noop') continue;
        jobs += 1;
        const name = queueNameOf(action.partner, scopeOf(plan, action.partner));
        const list = byQueue.get(name) ?? [];
        list.push({
          name: APPLY_JOB,
          data: { planHash: plan.hash, actionId: action.id },
          opts: jobOptions(jobIdOf(licenceActionKey(plan.hash, action))),
        });
        byQueue.set(name, list);
      }
      // Added even when the plan was kept before: an earlier enqueue may have stopped half-way. A job id that
      // exists already is not added again.
      for (const [name, list] of byQueue) {
        const queue = backend.queue(name);
        for (let index = 0; index < list.length; index += BULK) {
          await queue.addBulk(list.slice(index, index + BULK));
        }
      }
      // Enqueued before: the actions that failed for good are given another round of attempts.
      let retried = 0;
      if (!first) {
        const actions = new Map(plan.actions.map((action) => [action.id, action]));
        for await (const outcome of store.listActionOutcomes(plan.hash)) {
          const action = actions.get(outcome.actionId);
          if (outcome.status !== 'failed' || action === undefined) continue;
          const queue = backend.queue(queueNameOf(action.partner, scopeOf(plan, action.partner)));
          const job = await queue.getJob(jobIdOf(licenceActionKey(plan.hash, action)));
          if (job && (await job.getState()) === 'failed') {
            await job.retry('failed');
            retried += 1;
          }
        }
      }
      return { planHash: plan.hash, jobs, alreadyEnqueued: !first, retried, queues: [...byQueue.keys()] };
    },
    async enqueueProvision(input, provision) {
      const name = queueNameOf(provision.partner, provision.scope);
      const jobId = provisionJobIdOf(provision.partner, provision.scope, provision.idempotencyKey);
      const queue = backend.queue(name);
      const existing = await queue.getJob(jobId);
      if (existing) return { jobId, queue: name, added: false };
      const data: ProvisionJobData = {
        partner: provision.partner,
        input,
        idempotencyKey: provision.idempotencyKey,
      };
      await queue.add(PROVISION_JOB, data, jobOptions(jobId));
      return { jobId, queue: name, added: true };
    },
    async getProvision(provision) {
      const queue = backend.queue(queueNameOf(provision.partner, provision.scope));
      const job = await queue.getJob(
        provisionJobIdOf(provision.partner, provision.scope, provision.idempotencyKey),
      );
      if (!job) return { state: 'unknown' };
      const state = String(await job.getState());
      return {
        state,
        ...(state === 'completed' ? { account: job.returnvalue as EnterpriseAccount } : {}),
        ...(state === 'failed' ? { failedReason: job.failedReason } : {}),
      };
    },
    async getApplyReport(planHash) {
      return (await report(planHash)).report;
    },
    async waitForApply(planHash, wait = {}) {
      const intervalMs = wait.intervalMs ?? 1_000;
      for (;;) {
        const { report: current, waiting } = await report(planHash);
        wait.onReport?.(current);
        if (waiting === 0 || wait.signal?.aborted) return current;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, intervalMs);
          wait.signal?.addEventListener('abort', () => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
    close: () => backend.close(),
  };
}
