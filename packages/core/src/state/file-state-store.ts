import { resolve } from 'node:path';
import { ConfigurationError } from '../errors/configuration-error';
import { StateStoreError } from '../errors/state-store-error';
import type { IdempotencyStore } from '../idempotency/idempotency-store';
import { type FileLock, lockFile } from './file-lock';
import { JournalFile } from './journal/journal-file';
import { type StateChange, StateTables } from './state-tables';
import type { SyncStateStore } from './sync-state-store';

/** Options of {@link createFileStateStore}. */
export interface FileStateStoreOptions {
  /**
   * Flush every batch of records to the disk (`fdatasync`) before acknowledging it, so that what was acknowledged
   * survives a power cut or an operating-system crash, not only the end of the process. Without it, records are in
   * the operating system's cache when acknowledged: they survive `SIGKILL` and any crash of the process, but may be
   * lost with the machine. @default true
   */
  fsync?: boolean | undefined;
  /**
   * Compact the journal (rewrite it with only what is live) once it reaches this many bytes and twice its size after
   * the last compaction. @default 8388608 (8 MiB)
   */
  compactAtBytes?: number | undefined;
  /**
   * A lock on the file not refreshed for this long is taken to belong to a process that died, in milliseconds
   * (at least 2000). The holder refreshes it every half of this. @default 10000
   */
  lockStaleMs?: number | undefined;
  /**
   * How long opening waits for a lock held by another process, in milliseconds. The default covers the time a
   * crashed process's lock takes to go stale, so a run started again right after a crash waits for it instead of
   * failing. @default lockStaleMs + 5000
   */
  lockWaitMs?: number | undefined;
  /** The store's clock, in milliseconds since the epoch; tests pass their own. @default Date.now */
  now?: (() => number) | undefined;
}

/**
 * A state store kept in an append-only journal file: the embedded default for one machine. It is a
 * {@link SyncStateStore} (licence sync checkpoints and plan locks) and an {@link IdempotencyStore} (pass it as the
 * client's `idempotency.store` so that idempotency keys survive a restart).
 */
export interface FileStateStore extends SyncStateStore, IdempotencyStore {
  /** The journal file's absolute path. */
  readonly path: string;
  /** Rewrites the journal with only what is live, now; it also happens by itself as the journal grows. */
  compact(): Promise<void>;
  /** Writes what is pending, closes the file and releases its lock; later calls are refused. */
  close(): Promise<void>;
}

const DEFAULT_COMPACT_AT_BYTES = 8 * 1024 * 1024;
const DEFAULT_LOCK_STALE_MS = 10_000;
const MIN_LOCK_STALE_MS = 2_000;

/**
 * Opens (or creates) a state store kept in the journal file at `path`. Every change is appended as one line with a
 * checksum, and acknowledged once written (and flushed, with `fsync`), so a process killed at any instant, even in
 * the middle of a write, loses nothing it was told was recorded: on the next open a torn last record is recognised
 * by its checksum and cut off, never misread. The journal compacts itself as it grows. The file is locked for this
 * process while the store is open (a lock not refreshed for `lockStaleMs` is taken over, so a crashed process does
 * not block it for long), so two processes cannot apply a plan with the same file at once; to share state between
 * processes or machines, use a networked store (`@channelkit/bullmq` brings Redis and PostgreSQL ones). Close it when
 * done.
 * @throws StateStoreError when the file is locked by another process beyond `lockWaitMs`, is not a journal, or is
 * damaged (a record that fails its checksum with valid ones after it).
 * @example
 * const store = await createFileStateStore('licence-sync.journal');
 * try {
 *   const report = await client.licences.apply(plan, { store });
 * } finally {
 *   await store.close();
 * }
 */
export async function createFileStateStore(
  path: string,
  options: FileStateStoreOptions = {},
): Promise<FileStateStore> {
  const settings = resolveOptions(options);
  const absolute = resolve(path);
  const tables = new StateTables(settings.now);
  let journal: JournalFile | undefined;
  let lostLock: StateStoreError | undefined;
  const lock: FileLock = await lockFile(absolute, {
    staleMs: settings.lockStaleMs,
    waitMs: settings.lockWaitMs,
    onCompromised(error) {
      lostLock = new StateStoreError({
        message: `The lock of ${absolute} was lost (${error.message}): another process may be using the file. This store refuses further use; open it again.`,
        location: absolute,
        cause: error,
      });
      journal?.fail(lostLock);
    },
  });
  try {
    const opened = await JournalFile.open(
      absolute,
      { fsync: settings.fsync, compactAtBytes: settings.compactAtBytes },
      (record, line) => tables.apply(checkRecord(record, absolute, line)),
      () => tables.snapshot(),
    );
    journal = opened.journal;
    // The process that held the file before is gone (this one holds its lock), and with it every claim it held.
    tables.expireRunningClaims();
    if (opened.records > 2 * tables.size + 1_000) await journal.compact();
  } catch (error) {
    await lock.release();
    throw error;
  }
  const open = journal;
  let closed = false;

  function usable(): void {
    const problem = lostLock ?? open.broken;
    if (problem) throw problem;
    if (closed) throw new StateStoreError({ message: `${absolute} was closed.`, location: absolute });
  }

  async function persist<Answer>({ answer, change }: { answer: Answer; change?: StateChange | undefined }) {
    if (change !== undefined) await open.append(change);
    return answer;
  }

  return {
    path: absolute,
    async claim(request) {
      usable();
      return persist(tables.claim(request));
    },
    async complete(key, token, completion) {
      usable();
      return persist(tables.complete(key, token, completion));
    },
    async release(key, token, keep) {
      usable();
      return persist(tables.release(key, token, keep));
    },
    async acquirePlanLock(request) {
      usable();
      return tables.acquirePlanLock(request);
    },
    async renewPlanLock(planHash, token, leaseMs) {
      usable();
      return tables.renewPlanLock(planHash, token, leaseMs);
    },
    async releasePlanLock(planHash, token) {
      usable();
      return tables.releasePlanLock(planHash, token);
    },
    async getOutcome(planHash, actionId) {
      usable();
      return tables.getOutcome(planHash, actionId);
    },
    async recordOutcome(request) {
      usable();
      return persist(tables.recordOutcome(request));
    },
    async *listOutcomes(planHash) {
      usable();
      yield* tables.listOutcomes(planHash);
    },
    async compact() {
      usable();
      await open.compact();
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await open.close();
      } finally {
        await lock.release();
      }
    },
  };
}

interface ResolvedOptions {
  fsync: boolean;
  compactAtBytes: number;
  lockStaleMs: number;
  lockWaitMs: number;
  now: () => number;
}

function resolveOptions(options: FileStateStoreOptions): ResolvedOptions {
  const whole = (option: string, value: number, min: number) => {
    if (!Number.isSafeInteger(value) || value < min) {
      throw new ConfigurationError({
        option,
        problem: `must be a whole number of at least ${min} (got ${String(value)})`,
      });
    }
    return value;
  };
  const lockStaleMs = whole('lockStaleMs', options.lockStaleMs ?? DEFAULT_LOCK_STALE_MS, MIN_LOCK_STALE_MS);
  return {
    fsync: options.fsync ?? true,
    compactAtBytes: whole('compactAtBytes', options.compactAtBytes ?? DEFAULT_COMPACT_AT_BYTES, 1),
    lockStaleMs,
    lockWaitMs: whole('lockWaitMs', options.lockWaitMs ?? lockStaleMs + 5_000, 0),
    now: options.now ?? Date.now,
  };
}

/** A replayed record, checked for the shape this version writes; anything else is refused, never guessed at. */
function checkRecord(record: unknown, path: string, line: number): StateChange {
  const candidate = record as Partial<StateChange> | null;
  const valid =
    (candidate?.t === 'idem' && typeof candidate.key === 'string' && typeof candidate.entry === 'object') ||
    (candidate?.t === 'outcome' &&
      typeof candidate.plan === 'string' &&
      typeof candidate.action === 'string' &&
      typeof candidate.outcome === 'object' &&
      candidate.outcome !== null &&
      typeof candidate.until === 'number');
  if (!valid) {
    throw new StateStoreError({
      message: `${path} line ${line} holds a record this version of channelkit does not know; it was written by another version. Use the version that wrote it.`,
      location: path,
    });
  }
  return candidate as StateChange;
}
