import {
  createHub,
  createMemoryStateStore,
  type HubDesiredLicence,
  type LicenceApplyReport,
} from '@channelkit/core';
import { createSandbox } from '@channelkit/sandbox';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { desiredSeats, hubOptions, PARTNER_PLATFORMS, type SyncPlatform } from './sync-platforms';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** 1 000 accounts across Zoom, Bizconf, Zhumu and Umeet. */
const ACCOUNTS_PER_PLATFORM = 250;
const seededSeats = (n: number) => (n % 7) + 3;

function hubOver(platforms: readonly SyncPlatform[], rate: number, seed = 42) {
  const sandbox = createSandbox({
    seed,
    platforms: platforms.map((platform) => platform.sandboxPlatform),
    faults: platforms.flatMap((platform) => platform.faults(rate)),
  });
  server.use(...sandbox.handlers());
  const hub = createHub(
    Object.fromEntries(platforms.map((platform) => [platform.partner, platform.adapter()])),
    hubOptions(platforms),
  );
  return { sandbox, hub };
}

describe('licence sync over the sandbox with 10% of requests failing', () => {
  it('converges to the desired state on all four platforms, with every change written exactly once', {
    timeout: 300_000,
  }, async () => {
    const { sandbox, hub } = hubOver(PARTNER_PLATFORMS, 0.1);
    const desired: HubDesiredLicence[] = [];
    const expected = new Map<string, { plan: string | undefined; seats: number }>();
    for (const platform of PARTNER_PLATFORMS) {
      const ids = platform.seed(sandbox, ACCOUNTS_PER_PLATFORM, seededSeats);
      ids.forEach((accountId, n) => {
        const plan = n % 11 === 1 ? platform.otherPlan : undefined;
        const seats = desiredSeats(platform, n, seededSeats(n));
        desired.push({ partner: platform.partner, accountId, seats, ...(plan ? { plan } : {}) });
        expected.set(`${platform.partner}:${accountId}`, { plan, seats });
      });
    }

    const plan = await hub.licences.plan(desired, { concurrency: 8 });
    expect(plan.violations).toEqual([]);
    expect(plan.actions).toHaveLength(4 * ACCOUNTS_PER_PLATFORM);
    const changes = plan.actions.filter((action) => action.kind !== 'noop');
    for (const platform of PARTNER_PLATFORMS) {
      const kinds = new Set(plan.actions.filter((a) => a.partner === platform.partner).map((a) => a.kind));
      // Every platform grows and keeps; all but Bizconf (annual commitments) also shrink; two also change plan.
      expect(kinds.has('increase') && kinds.has('noop'), platform.partner).toBe(true);
      expect(kinds.has('decrease'), platform.partner).toBe(platform.shrinksAnyTime);
      expect(kinds.has('change_plan'), platform.partner).toBe(platform.otherPlan !== undefined);
    }

    // Run the plan until nothing is left: a change whose retries all met a fault fails, and the next run retries it.
    const store = createMemoryStateStore();
    const reports: LicenceApplyReport[] = [];
    for (let run = 0; run < 5 && !reports.at(-1)?.complete; run += 1) {
      reports.push(await hub.licences.apply(plan, { store, concurrency: 8 }));
    }
    const last = reports.at(-1) as LicenceApplyReport;
    expect(last.complete).toBe(true);
    expect(last.totals.stale).toBe(0);
    for (const platform of PARTNER_PLATFORMS) {
      const records = sandbox.requests.filter((record) => record.platform === platform.partner);
      const faulted = records.filter((record) => record.fault !== undefined).length;
      expect(faulted / records.length, `faults on ${platform.partner}`).toBeGreaterThan(0.05);
    }

    // The sandbox's own records: every account as desired, and every change applied exactly once.
    for (const platform of PARTNER_PLATFORMS) {
      const writes = platform.appliedWrites(sandbox);
      const actions = plan.actions.filter((item) => item.partner === platform.partner);
      for (const action of actions) {
        const want = expected.get(action.id);
        const state = platform.stateOf(sandbox, action.accountId);
        expect(state?.seats, action.id).toBe(want?.seats);
        if (want?.plan !== undefined) expect(state?.plan, action.id).toBe(want.plan);
        if (writes.byAccount !== undefined) {
          expect(writes.byAccount.get(action.accountId) ?? 0, `writes applied to ${action.id}`).toBe(
            action.kind === 'noop' ? 0 : 1,
          );
        }
      }
      expect(writes.total, `writes applied on ${platform.partner}`).toBe(
        actions.filter((action) => action.kind !== 'noop').length,
      );
    }
    // Over all runs, each change is counted once as written by the engine.
    const written = reports.flatMap((report) =>
      report.outcomes.filter((outcome) => outcome.status === 'applied' && !outcome.resumed),
    );
    expect(written).toHaveLength(
      changes.length - reports.reduce((sum, report) => sum + report.totals.alreadyApplied, 0),
    );
  });

  it('refuses, in the plan, to shrink a Bizconf annual commitment before its renewal, and writes nothing for it', async () => {
    const bizconf = PARTNER_PLATFORMS.find((platform) => platform.partner === 'bizconf') as SyncPlatform;
    const { sandbox, hub } = hubOver([bizconf], 0);
    const [shrink = '', grow = ''] = bizconf.seed(sandbox, 2, () => 10);
    const plan = await hub.licences.plan([
      { partner: 'bizconf', accountId: shrink, seats: 8 },
      { partner: 'bizconf', accountId: grow, seats: 12 },
    ]);
    expect(plan.actions.map((action) => [action.accountId, action.kind])).toEqual([[grow, 'increase']]);
    expect(plan.violations).toEqual([
      expect.objectContaining({
        rule: 'commitment_locked',
        partner: 'bizconf',
        accountId: shrink,
        before: expect.objectContaining({
          commitment: 'annual',
          seats: expect.objectContaining({ purchased: 10 }),
        }),
        after: { seats: 8 },
      }),
    ]);
    expect(plan.violations[0]?.reason).toMatch(/renew/i);

    const report = await hub.licences.apply(plan);
    expect(report.totals).toMatchObject({ actions: 1, applied: 1 });
    expect(bizconf.stateOf(sandbox, shrink)?.seats).toBe(10);
    expect(bizconf.stateOf(sandbox, grow)?.seats).toBe(12);
    expect(bizconf.appliedWrites(sandbox).byAccount).toEqual(new Map([[grow, 1]]));
  });
});
