// One size of the licence sync bench, in a fresh process so that its peak memory is its own: starts the sandbox
// process, plans and applies a sync of `total` accounts across the platforms, and prints one JSON line of figures.
// Usage: tsx --conditions=@channelkit/source measure-size.ts <total accounts> <scale> <concurrency>
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createHub, createMemoryStateStore, type HubDesiredLicence } from '@channelkit/core';
import type { PlatformUrls } from '@channelkit/sandbox';
import { BENCH_PLATFORMS, rateLimitsAt } from './bench-platforms';

const total = Number(process.argv[2] ?? '1000');
const scale = Number(process.argv[3] ?? '5');
const concurrency = Number(process.argv[4] ?? '32');
const perPlatform = Math.ceil(total / BENCH_PLATFORMS.length);
const limits = rateLimitsAt(scale);

const sandboxProcess = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    '--conditions=@channelkit/source',
    fileURLToPath(new URL('./sandbox-process.ts', import.meta.url)),
    String(perPlatform),
    String(scale),
  ],
  { stdio: ['pipe', 'pipe', 'inherit'] },
);
const lines = createInterface({ input: sandboxProcess.stdout })[Symbol.asyncIterator]();
const nextLine = async () => JSON.parse((await lines.next()).value as string) as unknown;
const { urls, ids } = (await nextLine()) as {
  urls: Record<string, PlatformUrls>;
  ids: Record<string, string[]>;
};
const stats = async () => {
  sandboxProcess.stdin.write('stats\n');
  return (await nextLine()) as {
    served: Record<string, Record<string, number>>;
    limited: number;
    requests: number;
  };
};
await stats(); // forget the seeding

// Each platform's client is paced to exactly the limits its sandbox enforces, with the client's default retries.
const hub = createHub(
  Object.fromEntries(
    BENCH_PLATFORMS.map((platform) => [platform.partner, platform.adapter(urls[platform.partner] ?? {})]),
  ),
  {
    partners: Object.fromEntries(
      BENCH_PLATFORMS.map((platform) => [platform.partner, { rateLimit: limits[platform.partner] }]),
    ),
  },
);
// Rate limits the platforms answered and the client absorbed (waited, then sent again), per platform. Counted on the
// client because Bizconf says "slow down" in an HTTP 200 envelope, which the sandbox's records cannot tell apart.
let absorbed: { platform: string; method: string }[] = [];
hub.on('retry', (event) => {
  if (event.reason === 'rate_limited') absorbed.push({ platform: event.platform, method: event.method });
});
const takeAbsorbed = () => {
  const taken = absorbed;
  absorbed = [];
  return taken;
};
// Bizconf's rate limits arrive as HTTP 200 envelopes, which the sandbox counts as served: they are taken off the work
// (by the category of their method) so that they do not raise the floor.
const HTTP_200_RATE_LIMITS: Record<string, Record<string, string>> = {
  bizconf: { GET: 'query', POST: 'write' },
};
function work(
  served: Record<string, Record<string, number>>,
  limited: readonly { platform: string; method: string }[],
): Record<string, Record<string, number>> {
  const result = structuredClone(served);
  for (const { platform, method } of limited) {
    const category = HTTP_200_RATE_LIMITS[platform]?.[method.toUpperCase()];
    const counts = result[platform];
    if (category !== undefined && counts?.[category] !== undefined) counts[category] -= 1;
  }
  return result;
}

// Half the accounts change: the desired rows are produced as a stream, never held as a list.
async function* desired(): AsyncGenerator<HubDesiredLicence> {
  for (let n = 0; n < perPlatform; n += 1) {
    for (const platform of BENCH_PLATFORMS) {
      const accountId = ids[platform.partner]?.[n] ?? '';
      const seats = 5 + (n % 10);
      yield { partner: platform.partner, accountId, seats: n % 2 === 0 ? seats + 3 : seats };
    }
  }
}

// The process before any account is read (modules loaded, sandbox connected), after a garbage collection: what the
// peaks below add to it is what the sync itself costs.
(globalThis as { gc?: () => void }).gc?.();
const baseline = process.memoryUsage();
let peakRss = 0;
let peakHeap = 0;
const sample = () => {
  const usage = process.memoryUsage();
  peakRss = Math.max(peakRss, usage.rss);
  peakHeap = Math.max(peakHeap, usage.heapUsed);
};
const sampler = setInterval(sample, 20);

/** The rate-limit floor of the requests served: the longest any platform's category needs at its limit, in s. */
function floorOf(served: Record<string, Record<string, number>>): { seconds: number; bound: string } {
  let floor = { seconds: 0, bound: 'none' };
  for (const [platform, categories] of Object.entries(served)) {
    for (const [category, count] of Object.entries(categories)) {
      const limit = limits[platform]?.[category];
      if (limit !== undefined && count / limit > floor.seconds) {
        floor = { seconds: count / limit, bound: `${platform} ${category}: ${count} requests at ${limit}/s` };
      }
    }
  }
  return floor;
}

const planStart = performance.now();
const plan = await hub.licences.plan(desired(), { concurrency });
const planSeconds = (performance.now() - planStart) / 1000;
const planStats = await stats();
const planAbsorbed = takeAbsorbed();
const planLimitedToCaller = plan.violations.filter((violation) => /429|rate/i.test(violation.reason)).length;

const applyStart = performance.now();
const report = await hub.licences.apply(plan, { concurrency, store: createMemoryStateStore() });
const applySeconds = (performance.now() - applyStart) / 1000;
const applyStats = await stats();
const applyAbsorbed = takeAbsorbed();
sample();
clearInterval(sampler);
const applyLimitedToCaller = report.outcomes.filter(
  (outcome) => outcome.error?.code === 'rate_limited',
).length;
// What stays live once garbage is collected, with the plan and the report still held: the peaks above also count
// garbage that the collector had not reclaimed yet.
(globalThis as { gc?: () => void }).gc?.();
const retainedHeapMb = process.memoryUsage().heapUsed / 2 ** 20;

sandboxProcess.stdin.write('exit\n');
process.stdout.write(
  `${JSON.stringify({
    total: plan.summary.rows,
    changes: plan.actions.filter((action) => action.kind !== 'noop').length,
    violations: plan.violations.length,
    plan: {
      seconds: planSeconds,
      floor: floorOf(work(planStats.served, planAbsorbed)).seconds,
      bound: floorOf(work(planStats.served, planAbsorbed)).bound,
      served: work(planStats.served, planAbsorbed),
      sandbox429: planAbsorbed.length,
    },
    apply: {
      seconds: applySeconds,
      floor: floorOf(work(applyStats.served, applyAbsorbed)).seconds,
      bound: floorOf(work(applyStats.served, applyAbsorbed)).bound,
      served: work(applyStats.served, applyAbsorbed),
      sandbox429: applyAbsorbed.length,
      complete: report.complete,
      totals: report.totals,
    },
    limitedToCaller: planLimitedToCaller + applyLimitedToCaller,
    baselineRssMb: baseline.rss / 2 ** 20,
    baselineHeapMb: baseline.heapUsed / 2 ** 20,
    peakRssMb: peakRss / 2 ** 20,
    peakHeapMb: peakHeap / 2 ** 20,
    retainedHeapMb,
    planActions: plan.actions.length,
    reportOutcomes: report.outcomes.length,
  })}\n`,
);
process.exit(0);
