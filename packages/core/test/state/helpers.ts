import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileStateStore, type FileStateStore, type FileStateStoreOptions } from '@channelkit/core';
import { afterEach } from 'vitest';

/** A clock the test moves. */
export function controlledClock() {
  let now = 1_750_000_000_000;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

const open = new Set<FileStateStore>();
const folders: string[] = [];

afterEach(async () => {
  for (const store of open) await store.close();
  open.clear();
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

/** A fresh folder, removed after the test. */
export async function tempFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'channelkit-state-'));
  folders.push(folder);
  return folder;
}

/** Opens a file store that is closed after the test. */
export async function openFileStore(
  path: string,
  options: FileStateStoreOptions = {},
): Promise<FileStateStore> {
  const store = await createFileStateStore(path, { lockStaleMs: 2_000, ...options });
  open.add(store);
  const close = store.close.bind(store);
  return Object.assign(store, {
    close: async () => {
      open.delete(store);
      await close();
    },
  });
}
