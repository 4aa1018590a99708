import { ConfigurationError, createMemoryIdempotencyStore } from '@channelkit/core';
import { describe, expect, it } from 'vitest';
import { describeIdempotencyStoreContract } from './store-contract';

function controlledClock() {
  let now = 1_750_000_000_000;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describeIdempotencyStoreContract('in memory', () => {
  const clock = controlledClock();
  return { store: createMemoryIdempotencyStore({ now: clock.now }), advance: clock.advance };
});

describe('createMemoryIdempotencyStore', () => {
  const request = (key: string) => ({
    key,
    fingerprint: 'fp',
    operation: 'accounts.provision',
    leaseMs: 60_000,
  });

  it('keeps at most maxEntries keys, dropping the least recently used finished one first', async () => {
    const store = createMemoryIdempotencyStore({ maxEntries: 3 });
    const finish = async (key: string) => {
      const claim = await store.claim(request(key));
      if (claim.status !== 'claimed') throw new Error(`expected a claim of ${key}`);
      await store.complete(key, claim.token, { result: key, ttlMs: 60_000 });
    };
    await finish('a');
    await finish('b');
    await finish('c');
    // Reading `a` makes `b` the least recently used.
    expect(await store.claim(request('a'))).toEqual({ status: 'completed', result: 'a' });
    await finish('d');
    expect(await store.claim(request('a'))).toEqual({ status: 'completed', result: 'a' });
    expect(await store.claim(request('c'))).toEqual({ status: 'completed', result: 'c' });
    expect(await store.claim(request('d'))).toEqual({ status: 'completed', result: 'd' });
    expect((await store.claim(request('b'))).status).toBe('claimed');
  });

  it('drops running claims last, and stays bounded even when every key is running', async () => {
    const store = createMemoryIdempotencyStore({ maxEntries: 2 });
    expect((await store.claim(request('running'))).status).toBe('claimed');
    const done = await store.claim(request('done'));
    if (done.status !== 'claimed') throw new Error('expected a claim');
    await store.complete('done', done.token, { result: 1, ttlMs: 60_000 });
    expect((await store.claim(request('new'))).status).toBe('claimed');
    // `done` was dropped, not the older running claim.
    expect(await store.claim(request('running'))).toEqual({ status: 'in_progress' });
    expect((await store.claim(request('done'))).status).toBe('claimed');
    // Now all are running: the oldest goes, so memory stays bounded.
    for (let index = 0; index < 100; index += 1) await store.claim(request(`flood-${index}`));
    expect(await store.claim(request('flood-99'))).toEqual({ status: 'in_progress' });
    expect((await store.claim(request('flood-0'))).status).toBe('claimed');
  });

  it('keeps 10 000 keys by default', async () => {
    const store = createMemoryIdempotencyStore();
    for (let index = 0; index <= 10_000; index += 1) {
      const claim = await store.claim(request(`key-${index}`));
      if (claim.status !== 'claimed') throw new Error(`expected a claim of key-${index}`);
      await store.complete(`key-${index}`, claim.token, { result: index, ttlMs: 60_000 });
    }
    // 10 001 finished keys: the oldest was dropped, the next one is still there.
    expect(await store.claim(request('key-1'))).toEqual({ status: 'completed', result: 1 });
    expect((await store.claim(request('key-0'))).status).toBe('claimed');
  });

  it('refuses a maxEntries that is not a positive whole number', () => {
    for (const maxEntries of [0, -1, 1.5, Number.NaN]) {
      expect(() => createMemoryIdempotencyStore({ maxEntries })).toThrow(ConfigurationError);
    }
  });
});
