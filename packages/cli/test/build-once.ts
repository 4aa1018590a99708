import { execFile } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

// The tests run the built `channelkit` binary, which loads the built packages it depends on. Before the first test,
// this builds the command line and those packages (pnpm's `@channelkit/cli...` filter) when a source file is newer
// than the build, or the build is missing: `pnpm test` has built everything already, and a focused run after an edit
// is not run against stale code.

const root = fileURLToPath(new URL('../../..', import.meta.url));
const execute = promisify(execFile);

/** The newest modification time of the files under `folder`, or 0 when it does not exist. */
async function newest(folder: string): Promise<number> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true, recursive: true });
  } catch {
    return 0;
  }
  let latest = 0;
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const { mtimeMs } = await stat(join(entry.parentPath, entry.name));
    latest = Math.max(latest, mtimeMs);
  }
  return latest;
}

/** The workspace packages `@channelkit/cli` loads at run time (its own folder included). */
async function packageFolders(): Promise<string[]> {
  const adapters = await readdir(join(root, 'packages/adapters'));
  return [
    ...['types', 'core', 'sandbox', 'bullmq', 'cli'].map((name) => join(root, 'packages', name)),
    ...adapters.map((name) => join(root, 'packages/adapters', name)),
  ];
}

export default async function buildOnce(): Promise<void> {
  let stale = false;
  for (const folder of await packageFolders()) {
    const built = await newest(join(folder, 'dist'));
    const sources = Math.max(
      await newest(join(folder, 'src')),
      (await stat(join(folder, 'package.json'))).mtimeMs,
    );
    if (built === 0 || sources > built) stale = true;
  }
  if (!stale) return;
  await execute('pnpm', ['--filter', '@channelkit/cli...', 'run', 'build'], {
    cwd: root,
    maxBuffer: 64 * 1024 * 1024,
    timeout: 600_000,
  });
}
