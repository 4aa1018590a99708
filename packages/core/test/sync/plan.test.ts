import {
  type LicencePlan,
  UnsupportedOperationError,
  ValidationError,
  verifyLicencePlan,
} from '@channelkit/core';
import { describe, expect, it } from 'vitest';
import { seatAdapter, seatClient, startSeatPlatform } from './seat-platform';

const monthly = (seats: number, assigned = 0) => ({
  plan: 'pro',
  seats,
  assigned,
  commitment: 'monthly' as const,
});

describe('licences.plan', () => {
  it('turns each desired row into an action with the figures before and after and a reason', async () => {
    startSeatPlatform({
      up: monthly(10, 2),
      down: monthly(30, 5),
      same: monthly(7),
      move: monthly(10),
    });
    const plan = await seatClient().licences.plan([
      { accountId: 'up', seats: 25 },
      { accountId: 'down', seats: 20 },
      { accountId: 'same', seats: 7 },
      { accountId: 'move', seats: 12, plan: 'business' },
    ]);
    expect(plan.actions.map((action) => [action.id, action.kind, action.row])).toEqual([
      ['umeet:up', 'increase', 1],
      ['umeet:down', 'decrease', 2],
      ['umeet:same', 'noop', 3],
      ['umeet:move', 'change_plan', 4],
    ]);
    expect(plan.actions[0]).toMatchObject({
      before: { plan: 'pro', seats: { purchased: 10, assigned: 2 }, commitment: 'monthly' },
      after: { plan: 'pro', seats: 25 },
      reason: 'Increase umeet account up from 10 to 25 seats (+15).',
    });
    expect(plan.actions[1]?.reason).toBe('Decrease umeet account down from 30 to 20 seats (−10).');
    expect(plan.actions[2]?.reason).toBe('umeet account same already has 7 seats on pro: nothing to do.');
    expect(plan.actions[3]?.reason).toBe(
      'Change umeet account move from plan pro to business, increasing seats from 10 to 12 (+2).',
    );
    expect(plan.violations).toEqual([]);
    expect(plan.summary).toEqual({
      rows: 4,
      increase: 1,
      decrease: 1,
      changePlan: 1,
      noop: 1,
      violations: 0,
      seatsAdded: 17,
      seatsRemoved: 10,
    });
  });

  it('is plain JSON with a content hash: it survives a round trip, and verifies', async () => {
    startSeatPlatform({ a: monthly(1) });
    const plan = await seatClient().licences.plan([{ accountId: 'a', seats: 3 }]);
    const copy = JSON.parse(JSON.stringify(plan)) as LicencePlan;
    expect(copy).toEqual(plan);
    expect(plan).toMatchObject({
      format: 'channelkit.licence-plan',
      version: 1,
      platforms: [{ partner: 'umeet' }],
    });
    expect(plan.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(verifyLicencePlan(copy)).toEqual(plan);
  });

  it('reports each broken seat rule as a violation, with no action for the row', async () => {
    startSeatPlatform({
      busy: monthly(20, 12),
      annual: { plan: 'pro-annual', seats: 50, assigned: 10, commitment: 'annual', termEnd: '2026-12-31' },
      capped: { plan: 'flex', seats: 10, assigned: 0, commitment: 'flexible', cap: 100 },
    });
    const plan = await seatClient().licences.plan(
      [
        { accountId: 'busy', seats: 8 },
        { accountId: 'annual', seats: 40 },
        { accountId: 'capped', seats: 150 },
        { accountId: 'missing', seats: 5 },
        { accountId: 'annual', seats: 60 },
      ],
      { asOf: new Date('2026-06-01T00:00:00Z') },
    );
    expect(plan.actions).toEqual([]);
    expect(plan.violations.map((violation) => [violation.row, violation.rule])).toEqual([
      [1, 'below_assigned'],
      [2, 'duplicate_row'],
      [3, 'above_cap'],
      [4, 'unknown_account'],
      [5, 'duplicate_row'],
    ]);
    expect(plan.violations[0]).toMatchObject({
      before: { seats: { purchased: 20, assigned: 12 } },
      after: { seats: 8 },
      reason:
        'Cannot set umeet account busy to 8 seats: 12 are assigned to users. Unassign 4 first, or ask for 12 or more.',
    });
    expect(plan.violations[1]?.reason).toBe(
      'umeet account annual appears on rows 2, 5; give each account once, so that it is clear which figures are meant.',
    );
    expect(plan.violations[2]?.reason).toBe(
      'Cannot set umeet account capped to 150 seats: its cap is 100. Ask for 100 or fewer, or raise the cap first.',
    );
    expect(plan.violations[3]?.reason).toMatch(
      /^umeet has no account missing with licences: .*no account missing/,
    );
  });

  it('lets an annual commitment grow at any time but shrink only from its renewal (or its renewal window)', async () => {
    startSeatPlatform({
      annual: { plan: 'pro-annual', seats: 50, assigned: 10, commitment: 'annual', termEnd: '2026-12-31' },
    });
    const client = seatClient();
    const mid = await client.licences.plan([{ accountId: 'annual', seats: 40 }], {
      asOf: new Date('2026-06-01T00:00:00Z'),
    });
    expect(mid.violations[0]).toMatchObject({
      rule: 'commitment_locked',
      reason:
        'Cannot decrease umeet account annual from 50 to 40 seats before renewal: its annual commitment can grow but ' +
        'shrinks only at renewal, and its term runs until 2026-12-31. Ask for 50 or more now, or decrease it from ' +
        '2026-12-31.',
    });
    const grow = await client.licences.plan([{ accountId: 'annual', seats: 60 }], {
      asOf: new Date('2026-06-01T00:00:00Z'),
    });
    expect(grow.actions[0]?.kind).toBe('increase');
    const atRenewal = await client.licences.plan([{ accountId: 'annual', seats: 40 }], {
      asOf: new Date('2026-12-31T09:00:00Z'),
    });
    expect(atRenewal.actions[0]?.kind).toBe('decrease');
    // A platform with a 30-day renewal window declares it as data; the engine knows no platform by name.
    const windowed = seatClient({}, seatAdapter({ seatRules: { renewalWindowDays: 30 } }));
    const inWindow = await windowed.licences.plan([{ accountId: 'annual', seats: 40 }], {
      asOf: new Date('2026-12-05T00:00:00Z'),
    });
    expect(inWindow.actions[0]?.kind).toBe('decrease');
  });

  it('applies the rules an adapter declares, and its own check', async () => {
    startSeatPlatform({
      flexible: { plan: 'flex', seats: 10, assigned: 0, commitment: 'flexible' },
      t: monthly(10, 20),
    });
    const client = seatClient(
      {},
      seatAdapter({
        seatRules: {
          shrinkOnlyAtRenewal: ['flexible'],
          allowBelowAssigned: true,
          check: (_state, change) => (change.seats % 5 === 0 ? [] : [{ reason: 'Seats are sold in fives.' }]),
        },
      }),
    );
    const plan = await client.licences.plan([
      { accountId: 'flexible', seats: 8 },
      { accountId: 't', seats: 15 },
    ]);
    expect(plan.violations.map((violation) => violation.rule)).toEqual([
      'commitment_locked',
      'platform_rule',
    ]);
    expect(plan.violations[1]?.reason).toBe('Seats are sold in fives.');
    expect(plan.actions.map((action) => action.id)).toEqual(['umeet:t']);
  });

  it('records an account it could not read as a violation and plans the rest', async () => {
    const platform = startSeatPlatform({ ok: monthly(1), broken: monthly(1) });
    platform.failReads.set('broken', 503);
    const plan = await seatClient({ maxRetries: 1 }).licences.plan([
      { accountId: 'broken', seats: 2 },
      { accountId: 'ok', seats: 2 },
    ]);
    expect(plan.violations[0]).toMatchObject({ rule: 'read_failed', accountId: 'broken' });
    expect(plan.violations[0]?.reason).toMatch(
      /^Could not read the licences of umeet account broken: .* Plan again to include it\.$/,
    );
    expect(plan.actions.map((action) => action.id)).toEqual(['umeet:ok']);
  });

  it('refuses a bad list before any request, naming each row and field', async () => {
    const platform = startSeatPlatform({ a: monthly(1) });
    const planning = seatClient().licences.plan([
      { accountId: 'a', seats: 2 },
      { accountId: '../x', seats: 2 },
      { accountId: 'b', seats: 0 },
      { partner: 'zoom', accountId: 'c', seats: 2 },
    ]);
    await expect(planning).rejects.toThrow(ValidationError);
    const error = (await planning.catch((caught: unknown) => caught)) as ValidationError;
    expect(error.issues.map((issue) => issue.path)).toEqual([
      'desired[1].accountId',
      'desired[2].seats',
      'desired[3].partner',
    ]);
    expect(error.message).toContain("desired[3].partner: is 'zoom', which this umeet client does not serve");
    expect(platform.requests).toEqual([]);
  });

  it('reads a stream of rows with at most `concurrency` reads in flight', async () => {
    const accounts = Object.fromEntries(Array.from({ length: 40 }, (_, n) => [`a-${n}`, monthly(n + 1)]));
    const platform = startSeatPlatform(accounts);
    platform.readDelayMs = 5;
    async function* rows() {
      for (let n = 0; n < 40; n += 1) yield { accountId: `a-${n}`, seats: n + 2 };
    }
    const progress: number[] = [];
    const plan = await seatClient().licences.plan(rows(), {
      concurrency: 4,
      onProgress: (step) => progress.push(step.done),
    });
    expect(plan.actions).toHaveLength(40);
    expect(plan.actions.map((action) => action.row)).toEqual(Array.from({ length: 40 }, (_, n) => n + 1));
    expect(platform.inFlight.max).toBeLessThanOrEqual(4);
    expect(platform.inFlight.max).toBeGreaterThan(1);
    expect(progress.at(-1)).toBe(40);
  });

  it('adds the platform’s own figures for a change when its adapter can preview one', async () => {
    startSeatPlatform({ a: monthly(10), b: monthly(4) });
    const previewed: string[] = [];
    const client = seatClient(
      {},
      seatAdapter({
        preview: async (accountId, change) => {
          previewed.push(accountId);
          return {
            accountId,
            partner: 'umeet',
            change,
            before: { plan: 'standard', seats: 10 },
            after: { plan: 'standard', seats: change.seats },
            accepted: true,
            refusals: [],
            charges: { monthlyRecurring: { amountMinor: (change.seats - 10) * 1500, currency: 'CNY' } },
          };
        },
      }),
    );
    const plan = await client.licences.plan([
      { accountId: 'a', seats: 12 },
      { accountId: 'b', seats: 4 },
    ]);
    expect(plan.actions[0]?.preview).toMatchObject({
      accepted: true,
      after: { plan: 'standard', seats: 12 },
      charges: { monthlyRecurring: { amountMinor: 3000, currency: 'CNY' } },
    });
    expect(plan.actions[1]?.preview).toBeUndefined();
    expect(previewed).toEqual(['a']); // a noop needs no preview
    const none = await client.licences.plan([{ accountId: 'a', seats: 12 }], { preview: false });
    expect(none.actions[0]?.preview).toBeUndefined();
  });

  it('refuses to plan on a platform that cannot read licences', async () => {
    const adapter = seatAdapter();
    const client = seatClient(
      {},
      {
        ...adapter,
        capabilities: { ...adapter.capabilities, licences: { get: false, set: false, preview: false } },
      },
    );
    await expect(client.licences.plan([{ accountId: 'a', seats: 1 }])).rejects.toThrow(
      UnsupportedOperationError,
    );
  });
});
