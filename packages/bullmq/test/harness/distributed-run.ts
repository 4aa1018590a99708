// One distributed apply, as the distributed test and the bench (bench/bullmq-workers.ts) run it: a sandbox per master
// account enforcing Zoom's limits per category, optionally failing a share of the API requests; a plan per master
// enqueued on the queue; worker child processes applying them (one optionally killed with SIGKILL part-way and
// replaced); then the figures and what the sandbox holds against what was planned.
import type { LicenceApplyReport, LicencePlan } from '@channelkit/core';
import {
  type RunningSandbox,
  startSandbox,
  ZOOM_SANDBOX_CREDENTIALS,
  zoomSandboxPlatform,
} from '@channelkit/sandbox';
import { createChannelQueue, type PlatformRateProfile } from '../../src/index';
import type { WorkerChildConfig } from '../fixtures/worker-child';
import { appliedWrites, seedAndPlan } from './sandbox-plan';
import { startWorkerProcess, type WorkerProcess } from './worker-process';

/** Requests per second per master account, per Zoom rate-limit category. */
export interface ZoomLimits {
  light: number;
  medium: number;
  heavy: number;
}

/** What {@link runDistributedApply} runs. */
export interface DistributedRunOptions {
  /** The queue's Redis or PostgreSQL URL. */
  connection: string;
  /** Queue prefix, distinct per run on a shared server. */
  prefix: string;
  /** Worker processes started at the beginning. */
  workers: number;
  /** Master accounts, each with its own sandbox and limits. */
  masters: number;
  /** Accounts per master: each gets 5 seats, and the plan changes three in four of them. */
  accounts: number;
  /** What the sandbox allows each master account. */
  limits: ZoomLimits;
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
  /** Seat writes the sandbox applied (2xx answers to `PUT .../plans/base`). */
  writes: number;
  /** When the sandbox applied the first and the last of them, in milliseconds. */
  firstWrite: number;
  lastWrite: number;
  /** Heavy-category requests during the apply, retries included. */
  heavy: number;
  /** API requests the sandbox received during the apply, and those its limiter answered 429 (not injected faults). */
  requests: number;
  limited: number;
  /** Actions whose account does not hold the planned seats, with what it holds. */
  wrongState: { action: string; seats: number | undefined; planned: number }[];
  /** Actions whose account was written another number of times than the action needs (once; never for a noop). */
  wrongWrites: { action: string; writes: number }[];
  /** The killed worker: its signal, and the changes written when it died. */
  killed: { signal: NodeJS.Signals | null; writtenBefore: number } | undefined;
  /** The other workers' exits after SIGTERM (a graceful shutdown). */
  shutdowns: { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }[];
  /** The rate profile the workers' queues ran with. */
  rateProfile: PlatformRateProfile;
}

/**
 * The run of the acceptance test, shared by the test and `pnpm bench:bullmq --kill`: 4 workers, 2,000 accounts, 10%
 * of requests failed, the first worker killed with SIGKILL once 30% of the changes are written. Each worker runs the
 * default 16 jobs at once: the queue's limiter paces job starts, and every request waits for its moment in the
 * store's shared rate limit, so a worker that stalls for CPU cannot send the requests of its jobs in a burst.
 */
export const FAULTY_RUN = {
  workers: 4,
  masters: 1,
  accounts: 2_000,
  faults: 0.1,
  killAt: 0.3,
} as const satisfies Partial<DistributedRunOptions>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs one distributed apply to its end and reports what happened; stops its workers and sandboxes. */
export async function runDistributedApply(options: DistributedRunOptions): Promise<DistributedRunResult> {
  const faults = options.faults ?? 0;
  const sandboxes: RunningSandbox[] = [];
  const processes: WorkerProcess[] = [];
  try {
    const plans: { plan: LicencePlan; running: RunningSandbox; accountId: string }[] = [];
    for (let master = 0; master < options.masters; master += 1) {
      const accountId = master === 0 ? ZOOM_SANDBOX_CREDENTIALS.accountId : `sandbox-master-${master + 1}`;
      const running = await startSandbox({
        seed: (options.seed ?? 40) + master,
        platforms: [zoomSandboxPlatform({ credentials: { accountId } })],
        rateLimits: { zoom: { ...options.limits } },
      });
      sandboxes.push(running);
      const plan = await seedAndPlan(running, options.accounts, { ...options.limits }, accountId);
      if (plan.violations.length > 0)
        throw new Error(`the plan has violations: ${JSON.stringify(plan.violations)}`);
      plans.push({ running, accountId, plan });
    }
    const first = sandboxes.map((running) => running.sandbox.requests.length);
    if (faults > 0) {
      for (const running of sandboxes) {
        for (const fault of [
          { kind: 'rate_limit' as const },
          { kind: 'server_error' as const, status: 503 as const },
          { kind: 'reset' as const },
        ]) {
          running.sandbox.faults.add({ platform: 'zoom', path: /^\/v2\//, probability: faults / 3, fault });
        }
      }
    }

    const queue = createChannelQueue({ connection: options.connection, prefix: options.prefix });
    for (const { plan } of plans) await queue.enqueueApply(plan);
    const config: WorkerChildConfig = {
      connection: options.connection,
      prefix: options.prefix,
      masters: plans.map(({ running, accountId }) => {
        const urls = running.urls('zoom');
        return { baseUrl: urls.baseUrl, oauthUrl: urls.oauthUrl, accountId };
      }),
      // Retries after injected faults add requests the actions do not count: the queue is given that much less
      // than the platform allows (a tenth of faults adds about 15% with the retries of retries).
      rateProfile: {
        limits: {
          medium: options.limits.medium * (1 - faults * 1.5),
          heavy: options.limits.heavy * (1 - faults * 1.5),
        },
        perJob: { medium: 2, heavy: 3 },
      },
      clientRateLimit: { ...options.limits },
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
    // Counted as the sandbox logs them, each request looked at until it is answered (this process hosts the sandbox,
    // so the count must stay cheap): a write is logged when it arrives and gets its status when answered.
    const seen = sandboxes.map((running) => running.sandbox.requests.length);
    let pending: { method: string; status: number | undefined }[] = [];
    let writesSoFar = 0;
    const written = () => {
      sandboxes.forEach((running, index) => {
        const { requests } = running.sandbox;
        for (let at = seen[index] ?? 0; at < requests.length; at += 1) {
          const record = requests[at];
          if (record?.method === 'PUT') pending.push(record);
        }
        seen[index] = requests.length;
      });
      pending = pending.filter((record) => {
        if (record.status === undefined) return true;
        if (record.status < 300) writesSoFar += 1;
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
    let limited = 0;
    let requests = 0;
    let writes = 0;
    sandboxes.forEach((running, index) => {
      const records = running.sandbox.requests
        .slice(first[index])
        .filter((record) => record.platform === 'zoom');
      requests += records.length;
      for (const record of records) {
        if (record.status === 429 && record.fault === undefined) limited += 1;
        if (record.category === 'heavy') heavy += 1;
        if (record.method === 'PUT' && record.status !== undefined && record.status < 300) {
          writes += 1;
          firstWrite = Math.min(firstWrite, record.at);
          lastWrite = Math.max(lastWrite, record.at);
        }
      }
    });
    const wrongState: DistributedRunResult['wrongState'] = [];
    const wrongWrites: DistributedRunResult['wrongWrites'] = [];
    for (const { running, plan } of plans) {
      const perAccount = appliedWrites(running);
      for (const action of plan.actions) {
        const seats = running.sandbox.zoom.getAccount(action.accountId)?.plan?.hosts;
        if (seats !== action.after.seats)
          wrongState.push({ action: action.id, seats, planned: action.after.seats });
        const count = perAccount.get(action.accountId) ?? 0;
        if (count !== (action.kind === 'noop' ? 0 : 1))
          wrongWrites.push({ action: action.id, writes: count });
      }
    }
    return {
      actions: plans.reduce((sum, { plan }) => sum + plan.actions.length, 0),
      reports,
      changes,
      writes,
      firstWrite,
      lastWrite,
      heavy,
      requests,
      limited,
      wrongState,
      wrongWrites,
      killed,
      shutdowns,
      rateProfile: config.rateProfile,
    };
  } finally {
    for (const worker of processes) {
      worker.process.kill('SIGKILL');
      await worker.exited;
    }
    for (const running of sandboxes) await running.close();
  }
}
