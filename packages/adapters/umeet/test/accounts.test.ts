import { ConflictError, NotFoundError, ResponseValidationError } from '@channelkit/core';
import type { UmeetAccountStatus } from '@channelkit/sandbox';
import { ACCOUNT_STATUSES } from '@channelkit/types';
import { UMEET_ACCOUNT_STATUSES } from '@channelkit/umeet';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { codeSpans, contractTable } from './contract-doc';
import { API, apiCalls, sandboxed, sentTo, server } from './harness';

describe('the status table of the contract', () => {
  const rows = contractTable('Status mapping').map((cells) => {
    const [umeetStatus, unified] = [codeSpans(cells[0] ?? '')[0], codeSpans(cells[1] ?? '')[0]];
    return [umeetStatus, unified] as [UmeetAccountStatus, string];
  });

  it('is what UMEET_ACCOUNT_STATUSES implements, row for row, and covers every channelkit status', () => {
    expect(Object.fromEntries(rows)).toEqual(UMEET_ACCOUNT_STATUSES);
    expect(rows).toHaveLength(Object.keys(UMEET_ACCOUNT_STATUSES).length);
    expect(new Set(rows.map(([, unified]) => unified))).toEqual(new Set(ACCOUNT_STATUSES));
  });

  it.each(rows)(
    'Umeet %s is read as %s, and listing by it asks Umeet for it',
    async (umeetStatus, unified) => {
      const { adapter, context, controls, sent } = sandboxed();
      const account = controls.createAccount({ adminEmail: 'admin@example.cn' });
      controls.createAccount({ adminEmail: 'other@example.cn' });
      controls.setStatus(account.id, umeetStatus);

      expect((await adapter.accounts.get(account.id, context)).status).toBe(unified);
      const listed = [];
      for await (const item of adapter.accounts.list({ status: unified as never }, context))
        listed.push(item.id);
      expect(listed).toContain(account.id);
      expect(sentTo(sent, 'GET', '/accounts')[0]?.url.searchParams.get('status')).toBe(umeetStatus);
    },
  );
});

describe('accounts.get', () => {
  it('maps an unknown account to NotFoundError with Umeet’s problem', async () => {
    const { adapter, context } = sandboxed();
    const error = await adapter.accounts.get('acc_missing', context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      platformCode: 'account_not_found',
      requestId: expect.stringMatching(/^req_/),
    });
    expect((error as Error).message).toContain('企业账号 acc_missing 不存在。');
  });
});

describe('accounts.list: offset and limit', () => {
  it('walks pages of the size asked for, in creation order, up to total', async () => {
    const { adapter, context, controls, sent } = sandboxed();
    const ids = Array.from(
      { length: 5 },
      (_, n) => controls.createAccount({ adminEmail: `a${n}@example.cn` }).id,
    );

    const pages: string[][] = [];
    for await (const page of adapter.accounts.list({ pageSize: 2 }, context).pages()) {
      pages.push(page.map((account) => account.id));
    }

    expect(pages).toEqual([ids.slice(0, 2), ids.slice(2, 4), ids.slice(4)]);
    expect(sentTo(sent, 'GET', '/accounts').map((request) => request.url.search)).toEqual([
      '?offset=0&limit=2',
      '?offset=2&limit=2',
      '?offset=4&limit=2',
    ]);
  });

  it('stops once offset reaches total, without asking for an empty page', async () => {
    const { adapter, context, controls, sent } = sandboxed();
    for (let n = 0; n < 4; n += 1) controls.createAccount({ adminEmail: `b${n}@example.cn` });
    const listed = await adapter.accounts.list({ pageSize: 2 }, context).collect({ limit: 100 });
    expect(listed).toHaveLength(4);
    expect(sentTo(sent, 'GET', '/accounts')).toHaveLength(2);
  });

  it('asks for pages of 200 at most, Umeet’s largest', async () => {
    const { adapter, context, sent } = sandboxed();
    await adapter.accounts.list({ pageSize: 300 }, context).collect({ limit: 10 });
    await adapter.accounts.list({}, context).collect({ limit: 10 });
    expect(sentTo(sent, 'GET', '/accounts').map((request) => request.url.searchParams.get('limit'))).toEqual([
      '200',
      '200',
    ]);
  });

  it('refuses a page that does not echo the limit asked for, rather than end the walk early', async () => {
    const { adapter, context } = sandboxed();
    server.use(
      http.get(`${API}/accounts`, () => HttpResponse.json({ items: [], total: 500, offset: 0, limit: 50 })),
    );
    const error = await adapter.accounts
      .list({}, context)
      .collect({ limit: 10 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error).toMatchObject({ issues: [{ path: 'limit' }] });
  });
});

describe('suspend, resume, close', () => {
  it('suspends and resumes with a per-step Idempotency-Key, back to the state it came from', async () => {
    const { adapter, context, controls, sent } = sandboxed({ platform: { verificationDelayMs: 'manual' } });
    const account = controls.createAccount({
      adminEmail: 'admin@example.cn',
      status: 'pending_verification',
    });

    const suspended = await adapter.accounts.suspend?.(account.id, context);
    expect(suspended?.status).toBe('suspended');
    expect(controls.getAccount(account.id)).toMatchObject({ suspendedBy: 'partner' });
    const resumed = await adapter.accounts.resume?.(account.id, context);
    expect(resumed?.status).toBe('pending_verification');

    expect(apiCalls(sent)).toEqual([
      `POST /accounts/${account.id}/suspend`,
      `POST /accounts/${account.id}/resume`,
    ]);
    expect(sentTo(sent, 'POST', /^\/accounts\//).map((r) => r.headers.get('idempotency-key'))).toEqual([
      'test-idempotency-key:suspend',
      'test-idempotency-key:resume',
    ]);
  });

  it('cannot resume what Systec suspended, and says who can', async () => {
    const { adapter, context, controls } = sandboxed();
    const account = controls.createAccount({ adminEmail: 'admin@example.cn' });
    controls.setStatus(account.id, 'suspended', { suspendedBy: 'systec', reason: '欠费' });

    const error = await adapter.accounts.resume?.(account.id, context).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ platformCode: 'suspended_by_systec' });
    expect((error as Error).message).toContain('只有 Systec 可以恢复');
  });

  it('closes (terminates) an account, and closing again changes nothing', async () => {
    const { adapter, context, controls } = sandboxed();
    const account = controls.createAccount({ adminEmail: 'admin@example.cn', purchased: 5 });

    expect((await adapter.accounts.close?.(account.id, context))?.status).toBe('closed');
    expect((await adapter.accounts.close?.(account.id, context))?.status).toBe('closed');
    expect(controls.getAccount(account.id)?.licence.status).toBe('cancelled');
    const error = await adapter.accounts.suspend?.(account.id, context).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ConflictError', platformCode: 'invalid_state' });
  });

  it('repeats an action whose answer was lost with the same key; Umeet answers it with the first answer', async () => {
    const { adapter, context, controls, sandbox } = sandboxed();
    const account = controls.createAccount({ adminEmail: 'admin@example.cn' });
    sandbox.faults.add({
      method: 'POST',
      path: /\/suspend$/,
      when: 'after',
      times: 1,
      fault: { kind: 'reset' },
    });

    const suspended = await adapter.accounts.suspend?.(account.id, context);

    expect(suspended?.status).toBe('suspended');
    expect(sandbox.requests.filter((r) => r.category === 'write').map((r) => [r.fault, r.status])).toEqual([
      ['reset', undefined],
      [undefined, 200],
    ]);
  });

  it('reads the account when the answer to a change cannot be read', async () => {
    const { adapter, context, controls, logs } = sandboxed();
    const account = controls.createAccount({ adminEmail: 'admin@example.cn' });
    server.use(
      http.post(`${API}/accounts/:id/terminate`, () => {
        controls.setStatus(account.id, 'terminated');
        return HttpResponse.text('<html>OK</html>');
      }),
    );

    const closed = await adapter.accounts.close?.(account.id, context);

    expect(closed?.status).toBe('closed');
    expect(logs.map((line) => line.message)).toContain(
      'umeet: the answer to an account change was unreadable; reading the account',
    );
  });
});
