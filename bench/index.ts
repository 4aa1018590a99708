import { benchLicenceSync } from './licence-sync';
import { benchProvisionUnderRateLimit } from './provision-under-rate-limit';
import { runTransportOverhead } from './transport-overhead';

/** A named benchmark: prints its own results and may return `false` when it missed its target. */
type Benchmark = () => Promise<unknown>;

// Add further benchmarks here; `pnpm bench <name> [...]` runs only those named.
const benchmarks: Record<string, Benchmark> = {
  'transport-overhead': runTransportOverhead,
  'provision-under-rate-limit': () => benchProvisionUnderRateLimit(),
  'licence-sync': () =>
    benchLicenceSync(process.argv.slice(2).filter((arg) => arg.startsWith('-') || /^[\d,.]+$/.test(arg))),
};

const requested = process.argv.slice(2).filter((arg) => !arg.startsWith('-') && !/^[\d,.]+$/.test(arg));
const unknown = requested.filter((name) => !(name in benchmarks));
if (unknown.length > 0) {
  console.error(
    `Unknown benchmark(s): ${unknown.join(', ')}. Available: ${Object.keys(benchmarks).join(', ')}`,
  );
  process.exit(2);
}

let failed = false;
for (const name of requested.length > 0 ? requested : Object.keys(benchmarks)) {
  console.log(`\n# ${name}`);
  const started = performance.now();
  const ok = await (benchmarks[name] as Benchmark)();
  console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
  failed ||= ok === false;
}
process.exitCode = failed ? 1 : 0;
