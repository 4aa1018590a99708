import { createReadStream } from 'node:fs';
import { type FileHandle, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { StateStoreError } from '../../errors/state-store-error';
import { encodeRecord, JournalScanner } from './journal-codec';

/** The first record of every journal. */
export const JOURNAL_FORMAT = 'channelkit.state-journal';
/** The journal format version this release writes and reads. */
export const JOURNAL_VERSION = 1;

interface Header {
  t: 'header';
  format: typeof JOURNAL_FORMAT;
  version: number;
  createdAt: string;
}

/** Settings of an open journal. */
export interface JournalSettings {
  /** Flush each batch of records to the disk (`fdatasync`) before acknowledging it. */
  fsync: boolean;
  /** Compact once the file is at least this large and twice its size after the last compaction, in bytes. */
  compactAtBytes: number;
}

interface Pending {
  line: Buffer;
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * An append-only journal file. Records are appended in batches (group commit: every record that arrives while a
 * batch is being written goes in the next one, with one `write` and one `fdatasync` for all), and each append is
 * acknowledged only once its batch is written (and flushed to the disk, with `fsync`). Compaction rewrites the live
 * state to a new file and renames it over the journal, so a crash leaves either the old journal or the new one,
 * never a mix. A failed write breaks the journal: every later append is refused.
 */
export class JournalFile {
  readonly path: string;
  readonly #settings: JournalSettings;
  readonly #snapshot: () => Iterable<unknown>;
  #handle: FileHandle;
  #size: number;
  #threshold: number;
  #pending: Pending[] = [];
  #flushing: Promise<void> | undefined;
  #broken: StateStoreError | undefined;
  #closed = false;

  private constructor(
    path: string,
    handle: FileHandle,
    size: number,
    settings: JournalSettings,
    snapshot: () => Iterable<unknown>,
  ) {
    this.path = path;
    this.#handle = handle;
    this.#size = size;
    this.#settings = settings;
    this.#snapshot = snapshot;
    this.#threshold = Math.max(settings.compactAtBytes, size * 2);
  }

  /**
   * Opens (or creates) the journal at `path`, which the caller has locked: replays every valid record through
   * `onRecord`, cuts off a torn tail and removes what an interrupted compaction left. An empty file counts as new.
   * `snapshot` yields the live state as records, for compaction. Returns the journal and how many records it held.
   */
  static async open(
    path: string,
    settings: JournalSettings,
    onRecord: (record: unknown, line: number) => void,
    snapshot: () => Iterable<unknown>,
  ): Promise<{ journal: JournalFile; records: number }> {
    await removeLeftovers(path);
    if (((await sizeOf(path)) ?? 0) === 0) await writeAtomically(path, [header()], settings.fsync);
    const { validBytes, records } = await replay(path, onRecord);
    const handle = await open(path, 'r+');
    try {
      const { size } = await handle.stat();
      // A torn last record is cut off, so that the next append starts on a line of its own.
      if (size > validBytes) {
        await handle.truncate(validBytes);
        if (settings.fsync) await handle.datasync();
      }
      await handle.close();
    } catch (error) {
      await handle.close().catch(() => undefined);
      throw error;
    }
    const journal = new JournalFile(path, await open(path, 'a'), validBytes, settings, snapshot);
    return { journal, records };
  }

  /** Bytes in the file. */
  get size(): number {
    return this.#size;
  }

  /** Appends a record; resolves once it is written (and flushed, with `fsync`). */
  append(record: unknown): Promise<void> {
    if (this.#broken) return Promise.reject(this.#broken);
    if (this.#closed) return Promise.reject(this.#closedError());
    const line = encodeRecord(record);
    return new Promise((resolve, reject) => {
      this.#pending.push({ line, resolve, reject });
      this.#flushing ??= this.#flush().finally(() => {
        this.#flushing = undefined;
      });
    });
  }

  /** Rewrites the journal as its live state, now (after the appends under way). */
  async compact(): Promise<void> {
    await this.#flushing;
    await this.#compact();
  }

  /** Writes what is pending and closes the file; later appends are refused. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#flushing;
    await this.#handle.close().catch(() => undefined);
  }

  /** Why the journal refuses appends, if it does. */
  get broken(): StateStoreError | undefined {
    return this.#broken;
  }

  /** Marks the journal unusable (e.g. its lock was lost): every later append is refused with `error`. */
  fail(error: StateStoreError): void {
    this.#broken ??= error;
  }

  async #flush(): Promise<void> {
    while (this.#pending.length > 0) {
      const batch = this.#pending.splice(0);
      try {
        if (this.#broken) throw this.#broken;
        const data = Buffer.concat(batch.map((item) => item.line));
        await writeAll(this.#handle, data);
        if (this.#settings.fsync) await this.#handle.datasync();
        this.#size += data.length;
      } catch (error) {
        this.#broken ??= new StateStoreError({
          message: `Writing to ${this.path} failed (${(error as Error).message}); the store refuses further use so that nothing goes on unrecorded. Fix the cause (disk full? permissions?) and open it again.`,
          location: this.path,
          cause: error,
        });
        for (const item of [...batch, ...this.#pending.splice(0)]) item.reject(this.#broken);
        return;
      }
      for (const item of batch) item.resolve();
      if (this.#size > this.#threshold) await this.#compact().catch(() => undefined);
    }
  }

  async #compact(): Promise<void> {
    if (this.#broken || this.#closed) return;
    const size = await writeAtomically(this.path, [header(), ...this.#snapshot()], this.#settings.fsync);
    // The new file replaced the old one under its name; appends go to the new one from here on.
    const previous = this.#handle;
    this.#handle = await open(this.path, 'a');
    await previous.close().catch(() => undefined);
    this.#size = size;
    this.#threshold = Math.max(this.#settings.compactAtBytes, size * 2);
  }

  #closedError(): StateStoreError {
    return new StateStoreError({ message: `${this.path} was closed.`, location: this.path });
  }
}

function header(): Header {
  return {
    t: 'header',
    format: JOURNAL_FORMAT,
    version: JOURNAL_VERSION,
    createdAt: new Date().toISOString(),
  };
}

/** The size of the file at `path`, or `undefined` when there is none. */
async function sizeOf(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).size;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return undefined;
    throw error;
  }
}

const COMPACTION_SUFFIX = '.compacting-';

/** Removes temporary files that a compaction or creation interrupted by a crash left beside the journal. */
async function removeLeftovers(path: string): Promise<void> {
  const prefix = `${basename(path)}${COMPACTION_SUFFIX}`;
  let names: string[];
  try {
    names = await readdir(dirname(path));
  } catch {
    return;
  }
  for (const name of names) if (name.startsWith(prefix)) await rm(join(dirname(path), name), { force: true });
}

/**
 * Writes `records` to a new file beside `path` and renames it over `path`: readers see the old file or the new one,
 * whole. Returns the new file's size.
 */
async function writeAtomically(path: string, records: Iterable<unknown>, fsync: boolean): Promise<number> {
  const temporary = `${path}${COMPACTION_SUFFIX}${process.pid}-${Date.now()}`;
  const handle = await open(temporary, 'wx');
  let size = 0;
  try {
    let chunk: Buffer[] = [];
    let chunkBytes = 0;
    for (const record of records) {
      const line = encodeRecord(record);
      chunk.push(line);
      chunkBytes += line.length;
      if (chunkBytes >= 1 << 20) {
        await writeAll(handle, Buffer.concat(chunk));
        size += chunkBytes;
        chunk = [];
        chunkBytes = 0;
      }
    }
    await writeAll(handle, Buffer.concat(chunk));
    size += chunkBytes;
    if (fsync) await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, path);
  if (fsync) await syncDirectory(dirname(path));
  return size;
}

/** Makes a rename in `dir` durable. Some platforms cannot open a directory; there it is left to the OS. */
async function syncDirectory(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Not supported here (e.g. Windows): the rename is still atomic, only its durability is the OS's.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

async function writeAll(handle: FileHandle, data: Buffer): Promise<void> {
  let offset = 0;
  while (offset < data.length) {
    const { bytesWritten } = await handle.write(data, offset, data.length - offset);
    offset += bytesWritten;
  }
}

/** Reads the journal, handing each record after the header to `onRecord`; returns the valid bytes and records. */
async function replay(
  path: string,
  onRecord: (record: unknown, line: number) => void,
): Promise<{ validBytes: number; records: number }> {
  let sawHeader = false;
  const scanner = new JournalScanner((record, line) => {
    if (!sawHeader) {
      checkHeader(path, record);
      sawHeader = true;
      return;
    }
    onRecord(record, line);
  });
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) scanner.push(chunk as Buffer);
  const scan = scanner.finish();
  if (scan.damagedLine !== undefined) {
    throw new StateStoreError({
      message:
        `${path} is damaged at line ${scan.damagedLine}: that record fails its checksum, yet valid records follow ` +
        'it, which a write cut short by a crash cannot cause (the disk or another program changed the file). ' +
        'Nothing was read from it. Keep the file for investigation and start with a new one; runs of the same plan ' +
        'then read every account before writing, so nothing is written twice.',
      location: path,
    });
  }
  if (!sawHeader) {
    throw new StateStoreError({
      message: `${path} is not a channelkit state journal (its first line is not a journal header). Pass the path of a new file, or of a journal this store wrote.`,
      location: path,
    });
  }
  return { validBytes: scan.validBytes, records: scan.records };
}

function checkHeader(path: string, record: unknown): void {
  const candidate = record as Partial<Header> | null;
  if (candidate?.t !== 'header' || candidate.format !== JOURNAL_FORMAT) {
    throw new StateStoreError({
      message: `${path} is not a channelkit state journal. Pass the path of a new file, or of a journal this store wrote.`,
      location: path,
    });
  }
  if (candidate.version !== JOURNAL_VERSION) {
    throw new StateStoreError({
      message: `${path} was written in journal format ${String(candidate.version)}, which this version of channelkit cannot read (it reads ${JOURNAL_VERSION}). Use the channelkit version that wrote it.`,
      location: path,
    });
  }
}
