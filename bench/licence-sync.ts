// Licence sync: plan and apply across the four partner platforms of the sandbox (Zoom, Bizconf, Suirui Zhumu and
// Systec Umeet, as test/licence-sync/sync-platforms.ts describes them), with each platform's own rate limits, scaled,
// enforced by the sandbox and paced by the client. For each size it prints, measured
// in one run: the time of plan and of apply as a multiple of the rate-limit floor (the requests the work needed,
// divided by each platform's limit, per category; the slowest one is the floor; target at most 1.10), the 429s that
// reached the caller (target 0), and the peak memory of the SDK's process (the sandbox runs in a process of its own;
// target: under 200 MB, and the same within 20% at both sizes, as accounts are streamed), and the heap still live
// after a garbage collection at the end (the plan and the report held). The process runs under tsx, whose loader
// adds to the resident set what an application running built JavaScript does not have.
//
// Usage: pnpm bench licence-sync [--sizes 1000,10000] [--scale 5] [--concurrency 32]
//   --scale  the sandbox's limits as a multiple of the platforms' own (Zoom Business+ 80/60/40 per second, Bizconf
//            20/5, Zhumu 10/2, Umeet 20/5 reads/writes), so that 10,000 accounts take minutes, not an hour.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { describeLimits, rateLimitsAt } from './licence-sync/bench-platforms';

interface SizeFigures {
  total: number;
  changes: number;
  violations: number;
  plan: { seconds: number; floor: number; bound: string; sandbox429: number };
  apply: { seconds: number; floor: number; bound: string; sandbox429: number; complete: boolean };
  limitedToCaller: number;
  baselineRssMb: number;
  baselineHeapMb: number;
  peakRssMb: number;
  peakHeapMb: number;
  retainedHeapMb: number;
}

function measure(size: number, scale: number, concurrency: number): Promise<SizeFigures> {
  const script = fileURLToPath(new URL('./licence-sync/measure-size.ts', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--expose-gc',
        '--import',
        'tsx',
        '--conditions=@channelkit/source',
        script,
        String(size),
        String(scale),
        String(concurrency),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += String(chunk);
    });
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`the ${size}-account run exited with ${String(code)}`));
      else resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as SizeFigures);
    });
  });
}

/** Runs the benchmark, prints its figures, and says whether they met their targets. */
export async function benchLicenceSync(argv: readonly string[] = []): Promise<boolean> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      sizes: { type: 'string', default: '1000,10000' },
      scale: { type: 'string', default: '5' },
      concurrency: { type: 'string', default: '32' },
    },
    strict: false,
  });
  const sizes = String(values.sizes).split(',').map(Number);
  const scale = Number(values.scale);
  const concurrency = Number(values.concurrency);
  console.log(
    `\nlicence sync across zoom, bizconf, zhumu and umeet (a quarter of the accounts each), half the accounts ` +
      `growing; sandbox limits ${scale}x the platforms' own (${describeLimits(rateLimitsAt(scale))} per s); ` +
      `concurrency ${concurrency} per platform`,
  );
  const results: SizeFigures[] = [];
  for (const size of sizes) results.push(await measure(size, scale, concurrency));
  let ok = true;
  for (const figures of results) {
    const planMultiple = figures.plan.seconds / figures.plan.floor;
    const applyMultiple = figures.apply.seconds / figures.apply.floor;
    console.log(`\n  ${figures.total} accounts (${figures.changes} changes)`);
    console.log(
      `    plan    ${figures.plan.seconds.toFixed(1)} s, floor ${figures.plan.floor.toFixed(1)} s: ${planMultiple.toFixed(2)}x the floor   (target <= 1.10; floor set by ${figures.plan.bound})`,
    );
    console.log(
      `    apply   ${figures.apply.seconds.toFixed(1)} s, floor ${figures.apply.floor.toFixed(1)} s: ${applyMultiple.toFixed(2)}x the floor   (target <= 1.10; floor set by ${figures.apply.bound})`,
    );
    console.log(
      `    429s answered by the platforms ${figures.plan.sandbox429 + figures.apply.sandbox429}   (absorbed by the client: waited, sent again)`,
    );
    console.log(`    429s that reached the caller   ${figures.limitedToCaller}   (target 0)`);
    console.log(
      `    peak memory (SDK process)      ${figures.peakRssMb.toFixed(0)} MB RSS, ${figures.peakHeapMb.toFixed(0)} MB heap   (target < 200 MB)`,
    );
    console.log(
      `    before the sync                ${figures.baselineRssMb.toFixed(0)} MB RSS, ${figures.baselineHeapMb.toFixed(0)} MB heap   (modules loaded, nothing read yet)`,
    );
    console.log(
      `    live heap after apply          ${figures.retainedHeapMb.toFixed(0)} MB   (plan and report held; the rest of the peak was garbage)`,
    );
    if (!figures.apply.complete) console.log('    the apply did not complete');
    ok &&=
      planMultiple <= 1.1 && applyMultiple <= 1.1 && figures.limitedToCaller === 0 && figures.peakRssMb < 200;
    ok &&= figures.apply.complete;
  }
  if (results.length >= 2) {
    const [small, large] = [results[0] as SizeFigures, results.at(-1) as SizeFigures];
    const growth = large.peakRssMb / small.peakRssMb - 1;
    console.log(
      `\n  peak memory ${large.total} vs ${small.total} accounts: ${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(0)}%   (target within 20%)`,
    );
    ok &&= Math.abs(growth) <= 0.2;
  }
  return ok;
}
