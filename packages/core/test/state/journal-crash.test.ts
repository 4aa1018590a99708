import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contentOf } from './fixtures/journal-writer-content';
import { openFileStore, tempFolder } from './helpers';

const writer = fileURLToPath(new URL('./fixtures/journal-writer.ts', import.meta.url));
const PLAN = `sha256:${'d'.repeat(64)}`;

/** A small seeded PRNG (mulberry32), so that each seed kills at its own, repeatable point. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Runs the writer until it has acknowledged `killAfter` records, then kills it with SIGKILL after `delayMs`. */
function writeUntilKilled(
  path: string,
  first: number,
  killAfter: number,
  delayMs: number,
): Promise<Set<number>> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--conditions=@channelkit/source', writer, path, String(first)],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const acked = new Set<number>();
    let stderr = '';
    let killing = false;
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /^ack (\d+)$/.exec(line);
      if (match) acked.add(Number(match[1]));
      if (!killing && acked.size >= killAfter) {
        killing = true;
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(acked);
      else reject(new Error(`the writer ended by itself (code ${String(code)}): ${stderr}`));
    });
  });
}

describe('a file state store killed with SIGKILL while writing', () => {
  it('keeps every acknowledged record and misreads none, at random points and across compactions', {
    timeout: 180_000,
  }, async () => {
    const path = join(await tempFolder(), 'crash.journal');
    let first = 0;
    const acknowledged = new Set<number>();
    for (const seed of [1, 2, 3]) {
      const draw = random(seed);
      const acked = await writeUntilKilled(
        path,
        first,
        40 + Math.floor(draw() * 400),
        Math.floor(draw() * 25),
      );
      for (const n of acked) acknowledged.add(n);

      // Opening waits until the killed writer's lock is stale, then reads what it left.
      const store = await openFileStore(path, { lockWaitMs: 30_000 });
      const found = new Map<number, unknown>();
      for await (const entry of store.listOutcomes(PLAN))
        found.set(Number(entry.actionId.slice('zoom:a-'.length)), entry.outcome);
      for (const n of acknowledged) {
        expect(found.get(n), `acknowledged record ${n} (seed ${seed})`).toEqual(contentOf(n));
        expect(
          await store.claim({ key: `k-${n}`, fingerprint: 'fp', operation: 'licences.set', leaseMs: 1 }),
        ).toEqual({
          status: 'completed',
          result: n,
        });
      }
      // Records written but not yet acknowledged when the writer died are whole too, never misread.
      for (const [n, content] of found) expect(content, `record ${n} (seed ${seed})`).toEqual(contentOf(n));
      await store.close();
      expect((await readdir(join(path, '..'))).filter((name) => name.includes('compacting'))).toEqual([]);
      first = Math.max(...found.keys()) + 1;
    }
    expect(acknowledged.size).toBeGreaterThan(100);
  });
});
