// Publishes every @channelkit package to npm, after `pnpm test` (build, typecheck, lint, tests, package checks,
// API reference) has passed on exactly the tree being published. `pnpm publish -r` packs each package itself,
// rewriting `workspace:` and `catalog:` references into the published ranges, and skips versions npm already has.
//
// Usage: pnpm release [--dry-run] [--tag vX.Y.Z]
//   --dry-run  everything but the upload; needs no npm credentials and works on any branch of a fresh clone
//   --tag      the git tag being released (CI passes it); it must be v<version of the packages>
//
// Provenance: CI sets NPM_CONFIG_PROVENANCE=true, so npm records which workflow built the tarballs.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { run } from './lib/run.ts';
import { publishablePackages, repositoryRoot } from './lib/workspace.ts';

const { values: options } = parseArgs({
  options: { 'dry-run': { type: 'boolean', default: false }, tag: { type: 'string' } },
});
const dryRun = options['dry-run'];

const pending = (await readdir(join(repositoryRoot, '.changeset'))).filter(
  (file) => file.endsWith('.md') && file !== 'README.md',
);
if (pending.length > 0) {
  fail(
    `${pending.length} changeset(s) not versioned yet (${pending.join(', ')}): run \`pnpm version-packages\`, review and commit, then release`,
  );
}

const packages = await publishablePackages();
const versions = new Set(packages.map((pkg) => pkg.version));
const [version] = versions;
if (versions.size !== 1 || version === undefined) {
  fail(
    `the packages must share one version, found ${packages.map((pkg) => `${pkg.name}@${pkg.version}`).join(', ')}`,
  );
}
if (options.tag !== undefined && options.tag !== `v${version}`) {
  fail(`the tag ${options.tag} does not match the packages' version ${version}: tag the commit v${version}`);
}

const { stdout: changes } = await run('git', ['status', '--porcelain'], { cwd: repositoryRoot });
if (changes.trim() !== '') {
  const message = `the working tree has uncommitted changes; a release publishes committed work only:\n${changes}`;
  if (dryRun) console.warn(`(dry run) ${message}`);
  else fail(message);
}

console.log(
  `Releasing ${packages.map((pkg) => pkg.name).join(', ')} at ${version}${dryRun ? ' (dry run)' : ''}`,
);
await run('pnpm', ['test'], { cwd: repositoryRoot, inherit: true });

// pnpm's own git checks want a branch, but CI publishes from a detached tag checkout: the checks above
// (clean tree, tag = version, nothing left unversioned) stand in for them.
const publish = ['publish', '--recursive', '--access', 'public', '--no-git-checks'];
if (dryRun) publish.push('--dry-run');
await run('pnpm', publish, { cwd: repositoryRoot, inherit: true });
console.log(dryRun ? `Dry run complete: nothing was uploaded.` : `Published ${version}.`);

function fail(message: string): never {
  console.error(`✗ ${message}`);
  process.exit(1);
}
