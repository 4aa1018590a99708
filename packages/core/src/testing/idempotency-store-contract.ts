import { describe, expect, it } from 'vitest';
import type { IdempotencyClaimRequest, IdempotencyStore } from '../idempotency/idempotency-store';
import type { StoreContractOptions } from './sync-state-store-contract';

/** An idempotency store under test, a way to move its clock forward, and for a durable store, a way to reopen it. */
export interface IdempotencyStoreUnderTest {
  /** The store, without keys (or with a fresh key prefix). */
  store: IdempotencyStore;
  /**
   * Moves the store's clock forward by `ms`. An in-memory store is given a clock it controls; a networked store
   * whose server keeps time can wait instead (the contract uses leases and TTLs of a few seconds at most).
   */
  advance(ms: number): void | Promise<void>;
  /**
   * For a durable store (`{ durable: true }`): closes it as a process ending would, and opens it again on the same data (same file,
   * database or key prefix), with the same clock. The contract then checks that results survive.
   */
  reopen?: (() => Promise<IdempotencyStore>) | undefined;
}

const LEASE_MS = 1_000;
const TTL_MS = 2_000;

function request(
  key: string,
  fingerprint = 'fp-1',
  operation = 'accounts.provision',
): IdempotencyClaimRequest {
  return { key, fingerprint, operation, leaseMs: LEASE_MS };
}

/**
 * The behaviour every `IdempotencyStore` must have, as the client relies on it, as a vitest suite. Run it against a
 * new store implementation (Redis, PostgreSQL...) at the top level of a test file. `open` must return a store
 * without keys (or with a fresh key prefix) each time.
 * @example
 * import { describeIdempotencyStoreContract } from '@channelkit/core/testing';
 *
 * describeIdempotencyStoreContract('redis', async () => ({ store: await redisStore(), advance: sleep }));
 */
export function describeIdempotencyStoreContract(
  name: string,
  open: () => IdempotencyStoreUnderTest | Promise<IdempotencyStoreUnderTest>,
  options: StoreContractOptions = {},
): void {
  describe(`IdempotencyStore contract: ${name}`, () => {
    it('claims a free key once; a second claim with the same fingerprint finds it in progress', async () => {
      const { store } = await open();
      const first = await store.claim(request('k'));
      expect(first).toMatchObject({ status: 'claimed', token: expect.any(String), progress: undefined });
      expect(await store.claim(request('k'))).toEqual({ status: 'in_progress' });
    });

    it('gives exactly one of many concurrent claims of a key', async () => {
      const { store } = await open();
      const claims = await Promise.all(Array.from({ length: 20 }, () => store.claim(request('race'))));
      expect(claims.filter((claim) => claim.status === 'claimed')).toHaveLength(1);
      expect(claims.filter((claim) => claim.status === 'in_progress')).toHaveLength(19);
    });

    it('replays a completed result to the same fingerprint', async () => {
      const { store } = await open();
      const claim = await store.claim(request('k'));
      if (claim.status !== 'claimed') throw new Error('expected a claim');
      const result = { id: 'a-1', nested: { seats: [1, 2] }, none: null, ok: true };
      expect(await store.complete('k', claim.token, { result, ttlMs: TTL_MS })).toBe(true);
      expect(await store.claim(request('k'))).toEqual({ status: 'completed', result });
      expect(await store.claim(request('k'))).toEqual({ status: 'completed', result });
    });

    it('reports a mismatch, naming the first operation, for another fingerprint, whatever the key state', async () => {
      const { store } = await open();
      const running = await store.claim(request('running', 'fp-1', 'accounts.provision'));
      expect(running.status).toBe('claimed');
      expect(await store.claim(request('running', 'fp-2', 'licences.set'))).toEqual({
        status: 'mismatch',
        operation: 'accounts.provision',
      });

      const done = await store.claim(request('done', 'fp-1', 'licences.set'));
      if (done.status !== 'claimed') throw new Error('expected a claim');
      await store.complete('done', done.token, { result: 1, ttlMs: TTL_MS });
      expect(await store.claim(request('done', 'fp-2'))).toEqual({
        status: 'mismatch',
        operation: 'licences.set',
      });
      // The mismatch changed nothing.
      expect(await store.claim(request('done', 'fp-1'))).toEqual({ status: 'completed', result: 1 });
    });

    it('frees a released key for any input', async () => {
      const { store } = await open();
      const claim = await store.claim(request('k', 'fp-1'));
      if (claim.status !== 'claimed') throw new Error('expected a claim');
      expect(await store.release('k', claim.token)).toBe(true);
      expect(await store.claim(request('k', 'fp-2'))).toMatchObject({
        status: 'claimed',
        progress: undefined,
      });
    });

    it('keeps a key released with progress bound to its fingerprint and hands the progress to the next claim', async () => {
      const { store } = await open();
      const claim = await store.claim(request('k'));
      if (claim.status !== 'claimed') throw new Error('expected a claim');
      const progress = { resourceId: 'a-1', applied: ['created a-1'], remaining: ['set seats'] };
      expect(await store.release('k', claim.token, { progress, ttlMs: TTL_MS })).toBe(true);
      expect(await store.claim(request('k', 'fp-2'))).toEqual({
        status: 'mismatch',
        operation: 'accounts.provision',
      });
      const again = await store.claim(request('k'));
      expect(again).toMatchObject({ status: 'claimed', progress });
      if (again.status !== 'claimed') throw new Error('expected a claim');
      expect(again.token).not.toBe(claim.token);
      expect(await store.complete('k', again.token, { result: 'done', ttlMs: TTL_MS })).toBe(true);
      expect(await store.claim(request('k'))).toEqual({ status: 'completed', result: 'done' });
    });

    it('lets a claim be taken over once its lease ends; the old holder can no longer complete or release', async () => {
      const { store, advance } = await open();
      const stale = await store.claim(request('k'));
      if (stale.status !== 'claimed') throw new Error('expected a claim');
      await advance(LEASE_MS + 1);
      const fresh = await store.claim(request('k'));
      expect(fresh.status).toBe('claimed');
      if (fresh.status !== 'claimed') throw new Error('expected a claim');
      expect(await store.complete('k', stale.token, { result: 'stale', ttlMs: TTL_MS })).toBe(false);
      expect(await store.release('k', stale.token)).toBe(false);
      expect(await store.claim(request('k'))).toEqual({ status: 'in_progress' });
      expect(await store.complete('k', fresh.token, { result: 'fresh', ttlMs: TTL_MS })).toBe(true);
      expect(await store.claim(request('k'))).toEqual({ status: 'completed', result: 'fresh' });
    });

    it('passes progress on to whoever takes over an expired claim', async () => {
      const { store, advance } = await open();
      const first = await store.claim(request('k'));
      if (first.status !== 'claimed') throw new Error('expected a claim');
      const progress = { resourceId: 'a-1', applied: ['created a-1'], remaining: ['set seats'] };
      await store.release('k', first.token, { progress, ttlMs: TTL_MS });
      const second = await store.claim(request('k'));
      expect(second).toMatchObject({ status: 'claimed', progress });
      await advance(LEASE_MS + 1);
      expect(await store.claim(request('k'))).toMatchObject({ status: 'claimed', progress });
    });

    it('forgets a result, and progress, once their time to live has passed', async () => {
      const { store, advance } = await open();
      const done = await store.claim(request('done'));
      const partial = await store.claim(request('partial'));
      if (done.status !== 'claimed' || partial.status !== 'claimed') throw new Error('expected claims');
      await store.complete('done', done.token, { result: 'old', ttlMs: TTL_MS });
      await store.release('partial', partial.token, {
        progress: { resourceId: 'a-1', applied: [], remaining: [] },
        ttlMs: TTL_MS,
      });
      await advance(TTL_MS + 1);
      expect(await store.claim(request('done', 'fp-2'))).toMatchObject({ status: 'claimed' });
      expect(await store.claim(request('partial', 'fp-2'))).toMatchObject({
        status: 'claimed',
        progress: undefined,
      });
    });

    it('keeps keys apart, whatever characters they hold', async () => {
      const { store } = await open();
      const keys = ['zoom:m1:a', 'zoom:m2:a', 'umeet::a', 'zoom:m1:a%3Ab', 'zoom:m1:中文'];
      for (const key of keys) expect((await store.claim(request(key))).status).toBe('claimed');
      for (const key of keys) expect(await store.claim(request(key))).toEqual({ status: 'in_progress' });
    });

    it('answers false for a token it never issued', async () => {
      const { store } = await open();
      expect(await store.complete('nobody', 'no-token', { result: 1, ttlMs: TTL_MS })).toBe(false);
      expect(await store.release('nobody', 'no-token')).toBe(false);
      const claim = await store.claim(request('k'));
      expect(claim.status).toBe('claimed');
      expect(await store.complete('k', 'forged', { result: 1, ttlMs: TTL_MS })).toBe(false);
      expect(await store.claim(request('k'))).toEqual({ status: 'in_progress' });
    });

    if (options.durable === true)
      it('keeps results, progress and bindings when reopened', async () => {
        const { store, reopen } = await open();
        if (reopen === undefined) throw new Error('a durable store under test must come with reopen()');
        const done = await store.claim(request('done', 'fp-1', 'licences.set'));
        const partial = await store.claim(request('partial'));
        if (done.status !== 'claimed' || partial.status !== 'claimed') throw new Error('expected claims');
        const result = { id: 'a-1', seats: 40, name: '上海示例' };
        await store.complete('done', done.token, { result, ttlMs: TTL_MS });
        const progress = { resourceId: 'a-1', applied: ['created a-1'], remaining: ['set seats'] };
        await store.release('partial', partial.token, { progress, ttlMs: TTL_MS });
        const again = await reopen();
        expect(await again.claim(request('done', 'fp-1', 'licences.set'))).toEqual({
          status: 'completed',
          result,
        });
        expect(await again.claim(request('done', 'fp-2'))).toEqual({
          status: 'mismatch',
          operation: 'licences.set',
        });
        expect(await again.claim(request('partial'))).toMatchObject({ status: 'claimed', progress });
      });
  });
}
