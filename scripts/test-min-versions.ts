// Runs the typecheck and the whole unit suite with the oldest version of every third-party runtime dependency
// the packages publish (the minimum of each range in their packed manifests), in a copy of the workspace whose
// pnpm overrides pin those versions. A published range must never promise a version the suite has not passed
// with. Not part of `pnpm test` (it reinstalls the workspace); CI runs it as its own job.
//
// Usage: pnpm test:min-versions [--versions zod=4.1.0,axios=1.8.0] [--keep]
//   --versions  try other versions than the published minimums (to find the oldest one that passes)
//
// vitest is left at the workspace's version: it is the runner of this very suite, and the sandbox's peer range
// for it (the conformance suite) is proven by `pnpm check:packages`, which runs that suite under vitest 3.
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { oldestAccepted } from './lib/published-ranges.ts';
import { run } from './lib/run.ts';
import { type PackedPackage, packPackage } from './lib/tarball.ts';
import { publishablePackages, repositoryRoot } from './lib/workspace.ts';

const notOverridden = new Set(['vitest']);

const { values: options } = parseArgs({
  options: { versions: { type: 'string' }, keep: { type: 'boolean', default: false } },
});

const workDir = await mkdtemp(join(tmpdir(), 'channelkit-min-versions-'));
let failed = false;
try {
  const packed: PackedPackage[] = [];
  for (const pkg of await publishablePackages())
    packed.push(await packPackage(pkg, join(workDir, 'tarballs')));
  const { versions, problems } = oldestAccepted(packed);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  for (const name of notOverridden) versions.delete(name);
  for (const pair of options.versions?.split(',').filter(Boolean) ?? []) {
    const [name = '', version = ''] = pair.split('=');
    if (!name || !version) throw new Error(`--versions expects name=version pairs, got "${pair}"`);
    versions.set(name, version);
  }

  const copy = join(workDir, 'workspace');
  await copyWorkspace(copy);
  const overrides = [...versions]
    .map(([name, version]) => `  ${JSON.stringify(name)}: ${version}`)
    .join('\n');
  const workspaceFile = join(copy, 'pnpm-workspace.yaml');
  const workspaceYaml = await readFile(workspaceFile, 'utf8');
  if (/^overrides:/m.test(workspaceYaml))
    throw new Error('pnpm-workspace.yaml already has overrides; merge them here');
  await writeFile(workspaceFile, `${workspaceYaml}\noverrides:\n${overrides}\n`);

  const pinned = [...versions].map(([name, version]) => `${name}@${version}`).join(', ');
  console.log(`Running the typecheck and the unit tests with ${pinned}`);
  await run('pnpm', ['install', '--no-frozen-lockfile', '--prefer-offline', '--reporter=append-only'], {
    cwd: copy,
    inherit: true,
  });
  await run('pnpm', ['ls', '--recursive', '--depth', '0', ...versions.keys()], { cwd: copy, inherit: true });
  for (const script of ['typecheck', 'test:unit']) {
    try {
      await run('pnpm', ['run', script], { cwd: copy, inherit: true });
    } catch {
      failed = true;
      console.error(`✗ pnpm ${script} fails with ${pinned}`);
    }
  }
  if (!failed) console.log(`✓ The typecheck and the unit tests pass with ${pinned}`);
} finally {
  if (options.keep) console.log(`Kept the copy of the workspace in ${workDir}`);
  else await rm(workDir, { recursive: true, force: true });
}
if (failed) process.exit(1);

/** Copies the files git knows (tracked, and new files not ignored) into `target`: no node_modules, no dist. */
async function copyWorkspace(target: string): Promise<void> {
  const { stdout } = await run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: repositoryRoot,
  });
  for (const path of new Set(stdout.split('\0').filter(Boolean))) {
    const to = join(target, path);
    await mkdir(dirname(to), { recursive: true });
    try {
      await copyFile(join(repositoryRoot, path), to);
    } catch (error) {
      // A file deleted in the working tree but still tracked is not part of the workspace any more.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}
