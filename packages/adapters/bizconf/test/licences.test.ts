import type { LicenceState } from '@channelkit/types';
import { describe, expect, it } from 'vitest';
import { addDays, beijingDate } from '../src/internal/beijing-time';
import { contextFor, customer, sandboxed, sentTo } from './harness';

const today = () => beijingDate(Date.now());

describe('licences.get', () => {
  it('reads the annual licence: seats, seats in use, term, renewal', async () => {
    const { client, controls } = sandboxed();
    const account = await client.accounts.provision(customer(1, { seats: 20 }));
    controls.assignSeats(account.id, 7);

    const state = await client.licences.get(account.id);

    // A one-year term from the day the account was created, Beijing time.
    expect(controls.getEnterprise(account.id)?.licence.termEnd).toBe(
      addDays(`${Number(today().slice(0, 4)) + 1}${today().slice(4)}`, -1),
    );
    expect(state).toEqual<LicenceState>({
      accountId: account.id,
      partner: 'bizconf',
      plan: 'STANDARD',
      seats: { purchased: 20, assigned: 7 },
      term: { start: today(), end: controls.getEnterprise(account.id)?.licence.termEnd },
      autoRenew: true,
      commitment: 'annual',
      status: 'active',
    });
  });
});

describe('licences.set: annual commitments grow at any time', () => {
  it('adds seats at once, with a bizNo, and emits licence.changed', async () => {
    const { client, controls, sent } = sandboxed();
    const account = await client.accounts.provision(customer(2, { seats: 10 }));
    const changes: number[] = [];
    client.on('licence.changed', (event) => changes.push(event.current.seats.purchased));

    const state = await client.licences.set(account.id, { seats: 25 });

    expect(state.seats).toEqual({ purchased: 25, assigned: 0 });
    expect(controls.getEnterprise(account.id)?.licence.seats).toBe(25);
    expect(changes).toEqual([25]);
    const [write] = sentTo(sent, 'POST', `/enterprises/${account.id}/licence`);
    expect(write?.json).toEqual({ bizNo: expect.stringMatching(/^ck[0-9a-f]{40}$/), seats: 25 });
  });

  it('sends nothing when the seats are already as asked', async () => {
    const { client, sent } = sandboxed();
    const account = await client.accounts.provision(customer(3, { seats: 10 }));
    expect((await client.licences.set(account.id, { seats: 10 })).seats.purchased).toBe(10);
    expect(sentTo(sent, 'POST', `/enterprises/${account.id}/licence`)).toHaveLength(0);
  });

  it('sends the same bizNo again when the answer is lost; Bizconf answers the first answer', async () => {
    const { client, controls, sandbox, sent } = sandboxed();
    const account = await client.accounts.provision(customer(4, { seats: 10 }));
    sandbox.faults.add({
      method: 'POST',
      path: /\/licence$/,
      when: 'after',
      times: 1,
      fault: { kind: 'reset' },
    });

    expect((await client.licences.set(account.id, { seats: 11 })).seats.purchased).toBe(11);

    const writes = sentTo(sent, 'POST', `/enterprises/${account.id}/licence`).map((request) => request.json);
    expect(writes).toHaveLength(2);
    expect(writes[0]).toEqual(writes[1]);
    expect(controls.getEnterprise(account.id)?.licence.seats).toBe(11);
  });
});

describe('licences.set: annual commitments shrink only at renewal', () => {
  it('refuses a decrease before the renewal window with a ValidationError that says when the renewal is, sending no write', async () => {
    const { client, controls, sent } = sandboxed();
    const account = await client.accounts.provision(customer(5, { seats: 10 }));
    const { termEnd } = controls.getEnterprise(account.id)?.licence ?? { termEnd: '' };

    const failure = await client.licences.set(account.id, { seats: 8 }).catch((error: unknown) => error);

    expect(failure).toMatchObject({ name: 'ValidationError', field: 'seats' });
    const message = (failure as Error).message;
    expect(message).toContain(`runs until ${termEnd}`);
    expect(message).toContain(`renews on ${addDays(termEnd, 1)}`);
    expect(message).toContain(`from ${addDays(termEnd, -29)}`);
    expect(sentTo(sent, 'POST', `/enterprises/${account.id}/licence`)).toHaveLength(0);
    expect(controls.getEnterprise(account.id)?.licence.seats).toBe(10);
  });

  it('schedules a decrease inside the window for the next term (pending), and the renewal applies it', async () => {
    const { client, controls } = sandboxed();
    const account = await client.accounts.provision(customer(6, { seats: 10 }));
    controls.setTerm(account.id, { start: addDays(today(), -355), end: addDays(today(), 9) });

    const scheduled = await client.licences.set(account.id, { seats: 6 });

    expect(scheduled.seats).toEqual({ purchased: 10, assigned: 0, pending: 6 });
    expect(controls.getEnterprise(account.id)?.licence).toMatchObject({ seats: 10, renewalSeats: 6 });

    controls.setTerm(account.id, { start: addDays(today(), -365), end: addDays(today(), -1) });
    const renewed = await client.licences.get(account.id);
    expect(renewed.seats).toEqual({ purchased: 6, assigned: 0 });
    expect(renewed.term?.start).toBe(today());
  });

  it('drops a scheduled decrease when the seats are set back', async () => {
    const { client, controls } = sandboxed();
    const account = await client.accounts.provision(customer(7, { seats: 10 }));
    controls.setTerm(account.id, { start: addDays(today(), -360), end: addDays(today(), 4) });
    await client.licences.set(account.id, { seats: 6 });

    const restored = await client.licences.set(account.id, { seats: 10 });

    expect(restored.seats).toEqual({ purchased: 10, assigned: 0 });
    expect(controls.getEnterprise(account.id)?.licence.renewalSeats).toBeUndefined();
  });

  it('refuses fewer seats than are in use, saying how many are, and lists both rules when both are broken', async () => {
    const { client, controls, sent } = sandboxed();
    const account = await client.accounts.provision(customer(8, { seats: 10 }));
    controls.assignSeats(account.id, 9);

    const failure = await client.licences.set(account.id, { seats: 5 }).catch((error: unknown) => error);

    expect(failure).toMatchObject({ name: 'ValidationError', field: 'seats' });
    expect((failure as { issues: unknown[] }).issues).toHaveLength(2);
    expect((failure as Error).message).toContain('9 seats of Bizconf account');
    expect(sentTo(sent, 'POST', `/enterprises/${account.id}/licence`)).toHaveLength(0);
  });

  it('refuses a plan change (Bizconf changes plans through renewal orders), and accepts the current plan', async () => {
    const { client, sent } = sandboxed();
    const account = await client.accounts.provision(customer(9, { seats: 3 }));
    await expect(client.licences.set(account.id, { seats: 4, plan: 'PREMIUM' })).rejects.toMatchObject({
      name: 'ValidationError',
      field: 'plan',
    });
    expect(sentTo(sent, 'POST', `/enterprises/${account.id}/licence`)).toHaveLength(0);
    await expect(client.licences.set(account.id, { seats: 4, plan: 'STANDARD' })).resolves.toMatchObject({
      seats: { purchased: 4 },
    });
  });

  it('refuses any change to an expired licence as ConflictError, before any write', async () => {
    const { client, controls, sent } = sandboxed();
    const account = await client.accounts.provision(customer(10, { seats: 3 }));
    controls.setAutoRenew(account.id, false);
    controls.setTerm(account.id, { start: addDays(today(), -400), end: addDays(today(), -35) });

    expect((await client.licences.get(account.id)).status).toBe('expired');
    await expect(client.licences.set(account.id, { seats: 5 })).rejects.toMatchObject({
      name: 'ConflictError',
      message: expect.stringContaining('expired'),
    });
    expect(sentTo(sent, 'POST', `/enterprises/${account.id}/licence`)).toHaveLength(0);
  });
});

describe('Bizconf enforces the same rules itself', () => {
  async function rawWrite(
    seats: number,
    setup: (id: string, controls: ReturnType<typeof sandboxed>['controls']) => void,
  ) {
    const { adapter, client, controls } = sandboxed();
    const account = await client.accounts.provision(customer(11, { seats: 10 }));
    setup(account.id, controls);
    const { context } = contextFor(adapter);
    return context.transport
      .request({
        method: 'POST',
        path: `/enterprises/${account.id}/licence`,
        body: { bizNo: `raw-${seats}-0000`, seats },
      })
      .catch((error: unknown) => error);
  }

  it('refuses a decrease before the renewal window (42201), in Chinese', async () => {
    const failure = await rawWrite(8, () => {});
    expect(failure).toMatchObject({ name: 'BadRequestError', status: 422, platformCode: 42201 });
    expect((failure as Error).message).toContain('年度承诺期内不能减少席位');
  });

  it('refuses fewer seats than are in use (42202)', async () => {
    const failure = await rawWrite(12, (id, controls) => controls.assignSeats(id, 15));
    expect(failure).toMatchObject({ name: 'BadRequestError', platformCode: 42202 });
  });

  it('refuses the same bizNo with another body (40902) and a plan change (40001)', async () => {
    const { adapter, client } = sandboxed();
    const account = await client.accounts.provision(customer(12, { seats: 10 }));
    const { context } = contextFor(adapter);
    const write = (body: Record<string, unknown>) =>
      context.transport
        .request({ method: 'POST', path: `/enterprises/${account.id}/licence`, body })
        .catch((error: unknown) => error);
    await write({ bizNo: 'same-number', seats: 11 });
    expect(await write({ bizNo: 'same-number', seats: 12 })).toMatchObject({ platformCode: 40902 });
    expect(await write({ bizNo: 'other-number', seats: 12, planCode: 'PREMIUM' })).toMatchObject({
      name: 'BadRequestError',
      platformCode: 40001,
      details: [{ field: 'planCode' }],
    });
  });
});
