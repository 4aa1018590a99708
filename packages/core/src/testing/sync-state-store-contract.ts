import { describe, expect, it } from 'vitest';
import type { RecordedActionOutcome, SyncStateStore } from '../state/sync-state-store';

/** A sync state store under test, a way to move its clock forward, and for a durable store, a way to reopen it. */
export interface SyncStateStoreUnderTest {
  /** The store, empty (or with a fresh key prefix). */
  store: SyncStateStore;
  /**
   * Moves the store's clock forward by `ms`. A store with a clock of its own to control is given one; a networked
   * store whose server keeps time can wait instead (the contract uses leases and TTLs of a few seconds at most).
   */
  advance(ms: number): void | Promise<void>;
  /**
   * For a durable store (`{ durable: true }`): closes it as a process ending would, and opens it again on the same data, with the same
   * clock. The contract then checks that recorded outcomes survive.
   */
  reopen?: (() => Promise<SyncStateStore>) | undefined;
}

/** Options of the store contract suites. */
export interface StoreContractOptions {
  /** The store keeps its data across a reopen (`reopen` must be given): the suite checks that it does. */
  durable?: boolean | undefined;
}

const LEASE_MS = 1_000;
const TTL_MS = 2_000;
const PLAN = `sha256:${'a'.repeat(64)}`;
const OTHER_PLAN = `sha256:${'b'.repeat(64)}`;

function outcome(status: RecordedActionOutcome['status'], seats = 25): RecordedActionOutcome {
  return {
    status,
    reason: `Increase zoom account 上海-1 from 10 to ${seats} seats (+${seats - 10}).`,
    current: {
      plan: 'business_yearly',
      seats: { purchased: seats, assigned: 3, cap: 500, pending: 0 },
      commitment: 'annual',
      termEnd: '2026-12-31',
    },
    recordedAt: '2026-03-01T08:00:00.000Z',
  };
}

async function collect(store: SyncStateStore, planHash: string) {
  const entries = [];
  for await (const entry of store.listOutcomes(planHash)) entries.push(entry);
  return entries.sort((a, b) => a.actionId.localeCompare(b.actionId));
}

/**
 * The behaviour every `SyncStateStore` must have, as the licence sync engine relies on it, as a vitest suite: plan
 * locks with leases that one holder at a time gets, outcomes recorded once (first writer wins, also under concurrent
 * calls), kept apart per plan and action, returned exactly as recorded, forgotten after their time to live, and,
 * for a durable store, kept across a reopen. `open` must return an empty store (or one with a fresh key prefix) each
 * time.
 * @example
 * import { describeSyncStateStoreContract } from '@channelkit/core/testing';
 *
 * describeSyncStateStoreContract('redis', async () => ({ store: await redisStore(), advance: sleep }));
 */
export function describeSyncStateStoreContract(
  name: string,
  open: () => SyncStateStoreUnderTest | Promise<SyncStateStoreUnderTest>,
  options: StoreContractOptions = {},
): void {
  describe(`SyncStateStore contract: ${name}`, () => {
    const lock = (owner: string, planHash = PLAN) => ({ planHash, owner, leaseMs: LEASE_MS });

    it('gives a free plan lock to one holder and names it to the next', async () => {
      const { store } = await open();
      const first = await store.acquirePlanLock(lock('host-a:1:run-1'));
      expect(first).toEqual({ status: 'acquired', token: expect.any(String) });
      const second = await store.acquirePlanLock(lock('host-b:2:run-2'));
      expect(second).toEqual({ status: 'held', owner: 'host-a:1:run-1', expiresAt: expect.any(Number) });
    });

    it('gives exactly one of many concurrent lock requests', async () => {
      const { store } = await open();
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, index) => store.acquirePlanLock(lock(`owner-${index}`))),
      );
      expect(answers.filter((answer) => answer.status === 'acquired')).toHaveLength(1);
      expect(answers.filter((answer) => answer.status === 'held')).toHaveLength(19);
    });

    it('renews and releases a lock for its token only', async () => {
      const { store, advance } = await open();
      const held = await store.acquirePlanLock(lock('a'));
      if (held.status !== 'acquired') throw new Error('expected the lock');
      expect(await store.renewPlanLock(PLAN, 'forged', LEASE_MS)).toBe(false);
      expect(await store.releasePlanLock(PLAN, 'forged')).toBe(false);
      await advance(LEASE_MS - 200);
      expect(await store.renewPlanLock(PLAN, held.token, LEASE_MS)).toBe(true);
      await advance(LEASE_MS - 200);
      // Still held: the renewal extended the lease from the time it was made.
      expect((await store.acquirePlanLock(lock('b'))).status).toBe('held');
      expect(await store.releasePlanLock(PLAN, held.token)).toBe(true);
      expect(await store.releasePlanLock(PLAN, held.token)).toBe(false);
      expect((await store.acquirePlanLock(lock('b'))).status).toBe('acquired');
    });

    it('lets a lock whose lease ran out be taken; the old token then changes nothing', async () => {
      const { store, advance } = await open();
      const stale = await store.acquirePlanLock(lock('crashed'));
      if (stale.status !== 'acquired') throw new Error('expected the lock');
      await advance(LEASE_MS + 1);
      const fresh = await store.acquirePlanLock(lock('next'));
      expect(fresh.status).toBe('acquired');
      expect(await store.renewPlanLock(PLAN, stale.token, LEASE_MS)).toBe(false);
      expect(await store.releasePlanLock(PLAN, stale.token)).toBe(false);
      expect(await store.acquirePlanLock(lock('third'))).toMatchObject({ status: 'held', owner: 'next' });
    });

    it('keeps the locks of different plans apart', async () => {
      const { store } = await open();
      expect((await store.acquirePlanLock(lock('a', PLAN))).status).toBe('acquired');
      expect((await store.acquirePlanLock(lock('b', OTHER_PLAN))).status).toBe('acquired');
    });

    it('records an outcome once: the first stands, later ones are answered with it', async () => {
      const { store } = await open();
      expect(await store.getOutcome(PLAN, 'zoom:a-1')).toBeUndefined();
      const first = outcome('applied');
      expect(
        await store.recordOutcome({ planHash: PLAN, actionId: 'zoom:a-1', outcome: first, ttlMs: TTL_MS }),
      ).toEqual({ recorded: true, outcome: first });
      expect(
        await store.recordOutcome({
          planHash: PLAN,
          actionId: 'zoom:a-1',
          outcome: outcome('stale'),
          ttlMs: TTL_MS,
        }),
      ).toEqual({ recorded: false, outcome: first });
      expect(await store.getOutcome(PLAN, 'zoom:a-1')).toEqual(first);
    });

    it('records exactly one of many concurrent outcomes of one action', async () => {
      const { store } = await open();
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, index) =>
          store.recordOutcome({
            planHash: PLAN,
            actionId: 'zoom:race',
            outcome: outcome('applied', 20 + index),
            ttlMs: TTL_MS,
          }),
        ),
      );
      const winners = answers.filter((answer) => answer.recorded);
      expect(winners).toHaveLength(1);
      for (const answer of answers) expect(answer.outcome).toEqual(winners[0]?.outcome);
      expect(await store.getOutcome(PLAN, 'zoom:race')).toEqual(winners[0]?.outcome);
    });

    it('keeps plans and actions apart, whatever characters their ids hold, and lists a plan’s outcomes', async () => {
      const { store } = await open();
      const ids = ['zoom:a-1', 'zoom:a-1:x', 'zhumu:a-1', 'umeet:中文-1', 'zoom:a%3A1', 'acme-meetings:A_1'];
      for (const [index, actionId] of ids.entries()) {
        await store.recordOutcome({
          planHash: PLAN,
          actionId,
          outcome: outcome('applied', 20 + index),
          ttlMs: TTL_MS,
        });
      }
      await store.recordOutcome({
        planHash: OTHER_PLAN,
        actionId: 'zoom:a-1',
        outcome: outcome('stale'),
        ttlMs: TTL_MS,
      });
      for (const [index, actionId] of ids.entries()) {
        expect(await store.getOutcome(PLAN, actionId)).toEqual(outcome('applied', 20 + index));
      }
      expect(await store.getOutcome(OTHER_PLAN, 'zoom:a-1')).toEqual(outcome('stale'));
      expect(await store.getOutcome(OTHER_PLAN, 'zhumu:a-1')).toBeUndefined();
      expect(await collect(store, PLAN)).toEqual(
        ids
          .map((actionId, index) => ({ actionId, outcome: outcome('applied', 20 + index) }))
          .sort((a, b) => a.actionId.localeCompare(b.actionId)),
      );
      expect(await collect(store, OTHER_PLAN)).toEqual([{ actionId: 'zoom:a-1', outcome: outcome('stale') }]);
    });

    it('returns an outcome without its optional figures exactly as recorded', async () => {
      const { store } = await open();
      const bare: RecordedActionOutcome = {
        status: 'stale',
        reason: 'gone',
        recordedAt: '2026-03-01T08:00:00.000Z',
      };
      await store.recordOutcome({ planHash: PLAN, actionId: 'zoom:bare', outcome: bare, ttlMs: TTL_MS });
      expect(await store.getOutcome(PLAN, 'zoom:bare')).toEqual(bare);
    });

    it('forgets an outcome once its time to live has passed', async () => {
      const { store, advance } = await open();
      await store.recordOutcome({
        planHash: PLAN,
        actionId: 'zoom:old',
        outcome: outcome('applied'),
        ttlMs: TTL_MS,
      });
      await advance(TTL_MS + 1);
      expect(await store.getOutcome(PLAN, 'zoom:old')).toBeUndefined();
      expect(await collect(store, PLAN)).toEqual([]);
      expect(
        await store.recordOutcome({
          planHash: PLAN,
          actionId: 'zoom:old',
          outcome: outcome('stale'),
          ttlMs: TTL_MS,
        }),
      ).toEqual({ recorded: true, outcome: outcome('stale') });
    });

    if (options.durable === true)
      it('keeps recorded outcomes when reopened', async () => {
        const { store, reopen } = await open();
        if (reopen === undefined) throw new Error('a durable store under test must come with reopen()');
        for (let index = 0; index < 50; index += 1) {
          await store.recordOutcome({
            planHash: PLAN,
            actionId: `zoom:a-${index}`,
            outcome: outcome('applied', 20 + index),
            ttlMs: TTL_MS,
          });
        }
        const again = await reopen();
        for (let index = 0; index < 50; index += 1) {
          expect(await again.getOutcome(PLAN, `zoom:a-${index}`)).toEqual(outcome('applied', 20 + index));
        }
        expect(
          await again.recordOutcome({
            planHash: PLAN,
            actionId: 'zoom:a-0',
            outcome: outcome('stale'),
            ttlMs: TTL_MS,
          }),
        ).toEqual({ recorded: false, outcome: outcome('applied', 20) });
      });
  });
}
