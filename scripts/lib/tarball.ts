import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { unpack } from '@publint/pack';
import { run } from './run.ts';
import type { Manifest, WorkspacePackage } from './workspace.ts';

/** A package packed exactly as `pnpm publish` would send it to the registry. */
export interface PackedPackage {
  source: WorkspacePackage;
  /** Absolute path of the `.tgz`. */
  tarballPath: string;
  tarball: Uint8Array;
  /** The packed package.json: `workspace:` and `catalog:` references already rewritten by pnpm. */
  manifest: Manifest;
  /** Every file in the tarball, keyed by its path inside the package (`dist/index.js`). */
  files: Map<string, Uint8Array>;
}

/** Packs a workspace package with `pnpm pack` into `destination` and reads the tarball back. */
export async function packPackage(pkg: WorkspacePackage, destination: string): Promise<PackedPackage> {
  const { stdout } = await run('pnpm', ['pack', '--pack-destination', destination, '--json'], {
    cwd: pkg.dir,
  });
  const { filename } = JSON.parse(stdout) as { filename: string };
  const tarball = new Uint8Array(await readFile(filename));
  const { files: entries, rootDir } = await unpack(tarball);
  const files = new Map(entries.map((file) => [file.name.slice(rootDir.length + 1), file.data]));
  const manifestBytes = files.get('package.json');
  if (!manifestBytes) throw new Error(`${pkg.name}: the tarball ${filename} has no package.json`);
  const manifest = JSON.parse(new TextDecoder().decode(manifestBytes)) as Manifest;
  return { source: pkg, tarballPath: filename, tarball, manifest, files };
}

/** Writes a packed package's files under `directory`, as npm would unpack it. */
export async function extractPackage(packed: PackedPackage, directory: string): Promise<void> {
  for (const [path, data] of packed.files) {
    const target = join(directory, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, data);
  }
}

/** Reads a file of a packed package as UTF-8 text, or `undefined` when the tarball does not hold it. */
export function packedText(packed: PackedPackage, path: string): string | undefined {
  const data = packed.files.get(path);
  return data === undefined ? undefined : new TextDecoder().decode(data);
}
