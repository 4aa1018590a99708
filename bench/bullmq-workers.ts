// @channelkit/bullmq: the aggregate write rate of 1, 2 and 4 worker processes sharing one Zoom master account's
// limit, and of 4 workers serving 2 master accounts (independent limits), on Redis and on PostgreSQL. The sandbox
// enforces Zoom's per-master limits (scaled by --scale so that a run takes seconds, not minutes; the ratios do not
// depend on it); the queue's limiter carries the same limits. An action costs 2 Medium and 3 Heavy requests, so Heavy
// binds: the limit in writes per second is Heavy / 3 per master. Prints, per run: writes per second, their ratio
// to the limit (target: at least 0.9 with 4 workers, never above 1), the Heavy requests per second against the Heavy
// limit (retries included), and the 429s the sandbox's limiter answered (a token bucket like the platform's: any
// excess over the limit shows there). Then, with --kill, the 2,000-account run of the distributed test
// (packages/bullmq/test/distributed-apply.test.ts; both run packages/bullmq/test/harness/distributed-run.ts): 4
// workers, 2,000 accounts across the four partner platforms, 10% faults, one worker killed with SIGKILL part-way and
// another started.
//
// Usage: pnpm bench:bullmq [--accounts 600] [--scale 2] [--backends redis,postgres] [--kill]
// Needs redis-server on the PATH for the Redis runs (apt-get install -y redis-server).
import { parseArgs } from 'node:util';
import { limiterFor } from '@channelkit/bullmq';
import {
  type DistributedRunOptions,
  FAULTY_RUN,
  runDistributedApply,
} from '../packages/bullmq/test/harness/distributed-run';
import { startPostgres } from '../packages/bullmq/test/servers/postgres-server';
import { findRedisServer, INSTALL_REDIS, startRedis } from '../packages/bullmq/test/servers/redis-server';

const { values } = parseArgs({
  options: {
    accounts: { type: 'string', default: '600' },
    scale: { type: 'string', default: '2' },
    backends: { type: 'string', default: 'redis,postgres' },
    kill: { type: 'boolean', default: false },
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
  /** Accounts not in their desired state, and accounts written another number of times than their action needs. */
  wrongState: number;
  wrongWrites: number;
}

/** One run of the distributed test's harness (the same code the test asserts on), as figures. */
async function run(
  connection: string,
  prefix: string,
  options: Pick<
    DistributedRunOptions,
    'workers' | 'masters' | 'accounts' | 'faults' | 'killAt' | 'concurrency' | 'limits'
  >,
): Promise<RunFigures> {
  const result = await runDistributedApply({ ...options, connection, prefix });
  // The rate over the span of the writes: from the first write to the last, at the sandbox.
  const seconds = (result.lastWrite - result.firstWrite) / 1000;
  // A limiter window lets `max` jobs start at once: the writes of the first window open the span, so the rate
  // counts the writes after them.
  const firstWindow = Object.values(result.rateProfiles).reduce(
    (sum, profile) => sum + limiterFor(profile).max * options.masters,
    0,
  );
  return {
    writes: result.writes,
    seconds,
    rate: (result.writes - firstWindow) / seconds,
    heavyRate: result.heavy / seconds,
    limited: result.limited,
    requests: result.requests,
    complete: result.reports.every((report) => report.complete),
    failed: result.reports.reduce((sum, report) => sum + report.totals.failed, 0),
    wrongState: result.wrongState.length,
    wrongWrites: result.wrongWrites.length,
  };
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
      const figures = await run(server.url, `bench${prefixes}`, {
        workers,
        masters,
        accounts,
        limits: { zoom: limits },
      });
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
      const figures = await run(server.url, `bench${prefixes}`, FAULTY_RUN);
      const platforms = Object.keys(FAULTY_RUN.limits);
      console.log(
        `${platforms.length * FAULTY_RUN.accounts} accounts on ${platforms.join(', ')}, ${FAULTY_RUN.workers} workers, ` +
          `10% faults, one killed with SIGKILL and replaced: complete ${figures.complete}, failed ${figures.failed}, ` +
          `not in the desired state ${figures.wrongState}, written other than once ${figures.wrongWrites}, ` +
          `${figures.writes} writes, refused by the limiter ${figures.limited} of ${figures.requests} requests ` +
          `(${((100 * figures.limited) / figures.requests).toFixed(2)}%)`,
      );
      if (!figures.complete || figures.failed > 0 || figures.wrongState > 0 || figures.wrongWrites > 0)
        failed = true;
    }
  } finally {
    await server.stop();
  }
}
process.exitCode = failed ? 1 : 0;
