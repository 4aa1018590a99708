import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { run } from './run.ts';

/** The fields of a package.json the release scripts read. */
export interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  description?: string;
  keywords?: string[];
  license?: string;
  homepage?: string;
  bugs?: { url?: string } | string;
  repository?: { type?: string; url?: string; directory?: string } | string;
  engines?: Record<string, string>;
  exports?: unknown;
  main?: string;
  types?: string;
  typings?: string;
  publishConfig?: Record<string, unknown>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  optionalDependencies?: Record<string, string>;
  [field: string]: unknown;
}

/** A package of the workspace that is published to npm. */
export interface WorkspacePackage {
  name: string;
  version: string;
  /** Absolute directory. */
  dir: string;
  /** Directory relative to the repository root, with forward slashes (e.g. `packages/adapters/zoom`). */
  relativeDir: string;
  manifest: Manifest;
}

/** The repository root: the scripts live in `<root>/scripts/lib`. */
export const repositoryRoot: string = join(import.meta.dirname, '..', '..');

/**
 * Every package of the workspace that is not private, as pnpm sees the workspace: new packages are found
 * without editing any script.
 */
export async function publishablePackages(root: string = repositoryRoot): Promise<WorkspacePackage[]> {
  const { stdout } = await run('pnpm', ['ls', '--recursive', '--depth', '-1', '--json'], { cwd: root });
  const listed = JSON.parse(stdout) as { name?: string; path: string; private?: boolean }[];
  const packages: WorkspacePackage[] = [];
  for (const entry of listed) {
    if (entry.private || entry.path === root) continue;
    const manifest = JSON.parse(await readFile(join(entry.path, 'package.json'), 'utf8')) as Manifest;
    packages.push({
      name: manifest.name,
      version: manifest.version,
      dir: entry.path,
      relativeDir: relative(root, entry.path).split('\\').join('/'),
      manifest,
    });
  }
  return packages.sort((a, b) => a.name.localeCompare(b.name));
}
