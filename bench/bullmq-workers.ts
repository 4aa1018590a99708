// @channelkit/bullmq: the aggregate write rate of 1, 2 and 4 worker processes sharing one Zoom master account's
// limit, and of 4 workers serving 2 master accounts (independent limits), on Redis and on PostgreSQL. The sandbox
// enforces Zoom's per-master limits (scaled by --scale so that a run takes seconds, not minutes; the ratios do not
// depend on it); the queue's limiter carries the same limits. An action costs 2 Medium and 3 Heavy requests, so Heavy
// binds: the limit in writes per second is Heavy / 3 per master. Prints, per run: writes per second, their ratio
// to the limit (target: at least 0.9 with 4 workers, never above 1), the Heavy requests per second against the Heavy
// limit (retries included), and the 429s the sandbox's limiter answered (a token bucket like the platform's: any
// excess over the limit shows there). Then, with --kill, the 2,000-account run of
// the distributed test: 4 workers, 10% faults, one worker killed with SIGKILL half-way and another started.
//
// Usage: pnpm bench:bullmq [--accounts 600] [--scale 2] [--backends redis,postgres] [--kill] [--kill-accounts 2000]
// Needs redis-server on the PATH for the Redis runs (apt-get install -y redis-server).
import { parseArgs } from 'node:util';
import { createChannelQueue, limiterFor } from '@channelkit/bullmq';
import {
  type RunningSandbox,
  startSandbox,
  ZOOM_SANDBOX_CREDENTIALS,
  zoomSandboxPlatform,
} from '@channelkit/sandbox';
import type { WorkerChildConfig } from '../packages/bullmq/test/fixtures/worker-child';
import { appliedWrites, seedAndPlan } from '../packages/bullmq/test/harness/sandbox-plan';
import { startWorkerProcess, type WorkerProcess } from '../packages/bullmq/test/harness/worker-process';
import { startPostgres } from '../packages/bullmq/test/servers/postgres-server';
import { findRedisServer, INSTALL_REDIS, startRedis } from '../packages/bullmq/test/servers/redis-server';

const { values } = parseArgs({
  options: {
    accounts: { type: 'string', default: '600' },
    scale: { type: 'string', default: '2' },
    backends: { type: 'string', default: 'redis,postgres' },
    kill: { type: 'boolean', default: false },
    'kill-accounts': { type: 'string', default: '2000' },
  },
});
const accounts = Number(values.accounts);
const scale = Number(values.scale);
/** Zoom's Business+ limits per master account, scaled. */
const limits = { light: 80 * scale, medium: 60 * scale, heavy: 40 * scale };
const writeLimit = limits.heavy / 3;

interface RunFigures {
  writes: number;
  seconds: number;
  rate: number;
  /** Heavy requests per second over the span of the writes. */
  heavyRate: number;
  limited: number;
  /** API requests the sandbox received during the apply. */
  requests: number;
  complete: boolean;
  failed: number;
  /** Accounts not in their desired state, and accounts written more than once. */
  wrongState: number;
  doubled: number;
}

async function run(
  connection: string,
  prefix: string,
  workers: number,
  masters: number,
  options: { accounts: number; faults?: number; killHalfWay?: boolean },
): Promise<RunFigures> {
  const sandboxes: RunningSandbox[] = [];
  const processes: WorkerProcess[] = [];
  try {
    const plans = [];
    for (let master = 0; master < masters; master += 1) {
      const accountId = master === 0 ? ZOOM_SANDBOX_CREDENTIALS.accountId : `sandbox-master-${master + 1}`;
      const running = await startSandbox({
        seed: 40 + master,
        platforms: [zoomSandboxPlatform({ credentials: { accountId } })],
        rateLimits: { zoom: limits },
      });
      sandboxes.push(running);
      plans.push({
        running,
        accountId,
        plan: await seedAndPlan(running, options.accounts, limits, accountId),
      });
    }
    const first = sandboxes.map((running) => running.sandbox.requests.length);
    if (options.faults) {
      for (const running of sandboxes) {
        for (const fault of [
          { kind: 'rate_limit' as const },
          { kind: 'server_error' as const, status: 503 as const },
          { kind: 'reset' as const },
        ]) {
          running.sandbox.faults.add({
            platform: 'zoom',
            path: /^\/v2\//,
            probability: options.faults / 3,
            fault,
          });
        }
      }
    }
    const queue = createChannelQueue({ connection, prefix });
    for (const { plan } of plans) await queue.enqueueApply(plan);
    const config: WorkerChildConfig = {
      connection,
      prefix,
      masters: plans.map(({ running, accountId }) => {
        const urls = running.urls('zoom');
        return { baseUrl: urls.baseUrl, oauthUrl: urls.oauthUrl, accountId };
      }),
      rateProfile: {
        limits: options.faults
          ? {
              medium: limits.medium * (1 - options.faults * 1.5),
              heavy: limits.heavy * (1 - options.faults * 1.5),
            }
          : limits,
        perJob: { medium: 2, heavy: 3 },
      },
      clientRateLimit: limits,
      concurrency: 16,
      lockDurationMs: 5_000,
      stalledIntervalMs: 2_500,
    };
    processes.push(...(await Promise.all(Array.from({ length: workers }, () => startWorkerProcess(config)))));
    const changes = plans.reduce(
      (sum, { plan }) => sum + plan.actions.filter((action) => action.kind !== 'noop').length,
      0,
    );
    const written = () =>
      sandboxes.reduce(
        (sum, running) => sum + [...appliedWrites(running).values()].reduce((a, b) => a + b, 0),
        0,
      );
    if (options.killHalfWay) {
      while (written() < changes / 2) await new Promise((resolve) => setTimeout(resolve, 20));
      processes[0]?.process.kill('SIGKILL');
      await processes[0]?.exited;
      processes.push(await startWorkerProcess(config));
    }
    const reports = [];
    for (const { plan } of plans) reports.push(await queue.waitForApply(plan.hash, { intervalMs: 500 }));
    await queue.close();

    // The rate over the span of the writes: from the first write to the last, at the sandbox.
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
    let wrongState = 0;
    let doubled = 0;
    for (const { running, plan } of plans) {
      const perAccount = appliedWrites(running);
      for (const action of plan.actions) {
        if (running.sandbox.zoom.getAccount(action.accountId)?.plan?.hosts !== action.after.seats)
          wrongState += 1;
        if ((perAccount.get(action.accountId) ?? 0) > 1) doubled += 1;
      }
    }
    const seconds = (lastWrite - firstWrite) / 1000;
    // A limiter window lets `max` jobs start at once: the writes of the first window open the span, so the rate
    // counts the writes after them.
    const firstWindow = limiterFor(config.rateProfile).max * masters;
    return {
      writes,
      seconds,
      rate: (writes - firstWindow) / seconds,
      heavyRate: heavy / seconds,
      limited,
      requests,
      complete: reports.every((report) => report.complete),
      failed: reports.reduce((sum, report) => sum + report.totals.failed, 0),
      wrongState,
      doubled,
    };
  } finally {
    for (const worker of processes) {
      worker.process.kill('SIGTERM');
      await worker.exited;
    }
    for (const running of sandboxes) await running.close();
  }
}

const backends = values.backends.split(',').filter(Boolean);
let failed = false;
for (const backend of backends) {
  if (backend === 'redis' && findRedisServer() === undefined) {
    console.log(`redis: skipped (redis-server not found; install it with: ${INSTALL_REDIS})`);
    continue;
  }
  const server = backend === 'redis' ? await startRedis() : await startPostgres('bench');
  try {
    console.log(
      `\n${backend}: ${accounts} accounts per master, limits ${JSON.stringify(limits)} per master ` +
        `(Zoom Business+ × ${scale}): ${writeLimit.toFixed(1)} writes/s per master`,
    );
    console.log('workers  masters  writes  seconds  writes/s  ratio to limit  heavy req/s (limit)  429s');
    let single = 0;
    let prefixes = 0;
    for (const [workers, masters] of [
      [1, 1],
      [2, 1],
      [4, 1],
      [4, 2],
    ] as const) {
      prefixes += 1;
      const figures = await run(server.url, `bench${prefixes}`, workers, masters, { accounts });
      const ratio = figures.rate / (writeLimit * masters);
      if (masters === 1) single = figures.rate;
      console.log(
        `${String(workers).padStart(7)}  ${String(masters).padStart(7)}  ${String(figures.writes).padStart(6)}  ` +
          `${figures.seconds.toFixed(1).padStart(7)}  ${figures.rate.toFixed(2).padStart(8)}  ` +
          `${ratio.toFixed(3).padStart(14)}  ${`${figures.heavyRate.toFixed(1)} (${limits.heavy * masters})`.padStart(19)}  ` +
          `${String(figures.limited).padStart(4)}` +
          (masters === 2
            ? `   (${(figures.rate / single).toFixed(2)}× the 4-worker single-master rate)`
            : ''),
      );
      if (!figures.complete) failed = true;
      if (workers === 4 && masters === 1 && (ratio < 0.9 || ratio > 1.0)) failed = true;
    }
    if (values.kill) {
      prefixes += 1;
      const size = Number(values['kill-accounts']);
      const figures = await run(server.url, `bench${prefixes}`, 4, 1, {
        accounts: size,
        faults: 0.1,
        killHalfWay: true,
      });
      console.log(
        `${size} accounts, 4 workers, 10% faults, one killed with SIGKILL half-way and replaced: complete ` +
          `${figures.complete}, failed ${figures.failed}, not in the desired state ${figures.wrongState}, written twice ` +
          `${figures.doubled}, ${figures.writes} writes in ${figures.seconds.toFixed(1)} s, 429s from the limiter ` +
          `${figures.limited} of ${figures.requests} requests (${((100 * figures.limited) / figures.requests).toFixed(2)}%)`,
      );
      if (!figures.complete || figures.failed > 0 || figures.wrongState > 0 || figures.doubled > 0)
        failed = true;
    }
  } finally {
    await server.stop();
  }
}
process.exitCode = failed ? 1 : 0;
