import {
  createHub,
  createMemoryStateStore,
  type HubDesiredLicence,
  type LicenceApplyReport,
} from '@channelkit/core';
import { createSandbox } from '@channelkit/sandbox';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SYNC_PLATFORMS } from './sync-platforms';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const ACCOUNTS_PER_PLATFORM = 150;

/** What each account should end with: some grow, some shrink, some stay, some move plan (every 11th). */
function desiredSeats(n: number): number {
  const now = (n % 7) + 3;
  if (n % 5 === 0) return now;
  return n % 2 === 0 ? now + 4 + (n % 3) : Math.max(1, now - 2);
}

describe('licence sync over the sandbox with 10% of requests failing', () => {
  it('converges to the desired state on every platform, with every change written exactly once', {
    timeout: 240_000,
  }, async () => {
    const sandbox = createSandbox({
      seed: 42,
      platforms: SYNC_PLATFORMS.map((platform) => platform.sandboxPlatform),
      faults: SYNC_PLATFORMS.flatMap((platform) => platform.faults(0.1)),
    });
    server.use(...sandbox.handlers());
    const hub = createHub(
      Object.fromEntries(SYNC_PLATFORMS.map((platform) => [platform.partner, platform.adapter()])),
      {
        partners: Object.fromEntries(
          SYNC_PLATFORMS.map((platform) => [platform.partner, platform.clientOptions]),
        ),
      },
    );
    const desired: HubDesiredLicence[] = [];
    const expected = new Map<string, { plan: string | undefined; seats: number }>();
    for (const platform of SYNC_PLATFORMS) {
      const ids = platform.seed(sandbox, ACCOUNTS_PER_PLATFORM, (n) => (n % 7) + 3);
      ids.forEach((accountId, n) => {
        const plan =
          n % 11 === 1 ? (platform.partner === 'zoom' ? 'business_yearly' : 'business') : undefined;
        desired.push({
          partner: platform.partner,
          accountId,
          seats: desiredSeats(n),
          ...(plan ? { plan } : {}),
        });
        expected.set(`${platform.partner}:${accountId}`, { plan, seats: desiredSeats(n) });
      });
    }

    const plan = await hub.licences.plan(desired, { concurrency: 8 });
    expect(plan.violations).toEqual([]);
    expect(plan.actions).toHaveLength(2 * ACCOUNTS_PER_PLATFORM);
    const changes = plan.actions.filter((action) => action.kind !== 'noop');

    // Run the plan until nothing is left: a change whose retries all met a fault fails, and the next run retries it.
    const store = createMemoryStateStore();
    const reports: LicenceApplyReport[] = [];
    for (let run = 0; run < 5 && !reports.at(-1)?.complete; run += 1) {
      reports.push(await hub.licences.apply(plan, { store, concurrency: { zoom: 8, 'acme-seats': 12 } }));
    }
    const last = reports.at(-1) as LicenceApplyReport;
    expect(last.complete).toBe(true);
    expect(last.totals.stale).toBe(0);
    const faults = sandbox.requests.filter((record) => record.fault !== undefined).length;
    expect(faults / sandbox.requests.length).toBeGreaterThan(0.05);

    // The sandbox's own records: every account as desired, and every change applied exactly once.
    for (const platform of SYNC_PLATFORMS) {
      const writes = platform.appliedWrites(sandbox);
      for (const action of plan.actions.filter((item) => item.partner === platform.partner)) {
        const want = expected.get(action.id);
        const state = platform.stateOf(sandbox, action.accountId);
        expect(state?.seats, action.id).toBe(want?.seats);
        if (want?.plan !== undefined) expect(state?.plan, action.id).toBe(want.plan);
        expect(writes.get(action.accountId) ?? 0, `writes applied to ${action.id}`).toBe(
          action.kind === 'noop' ? 0 : 1,
        );
      }
    }
    // Over all runs, each change is counted once as written by the engine.
    const written = reports.flatMap((report) =>
      report.outcomes.filter((outcome) => outcome.status === 'applied' && !outcome.resumed),
    );
    expect(written).toHaveLength(
      changes.length - reports.reduce((sum, report) => sum + report.totals.alreadyApplied, 0),
    );
  });
});
