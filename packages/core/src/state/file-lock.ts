import { readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { StateStoreError } from '../errors/state-store-error';
import { sleep } from '../transport/sleep';

/** A held file lock. */
export interface FileLock {
  /** Gives the lock back. */
  release(): Promise<void>;
}

/** Options of {@link lockFile}. */
export interface FileLockOptions {
  /** A lock not refreshed for this long is abandoned (its holder died) and may be taken, in milliseconds. */
  staleMs: number;
  /** How long to wait for a held lock before giving up, in milliseconds. */
  waitMs: number;
  /** Called if the lock is lost while held (e.g. the process stalled past `staleMs` and another took it). */
  onCompromised(error: Error): void;
}

const POLL_MS = 250;

interface Owner {
  pid: number;
  host: string;
  since: string;
}

/**
 * Takes an exclusive lock on `path` for this process, across processes and machines sharing the file system, with
 * proper-lockfile: an atomic `mkdir` of `<path>.lock` whose modification time the holder refreshes every
 * `staleMs / 2`; a lock not refreshed for `staleMs` belongs to a holder that died and is taken over. This works on
 * local and network file systems alike and is not fooled by a reused process id, which a pid file is. Who holds the
 * lock is written beside it (`<path>.lock-owner`) for messages. Waits up to `waitMs` for a held lock, which covers
 * the `staleMs` a crashed holder's lock takes to be recognised as abandoned.
 */
export async function lockFile(path: string, options: FileLockOptions): Promise<FileLock> {
  // Loaded on first use: the library installs exit handlers when it loads, which an application that never opens a
  // file store should not get.
  const { default: lockfile } = await import('proper-lockfile');
  const ownerPath = `${path}.lock-owner`;
  const deadline = Date.now() + options.waitMs;
  for (;;) {
    try {
      const release = await lockfile.lock(path, {
        realpath: false,
        stale: options.staleMs,
        update: Math.max(1_000, Math.floor(options.staleMs / 2)),
        retries: 0,
        onCompromised: options.onCompromised,
      });
      const owner: Owner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
      await writeFile(ownerPath, `${JSON.stringify(owner)}\n`).catch(() => undefined);
      return {
        async release() {
          await rm(ownerPath, { force: true }).catch(() => undefined);
          await release().catch(() => undefined);
        },
      };
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'ELOCKED') {
        throw new StateStoreError({
          message: `Cannot lock ${path}: ${(error as Error).message}. Check that its folder exists and is writable.`,
          location: path,
          cause: error,
        });
      }
      if (Date.now() >= deadline) {
        throw new StateStoreError({
          message:
            `${path} is in use by another process (${await describeOwner(ownerPath)}); a state file serves one ` +
            'process at a time. Wait for it to finish, or share a networked store between processes. A lock left by ' +
            `a crashed process is taken over ${options.staleMs} ms after it stopped refreshing it.`,
          location: path,
        });
      }
      await sleep(POLL_MS, undefined);
    }
  }
}

async function describeOwner(ownerPath: string): Promise<string> {
  try {
    const owner = JSON.parse(await readFile(ownerPath, 'utf8')) as Partial<Owner>;
    return `process ${String(owner.pid)} on ${String(owner.host)}, since ${String(owner.since)}`;
  } catch {
    return 'holder unknown';
  }
}
