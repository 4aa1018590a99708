import {
  type ClientEventMap,
  createMemoryStateStore,
  type LicenceApplyProgress,
  type LicencePlan,
  licenceActionKey,
  PlanInUseError,
  ValidationError,
} from '@channelkit/core';
import { describe, expect, it } from 'vitest';
import { type SeatPlatform, seatAdapter, seatClient, startSeatPlatform } from './seat-platform';

function actionAt(plan: LicencePlan, index: number) {
  const action = plan.actions[index];
  if (action === undefined) throw new Error(`the plan has no action ${index}`);
  return action;
}

function accountOf(platform: SeatPlatform, id: string) {
  const account = platform.accounts.get(id);
  if (account === undefined) throw new Error(`no account ${id}`);
  return account;
}

const monthly = (seats: number, assigned = 0) => ({
  plan: 'pro',
  seats,
  assigned,
  commitment: 'monthly' as const,
});

function accounts(count: number, seats = 10) {
  return Object.fromEntries(Array.from({ length: count }, (_, n) => [`a-${n}`, monthly(seats)]));
}

function desired(count: number, seats = 20) {
  return Array.from({ length: count }, (_, n) => ({ accountId: `a-${n}`, seats }));
}

describe('licences.apply', () => {
  it('writes each change once, under the action’s idempotency key, and reports every action', async () => {
    const platform = startSeatPlatform({ up: monthly(10), down: monthly(30, 4), same: monthly(5) });
    const client = seatClient();
    const plan = await client.licences.plan([
      { accountId: 'up', seats: 12 },
      { accountId: 'down', seats: 25 },
      { accountId: 'same', seats: 5 },
    ]);
    platform.requests.length = 0;
    const report = await client.licences.apply(plan);
    expect(platform.writes).toEqual([
      {
        accountId: 'up',
        seats: 12,
        plan: 'pro',
        idempotencyKey: licenceActionKey(plan.hash, actionAt(plan, 0)),
      },
      {
        accountId: 'down',
        seats: 25,
        plan: 'pro',
        idempotencyKey: licenceActionKey(plan.hash, actionAt(plan, 1)),
      },
    ]);
    // A fresh read before each write; nothing at all for the noop.
    expect([...platform.requests].sort()).toEqual([
      'GET /accounts/down/licences',
      'GET /accounts/up/licences',
      'PUT /accounts/down/licences',
      'PUT /accounts/up/licences',
    ]);
    for (const id of ['up', 'down']) {
      expect(platform.requests.indexOf(`GET /accounts/${id}/licences`)).toBeLessThan(
        platform.requests.indexOf(`PUT /accounts/${id}/licences`),
      );
    }
    expect(report).toMatchObject({
      planHash: plan.hash,
      complete: true,
      aborted: false,
      totals: { actions: 3, applied: 2, alreadyApplied: 0, noop: 1, stale: 0, failed: 0, notDone: 0 },
      byPartner: { umeet: { actions: 3, applied: 2, noop: 1 } },
    });
    expect(report.outcomes.map((outcome) => [outcome.actionId, outcome.status, outcome.resumed])).toEqual([
      ['umeet:up', 'applied', false],
      ['umeet:down', 'applied', false],
      ['umeet:same', 'noop', false],
    ]);
    expect(report.outcomes[0]?.current).toEqual({
      plan: 'pro',
      seats: { purchased: 12, assigned: 0 },
      commitment: 'monthly',
    });
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('emits licence.changed per write (before and after, with an id stable across runs) and sync.completed', async () => {
    startSeatPlatform({ up: monthly(10, 1) });
    const client = seatClient();
    const changed: ClientEventMap['licence.changed'][] = [];
    const completed: ClientEventMap['sync.completed'][] = [];
    client.on('licence.changed', (event) => changed.push(event));
    client.on('sync.completed', (event) => completed.push(event));
    const plan = await client.licences.plan([{ accountId: 'up', seats: 15 }]);
    const report = await client.licences.apply(plan);
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({
      id: `umeet:licence.changed:${licenceActionKey(plan.hash, actionAt(plan, 0))}`,
      type: 'licence.changed',
      partner: 'umeet',
      accountId: 'up',
      previous: { seats: { purchased: 10, assigned: 1 } },
      current: { seats: { purchased: 15, assigned: 1 } },
    });
    expect(completed).toEqual([
      {
        id: `umeet:sync.completed:${plan.hash}:${report.runId}`,
        type: 'sync.completed',
        partner: 'umeet',
        occurredAt: expect.any(String),
        planHash: plan.hash,
        totals: report.totals,
        complete: true,
        aborted: false,
        durationMs: report.durationMs,
      },
    ]);
  });

  it('refuses an edited plan before any request', async () => {
    const platform = startSeatPlatform({ a: monthly(10) });
    const client = seatClient();
    const plan = await client.licences.plan([{ accountId: 'a', seats: 12 }]);
    platform.requests.length = 0;
    const edited = structuredClone(plan);
    actionAt(edited, 0).after.seats = 500;
    await expect(client.licences.apply(edited)).rejects.toThrow(
      /hash: does not match the plan’s content, so the plan was changed after it was made/,
    );
    const rehashed = { ...structuredClone(plan), hash: `sha256:${'0'.repeat(64)}` };
    await expect(client.licences.apply(rehashed)).rejects.toThrow(ValidationError);
    const extra = { ...structuredClone(plan), note: 'approved' };
    await expect(client.licences.apply(extra as typeof plan)).rejects.toThrow(/Unrecognized key/);
    await expect(client.licences.apply({ ...plan, version: 2 } as unknown as typeof plan)).rejects.toThrow(
      /version: must be 1/,
    );
    expect(platform.requests).toEqual([]);
  });

  it('refuses a plan made for another tenant of the platform', async () => {
    startSeatPlatform({ a: monthly(10) });
    const plan = await seatClient({}, seatAdapter({ scope: 'master-1' })).licences.plan([
      { accountId: 'a', seats: 12 },
    ]);
    expect(plan.platforms).toEqual([{ partner: 'umeet', scope: 'master-1' }]);
    await expect(seatClient({}, seatAdapter({ scope: 'master-2' })).licences.apply(plan)).rejects.toThrow(
      /was made for umeet master-1, but this client speaks for master-2/,
    );
  });

  it('leaves an account that changed since the plan alone (stale), and one already changed as it is', async () => {
    const platform = startSeatPlatform({ drifted: monthly(10), done: monthly(10), busy: monthly(30) });
    const client = seatClient();
    const plan = await client.licences.plan([
      { accountId: 'drifted', seats: 20 },
      { accountId: 'done', seats: 20 },
      { accountId: 'busy', seats: 20 },
    ]);
    accountOf(platform, 'drifted').seats = 14; // someone changed it by hand
    accountOf(platform, 'done').seats = 20; // someone made the change already
    accountOf(platform, 'busy').assigned = 25; // users took seats since
    const store = createMemoryStateStore();
    const report = await client.licences.apply(plan, { store });
    expect(platform.writes).toEqual([]);
    expect(report.outcomes.map((outcome) => outcome.status)).toEqual(['stale', 'already_applied', 'stale']);
    expect(report.outcomes[0]?.reason).toBe(
      'umeet account drifted changed since the plan was made (seats 10 → 14); it was not overwritten. Plan again to include its new figures.',
    );
    expect(report.outcomes[2]?.reason).toMatch(
      /^Since the plan was made, the change breaks a rule: Cannot set umeet account busy to 20 seats: 25 are assigned/,
    );
    expect(report.complete).toBe(true);
    // Recorded: the same plan run again does not read them again.
    platform.requests.length = 0;
    const again = await client.licences.apply(plan, { store });
    expect(platform.requests).toEqual([]);
    expect(again.outcomes.map((outcome) => [outcome.status, outcome.resumed])).toEqual([
      ['stale', true],
      ['already_applied', true],
      ['stale', true],
    ]);
  });

  it('reports a failed write, and the same plan run again with the same store finishes it alone', async () => {
    const platform = startSeatPlatform(accounts(4));
    platform.failWrites.set('a-2', 500);
    const client = seatClient({ maxRetries: 1 });
    const plan = await client.licences.plan(desired(4));
    const store = createMemoryStateStore();
    const first = await client.licences.apply(plan, { store, concurrency: 2 });
    expect(first.complete).toBe(false);
    expect(first.totals).toMatchObject({ applied: 3, failed: 1 });
    expect(first.outcomes[2]).toMatchObject({
      status: 'failed',
      error: { name: 'ServerError', code: 'server_error' },
    });
    expect(first.outcomes[2]?.reason).toMatch(/^The write failed: .* Running the same plan again retries it/);
    platform.failWrites.clear();
    platform.requests.length = 0;
    const second = await client.licences.apply(plan, { store });
    expect(second.complete).toBe(true);
    expect(second.outcomes.map((outcome) => [outcome.status, outcome.resumed])).toEqual([
      ['applied', true],
      ['applied', true],
      ['applied', false],
      ['applied', true],
    ]);
    expect(platform.requests).toEqual(['GET /accounts/a-2/licences', 'PUT /accounts/a-2/licences']);
    expect(platform.writes.map((write) => write.accountId).sort()).toEqual(['a-0', 'a-1', 'a-2', 'a-3']);
  });

  it('stops cleanly when aborted: nothing starts after it, nothing is half-recorded, and a rerun finishes the rest', async () => {
    const platform = startSeatPlatform(accounts(30));
    const client = seatClient();
    const plan = await client.licences.plan(desired(30));
    const controller = new AbortController();
    platform.beforeWrite = () => {
      if (platform.writes.length >= 10) controller.abort();
    };
    const store = createMemoryStateStore();
    const progress: LicenceApplyProgress[] = [];
    const first = await client.licences.apply(plan, {
      store,
      concurrency: 3,
      signal: controller.signal,
      onProgress: (step) => progress.push(step),
    });
    expect(first.aborted).toBe(true);
    expect(first.stoppedBy).toBe('the run was aborted');
    expect(first.complete).toBe(false);
    expect(first.totals.applied + first.totals.notDone).toBe(30);
    expect(first.totals.applied).toBeGreaterThanOrEqual(10);
    const recorded = [];
    for await (const entry of store.listOutcomes(plan.hash)) recorded.push(entry.actionId);
    // Exactly the actions reported applied are recorded.
    expect(recorded.sort()).toEqual(
      first.outcomes
        .filter((outcome) => outcome.status === 'applied')
        .map((outcome) => outcome.actionId)
        .sort(),
    );
    for (const outcome of first.outcomes.filter((item) => item.status === 'not_done')) {
      expect(outcome.reason).toMatch(/^Not done: /);
    }
    expect(progress.at(-1)).toMatchObject({ total: 30, done: 30 });

    platform.beforeWrite = undefined;
    const second = await client.licences.apply(plan, { store, concurrency: 3 });
    expect(second.complete).toBe(true);
    expect(second.totals.applied + second.totals.alreadyApplied).toBe(30);
    // Each account was written exactly once over both runs (a write cancelled in flight is settled by the fresh read,
    // or replayed by the platform under the same idempotency key).
    const perAccount = new Map<string, number>();
    for (const write of platform.writes)
      perAccount.set(write.accountId, (perAccount.get(write.accountId) ?? 0) + 1);
    expect([...perAccount.values()].every((count) => count === 1)).toBe(true);
    expect(perAccount.size).toBe(30);
  });

  it('reports a write whose answer was lost to the abort as not done, and the rerun finds it made without writing', async () => {
    const platform = startSeatPlatform(accounts(1));
    const client = seatClient();
    const plan = await client.licences.plan(desired(1));
    const controller = new AbortController();
    platform.afterWrite = async () => {
      controller.abort();
      await new Promise((resolve) => setTimeout(resolve, 50));
    };
    const store = createMemoryStateStore();
    const first = await client.licences.apply(plan, { store, signal: controller.signal });
    expect(platform.writes).toHaveLength(1);
    expect(first.outcomes[0]).toMatchObject({ status: 'not_done', error: { code: 'aborted' } });
    expect(first.outcomes[0]?.reason).toMatch(
      /aborted while its write was in flight\. The platform may have applied it/,
    );
    platform.afterWrite = undefined;
    const second = await client.licences.apply(plan, { store });
    expect(second.outcomes[0]).toMatchObject({ status: 'already_applied', resumed: false });
    expect(platform.writes).toHaveLength(1);
  });

  it('lets one run at a time apply a plan with a store: a second one is refused', async () => {
    const platform = startSeatPlatform(accounts(5));
    platform.readDelayMs = 20;
    const client = seatClient();
    const plan = await client.licences.plan(desired(5));
    const store = createMemoryStateStore();
    const first = client.licences.apply(plan, { store });
    await expect(client.licences.apply(plan, { store })).rejects.toThrow(PlanInUseError);
    expect((await first).complete).toBe(true);
    // Once the first is done, the lock is free: a rerun resumes everything from the store.
    const again = await client.licences.apply(plan, { store });
    expect(again.outcomes.every((outcome) => outcome.resumed)).toBe(true);
  });

  it('starts each platform with two actions and one more per action done, so that writes begin at once', async () => {
    const platform = startSeatPlatform(accounts(40));
    platform.readDelayMs = 3;
    const client = seatClient();
    const plan = await client.licences.plan(desired(40));
    platform.requests.length = 0;
    platform.inFlight.max = 0;
    const report = await client.licences.apply(plan, { concurrency: 8 });
    expect(report.totals.applied).toBe(40);
    // With all eight actions started at once, eight reads would be queued before the first write.
    const firstWrite = platform.requests.findIndex((request) => request.startsWith('PUT '));
    expect(platform.requests.slice(0, firstWrite).every((request) => request.startsWith('GET '))).toBe(true);
    expect(firstWrite).toBe(2);
    // It still grows to the concurrency asked for, and never beyond.
    expect(platform.inFlight.max).toBeGreaterThan(2);
    expect(platform.inFlight.max).toBeLessThanOrEqual(8);
  });

  it('reports progress with counts, rate and an estimate of the time left', async () => {
    const platform = startSeatPlatform(accounts(12));
    platform.readDelayMs = 2;
    const client = seatClient();
    const plan = await client.licences.plan([
      ...desired(10),
      { accountId: 'a-10', seats: 10 },
      { accountId: 'a-11', seats: 10 },
    ]);
    const steps: LicenceApplyProgress[] = [];
    await client.licences.apply(plan, { concurrency: 2, onProgress: (step) => steps.push(step) });
    expect(steps.map((step) => step.done)).toEqual(Array.from({ length: 12 }, (_, n) => n + 1));
    expect(steps.at(-1)).toMatchObject({ total: 12, done: 12, applied: 10, noop: 2, failed: 0, etaMs: 0 });
    expect(steps.some((step) => step.ratePerSecond > 0 && step.etaMs !== undefined && step.etaMs > 0)).toBe(
      true,
    );
  });

  it('applies only the actions named, without the plan’s lock when asked', async () => {
    const platform = startSeatPlatform(accounts(3));
    const client = seatClient();
    const plan = await client.licences.plan(desired(3));
    const report = await client.licences.apply(plan, { only: ['umeet:a-1'], exclusive: false });
    expect(report.outcomes.map((outcome) => outcome.actionId)).toEqual(['umeet:a-1']);
    expect(platform.writes.map((write) => write.accountId)).toEqual(['a-1']);
    await expect(client.licences.apply(plan, { only: ['umeet:nobody'] })).rejects.toThrow(
      'Invalid only: umeet:nobody is not an action of this plan. Nothing was sent.',
    );
    await expect(
      client.licences.apply(plan, { concurrency: { zoom: 2 } as unknown as number }),
    ).rejects.toThrow("Invalid concurrency.zoom: 'zoom' is not a platform here (umeet).");
    await expect(client.licences.apply(plan, { concurrency: 0 })).rejects.toThrow(
      /concurrency: must be a whole number from 1 to 1000/,
    );
  });
});
