import { ValidationError } from '@channelkit/core';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { API, provisionInput, sandboxed, sentTo, server, settled } from './harness';

describe('licences: a seat count and the seats in use', () => {
  it('reads a business licence: monthly, open-ended, renewing, no cap', async () => {
    const now = Date.UTC(2026, 2, 31, 17, 0, 0); // 1 April in Beijing
    const { adapter, context, controls } = sandboxed({ sandbox: { now: () => now } });
    const account = await adapter.accounts.provision(provisionInput({ seats: 25 }), context);
    controls.setSeatsUsed(account.id, 7);

    expect(await adapter.licences.get(account.id, context)).toEqual({
      accountId: account.id,
      partner: 'zhumu',
      plan: 'business',
      seats: { purchased: 25, assigned: 7 },
      commitment: 'monthly',
      term: { start: '2026-04-01' },
      autoRenew: true,
      status: 'active',
    });
  });

  it('reads a trial: 30 days, capped at 10 seats, not renewing, expired after its last day', async () => {
    let now = Date.UTC(2026, 0, 1, 2, 0, 0);
    const { adapter, context } = sandboxed({ sandbox: { now: () => now } });
    const account = await adapter.accounts.provision(provisionInput({ plan: 'trial', seats: 5 }), context);

    expect(await adapter.licences.get(account.id, context)).toMatchObject({
      plan: 'trial',
      seats: { purchased: 5, assigned: 0, cap: 10 },
      commitment: 'trial',
      term: { start: '2026-01-01', end: '2026-01-30' },
      autoRenew: false,
      status: 'active',
    });
    now = Date.UTC(2026, 0, 30, 16, 0, 0); // 31 January in Beijing
    expect((await adapter.licences.get(account.id, context)).status).toBe('expired');
  });

  it('sets seats (a total, not a delta) and returns the new state', async () => {
    const { adapter, context, controls, sent } = sandboxed();
    const account = await adapter.accounts.provision(provisionInput({ seats: 5 }), context);

    const changed = await adapter.licences.set(account.id, { seats: 8 }, context);

    expect(changed.seats).toEqual({ purchased: 8, assigned: 0 });
    expect(controls.getEnterprise(account.id)?.licence.seats).toBe(8);
    await settled(sent);
    const {
      api_key: _key,
      api_secret: _secret,
      ...form
    } = sentTo(sent, '/enterprise/licence/set')[0]?.form ?? {};
    expect(form).toEqual({ enterprise_id: account.id, seats: '8' });
  });

  it('turns a trial into a business licence', async () => {
    const { adapter, context } = sandboxed();
    const account = await adapter.accounts.provision(provisionInput({ plan: 'trial', seats: 5 }), context);
    const changed = await adapter.licences.set(account.id, { seats: 40, plan: 'business' }, context);
    expect(changed).toMatchObject({ plan: 'business', commitment: 'monthly', seats: { purchased: 40 } });
    expect(changed.seats.cap).toBeUndefined();
  });

  const refusals: Array<[string, { seats: number; plan?: string }, string, string]> = [
    ['fewer seats than are in use', { seats: 6 }, 'seats', '7 seats of Zhumu enterprise'],
    ['a business licence turned into a trial', { seats: 8, plan: 'trial' }, 'plan', 'into a trial'],
  ];
  for (const [title, change, field, message] of refusals) {
    it(`refuses ${title} after a fresh read, sending no write`, async () => {
      const { adapter, context, controls, sent } = sandboxed();
      const account = await adapter.accounts.provision(provisionInput({ seats: 10 }), context);
      controls.setSeatsUsed(account.id, 7);

      const error = await adapter.licences.set(account.id, change, context).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).field).toBe(field);
      expect((error as Error).message).toContain(message);
      expect(sentTo(sent, '/enterprise/licence/get')).toHaveLength(1);
      expect(sentTo(sent, '/enterprise/licence/set')).toHaveLength(0);
      expect(controls.getEnterprise(account.id)?.licence.seats).toBe(10);
    });
  }

  it('refuses more seats than the trial’s cap as Zhumu reports it, sending no write', async () => {
    const { adapter, context, sent } = sandboxed();
    const account = await adapter.accounts.provision(provisionInput({ plan: 'trial', seats: 5 }), context);
    await expect(adapter.licences.set(account.id, { seats: 11 }, context)).rejects.toMatchObject({
      name: 'ValidationError',
      field: 'seats',
      message: expect.stringContaining('at most 10 seats'),
    });
    expect(sentTo(sent, '/enterprise/licence/set')).toHaveLength(0);
  });

  it('reports Zhumu’s own refusal when seats came into use between the read and the write (2101)', async () => {
    const { adapter, context, controls } = sandboxed();
    const account = await adapter.accounts.provision(provisionInput({ seats: 10 }), context);
    controls.setSeatsUsed(account.id, 6);
    // The adapter's read is answered as it stood a moment earlier, before users took 6 seats.
    server.use(
      http.post(`${API}/enterprise/licence/get`, () =>
        HttpResponse.json({ enterprise_id: account.id, plan: 'business', seats: 10, seats_used: 0 }),
      ),
    );
    await expect(adapter.licences.set(account.id, { seats: 3 }, context)).rejects.toMatchObject({
      name: 'BadRequestError',
      platformCode: 2101,
      message: expect.stringContaining('席位数不能少于已使用席位数'),
    });
    expect(controls.getEnterprise(account.id)?.licence.seats).toBe(10);
  });

  it('refuses licence changes of a cancelled enterprise (2003)', async () => {
    const { adapter, context, controls } = sandboxed();
    const account = await adapter.accounts.provision(provisionInput({ seats: 10 }), context);
    controls.setStatus(account.id, 5);
    expect((await adapter.licences.get(account.id, context)).status).toBe('cancelled');
    await expect(adapter.licences.set(account.id, { seats: 12 }, context)).rejects.toMatchObject({
      name: 'ConflictError',
      platformCode: 2003,
    });
  });

  it('repeats a licence change whose answer was lost: Zhumu applies it as "set to"', async () => {
    const { adapter, context, controls, sandbox, sent } = sandboxed();
    const account = await adapter.accounts.provision(provisionInput({ seats: 10 }), context);
    sandbox.faults.add({
      path: '/v3/enterprise/licence/set',
      when: 'after',
      times: 1,
      fault: { kind: 'reset' },
    });

    const changed = await adapter.licences.set(account.id, { seats: 12 }, context);

    expect(changed.seats.purchased).toBe(12);
    expect(sentTo(sent, '/enterprise/licence/set')).toHaveLength(2);
    expect(controls.getEnterprise(account.id)?.licence.seats).toBe(12);
  });
});
