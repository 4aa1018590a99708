import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { repositoryRoot, type WorkspacePackage } from './workspace.ts';

/** The part of `.changeset/config.json` the release relies on. */
interface ChangesetsConfig {
  fixed?: string[][];
  privatePackages?: { version?: boolean; tag?: boolean };
}

/**
 * Checks that every publishable package belongs to the one fixed version group of `.changeset/config.json`
 * and carries the group's version, so that all @channelkit packages are released together.
 */
export async function checkReleaseConfig(packages: readonly WorkspacePackage[]): Promise<string[]> {
  const problems: string[] = [];
  const config = JSON.parse(
    await readFile(join(repositoryRoot, '.changeset', 'config.json'), 'utf8'),
  ) as ChangesetsConfig;
  const groups = config.fixed ?? [];
  if (groups.length !== 1) {
    problems.push(
      `.changeset/config.json must have exactly one "fixed" group (all packages share one version)`,
    );
  }
  const patterns = (groups[0] ?? []).map(globToRegExp);
  for (const pkg of packages) {
    if (!patterns.some((pattern) => pattern.test(pkg.name))) {
      problems.push(
        `${pkg.name} is not in the "fixed" group of .changeset/config.json; add it (or widen a pattern)`,
      );
    }
  }
  const versions = new Set(packages.map((pkg) => pkg.version));
  if (versions.size > 1) {
    const list = packages.map((pkg) => `${pkg.name}@${pkg.version}`).join(', ');
    problems.push(
      `the packages must share one version (changesets "fixed" group), found ${list}; run \`pnpm changeset version\``,
    );
  }
  return problems;
}

/** The subset of changesets' globs the config uses: `*` matches within one path segment. */
function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*');
  return new RegExp(`^${escaped}$`);
}
