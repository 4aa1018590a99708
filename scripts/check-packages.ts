// Checks every publishable package as npm users will get it: packs each one with `pnpm pack` (which rewrites
// `workspace:` and `catalog:` exactly as `pnpm publish` does), then checks the tarballs: manifest metadata and
// ranges, README and LICENSE, declared imports, publint and are-the-types-wrong. Last, it installs the tarballs
// with npm into a fresh application next to the oldest supported peers, proves one copy of each is shared and
// runs the commands they install.
// Packages are found through pnpm, so a new package is checked without editing this script.
//
// Usage: pnpm check:packages [--skip-install] [--keep]   (after `pnpm build`)
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkWithAttw } from './lib/attw-check.ts';
import { checkConsumerInstall } from './lib/consumer-check.ts';
import { checkDeclaredImports } from './lib/import-checks.ts';
import { checkPackedManifest } from './lib/manifest-checks.ts';
import { checkWithPublint } from './lib/publint-check.ts';
import { checkReleaseConfig } from './lib/release-config.ts';
import { extractPackage, type PackedPackage, packPackage } from './lib/tarball.ts';
import { publishablePackages, repositoryRoot } from './lib/workspace.ts';

const { values: options } = parseArgs({
  options: { 'skip-install': { type: 'boolean', default: false }, keep: { type: 'boolean', default: false } },
});

const workDir = await mkdtemp(join(tmpdir(), 'channelkit-packages-'));
const problems: string[] = [];
const report = (name: string, found: readonly string[]) => {
  for (const problem of found) problems.push(`${name}: ${problem}`);
};

try {
  const packages = await publishablePackages();
  if (packages.length === 0) throw new Error('pnpm lists no publishable package in this workspace');
  const license = await readFile(join(repositoryRoot, 'LICENSE'), 'utf8');
  report('release', await checkReleaseConfig(packages));

  const packed: PackedPackage[] = [];
  const loadsOnlyBesideOptionalPeer = new Map<string, Set<string>>();
  for (const pkg of packages) {
    const tarball = await packPackage(pkg, join(workDir, 'tarballs'));
    packed.push(tarball);
    const extracted = join(workDir, 'extracted', pkg.name);
    await extractPackage(tarball, extracted);
    const publint = await checkWithPublint(tarball);
    const imports = await checkDeclaredImports(tarball, extracted);
    loadsOnlyBesideOptionalPeer.set(pkg.name, imports.entriesNeedingOptionalPeers);
    report(pkg.name, [
      ...checkPackedManifest(tarball, license),
      ...imports.problems,
      ...publint.problems,
      ...(await checkWithAttw(tarball)),
    ]);
    for (const suggestion of publint.suggestions) console.log(`  note ${pkg.name}: ${suggestion}`);
    console.log(`✓ packed and checked ${pkg.name}@${pkg.version} (${tarball.files.size} files)`);
  }

  if (problems.length === 0 && !options['skip-install']) {
    report(
      'npm install',
      await checkConsumerInstall(packed, join(workDir, 'consumer'), loadsOnlyBesideOptionalPeer),
    );
  }
} finally {
  if (options.keep) console.log(`Kept the tarballs and the test application in ${workDir}`);
  else await rm(workDir, { recursive: true, force: true });
}

if (problems.length > 0) {
  console.error(`\n✗ ${problems.length} packaging problem(s):`);
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(1);
}
console.log('Package checks passed.');
