import {
  type ChannelHub,
  type ClientOptions,
  createHub,
  type HubOptions,
  isChannelError,
  type LicenceActionOutcome,
  type LicencePlan,
  type PartnerAdapter,
  RateLimitError,
  verifyLicencePlan,
} from '@channelkit/core';
import type { PartnerId } from '@channelkit/types';
import { type Job, UnrecoverableError } from 'bullmq';
import { APPLY_JOB, type ApplyJobData, PROVISION_JOB, type ProvisionJobData } from './internal/job-data';
import { queueNameOf } from './internal/queue-names';
import { type AnyWorker, openBackend, type QueueConnection } from './queue-backend';
import { DEFAULT_RATE_PROFILES, limiterFor, type PlatformRateProfile } from './rate-profiles';

/** Options of {@link runWorker}. */
export interface RunWorkerOptions {
  /** `redis://…` or `postgres://…`: the same as the producer's. */
  connection: QueueConnection;
  /** The producer's `prefix`. @default 'channelkit' */
  prefix?: string | undefined;
  /**
   * The platforms this worker serves, keyed by partner id, e.g. `{ zoom: zoom({ ... }) }`: it takes jobs from the
   * queue of each adapter's platform and master account (its `idempotencyScope`).
   */
  adapters: Readonly<Record<string, PartnerAdapter>>;
  /**
   * Options of the hub the worker builds over the adapters (timeouts, retries, client rate limits). Its idempotency
   * store is always the shared one, so that a provisioning retried by another worker creates nothing twice, and each
   * platform's `sharedRateLimit` is the store's limit of its queue, so that the workers of a master account send
   * within its `rateLimit` together (give every worker the same `rateLimit`).
   */
  clientOptions?: Omit<HubOptions, 'idempotency'> | undefined;
  /**
   * Jobs this worker runs at once, per queue. Jobs mostly wait (for the platform, and for the limiter), so this can
   * be well above the CPU count. @default 16
   */
  concurrency?: number | undefined;
  /**
   * Limits and costs per platform, merged over {@link DEFAULT_RATE_PROFILES}: every worker of a master account must
   * be given the same, as together they stay under the platform's limit. A platform without a profile is not
   * limited by the queue: its requests are still held to the client's `rateLimit` through the shared rate limit.
   */
  rateProfiles?: Readonly<Record<string, PlatformRateProfile>> | undefined;
  /**
   * How long a job stays locked to this worker without renewal (it is renewed every half of it while the job runs):
   * a killed worker's job is re-run by another once its lock runs out and a stall check finds it. @default 30000
   */
  lockDurationMs?: number | undefined;
  /** How often this worker looks for stalled jobs of dead workers, in milliseconds. @default 30000 */
  stalledIntervalMs?: number | undefined;
  /**
   * On `close()` (and on SIGTERM), how long running jobs may take to finish before they are cancelled; a cancelled
   * job is retried later (its action is read again before any write, so nothing is written twice). @default 10000
   */
  shutdownTimeoutMs?: number | undefined;
  /** Close gracefully on SIGTERM and SIGINT. Turn it off when your program handles signals itself. @default true */
  handleSignals?: boolean | undefined;
  /** How long plans, outcomes and recorded checkpoints are kept, in milliseconds. @default 2592000000 (30 days) */
  retentionMs?: number | undefined;
  /** Called after each licence action job, with its outcome. */
  onOutcome?: ((outcome: LicenceActionOutcome) => void) | undefined;
}

/** A running worker. */
export interface RunningWorker {
  /** The queues it takes jobs from. */
  readonly queues: readonly string[];
  /** The hub it runs jobs with (for events: `worker.hub.on('licence.changed', ...)`). */
  readonly hub: ChannelHub<string>;
  /** Stops taking jobs, lets running ones finish (up to `shutdownTimeoutMs`), and closes the connections. */
  close(): Promise<void>;
  /** Resolves once the worker has closed (after `close()` or a signal). */
  readonly closed: Promise<void>;
}

const DEFAULT_RETENTION_MS = 30 * 86_400_000;
const PLAN_CACHE = 8;
/** The longest pause a 429's Retry-After can impose on a queue, in milliseconds. */
const MAX_PAUSE_MS = 300_000;
/** How long the first job of a batch waits for others of the same plan, in milliseconds. */
const BATCH_WINDOW_MS = 5;

interface Waiter {
  resolve(outcome: LicenceActionOutcome): void;
  reject(error: unknown): void;
}

/**
 * Runs a worker: takes licence action and provisioning jobs from the queues of the given platforms and master
 * accounts, and runs them through the same engine and adapters as `licences.apply()` and `accounts.provision()`,
 * with the shared state store: each action is read afresh before its write (a drifted account is reported `stale`,
 * never overwritten), and its outcome is recorded for `getApplyReport()`. Each queue's limiter paces job starts, and
 * every request reserves its moment in the store's shared rate limit of the queue, so that the workers of a master
 * account together stay within its limit; a 429 that still happens holds back every worker for its `Retry-After`.
 * This is what the CLI's `channelkit worker` runs.
 * @example
 * import { runWorker } from '@channelkit/bullmq';
 * import { zoom } from '@channelkit/zoom';
 *
 * const worker = await runWorker({ connection: 'redis://127.0.0.1:6379', adapters: { zoom: zoom() } });
 * // SIGTERM: running jobs finish, then the worker closes.
 * await worker.closed;
 */
export async function runWorker(options: RunWorkerOptions): Promise<RunningWorker> {
  const backend = openBackend(options.connection, options.prefix);
  const { store } = backend;
  const retentionMs = options.retentionMs ?? DEFAULT_RETENTION_MS;
  const profiles = { ...DEFAULT_RATE_PROFILES, ...options.rateProfiles };
  // Every worker of a master account draws each request from one schedule in the store: the queue's limiter paces job
  // starts, but requests are what the platform counts, and a process that stalled would otherwise send its held
  // requests in a burst.
  const partners: Record<string, ClientOptions> = {};
  for (const [partner, adapter] of Object.entries(options.adapters)) {
    partners[partner] = {
      ...options.clientOptions?.partners?.[partner as PartnerId],
      sharedRateLimit: store.sharedRateLimit(queueNameOf(partner, adapter.idempotencyScope)),
    };
  }
  let hub: ChannelHub<string>;
  try {
    hub = createHub(options.adapters, {
      ...options.clientOptions,
      idempotency: { store },
      partners,
    }) as ChannelHub<string>;
  } catch (error) {
    await backend.close();
    throw error;
  }
  const stop = new AbortController();

  const plans = new Map<string, Promise<LicencePlan>>();
  const planOf = (planHash: string) => {
    let plan = plans.get(planHash);
    if (plan === undefined) {
      plan = store.loadPlan(planHash).then((saved) => {
        if (saved === undefined) {
          throw new UnrecoverableError(`The plan ${planHash} is no longer in the state store (it expired).`);
        }
        return verifyLicencePlan(saved.plan);
      });
      plan.catch(() => plans.delete(planHash));
      plans.set(planHash, plan);
      if (plans.size > PLAN_CACHE) plans.delete(plans.keys().next().value as string);
    }
    return plan;
  };

  // Jobs of the same plan that start together (a limiter window lets several through at once) run as one call of
  // the engine with `only` their actions: the plan is verified (hashed) once per batch, not once per job, which
  // matters for plans of thousands of actions.
  const batches = new Map<string, Map<string, Waiter[]>>();
  const runBatch = async (planHash: string, waiters: Map<string, Waiter[]>) => {
    try {
      const plan = await planOf(planHash);
      const known = new Set(plan.actions.map((action) => action.id));
      for (const [actionId, list] of waiters) {
        if (known.has(actionId)) continue;
        waiters.delete(actionId);
        for (const waiter of list) {
          waiter.reject(new UnrecoverableError(`The plan ${planHash} has no action ${actionId}.`));
        }
      }
      if (waiters.size === 0) return;
      const report = await hub.licences.apply(plan, {
        only: [...waiters.keys()],
        // The queue runs each action once at a time (its job lock); the plan lock would serialise the workers.
        exclusive: false,
        store,
        concurrency: waiters.size,
        signal: stop.signal,
        recordTtlMs: retentionMs,
      });
      for (const outcome of report.outcomes) {
        for (const waiter of waiters.get(outcome.actionId) ?? []) waiter.resolve(outcome);
      }
    } catch (error) {
      for (const list of waiters.values()) for (const waiter of list) waiter.reject(error);
    }
  };
  const applyAction = (planHash: string, actionId: string) =>
    new Promise<LicenceActionOutcome>((resolve, reject) => {
      let batch = batches.get(planHash);
      if (batch === undefined) {
        const created = new Map<string, Waiter[]>();
        batch = created;
        batches.set(planHash, created);
        setTimeout(() => {
          batches.delete(planHash);
          void runBatch(planHash, created);
        }, BATCH_WINDOW_MS);
      }
      const list = batch.get(actionId) ?? [];
      list.push({ resolve, reject });
      batch.set(actionId, list);
    });

  const applyJob = async (data: ApplyJobData) => {
    const outcome = await applyAction(data.planHash, data.actionId);
    await store.saveActionOutcome(data.planHash, outcome, retentionMs);
    options.onOutcome?.(outcome);
    // Failed or cut short: the queue retries it (with backoff), reading the account again before any write.
    if (outcome.status === 'failed' || outcome.status === 'not_done') throw new Error(outcome.reason);
    return { status: outcome.status };
  };

  const provisionJob = async (data: ProvisionJobData) => {
    try {
      const account = await hub.partner(data.partner).accounts.provision(data.input, {
        idempotencyKey: data.idempotencyKey,
        signal: stop.signal,
      });
      return JSON.parse(JSON.stringify(account)) as unknown;
    } catch (error) {
      if (isChannelError(error) && PERMANENT.has(error.code)) throw new UnrecoverableError(error.message);
      throw error;
    }
  };

  const processor = async (job: Job) => {
    if (job.name === APPLY_JOB) return applyJob(job.data as ApplyJobData);
    if (job.name === PROVISION_JOB) return provisionJob(job.data as ProvisionJobData);
    throw new UnrecoverableError(`Unknown job ${job.name}: enqueue jobs with createChannelQueue().`);
  };

  const workers = new Map<string, AnyWorker>();
  for (const [partner, adapter] of Object.entries(options.adapters)) {
    const name = queueNameOf(partner, adapter.idempotencyScope);
    const profile = profiles[partner];
    const worker = backend.worker(name, processor, {
      concurrency: options.concurrency ?? 16,
      ...(profile === undefined ? {} : { limiter: limiterFor(profile) }),
      lockDuration: options.lockDurationMs ?? 30_000,
      stalledInterval: options.stalledIntervalMs ?? 30_000,
      maxStalledCount: 2,
    });
    worker.on('error', () => {}); // connection trouble: BullMQ reconnects; a job that failed meanwhile is retried
    workers.set(partner, worker);
  }

  // A 429 that got through with a Retry-After: pause the whole queue of that master account for the wait the
  // platform asked for. Without one there is nothing to pause for: the shared rate limit and the clients' limiters
  // slow down on their own, and a pause as short as the retry's backoff would only restart BullMQ's limiter window
  // early, letting a fresh window's jobs start at once.
  hub.on('retry', (event) => {
    if (event.status !== 429) return;
    const asked = event.error instanceof RateLimitError ? event.error.retryAfterMs : undefined;
    const adapter = options.adapters[event.platform];
    if (asked === undefined || adapter === undefined) return;
    const queue = backend.queue(queueNameOf(event.platform, adapter.idempotencyScope));
    // The platform's Retry-After, not the (capped) wait of this request's retry; bounded against a hostile answer.
    const pauseMs = Math.min(MAX_PAUSE_MS, Math.max(1, Math.round(asked)));
    queue.rateLimit(pauseMs).catch(() => undefined);
  });

  let closing: Promise<void> | undefined;
  let resolveClosed: () => void = () => {};
  const closed = new Promise<void>((resolve) => {
    resolveClosed = resolve;
  });
  const onSignal = () => {
    void close();
  };
  const close = () => {
    closing ??= (async () => {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
      const deadline = setTimeout(() => stop.abort(), options.shutdownTimeoutMs ?? 10_000);
      try {
        await Promise.all([...workers.values()].map((worker) => worker.close()));
      } finally {
        clearTimeout(deadline);
        await backend.close().catch(() => undefined);
        resolveClosed();
      }
    })();
    return closing;
  };
  if (options.handleSignals ?? true) {
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
  }
  await Promise.all([...workers.values()].map((worker) => worker.waitUntilReady()));
  return { queues: [...workers.values()].map((worker) => worker.name), hub, close, closed };
}

/** Errors that another attempt cannot fix: the job fails at once. */
const PERMANENT = new Set<string>([
  'validation_failed',
  'idempotency_key_reuse',
  'unsupported_operation',
  'configuration_error',
  'bad_request',
  'authentication_failed',
  'permission_denied',
]);
