import { type ClientEventMap, ConfigurationError, createHub, ValidationError } from '@channelkit/core';
import { createSandbox } from '@channelkit/sandbox';
import { zoom } from '@channelkit/zoom';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { acmeSeats } from './seats-platform';
import { ZOOM_AND_SEATS as SYNC_PLATFORMS } from './sync-platforms';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function hubOverSandbox() {
  const sandbox = createSandbox({ platforms: SYNC_PLATFORMS.map((platform) => platform.sandboxPlatform) });
  server.use(...sandbox.handlers());
  const hub = createHub(
    Object.fromEntries(SYNC_PLATFORMS.map((platform) => [platform.partner, platform.adapter()])),
    {
      partners: Object.fromEntries(
        SYNC_PLATFORMS.map((platform) => [platform.partner, platform.clientOptions]),
      ),
    },
  );
  const ids = Object.fromEntries(
    SYNC_PLATFORMS.map((platform) => [platform.partner, platform.seed(sandbox, 3, () => 10)]),
  ) as Record<string, string[]>;
  return { sandbox, hub, ids };
}

describe('createHub', () => {
  it('plans and applies one desired list across platforms, with one report and each platform’s own events', async () => {
    const { hub, ids, sandbox } = hubOverSandbox();
    const zoomIds = ids.zoom ?? [];
    const seatIds = ids['acme-seats'] ?? [];
    const plan = await hub.licences.plan([
      { partner: 'zoom', accountId: zoomIds[0] ?? '', seats: 12 },
      { partner: 'acme-seats', accountId: seatIds[0] ?? '', seats: 8 },
      { partner: 'zoom', accountId: zoomIds[1] ?? '', seats: 10 },
      { partner: 'acme-seats', accountId: 'acct-missing', seats: 3 },
    ]);
    expect(plan.platforms).toEqual([
      { partner: 'acme-seats' },
      { partner: 'zoom', scope: expect.any(String) },
    ]);
    expect(plan.actions.map((action) => [action.id, action.kind])).toEqual([
      [`zoom:${zoomIds[0]}`, 'increase'],
      [`acme-seats:${seatIds[0]}`, 'decrease'],
      [`zoom:${zoomIds[1]}`, 'noop'],
    ]);
    expect(plan.violations.map((violation) => [violation.row, violation.rule])).toEqual([
      [4, 'unknown_account'],
    ]);

    const completed: ClientEventMap['sync.completed'][] = [];
    const changed: string[] = [];
    hub.on('sync.completed', (event) => completed.push(event));
    hub.on('licence.changed', (event) => changed.push(`${event.partner}:${event.accountId}`));
    const report = await hub.licences.apply(plan, { concurrency: { zoom: 2, 'acme-seats': 1 } });
    expect(report.complete).toBe(true);
    expect(report.byPartner).toEqual({
      zoom: { actions: 2, applied: 1, alreadyApplied: 0, noop: 1, stale: 0, failed: 0, notDone: 0 },
      'acme-seats': { actions: 1, applied: 1, alreadyApplied: 0, noop: 0, stale: 0, failed: 0, notDone: 0 },
    });
    expect(changed.sort()).toEqual([`acme-seats:${seatIds[0]}`, `zoom:${zoomIds[0]}`]);
    expect(completed.map((event) => [event.partner, event.totals.actions]).sort()).toEqual([
      ['acme-seats', 1],
      ['zoom', 2],
    ]);
    expect(sandbox.zoom.getAccount(zoomIds[0] ?? '')?.plan?.hosts).toBe(12);
    // Each platform went through its own client: hub.partner gives it.
    expect((await hub.partner('acme-seats').licences.get(seatIds[0] ?? '')).seats.purchased).toBe(8);
    expect(hub.partners).toEqual(['zoom', 'acme-seats']);
  });

  it('refuses rows without a partner or for a platform it does not have, before any request', async () => {
    const { hub, sandbox } = hubOverSandbox();
    sandbox.clearRequests();
    const planning = hub.licences.plan([
      { accountId: 'x', seats: 1 } as never,
      { partner: 'umeet', accountId: 'y', seats: 1 },
    ]);
    await expect(planning).rejects.toThrow(ValidationError);
    await expect(planning).rejects.toThrow(
      "desired[0].partner: is required in a hub's list: one of zoom, acme-seats; desired[1].partner: is 'umeet', which this hub does not serve",
    );
    expect(sandbox.requests).toEqual([]);
  });

  it('refuses an adapter under another platform’s key, and an unknown platform by name', () => {
    expect(() => createHub({ zoom: acmeSeats() })).toThrow(ConfigurationError);
    expect(() => createHub({})).toThrow(/at least one platform/);
    expect(() =>
      createHub(
        { zoom: zoom({ accountId: 'a', clientId: 'b', clientSecret: 'c' }) },
        { partners: { umeet: {} } },
      ),
    ).toThrow(/partners.umeet names no platform of this hub/);
    const hub = createHub({ 'acme-seats': acmeSeats() });
    // @ts-expect-error the hub knows its platforms' names at compile time
    expect(() => hub.partner('zoom')).toThrow(/'zoom' is not a platform of this hub/);
  });

  it('applies a hub plan’s actions for one platform with that platform’s client when asked', async () => {
    const { hub, ids } = hubOverSandbox();
    const plan = await hub.licences.plan([
      { partner: 'zoom', accountId: ids.zoom?.[0] ?? '', seats: 11 },
      { partner: 'acme-seats', accountId: ids['acme-seats']?.[0] ?? '', seats: 11 },
    ]);
    const client = hub.partner('acme-seats');
    await expect(client.licences.apply(plan)).rejects.toThrow(
      /includes zoom accounts, which this client does not serve/,
    );
    const report = await client.licences.apply(plan, { only: [`acme-seats:${ids['acme-seats']?.[0]}`] });
    expect(report.totals).toMatchObject({ actions: 1, applied: 1 });
  });
});
