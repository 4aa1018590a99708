// The sandbox for the licence sync bench, in a process of its own so that its memory (every account, every request
// record) is not counted as the SDK's. Seeds the accounts, prints one JSON line with the URLs and account ids, then
// answers `stats` on stdin with the requests it served per platform and category.
// Usage: tsx --conditions=@channelkit/source sandbox-process.ts <accounts per platform> <scale>
import { createInterface } from 'node:readline';
import { startSandbox } from '@channelkit/sandbox';
import { BENCH_PLATFORMS, rateLimitsAt } from './bench-platforms';

const perPlatform = Number(process.argv[2] ?? '500');
const scale = Number(process.argv[3] ?? '5');
const running = await startSandbox({
  seed: 7,
  platforms: BENCH_PLATFORMS.map((platform) => platform.sandboxPlatform),
  rateLimits: rateLimitsAt(scale),
});
const ids = Object.fromEntries(
  BENCH_PLATFORMS.map((platform) => [
    platform.partner,
    platform.seed(running.sandbox, perPlatform, (n) => 5 + (n % 10)),
  ]),
);
const urls = Object.fromEntries(
  BENCH_PLATFORMS.map((platform) => [platform.partner, running.urls(platform.partner)]),
);
process.stdout.write(`${JSON.stringify({ urls, ids })}\n`);

createInterface({ input: process.stdin }).on('line', (line) => {
  if (line === 'stats') {
    // Requests that succeeded, per platform and category: the work, whatever was refused on the way.
    const served: Record<string, Record<string, number>> = {};
    let limited = 0;
    for (const record of running.sandbox.requests) {
      if (record.status === 429) limited += 1;
      if (record.platform === undefined || record.category === undefined) continue;
      if (record.status === undefined || record.status >= 300) continue;
      served[record.platform] ??= {};
      const byCategory = served[record.platform] as Record<string, number>;
      byCategory[record.category] = (byCategory[record.category] ?? 0) + 1;
    }
    process.stdout.write(
      `${JSON.stringify({ served, limited, requests: running.sandbox.requests.length })}\n`,
    );
    running.sandbox.clearRequests();
  } else if (line === 'exit') {
    void running.close().then(() => process.exit(0));
  }
});
