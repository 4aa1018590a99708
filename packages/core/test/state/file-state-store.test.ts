import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createFileStateStore, type RecordedActionOutcome, StateStoreError } from '@channelkit/core';
import { describeIdempotencyStoreContract, describeSyncStateStoreContract } from '@channelkit/core/testing';
import { describe, expect, it } from 'vitest';
import { JournalScanner } from '../../src/state/journal/journal-codec';
import { controlledClock, openFileStore, tempFolder } from './helpers';

async function fileStoreUnderTest() {
  const clock = controlledClock();
  const path = join(await tempFolder(), 'state.journal');
  let store = await openFileStore(path, { now: clock.now });
  return {
    get store() {
      return store;
    },
    advance: clock.advance,
    reopen: async () => {
      await store.close();
      store = await openFileStore(path, { now: clock.now });
      return store;
    },
  };
}

describeSyncStateStoreContract('journal file', fileStoreUnderTest, { durable: true });
describeIdempotencyStoreContract('journal file', fileStoreUnderTest, { durable: true });

const PLAN = `sha256:${'c'.repeat(64)}`;
const TTL = 60_000;

function outcome(n: number): RecordedActionOutcome {
  return { status: 'applied', reason: `row ${n} 上海`, recordedAt: '2026-03-01T08:00:00.000Z' };
}

// Reading and writing are what these tests check, not flushing to the disk: they run without fsync, to stay fast.
async function record(path: string, count: number) {
  const store = await openFileStore(path, { fsync: false });
  for (let n = 0; n < count; n += 1) {
    await store.recordOutcome({ planHash: PLAN, actionId: `zoom:a-${n}`, outcome: outcome(n), ttlMs: TTL });
  }
  await store.close();
}

async function recordedIds(path: string): Promise<string[]> {
  const store = await openFileStore(path, { fsync: false });
  const ids: string[] = [];
  for await (const entry of store.listOutcomes(PLAN)) {
    expect(entry.outcome).toEqual(outcome(Number(entry.actionId.slice('zoom:a-'.length))));
    ids.push(entry.actionId);
  }
  await store.close();
  return ids.sort();
}

describe('createFileStateStore', () => {
  it('ignores a torn last record wherever the write was cut, and appends after it on a line of its own', async () => {
    const folder = await tempFolder();
    const source = join(folder, 'source.journal');
    await record(source, 3);
    const bytes = await readFile(source);
    const lastLineStart = bytes.subarray(0, bytes.length - 1).lastIndexOf(0x0a) + 1;
    // Every cut inside the last record, read as the store reads a journal: the first records stand, the last is never
    // misread, and the valid length ends where it began.
    for (let cut = lastLineStart; cut < bytes.length; cut += 1) {
      const records: unknown[] = [];
      const scanner = new JournalScanner((record) => records.push(record));
      scanner.push(bytes.subarray(0, Math.floor(cut / 2)));
      scanner.push(bytes.subarray(Math.floor(cut / 2), cut));
      expect(scanner.finish()).toEqual({ validBytes: lastLineStart, records: 3, damagedLine: undefined });
      expect(records).toHaveLength(3); // the header and two records
    }
    // And through the store itself, at cuts spread over the record: open, append, read back.
    const step = Math.max(1, Math.floor((bytes.length - lastLineStart) / 6));
    for (let cut = lastLineStart; cut < bytes.length; cut += step) {
      const path = join(folder, `cut-${cut}.journal`);
      await writeFile(path, bytes.subarray(0, cut));
      expect(await recordedIds(path)).toEqual(['zoom:a-0', 'zoom:a-1']);
      const store = await openFileStore(path, { fsync: false });
      await store.recordOutcome({ planHash: PLAN, actionId: 'zoom:a-9', outcome: outcome(9), ttlMs: TTL });
      await store.close();
      expect(await recordedIds(path)).toEqual(['zoom:a-0', 'zoom:a-1', 'zoom:a-9']);
    }
  });

  it('ignores a tail of zeros, as a crash of the machine can leave', async () => {
    const path = join(await tempFolder(), 'zeros.journal');
    await record(path, 2);
    await writeFile(path, Buffer.concat([await readFile(path), Buffer.alloc(300)]));
    expect(await recordedIds(path)).toEqual(['zoom:a-0', 'zoom:a-1']);
  });

  it('refuses a journal damaged in the middle, naming the line, and reads nothing from it', async () => {
    const path = join(await tempFolder(), 'damaged.journal');
    await record(path, 3);
    const lines = (await readFile(path, 'utf8')).split('\n');
    lines[2] = (lines[2] as string).replace('row 1', 'row 7'); // the checksum no longer matches
    await writeFile(path, lines.join('\n'));
    const opening = createFileStateStore(path, { lockStaleMs: 2_000 });
    await expect(opening).rejects.toThrow(StateStoreError);
    await expect(opening).rejects.toThrow(/damaged at line 3/);
    // The refusal released the file's lock: opening again meets the damage, not a lock.
    await expect(openFileStore(path, { lockWaitMs: 0 })).rejects.toThrow(/damaged at line 3/);
  });

  it('refuses a file that is not a journal, leaving it untouched', async () => {
    const path = join(await tempFolder(), 'plan.json');
    const text = '{"format":"channelkit.licence-plan"}\n';
    await writeFile(path, text);
    await expect(openFileStore(path)).rejects.toThrow(/is not a channelkit state journal/);
    expect(await readFile(path, 'utf8')).toBe(text);
  });

  it('starts a journal in an empty file', async () => {
    const path = join(await tempFolder(), 'empty.journal');
    await writeFile(path, '');
    await record(path, 1);
    expect(await recordedIds(path)).toEqual(['zoom:a-0']);
  });

  it('serves one process at a time: a second open of the same file waits, then is refused naming the holder', async () => {
    const path = join(await tempFolder(), 'locked.journal');
    const first = await openFileStore(path);
    await expect(createFileStateStore(path, { lockStaleMs: 2_000, lockWaitMs: 300 })).rejects.toThrow(
      new RegExp(`in use by another process \\(process ${process.pid} on `),
    );
    await first.close();
    const second = await openFileStore(path);
    await second.close();
  });

  it('compacts the journal as it grows, keeping exactly what is live', async () => {
    const clock = controlledClock();
    const path = join(await tempFolder(), 'compact.journal');
    const store = await openFileStore(path, { now: clock.now, compactAtBytes: 16 * 1024, fsync: false });
    const claims: { key: string; token: string }[] = [];
    for (let n = 0; n < 600; n += 1) {
      await store.recordOutcome({
        planHash: PLAN,
        actionId: `zoom:a-${n}`,
        outcome: outcome(n),
        ttlMs: n < 300 ? 1_000 : TTL,
      });
      const claim = await store.claim({
        key: `k-${n}`,
        fingerprint: 'fp',
        operation: 'accounts.provision',
        leaseMs: 60_000,
      });
      if (claim.status !== 'claimed') throw new Error('expected a claim');
      claims.push({ key: `k-${n}`, token: claim.token });
    }
    for (const { key, token } of claims) await store.complete(key, token, { result: key, ttlMs: TTL });
    clock.advance(2_000); // the first 300 outcomes expire
    await store.compact();
    const size = (await stat(path)).size;
    await store.close();
    // Live: 300 outcomes and 600 completed keys, one line each, plus the header.
    expect((await readFile(path, 'utf8')).trimEnd().split('\n')).toHaveLength(901);
    expect(size).toBeLessThan(300_000);
    const reopened = await openFileStore(path, { now: clock.now });
    expect(await reopened.getOutcome(PLAN, 'zoom:a-299')).toBeUndefined();
    expect(await reopened.getOutcome(PLAN, 'zoom:a-300')).toEqual(outcome(300));
    expect(
      await reopened.claim({ key: 'k-0', fingerprint: 'fp', operation: 'accounts.provision', leaseMs: 1 }),
    ).toEqual({
      status: 'completed',
      result: 'k-0',
    });
    // No temporary file of a compaction is left beside the journal.
    expect((await readdir(join(path, '..'))).filter((name) => name.includes('compacting'))).toEqual([]);
  });

  it('frees the claims of the process that held the file before, passing their progress on', async () => {
    const clock = controlledClock();
    const path = join(await tempFolder(), 'claims.journal');
    const store = await openFileStore(path, { now: clock.now });
    const claim = await store.claim({
      key: 'crm-1',
      fingerprint: 'fp',
      operation: 'accounts.provision',
      leaseMs: 600_000,
    });
    expect(claim.status).toBe('claimed');
    await store.close(); // as if the process ended in the middle of the call
    const next = await openFileStore(path, { now: clock.now });
    // A new process need not wait ten minutes for a lease of a process that is gone.
    expect(
      await next.claim({
        key: 'crm-1',
        fingerprint: 'fp',
        operation: 'accounts.provision',
        leaseMs: 600_000,
      }),
    ).toMatchObject({
      status: 'claimed',
    });
    expect(
      await next.claim({ key: 'crm-1', fingerprint: 'other', operation: 'accounts.provision', leaseMs: 1 }),
    ).toEqual({
      status: 'mismatch',
      operation: 'accounts.provision',
    });
  });

  it('refuses every call once closed', async () => {
    const path = join(await tempFolder(), 'closed.journal');
    const store = await openFileStore(path);
    await store.close();
    await expect(store.getOutcome(PLAN, 'zoom:a')).rejects.toThrow(/was closed/);
  });

  it('refuses options out of range, naming them', async () => {
    const path = join(await tempFolder(), 'options.journal');
    await expect(createFileStateStore(path, { lockStaleMs: 100 })).rejects.toThrow(
      /lockStaleMs must be a whole number of at least 2000/,
    );
    await expect(createFileStateStore(path, { compactAtBytes: 0 })).rejects.toThrow(/compactAtBytes/);
  });
});
