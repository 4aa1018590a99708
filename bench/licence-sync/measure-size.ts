// One size of the licence sync bench, in a fresh process so that its peak memory is its own: starts the sandbox
// process, plans and applies a sync of `total` accounts across the platforms, and prints one JSON line of figures.
// Usage: tsx --conditions=@channelkit/source measure-size.ts <total accounts> <scale> <concurrency>
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createHub, createMemoryStateStore, type HubDesiredLicence } from '@channelkit/core';
import type { PlatformUrls } from '@channelkit/sandbox';
import { benchAdapter, rateLimitsAt, SYNC_PLATFORMS } from './bench-platforms';

const total = Number(process.argv[2] ?? '1000');
const scale = Number(process.argv[3] ?? '5');
const concurrency = Number(process.argv[4] ?? '32');
const perPlatform = Math.ceil(total / SYNC_PLATFORMS.length);
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

const hub = createHub(
  Object.fromEntries(
    SYNC_PLATFORMS.map((platform) => [
      platform.partner,
      benchAdapter(platform, urls[platform.partner] ?? {}, limits[platform.partner] ?? {}),
    ]),
  ),
  { maxRetries: 5 },
);

// Half the accounts change: the desired rows are produced as a stream, never held as a list.
async function* desired(): AsyncGenerator<HubDesiredLicence> {
  for (let n = 0; n < perPlatform; n += 1) {
    for (const platform of SYNC_PLATFORMS) {
      const accountId = ids[platform.partner]?.[n] ?? '';
      const seats = 5 + (n % 10);
      yield { partner: platform.partner, accountId, seats: n % 2 === 0 ? seats + 3 : seats };
    }
  }
}

let peakRss = 0;
let peakHeap = 0;
const sample = () => {
  const usage = process.memoryUsage();
  peakRss = Math.max(peakRss, usage.rss);
  peakHeap = Math.max(peakHeap, usage.heapUsed);
};
const sampler = setInterval(sample, 20);

/** The rate-limit floor of the requests served: the longest any platform's category needs at its limit, in s. */
function floorSeconds(served: Record<string, Record<string, number>>): number {
  let floor = 0;
  for (const [platform, categories] of Object.entries(served)) {
    for (const [category, count] of Object.entries(categories)) {
      const limit = limits[platform]?.[category];
      if (limit !== undefined) floor = Math.max(floor, count / limit);
    }
  }
  return floor;
}

const planStart = performance.now();
const plan = await hub.licences.plan(desired(), { concurrency });
const planSeconds = (performance.now() - planStart) / 1000;
const planStats = await stats();
const planLimitedToCaller = plan.violations.filter((violation) => /429|rate/i.test(violation.reason)).length;

const applyStart = performance.now();
const report = await hub.licences.apply(plan, { concurrency, store: createMemoryStateStore() });
const applySeconds = (performance.now() - applyStart) / 1000;
const applyStats = await stats();
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
      floor: floorSeconds(planStats.served),
      served: planStats.served,
      sandbox429: planStats.limited,
    },
    apply: {
      seconds: applySeconds,
      floor: floorSeconds(applyStats.served),
      served: applyStats.served,
      sandbox429: applyStats.limited,
      complete: report.complete,
      totals: report.totals,
    },
    limitedToCaller: planLimitedToCaller + applyLimitedToCaller,
    peakRssMb: peakRss / 2 ** 20,
    peakHeapMb: peakHeap / 2 ** 20,
    retainedHeapMb,
    planActions: plan.actions.length,
    reportOutcomes: report.outcomes.length,
  })}\n`,
);
process.exit(0);
