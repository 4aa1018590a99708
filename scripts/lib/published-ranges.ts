import semver from 'semver';
import type { PackedPackage } from './tarball.ts';

/** The dependency fields of a manifest that reach users. */
export const runtimeDependencyFields = ['dependencies', 'peerDependencies', 'optionalDependencies'] as const;

/** The oldest version of each third-party package that the packed manifests accept, and what stood in the way. */
export interface OldestAccepted {
  versions: Map<string, string>;
  problems: string[];
}

/**
 * The oldest version of each third-party package that the packed manifests accept (the minimum of each
 * published range). Every package must publish the same range for the same dependency (they come from one
 * catalog), or an application could not share one copy with all of them.
 */
export function oldestAccepted(packed: readonly PackedPackage[]): OldestAccepted {
  const ranges = new Map<string, Set<string>>();
  for (const pkg of packed) {
    for (const field of runtimeDependencyFields) {
      for (const [name, range] of Object.entries(pkg.manifest[field] ?? {})) {
        if (name.startsWith('@channelkit/')) continue;
        ranges.set(name, (ranges.get(name) ?? new Set()).add(range));
      }
    }
  }
  const result: OldestAccepted = { versions: new Map(), problems: [] };
  for (const [name, published] of [...ranges].sort(([a], [b]) => a.localeCompare(b))) {
    if (published.size > 1) {
      result.problems.push(
        `${name} is published with different ranges (${[...published].join(', ')}); reference "catalog:published" everywhere`,
      );
      continue;
    }
    const [range = ''] = published;
    const oldest = semver.minVersion(range);
    if (oldest) result.versions.set(name, oldest.version);
    else result.problems.push(`${name}: cannot tell the oldest version of the range "${range}"`);
  }
  return result;
}
