// One distributed apply, as the distributed test and the bench (bench/bullmq-workers.ts) run it: a sandbox per master
// account hosting the platforms of the run and enforcing their limits per category, optionally failing a share of the
// API requests; a plan per sandbox enqueued on the queue; worker child processes applying them (one optionally killed
// with SIGKILL part-way and replaced); then the figures and what the sandbox holds against what was planned.
import {
  createHub,
  type HubDesiredLicence,
  type LicenceApplyReport,
  type LicencePlan,
  type PartnerAdapter,
} from '@channelkit/core';
import {
  type RequestRecord,
  type RunningSandbox,
  startSandbox,
  ZOOM_SANDBOX_CREDENTIALS,
  zoomSandboxPlatform,
} from '@channelkit/sandbox';
import { desiredSeats } from '../../../../test/licence-sync/sync-platforms';
import { createChannelQueue, DEFAULT_RATE_PROFILES, type PlatformRateProfile } from '../../src/index';
import type { WorkerChildConfig } from '../fixtures/worker-child';
import { sandboxAdapter, syncPlatform } from './sandbox-adapters';
import { startWorkerProcess, type WorkerProcess } from './worker-process';

/** Requests per second per category, per platform: what the sandbox allows each master account. */
export type PlatformLimits = Readonly<Record<string, Readonly<Record<string, number>>>>;

/** Requests per second per master account, per Zoom rate-limit category. */
/** What {@link runDistributedApply} runs. */
export interface DistributedRunOptions {
  /** The queue's Redis or PostgreSQL URL. */
  connection: string;
  /** Queue prefix, distinct per run on a shared server. */
  prefix: string;
  /** Worker processes started at the beginning. */
  workers: number;
  /** Master accounts, each with its own sandbox hosting every platform of the run, and its own limits. */
  masters: number;
  /**
   * Accounts per platform and master, seeded with 3 to 9 seats: the plan grows half of them, shrinks (where the
   * platform allows it) or grows by one the others, and leaves every fifth as it is.
   */
  accounts: number;
  /** The platforms of the run (its keys: `zoom`, `bizconf`, `zhumu`, `umeet`), with what each master is allowed. */
  limits: PlatformLimits;
  /** Share of API requests failed at random (a 429, a 503 and a reset in equal parts). @default 0 */
  faults?: number;
  /** Kill the first worker with SIGKILL once this share of the changes is written, then start another. */
  killAt?: number;
  /** Jobs each worker runs at once. @default 16 */
  concurrency?: number;
  /** BullMQ's job lock, and the interval at which stalled jobs (a killed worker's) are taken over. */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  /** Seed of the first master's sandbox. @default 40 */
  seed?: number;
}

/** What one run did, as the sandbox and the reports tell it. */
export interface DistributedRunResult {
  /** Actions over every plan, noops included. */
  actions: number;
  /** Each plan's final report, read from the queue. */
  reports: LicenceApplyReport[];
  /** Actions that change seats, over every plan. */
  changes: number;
  /** Seat writes the sandbox applied, over every platform. */
  writes: number;
  /** When the sandbox applied the first and the last of them, in milliseconds. */
  firstWrite: number;
  lastWrite: number;
  /** Heavy-category requests during the apply, retries included. */
  heavy: number;
  /** API requests the sandbox received during the apply, and those its limiter refused (not injected faults). */
  requests: number;
  limited: number;
  /** The same, per platform. */
  perPlatform: Record<string, { requests: number; limited: number; writes: number }>;
  /** Actions whose account does not hold the planned seats, with what it holds. */
  wrongState: { action: string; seats: number | undefined; planned: number }[];
  /**
   * Actions whose account was written another number of times than the action needs (once; never for a noop), and
   * for a platform whose records do not name the account, the platform (`zhumu:*`) when its total differs.
   */
  wrongWrites: { action: string; writes: number }[];
  /** The killed worker: its signal, and the changes written when it died. */
  killed: { signal: NodeJS.Signals | null; writtenBefore: number } | undefined;
  /** The other workers' exits after SIGTERM (a graceful shutdown). */
  shutdowns: { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }[];
  /** The rate profiles the workers' queues ran with, per platform. */
  rateProfiles: Record<string, PlatformRateProfile>;
}

/**
 * Ten times the four partner platforms' own limits (Zoom's Business+ 80/60/40 nearly four times), so that the
 * acceptance run paces at the sandbox's limits in about a minute.
 */
export const SANDBOX_LIMITS: PlatformLimits = {
  zoom: { light: 200, medium: 200, heavy: 150 },
  bizconf: { query: 200, write: 50 },
  zhumu: { read: 100, write: 20 },
  umeet: { read: 200, write: 50 },
};

/**
 * The run of the acceptance test, shared by the test and `pnpm bench:bullmq --kill`: 4 workers, 2,000 accounts (500
 * on each partner platform), 10% of requests failed, the first worker killed with SIGKILL once 30% of the changes
 * are written. Each worker runs the default 16 jobs at once: the queue's limiter paces job starts, and every request
 * waits for its moment in the store's shared rate limit, so a worker that stalls for CPU cannot send the requests of
 * its jobs in a burst.
 */
export const FAULTY_RUN = {
  workers: 4,
  masters: 1,
  accounts: 500,
  limits: SANDBOX_LIMITS,
  faults: 0.1,
  killAt: 0.3,
} as const satisfies Partial<DistributedRunOptions>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seededSeats = (n: number) => (n % 7) + 3;

/** A write of seats the platform processed: not a read, not a token request, not refused, not replaced by a fault. */
function isAppliedWrite(record: RequestRecord): boolean {
  return (
    record.method !== 'GET' &&
    (record.category === 'heavy' || record.category === 'write') &&
    record.status !== undefined &&
    record.status < 300 &&
    !record.limited &&
    record.fault === undefined
  );
}

/** Runs one distributed apply to its end and reports what happened; stops its workers and sandboxes. */
export async function runDistributedApply(options: DistributedRunOptions): Promise<DistributedRunResult> {
  const faults = options.faults ?? 0;
  const partners = Object.keys(options.limits);
  const sandboxes: RunningSandbox[] = [];
  const processes: WorkerProcess[] = [];
  try {
    const plans: { plan: LicencePlan; running: RunningSandbox; zoomAccountId: string }[] = [];
    for (let master = 0; master < options.masters; master += 1) {
      const zoomAccountId =
        master === 0 ? ZOOM_SANDBOX_CREDENTIALS.accountId : `sandbox-master-${master + 1}`;
      const running = await startSandbox({
        seed: (options.seed ?? 40) + master,
        platforms: partners.map((partner) =>
          partner === 'zoom'
            ? zoomSandboxPlatform({ credentials: { accountId: zoomAccountId } })
            : syncPlatform(partner).sandboxPlatform,
        ),
        rateLimits: Object.fromEntries(partners.map((partner) => [partner, { ...options.limits[partner] }])),
      });
      sandboxes.push(running);
      const adapters: Record<string, PartnerAdapter> = {};
      const desired: HubDesiredLicence[] = [];
      for (const partner of partners) {
        adapters[partner] = sandboxAdapter(partner, running.urls(partner), zoomAccountId);
        const platform = syncPlatform(partner);
        platform.seed(running.sandbox, options.accounts, seededSeats).forEach((accountId, n) => {
          desired.push({ partner, accountId, seats: desiredSeats(platform, n, seededSeats(n)) });
        });
      }
      const hub = createHub(adapters, {
        maxRetries: 8,
        retry: { baseDelayMs: 5, maxDelayMs: 100 },
        partners: Object.fromEntries(
          partners.map((partner) => [partner, { rateLimit: { ...options.limits[partner] } }]),
        ),
      });
      const plan = await hub.licences.plan(desired, { concurrency: 16 });
      if (plan.violations.length > 0)
        throw new Error(`the plan has violations: ${JSON.stringify(plan.violations)}`);
      plans.push({ running, zoomAccountId, plan });
    }
    const first = sandboxes.map((running) => running.sandbox.requests.length);
    if (faults > 0) {
      for (const running of sandboxes) {
        for (const partner of partners) {
          for (const rule of syncPlatform(partner).faults(faults)) running.sandbox.faults.add(rule);
        }
      }
    }

    const queue = createChannelQueue({ connection: options.connection, prefix: options.prefix });
    for (const { plan } of plans) await queue.enqueueApply(plan);
    // Retries after injected faults add requests the actions do not count: the queue is given that much less than
    // the platform allows (a tenth of faults adds about 15% with the retries of retries). The requests themselves are
    // held to the full limits by the shared rate limit.
    const rateProfiles = Object.fromEntries(
      partners.map((partner) => {
        const limits = options.limits[partner] ?? {};
        const perJob = DEFAULT_RATE_PROFILES[partner]?.perJob ?? {};
        const reduced = Object.fromEntries(
          Object.keys(perJob).map((category) => [category, (limits[category] ?? 0) * (1 - faults * 1.5)]),
        );
        return [partner, { limits: reduced, perJob }];
      }),
    );
    const config: WorkerChildConfig = {
      connection: options.connection,
      prefix: options.prefix,
      sandboxes: plans.map(({ running, zoomAccountId }) => ({
        urls: Object.fromEntries(partners.map((partner) => [partner, running.urls(partner)])),
        zoomAccountId,
      })),
      rateProfiles,
      clientRateLimits: Object.fromEntries(
        partners.map((partner) => [partner, { ...options.limits[partner] }]),
      ),
      concurrency: options.concurrency ?? 16,
      lockDurationMs: options.lockDurationMs ?? 5_000,
      stalledIntervalMs: options.stalledIntervalMs ?? 2_500,
    };
    processes.push(
      ...(await Promise.all(Array.from({ length: options.workers }, () => startWorkerProcess(config)))),
    );
    const changes = plans.reduce(
      (sum, { plan }) => sum + plan.actions.filter((action) => action.kind !== 'noop').length,
      0,
    );
    // Counted as the sandbox logs them, each write looked at until it is answered (this process hosts the sandbox,
    // so the count must stay cheap): a request is logged when it arrives and gets its status when answered.
    const seen = sandboxes.map((running) => running.sandbox.requests.length);
    let pending: RequestRecord[] = [];
    let writesSoFar = 0;
    const written = () => {
      sandboxes.forEach((running, index) => {
        const { requests } = running.sandbox;
        for (let at = seen[index] ?? 0; at < requests.length; at += 1) {
          const record = requests[at];
          if (record !== undefined && record.method !== 'GET') pending.push(record);
        }
        seen[index] = requests.length;
      });
      pending = pending.filter((record) => {
        if (record.status === undefined && record.fault === undefined) return true;
        if (isAppliedWrite(record)) writesSoFar += 1;
        return false;
      });
      return writesSoFar;
    };

    let killed: DistributedRunResult['killed'];
    if (options.killAt !== undefined) {
      while (written() < changes * options.killAt) await sleep(100);
      const victim = processes.shift() as WorkerProcess;
      victim.process.kill('SIGKILL');
      const exit = await victim.exited;
      killed = { signal: exit.signal, writtenBefore: written() };
      processes.push(await startWorkerProcess(config));
    }
    const reports: LicenceApplyReport[] = [];
    for (const { plan } of plans) reports.push(await queue.waitForApply(plan.hash, { intervalMs: 2_000 }));
    await queue.close();

    // A graceful shutdown of every remaining worker: SIGTERM, then each exits on its own.
    const stopping = processes.splice(0);
    for (const worker of stopping) worker.process.kill('SIGTERM');
    const shutdowns = await Promise.all(stopping.map((worker) => worker.exited));

    let firstWrite = Number.POSITIVE_INFINITY;
    let lastWrite = 0;
    let heavy = 0;
    const perPlatform: DistributedRunResult['perPlatform'] = {};
    for (const partner of partners) perPlatform[partner] = { requests: 0, limited: 0, writes: 0 };
    sandboxes.forEach((running, index) => {
      for (const record of running.sandbox.requests.slice(first[index])) {
        const figures = record.platform === undefined ? undefined : perPlatform[record.platform];
        if (figures === undefined || record.category === 'oauth') continue;
        figures.requests += 1;
        if (record.limited) figures.limited += 1;
        if (record.category === 'heavy') heavy += 1;
        if (isAppliedWrite(record)) {
          firstWrite = Math.min(firstWrite, record.at);
          lastWrite = Math.max(lastWrite, record.at);
        }
      }
    });
    const wrongState: DistributedRunResult['wrongState'] = [];
    const wrongWrites: DistributedRunResult['wrongWrites'] = [];
    let writes = 0;
    for (const { running, plan } of plans) {
      for (const partner of partners) {
        const platform = syncPlatform(partner);
        const applied = platform.appliedWrites(running.sandbox);
        writes += applied.total;
        (perPlatform[partner] as { writes: number }).writes += applied.total;
        const actions = plan.actions.filter((action) => action.partner === partner);
        for (const action of actions) {
          const seats = platform.stateOf(running.sandbox, action.accountId)?.seats;
          if (seats !== action.after.seats)
            wrongState.push({ action: action.id, seats, planned: action.after.seats });
          const count = applied.byAccount?.get(action.accountId) ?? 0;
          if (applied.byAccount !== undefined && count !== (action.kind === 'noop' ? 0 : 1))
            wrongWrites.push({ action: action.id, writes: count });
        }
        const planned = actions.filter((action) => action.kind !== 'noop').length;
        if (applied.byAccount === undefined && applied.total !== planned)
          wrongWrites.push({ action: `${partner}:*`, writes: applied.total });
      }
    }
    const sum = (pick: (figures: { requests: number; limited: number }) => number) =>
      Object.values(perPlatform).reduce((total, figures) => total + pick(figures), 0);
    return {
      actions: plans.reduce((total, { plan }) => total + plan.actions.length, 0),
      reports,
      changes,
      writes,
      firstWrite,
      lastWrite,
      heavy,
      requests: sum((figures) => figures.requests),
      limited: sum((figures) => figures.limited),
      perPlatform,
      wrongState,
      wrongWrites,
      killed,
      shutdowns,
      rateProfiles,
    };
  } finally {
    for (const worker of processes) {
      worker.process.kill('SIGKILL');
      await worker.exited;
    }
    for (const running of sandboxes) await running.close();
  }
}
