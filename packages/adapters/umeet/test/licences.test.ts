import { BadRequestError, ConflictError, SyncConflictError, ValidationError } from '@channelkit/core';
import { describe, expect, it } from 'vitest';
import { apiCalls, sandboxed, sentTo } from './harness';

function withAccount(options: Parameters<typeof sandboxed>[0] = {}) {
  const world = sandboxed(options);
  const account = world.controls.createAccount({
    adminEmail: 'admin@example.cn',
    purchased: 10,
    assigned: 3,
    cap: 50,
  });
  return { ...world, accountId: account.id };
}

describe('licences.get', () => {
  it('reports flexible seats with their cap, the billing month as the term, and no pending seats', async () => {
    const { adapter, context, accountId } = withAccount({
      sandbox: { now: () => Date.parse('2026-02-10T08:00:00Z') },
    });

    await expect(adapter.licences.get(accountId, context)).resolves.toEqual({
      accountId,
      partner: 'umeet',
      plan: 'business',
      seats: { purchased: 10, assigned: 3, cap: 50, pending: 0 },
      commitment: 'flexible',
      term: { start: '2026-02-01', end: '2026-02-28' },
      autoRenew: true,
      status: 'active',
    });
  });

  it('says so when the account is still provisioning', async () => {
    const { adapter, context, controls, accountId } = withAccount();
    controls.setStatus(accountId, 'provisioning');
    const error = await adapter.licences.get(accountId, context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ platformCode: 'account_provisioning' });
  });
});

describe('licences.set with ETag and If-Match', () => {
  it('writes with the ETag it read, and returns the new state', async () => {
    const { adapter, context, sent, controls, accountId } = withAccount();

    const state = await adapter.licences.set(accountId, { seats: 20, plan: 'enterprise' }, context);

    expect(state.seats).toEqual({ purchased: 20, assigned: 3, cap: 50, pending: 0 });
    expect(state.plan).toBe('enterprise');
    expect(apiCalls(sent)).toEqual([
      `GET /accounts/${accountId}/licence`,
      `PUT /accounts/${accountId}/licence`,
    ]);
    const [put] = sentTo(sent, 'PUT', `/accounts/${accountId}/licence`);
    expect(put?.headers.get('if-match')).toBe(`"lic-${accountId.slice(4, 10)}-1"`);
    expect(put?.json).toEqual({ plan: 'enterprise', seats: 20 });
    expect(controls.getAccount(accountId)?.licence).toMatchObject({
      purchased: 20,
      plan: 'enterprise',
      version: 2,
    });
  });

  it('keeps the plan when the change names none, and writes nothing when nothing changes', async () => {
    const { adapter, context, sent, accountId } = withAccount();
    await adapter.licences.set(accountId, { seats: 12 }, context);
    expect(sentTo(sent, 'PUT', `/accounts/${accountId}/licence`)[0]?.json).toEqual({
      plan: 'business',
      seats: 12,
    });

    const unchanged = await adapter.licences.set(accountId, { seats: 12 }, context);

    expect(unchanged.seats.purchased).toBe(12);
    expect(sentTo(sent, 'PUT', `/accounts/${accountId}/licence`)).toHaveLength(1);
  });

  it('refuses more seats than the cap before any write, naming the cap and who can raise it', async () => {
    const { adapter, context, sent, accountId } = withAccount();
    const error = await adapter.licences.set(accountId, { seats: 51 }, context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('seats');
    expect((error as Error).message).toContain('the seat cap of Umeet account');
    expect((error as Error).message).toContain('is 50');
    expect((error as Error).message).toContain('Only Systec can raise the cap');
    expect(sentTo(sent, 'PUT', /licence$/)).toHaveLength(0);
  });

  it('refuses fewer seats than users hold before any write', async () => {
    const { adapter, context, sent, accountId } = withAccount();
    const error = await adapter.licences.set(accountId, { seats: 2 }, context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toContain('3 users of Umeet account');
    expect(sentTo(sent, 'PUT', /licence$/)).toHaveLength(0);
  });

  it('412, re-read, rules still met: writes again with the new ETag and keeps the other writer’s change', async () => {
    const { adapter, context, sent, controls, accountId, logs } = withAccount();
    controls.editLicenceAfterNextRead(accountId, { assigned: 5 });

    const state = await adapter.licences.set(accountId, { seats: 20 }, context);

    expect(state.seats).toMatchObject({ purchased: 20, assigned: 5 });
    const puts = sentTo(sent, 'PUT', `/accounts/${accountId}/licence`);
    expect(puts.map((put) => put.headers.get('if-match'))).toEqual([
      `"lic-${accountId.slice(4, 10)}-1"`,
      `"lic-${accountId.slice(4, 10)}-2"`,
    ]);
    expect(sentTo(sent, 'GET', `/accounts/${accountId}/licence`)).toHaveLength(2);
    expect(logs.map((line) => line.message)).toContain(
      'umeet: licence changed since it was read (412); reading it again',
    );
  });

  it('412, re-read, rules no longer met: refuses with the new numbers, without a second write', async () => {
    const { adapter, context, sent, controls, accountId } = withAccount();
    controls.editLicenceAfterNextRead(accountId, { assigned: 9 });

    const error = await adapter.licences.set(accountId, { seats: 8 }, context).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toContain('9 users');
    expect(sentTo(sent, 'PUT', `/accounts/${accountId}/licence`)).toHaveLength(1);
    expect(controls.getAccount(accountId)?.licence).toMatchObject({ purchased: 10, assigned: 9 });
  });

  it('412, re-read, the cap lowered meanwhile: refuses naming the new cap', async () => {
    const { adapter, context, controls, accountId } = withAccount();
    controls.editLicenceAfterNextRead(accountId, { cap: 15 });

    const error = await adapter.licences.set(accountId, { seats: 20 }, context).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toContain('is 15');
  });

  it('412 twice: SyncConflictError after exactly two writes, leaving the other writer’s state', async () => {
    const { adapter, context, sent, controls, accountId } = withAccount();
    controls.editLicenceAfterNextRead(accountId, { purchased: 11 });
    controls.editLicenceAfterNextRead(accountId, { purchased: 12 });

    const error = await adapter.licences.set(accountId, { seats: 20 }, context).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(SyncConflictError);
    expect((error as Error).message).toContain(`Umeet account ${accountId}`);
    expect(sentTo(sent, 'PUT', `/accounts/${accountId}/licence`)).toHaveLength(2);
    expect(controls.getAccount(accountId)?.licence.purchased).toBe(12);
  });

  it('a write whose answer was lost: the repeat meets 412, and the re-read shows the change made', async () => {
    const { adapter, context, sent, controls, sandbox, accountId } = withAccount();
    sandbox.faults.add({
      method: 'PUT',
      path: /\/licence$/,
      when: 'after',
      times: 1,
      fault: { kind: 'server_error', status: 503 },
    });

    const state = await adapter.licences.set(accountId, { seats: 20 }, context);

    expect(state.seats.purchased).toBe(20);
    // The transport repeated the PUT with the first ETag (412); the re-read found 20 seats: no third write.
    expect(
      sandbox.requests.filter((request) => request.method === 'PUT').map((request) => request.status),
    ).toEqual([503, 412]);
    expect(sentTo(sent, 'GET', `/accounts/${accountId}/licence`)).toHaveLength(2);
    expect(controls.getAccount(accountId)?.licence).toMatchObject({ purchased: 20, version: 2 });
  });

  it('maps Umeet’s field problems to the change’s fields', async () => {
    const { adapter, context, accountId } = withAccount();
    const error = await adapter.licences
      .set(accountId, { seats: 12, plan: 'platinum' }, context)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ platformCode: 'validation_failed', details: [{ field: 'plan' }] });
  });

  it('passes on Umeet’s refusal for a terminated account', async () => {
    const { adapter, context, controls, accountId } = withAccount();
    controls.setStatus(accountId, 'terminated');
    const error = await adapter.licences.set(accountId, { seats: 12 }, context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ platformCode: 'invalid_state' });
  });
});
