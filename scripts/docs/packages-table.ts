// The site's list of packages, from their package.json files, each linked to its API reference.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The folders that hold publishable packages, relative to the repository root. */
export const PACKAGE_ROOTS = ['packages', 'packages/adapters'];

/** One published package. */
export interface PackageSummary {
  /** npm name, e.g. `@channelkit/core`. */
  name: string;
  /** Its package.json description. */
  description: string;
}

/** Every package that is published (not `private`), in folder order. */
export function findPackages(root: string): PackageSummary[] {
  return PACKAGE_ROOTS.flatMap((dir) =>
    readdirSync(join(root, dir), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(root, dir, entry.name, 'package.json')))
      .map((entry) => entry.name)
      .sort()
      .map((name) => JSON.parse(readFileSync(join(root, dir, name, 'package.json'), 'utf8')))
      .filter((manifest: { private?: boolean }) => manifest.private !== true)
      .map((manifest: { name: string; description?: string }) => ({
        name: manifest.name,
        description: manifest.description ?? '',
      })),
  );
}

/** A Markdown table of `packages`, each name a typedoc link to the package's API reference. */
export function renderPackagesTable(packages: readonly PackageSummary[]): string {
  return [
    '| Package | What it is |',
    '| --- | --- |',
    ...packages.map(
      (pkg) => `| {@link ${pkg.name}! ${pkg.name}} | ${pkg.description.replace(/\|/g, '\\|')} |`,
    ),
    '',
  ].join('\n');
}
