import { BIZCONF_STATUS_MAPPING } from '@channelkit/bizconf';
import type { ClientEventMap } from '@channelkit/core';
import { ACCOUNT_STATUSES } from '@channelkit/types';
import { describe, expect, it } from 'vitest';
import { customer, sandboxed, sentTo } from './harness';

describe('the status table', () => {
  it('maps every Bizconf state one to one, and covers every unified status but provisioning', () => {
    expect(new Set(BIZCONF_STATUS_MAPPING.map((row) => row.bizconf)).size).toBe(
      BIZCONF_STATUS_MAPPING.length,
    );
    expect(new Set(BIZCONF_STATUS_MAPPING.map((row) => row.status)).size).toBe(BIZCONF_STATUS_MAPPING.length);
    expect([...BIZCONF_STATUS_MAPPING.map((row) => row.status), 'provisioning'].sort()).toEqual(
      [...ACCOUNT_STATUSES].sort(),
    );
  });

  it.each(BIZCONF_STATUS_MAPPING.map((row) => [row.bizconf, row.label, row.status] as const))(
    '%s (%s) is %s, in get and in a listing filtered by it',
    async (bizconfStatus, _label, status) => {
      const { client, controls, sent } = sandboxed();
      const target = controls.createEnterprise({
        enterpriseName: '杭州示例网络科技有限公司',
        creditCode: '91310000MA1FL4B24G',
        status: bizconfStatus,
      });
      const others = BIZCONF_STATUS_MAPPING.filter((row) => row.bizconf !== bizconfStatus).map((row, index) =>
        controls.createEnterprise({
          enterpriseName: `其他公司 ${index}`,
          creditCode: '91350100M000100Y43',
          status: row.bizconf,
        }),
      );

      expect((await client.accounts.get(target.enterpriseId)).status).toBe(status);
      const listed = await client.accounts.list({ status }).collect({ limit: 100 });
      expect(listed.map((account) => account.id)).toEqual([target.enterpriseId]);
      expect(sentTo(sent, 'GET', '/enterprises').at(-1)?.url.searchParams.get('status')).toBe(bizconfStatus);
      const all = await client.accounts.list().collect({ limit: 100 });
      expect(all).toHaveLength(others.length + 1);
    },
  );

  it('lists nothing as provisioning, without a request: no enterprise exists while its task runs', async () => {
    const { client, controls, sent } = sandboxed();
    controls.createEnterprise({ enterpriseName: '示例', creditCode: '91310000MA1FL4B24G' });
    expect(await client.accounts.list({ status: 'provisioning' }).collect({ limit: 10 })).toEqual([]);
    expect(sent).toHaveLength(0);
  });
});

describe('get and list', () => {
  it('maps an unknown id to NotFoundError with Bizconf’s words', async () => {
    const { client } = sandboxed();
    const failure = await client.accounts.get('E404').catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: 'NotFoundError', status: 404, platformCode: 40401 });
    expect((failure as Error).message).toContain('企业不存在');
  });

  it('lists page by page with pageNo and pageSize, asking for at most 100 per page', async () => {
    const { client, controls, sent } = sandboxed();
    for (let n = 0; n < 5; n += 1) {
      controls.createEnterprise({ enterpriseName: `示例公司 ${n}`, creditCode: '91310000MA1FL4B24G' });
    }
    const pages: number[] = [];
    for await (const page of client.accounts.list({ pageSize: 2 }).pages()) pages.push(page.length);
    expect(pages).toEqual([2, 2, 1]);
    expect(
      sentTo(sent, 'GET', '/enterprises').map((request) => [
        request.url.searchParams.get('pageNo'),
        request.url.searchParams.get('pageSize'),
      ]),
    ).toEqual([
      ['1', '2'],
      ['2', '2'],
      ['3', '2'],
    ]);

    await client.accounts.list({ pageSize: 300 }).collect({ limit: 10 });
    expect(sentTo(sent, 'GET', '/enterprises').at(-1)?.url.searchParams.get('pageSize')).toBe('100');
  });

  it('stops after the page that completes the total, without asking for an empty one', async () => {
    const { client, controls, sent } = sandboxed();
    for (let n = 0; n < 4; n += 1) {
      controls.createEnterprise({ enterpriseName: `示例公司 ${n}`, creditCode: '91310000MA1FL4B24G' });
    }
    expect(await client.accounts.list({ pageSize: 2 }).collect({ limit: 100 })).toHaveLength(4);
    expect(sentTo(sent, 'GET', '/enterprises')).toHaveLength(2);
  });
});

describe('suspend, resume and close', () => {
  it('freeze, unfreeze and cancel the enterprise, emitting the account events', async () => {
    const { client, controls, sent } = sandboxed();
    const account = await client.accounts.provision(customer(1));
    const events: string[] = [];
    const record = (event: ClientEventMap['account.suspended' | 'account.activated' | 'account.closed']) =>
      events.push(`${event.type} ${event.account.status}`);
    client.on('account.suspended', record);
    client.on('account.activated', record);
    client.on('account.closed', record);

    expect((await client.accounts.suspend(account.id)).status).toBe('suspended');
    expect(controls.getEnterprise(account.id)?.status).toBe('FROZEN');
    expect((await client.accounts.resume(account.id)).status).toBe('active');
    expect((await client.accounts.close(account.id)).status).toBe('closed');
    expect(controls.getEnterprise(account.id)?.status).toBe('CANCELLED');
    expect((await client.accounts.get(account.id)).status).toBe('closed');

    expect(events).toEqual([
      'account.suspended suspended',
      'account.activated active',
      'account.closed closed',
    ]);
    expect(sentTo(sent, 'POST', /\/(freeze|unfreeze|cancel)$/).map((request) => request.json)).toEqual([
      {},
      {},
      {},
    ]);
  });

  it('is safe to repeat: suspending a frozen account, or a retry after a lost answer, is done once', async () => {
    const { client, controls, sandbox, sent } = sandboxed();
    const account = await client.accounts.provision(customer(2));
    sandbox.faults.add({
      method: 'POST',
      path: /\/freeze$/,
      when: 'after',
      times: 1,
      fault: { kind: 'reset' },
    });

    expect((await client.accounts.suspend(account.id)).status).toBe('suspended');
    expect((await client.accounts.suspend(account.id)).status).toBe('suspended');

    expect(sentTo(sent, 'POST', `/enterprises/${account.id}/freeze`)).toHaveLength(3);
    expect(controls.getEnterprise(account.id)?.status).toBe('FROZEN');
  });

  it('passes on Bizconf’s refusal of a change its state does not allow (40903) as ConflictError', async () => {
    const { client, controls } = sandboxed();
    const closed = controls.createEnterprise({
      enterpriseName: '示例',
      creditCode: '91310000MA1FL4B24G',
      status: 'CANCELLED',
    });
    const failure = await client.accounts.resume(closed.enterpriseId).catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: 'ConflictError', platformCode: 40903 });
    expect((failure as Error).message).toContain('当前状态（注销）不允许解冻');
  });
});
