import { licenceStateSchema } from '@channelkit/types';
import { describe, expect, it } from 'vitest';
import { bodyOf, provisionInput, sandboxed, sentTo } from './harness';

async function provisioned(seats = 10) {
  const harness = sandboxed();
  const account = await harness.adapter.accounts.provision(provisionInput({ seats }), harness.context);
  harness.sent.length = 0;
  return { ...harness, accountId: account.id };
}

describe('licences.get', () => {
  it('combines plan and usage into a licence state', async () => {
    const { sandbox, adapter, context, accountId, sent } = await provisioned(10);
    sandbox.zoom.addUser(accountId, { email: 'pending@acme.example', type: 2, status: 'pending' });
    sandbox.zoom.addUser(accountId, { email: 'user@acme.example', type: 2, status: 'active' });
    const plan = sandbox.zoom.getAccount(accountId)?.plan;
    const licensed = sandbox.zoom
      .getAccount(accountId)
      ?.users.filter((user) => user.type === 2 && user.status === 'active').length;

    const state = await adapter.licences.get(accountId, context);

    expect(licenceStateSchema.parse(state)).toEqual(state);
    expect(state).toEqual({
      accountId,
      partner: 'zoom',
      plan: 'business_yearly',
      seats: { purchased: 10, assigned: licensed, pending: 1 },
      term: { start: plan?.serviceEffectiveDate, end: plan?.nextInvoiceDate },
      commitment: 'annual',
      status: 'active',
    });
    expect(sentTo(sent, 'GET', `/accounts/${accountId}/plans`)).toHaveLength(1);
    expect(sentTo(sent, 'GET', `/accounts/${accountId}/plans/usage`)).toHaveLength(1);
  });

  it.each([
    ['monthly', 'monthly'],
    ['business_monthly', 'monthly'],
    ['yearly', 'annual'],
    ['trial', 'trial'],
  ] as const)('maps plan type %s to commitment %s', async (type, commitment) => {
    const { sandbox, adapter, context } = sandboxed();
    const stored = sandbox.zoom.createAccount({ email: 'owner@eta.example' });
    sandbox.zoom.setPlan(stored.id, { type, hosts: 5, status: 'cancelled' });
    await expect(adapter.licences.get(stored.id, context)).resolves.toMatchObject({
      plan: type,
      commitment,
      status: 'cancelled',
    });
  });

  it('throws NotFoundError for an account without a base plan', async () => {
    const { sandbox, adapter, context } = sandboxed();
    const stored = sandbox.zoom.createAccount({ email: 'owner@theta.example' });
    await expect(adapter.licences.get(stored.id, context)).rejects.toMatchObject({
      name: 'NotFoundError',
      message: expect.stringContaining('no base plan'),
    });
  });

  it('explains that a self-pay account needs master billing (code 2100)', async () => {
    const { sandbox, adapter, context } = sandboxed();
    const stored = sandbox.zoom.createAccount({ email: 'owner@iota.example', payMode: 'sub' });
    await expect(adapter.licences.get(stored.id, context)).rejects.toMatchObject({
      name: 'BadRequestError',
      platformCode: 2100,
      message: expect.stringContaining('pay_mode "master"'),
    });
  });
});

describe('licences.set', () => {
  it('changes the seats and returns the new state', async () => {
    const { sandbox, adapter, context, accountId, sent } = await provisioned(10);

    const state = await adapter.licences.set(accountId, { seats: 25 }, context);

    expect(licenceStateSchema.parse(state)).toEqual(state);
    expect(state).toMatchObject({ plan: 'business_yearly', seats: { purchased: 25 }, commitment: 'annual' });
    expect(bodyOf(sentTo(sent, 'PUT', `/accounts/${accountId}/plans/base`)[0])).toEqual({
      type: 'business_yearly',
      hosts: 25,
    });
    expect(sandbox.zoom.getAccount(accountId)?.plan).toMatchObject({ hosts: 25 });
    expect(sent).toHaveLength(3);
  });

  it('changes the plan type when asked', async () => {
    const { sandbox, adapter, context, accountId } = await provisioned(10);
    const state = await adapter.licences.set(accountId, { seats: 10, plan: 'business_monthly' }, context);
    expect(state).toMatchObject({
      plan: 'business_monthly',
      commitment: 'monthly',
      seats: { purchased: 10 },
    });
    expect(sandbox.zoom.getAccount(accountId)?.plan).toMatchObject({ type: 'business_monthly' });
  });

  it('refuses fewer seats than licensed users before sending any PUT', async () => {
    const { sandbox, adapter, context, accountId, sent } = await provisioned(10);
    sandbox.zoom.addUser(accountId, { email: 'one@acme.example', type: 2 });
    sandbox.zoom.addUser(accountId, { email: 'two@acme.example', type: 2 });
    const assigned = (await adapter.licences.get(accountId, context)).seats.assigned ?? 0;
    expect(assigned).toBeGreaterThanOrEqual(2);

    const error = await adapter.licences.set(accountId, { seats: assigned - 1 }, context).catch((e) => e);

    expect(error).toMatchObject({ name: 'ValidationError', field: 'seats' });
    expect(error.message).toContain(`${assigned - 1} seats`);
    expect(error.message).toContain(`${assigned} users`);
    expect(error.message).toMatch(/unassign/i);
    expect(sent.filter((request) => request.method === 'PUT')).toHaveLength(0);
    expect(sandbox.zoom.getAccount(accountId)?.plan).toMatchObject({ hosts: 10 });
  });

  it('allows exactly as many seats as licensed users', async () => {
    const { adapter, context, accountId } = await provisioned(10);
    const assigned = (await adapter.licences.get(accountId, context)).seats.assigned ?? 0;
    await expect(adapter.licences.set(accountId, { seats: assigned }, context)).resolves.toMatchObject({
      seats: { purchased: assigned, assigned },
    });
  });

  it('returns what the PUT established when reading the plan back fails: the change is made', async () => {
    const { sandbox, adapter, context, accountId, logs } = await provisioned(10);
    // Three 503s: the first answer and both transport retries of the read that follows the PUT.
    sandbox.faults.add({
      method: 'GET',
      path: /\/plans$/,
      fault: { kind: 'server_error', status: 503 },
      times: 3,
    });

    const state = await adapter.licences.set(accountId, { seats: 25, plan: 'business_monthly' }, context);

    expect(licenceStateSchema.parse(state)).toEqual(state);
    expect(state).toMatchObject({
      plan: 'business_monthly',
      seats: { purchased: 25 },
      commitment: 'monthly',
    });
    expect(state.term).toBeUndefined();
    expect(sandbox.zoom.getAccount(accountId)?.plan).toMatchObject({ type: 'business_monthly', hosts: 25 });
    expect(logs.map((line) => line.message)).toContainEqual(
      expect.stringContaining('reading it back failed'),
    );
  });

  it('throws NotFoundError for an account without a base plan, sending no PUT', async () => {
    const { sandbox, adapter, context, sent } = sandboxed();
    const stored = sandbox.zoom.createAccount({ email: 'owner@kappa.example' });
    await expect(adapter.licences.set(stored.id, { seats: 3 }, context)).rejects.toMatchObject({
      name: 'NotFoundError',
    });
    expect(sent.filter((request) => request.method === 'PUT')).toHaveLength(0);
  });
});
