import { ConflictError, createClient } from '@channelkit/core';
import type { ZhumuEnterpriseStatusCode } from '@channelkit/sandbox';
import { ZHUMU_ENTERPRISE_STATUSES } from '@channelkit/zhumu';
import { describe, expect, it } from 'vitest';
import { OTHER_CREDIT_CODE, provisionInput, sandboxed, sentTo, settled } from './harness';

describe('the status mapping table is what the adapter does', () => {
  for (const row of ZHUMU_ENTERPRISE_STATUSES) {
    it(`maps status ${row.code} (${row.name}, ${row.label}) to ${row.status}, in get and in list`, async () => {
      const { controls, adapter, context, sent } = sandboxed({ platform: { review: 'manual' } });
      const seeded = controls.createEnterprise({
        name: '状态测试有限公司',
        creditCode: '91310000MA1FL4B24G',
        status: row.code as ZhumuEnterpriseStatusCode,
      });

      expect((await adapter.accounts.get(seeded.id, context)).status).toBe(row.status);
      const listed = [];
      for await (const account of adapter.accounts.list({ status: row.status }, context))
        listed.push(account);
      expect(listed.map((account) => [account.id, account.status])).toEqual([[seeded.id, row.status]]);
      const codes = ZHUMU_ENTERPRISE_STATUSES.filter((other) => other.status === row.status).map(
        (o) => o.code,
      );
      await settled(sent);
      expect(sentTo(sent, '/enterprise/list')[0]?.form.status).toBe(codes.join(','));
    });
  }

  it('covers every code 0 to 5 exactly once, and no code maps to provisioning', () => {
    expect(ZHUMU_ENTERPRISE_STATUSES.map((row) => row.code)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(ZHUMU_ENTERPRISE_STATUSES.some((row) => row.status === 'provisioning')).toBe(false);
  });

  it('lists nothing, and sends nothing, for provisioning', async () => {
    const { controls, adapter, context, sandbox } = sandboxed();
    controls.createEnterprise({ name: '甲公司', creditCode: '91310000MA1FL4B24G' });
    const listed = [];
    for await (const account of adapter.accounts.list({ status: 'provisioning' }, context))
      listed.push(account);
    expect(listed).toEqual([]);
    expect(sandbox.requests).toHaveLength(0);
  });

  it('lists suspended and locked enterprises together as suspended', async () => {
    const { controls, adapter, context } = sandboxed();
    const suspended = controls.createEnterprise({
      name: '甲公司',
      creditCode: '91310000MA1FL4B24G',
      status: 3,
    });
    const locked = controls.createEnterprise({ name: '乙公司', creditCode: OTHER_CREDIT_CODE, status: 4 });
    controls.createEnterprise({ name: '丙公司', creditCode: '91350100M000100Y43', status: 1 });
    const listed = [];
    for await (const account of adapter.accounts.list({ status: 'suspended' }, context))
      listed.push(account.id);
    expect(listed).toEqual([suspended.id, locked.id]);
  });
});

describe('the business-licence review', () => {
  it('reports a new enterprise as pending_verification until Zhumu approves it', async () => {
    const { controls, adapter, context } = sandboxed({ platform: { review: 'manual' } });
    const account = await adapter.accounts.provision(provisionInput(), context);
    expect(account.status).toBe('pending_verification');
    expect((await adapter.accounts.get(account.id, context)).status).toBe('pending_verification');

    controls.review(account.id, 'approved');

    expect((await adapter.accounts.get(account.id, context)).status).toBe('active');
  });

  it('reports a rejected review as failed, and frees the credit code for a new create', async () => {
    const { controls, adapter, context } = sandboxed({ platform: { review: 'manual' } });
    const first = await adapter.accounts.provision(provisionInput(), context);
    controls.review(first.id, 'rejected', '营业执照不清晰');
    expect((await adapter.accounts.get(first.id, context)).status).toBe('failed');

    const second = await adapter.accounts.provision(provisionInput(), context);

    expect(second.id).not.toBe(first.id);
    expect(second.status).toBe('pending_verification');
  });

  it('approves automatically after the configured delay of the sandbox clock', async () => {
    let now = Date.UTC(2026, 0, 2, 3, 4, 5);
    const { adapter, context } = sandboxed({
      sandbox: { now: () => now },
      platform: { reviewDelayMs: 60_000 },
    });
    const account = await adapter.accounts.provision(provisionInput(), context);
    expect(account.createdAt).toBe('2026-01-02T11:04:05+08:00');
    now += 59_999;
    expect((await adapter.accounts.get(account.id, context)).status).toBe('pending_verification');
    now += 1;
    expect((await adapter.accounts.get(account.id, context)).status).toBe('active');
  });
});

describe('suspend, resume and close', () => {
  it('suspends, resumes and closes, emitting the client’s events', async () => {
    const { adapter } = sandboxed();
    const client = createClient(adapter, { rateLimit: 10_000 });
    const account = await client.accounts.provision(provisionInput());
    await client.accounts.get(account.id); // the review has passed: active
    const events: string[] = [];
    for (const name of ['account.suspended', 'account.activated', 'account.closed'] as const) {
      client.on(name, (event) => events.push(`${event.type} ${event.account.status}`));
    }

    expect((await client.accounts.suspend(account.id)).status).toBe('suspended');
    expect((await client.accounts.resume(account.id)).status).toBe('active');
    expect((await client.accounts.close(account.id)).status).toBe('closed');

    expect(events).toEqual([
      'account.suspended suspended',
      'account.activated active',
      'account.closed closed',
    ]);
    expect((await client.accounts.get(account.id)).status).toBe('closed');
  });

  it('answers a repeated suspend, resume or close with the enterprise unchanged (safe to retry)', async () => {
    const { controls, adapter, context, sandbox } = sandboxed();
    const seeded = controls.createEnterprise({ name: '甲公司', creditCode: '91310000MA1FL4B24G' });
    sandbox.faults.add({
      path: '/v3/enterprise/suspend',
      when: 'after',
      times: 1,
      fault: { kind: 'server_error', status: 503 },
    });

    // The first suspend is applied but its answer lost; the transport repeats it, and Zhumu answers it unchanged.
    expect((await adapter.accounts.suspend?.(seeded.id, context))?.status).toBe('suspended');
    expect((await adapter.accounts.close?.(seeded.id, context))?.status).toBe('closed');
    expect((await adapter.accounts.close?.(seeded.id, context))?.status).toBe('closed');
    expect(controls.getEnterprise(seeded.id)?.status).toBe(5);
  });

  it('refuses to suspend an enterprise under review, and to resume a cancelled one (2003)', async () => {
    const { controls, adapter, context } = sandboxed({ platform: { review: 'manual' } });
    const pending = await adapter.accounts.provision(provisionInput(), context);
    await expect(adapter.accounts.suspend?.(pending.id, context)).rejects.toMatchObject({
      name: 'ConflictError',
      platformCode: 2003,
    });
    controls.setStatus(pending.id, 5);
    await expect(adapter.accounts.resume?.(pending.id, context)).rejects.toBeInstanceOf(ConflictError);
  });

  it('cannot resume an enterprise Zhumu locked, and says whom to ask (2004)', async () => {
    const { controls, adapter, context } = sandboxed();
    const locked = controls.createEnterprise({ name: '甲公司', creditCode: '91310000MA1FL4B24G', status: 4 });
    const error = await adapter.accounts.resume?.(locked.id, context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ platformCode: 2004 });
    expect((error as Error).message).toContain('Only Zhumu support can unlock it');
  });
});
