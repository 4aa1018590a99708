import { createHash } from 'node:crypto';
import {
  AbortError,
  BadRequestError,
  ConflictError,
  PartiallyAppliedError,
  ValidationError,
} from '@channelkit/core';
import { describe, expect, it } from 'vitest';
import { apiCalls, provisionInput, sandboxed, sentTo } from './harness';

describe('accounts.provision: POST /accounts, 202 Accepted, then the status URL', () => {
  it('sends the contract’s body with its Idempotency-Key, follows the status URL and returns the account', async () => {
    const { adapter, context, sent, controls } = sandboxed();

    const account = await adapter.accounts.provision(provisionInput(), context);

    const [create] = sentTo(sent, 'POST', '/accounts');
    expect(create?.headers.get('idempotency-key')).toBe('test-idempotency-key');
    expect(create?.headers.get('content-type')).toBe('application/json');
    expect(create?.json).toEqual({
      name: '上海示例信息技术有限公司',
      credit_code: '91310000MA1FL4B24G',
      country: 'CN',
      industry: '软件和信息技术服务业',
      employee_count: '51-250',
      website: 'https://example.cn',
      address: {
        line1: '浦东新区世纪大道 100 号',
        line2: '环球金融中心 20 层',
        city: '上海',
        region: '上海市',
        postal_code: '200120',
        country: 'CN',
      },
      admin: { first_name: '伟', last_name: '王', email: 'wang.wei@example.cn', mobile: '+8613800138000' },
      external_id: 'crm-4711',
      currency: 'CNY',
      licence: { plan: 'business', seats: 10 },
    });
    const stored = controls.listAccounts();
    expect(stored).toHaveLength(1);
    const id = stored[0]?.id ?? '';
    expect(apiCalls(sent)).toEqual([
      'POST /accounts',
      expect.stringMatching(/^GET \/operations\/op_\w+$/),
      `GET /accounts/${id}`,
    ]);
    expect(account).toEqual({
      partner: 'umeet',
      id,
      name: '上海示例信息技术有限公司',
      status: 'active',
      externalId: 'crm-4711',
      externalRefs: { enterpriseNumber: stored[0]?.enterpriseNumber },
      profile: {
        legalName: '上海示例信息技术有限公司',
        creditCode: '91310000MA1FL4B24G',
        country: 'CN',
        industry: '软件和信息技术服务业',
        employeeCount: '51-250',
        website: 'https://example.cn',
        address: {
          line1: '浦东新区世纪大道 100 号',
          line2: '环球金融中心 20 层',
          city: '上海',
          region: '上海市',
          postalCode: '200120',
          country: 'CN',
        },
      },
      owner: { email: 'wang.wei@example.cn', firstName: '伟', lastName: '王' },
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      updatedAt: expect.stringMatching(/Z$/),
    });
    expect(stored[0]?.licence).toMatchObject({ plan: 'business', purchased: 10, assigned: 1 });
  });

  it('waits as long as Retry-After says between polls', async () => {
    const { adapter, context, sent, logs } = sandboxed({ platform: { provisioningDelayMs: 400 } });

    const account = await adapter.accounts.provision(provisionInput(), context);

    expect(account.status).toBe('active');
    const waits = logs.filter((line) => line.message.includes('polling its status URL'));
    // The 202 said `Retry-After: 1`: the first poll came a second later and found the operation finished.
    expect(waits.map((line) => line.fields)).toEqual([
      expect.objectContaining({ poll: 1, delayMs: 1_000, retryAfterMs: 1_000 }),
    ]);
    expect(sentTo(sent, 'GET', /^\/operations\//)).toHaveLength(1);
  });

  it('returns pending_verification while Systec verifies the business licence', async () => {
    const { adapter, context, controls } = sandboxed({ platform: { verificationDelayMs: 'manual' } });

    const account = await adapter.accounts.provision(provisionInput(), context);
    expect(account.status).toBe('pending_verification');

    controls.verify(account.id);
    expect((await adapter.accounts.get(account.id, context)).status).toBe('active');
  });

  it('stops at the deadline with PartiallyAppliedError naming the account, which a repeat with the same key finishes', async () => {
    const { adapter, context, sent, controls, logs } = sandboxed({
      platform: { provisioningDelayMs: 10 * 24 * 3_600_000 },
      umeet: { provisioningTimeoutMs: 250 },
    });

    const error = await adapter.accounts.provision(provisionInput(), context).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(PartiallyAppliedError);
    const [stored] = controls.listAccounts();
    expect(stored?.status).toBe('provisioning');
    expect(error).toMatchObject({
      operation: 'accounts.provision',
      resourceId: stored?.id,
      applied: [`Umeet accepted account ${stored?.id} for provisioning`],
      remaining: ['provisioning to finish on Umeet'],
    });
    expect((error as Error).message).toContain('provisioningTimeoutMs');
    // Retry-After asked for ten days; the wait was cut to what was left of the deadline.
    const waits = logs.filter((line) => line.message.includes('polling its status URL'));
    expect(waits[0]?.fields).toMatchObject({ retryAfterMs: 864_000_000 });
    expect(waits[0]?.fields?.delayMs).toBeLessThanOrEqual(250);

    controls.finishProvisioning(stored?.id ?? '');
    const account = await adapter.accounts.provision(provisionInput(), context);

    expect(account).toMatchObject({ id: stored?.id, status: 'active' });
    expect(controls.listAccounts()).toHaveLength(1);
    const creates = sentTo(sent, 'POST', '/accounts');
    expect(creates.map((request) => request.headers.get('idempotency-key'))).toEqual([
      'test-idempotency-key',
      'test-idempotency-key',
    ]);
    expect(logs).toContainEqual(
      expect.objectContaining({
        message: 'umeet: account accepted for provisioning',
        fields: expect.objectContaining({ replayed: true }),
      }),
    );
  });

  it('stops polling at once when the signal aborts, leaving the account to Umeet', async () => {
    const { adapter, context, controls, logs } = sandboxed({ platform: { provisioningDelayMs: 60_000 } });
    const controller = new AbortController();
    context.signal = controller.signal;
    const original = context.logger.debug;
    context.logger = {
      ...context.logger,
      debug: (message, fields) => {
        original(message, fields);
        if (message.includes('polling its status URL')) controller.abort();
      },
    };

    const error = await adapter.accounts.provision(provisionInput(), context).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AbortError);
    expect(controls.listAccounts().map((account) => account.status)).toEqual(['provisioning']);
    expect(logs.some((line) => line.message.includes('polling'))).toBe(true);
  });

  it('reports a failed operation with the problem it carries, and the account is rejected', async () => {
    const { adapter, context, controls } = sandboxed();
    controls.failNextProvisioning({
      code: 'business_licence_mismatch',
      detail: '营业执照信息与统一社会信用代码不符。',
    });

    const error = await adapter.accounts.provision(provisionInput(), context).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(BadRequestError);
    const [stored] = controls.listAccounts();
    expect(stored?.status).toBe('rejected');
    expect(error).toMatchObject({ status: 422, platformCode: 'business_licence_mismatch' });
    expect((error as Error).message).toContain(`Umeet could not provision account ${stored?.id}`);
    expect((error as Error).message).toContain('营业执照信息与统一社会信用代码不符。');

    // A rejected account releases its admin email: the corrected customer is provisioned with a new key.
    const again = await adapter.accounts.provision(provisionInput(), {
      ...context,
      idempotencyKey: 'second-try',
    });
    expect(again.status).toBe('active');
    expect(again.id).not.toBe(stored?.id);
  });
});

describe('accounts.provision is never duplicated by a retry', () => {
  it('repeats a create whose answer was lost with the same key, and Umeet answers it with the first answer', async () => {
    const { adapter, context, sent, controls, sandbox, logs } = sandboxed();
    sandbox.faults.add({
      method: 'POST',
      path: '/v1/accounts',
      when: 'after',
      times: 1,
      fault: { kind: 'reset' },
    });

    const account = await adapter.accounts.provision(provisionInput(), context);

    expect(controls.listAccounts().map((stored) => stored.id)).toEqual([account.id]);
    const keys = sentTo(sent, 'POST', '/accounts').map((request) => request.headers.get('idempotency-key'));
    expect(keys).toEqual(['test-idempotency-key', 'test-idempotency-key']);
    expect(logs).toContainEqual(
      expect.objectContaining({ fields: expect.objectContaining({ replayed: true }) }),
    );
  });

  it('refuses the same key with another body (Umeet’s 422), creating nothing', async () => {
    const { adapter, context, controls } = sandboxed();
    await adapter.accounts.provision(provisionInput(), context);

    const error = await adapter.accounts
      .provision(provisionInput({ seats: 11 }), context)
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 422, platformCode: 'idempotency_key_reused' });
    expect(controls.listAccounts()).toHaveLength(1);
  });

  it('sends a key that is not visible ASCII as its SHA-256, the same for every attempt', async () => {
    const { adapter, context, sent, controls } = sandboxed();
    const key = '客户 4711 开通';
    context.idempotencyKey = key;

    const first = await adapter.accounts.provision(provisionInput(), context);
    const again = await adapter.accounts.provision(provisionInput(), context);

    const expected = `sha256-${createHash('sha256').update(key, 'utf8').digest('hex')}`;
    expect(
      sentTo(sent, 'POST', '/accounts').map((request) => request.headers.get('idempotency-key')),
    ).toEqual([expected, expected]);
    expect(again.id).toBe(first.id);
    expect(controls.listAccounts()).toHaveLength(1);
  });

  it('resolves "admin email taken" to this customer’s existing account, found by the admin email', async () => {
    const { adapter, context, sent, controls, logs } = sandboxed();
    const existing = controls.createAccount({
      adminEmail: 'Wang.Wei@example.cn',
      name: '上海示例信息技术有限公司',
      externalId: 'crm-4711',
      purchased: 10,
    });

    const account = await adapter.accounts.provision(provisionInput(), context);

    expect(account.id).toBe(existing.id);
    expect(controls.listAccounts()).toHaveLength(1);
    const [lookup] = sentTo(sent, 'GET', '/accounts');
    expect(lookup?.url.searchParams.get('admin_email')).toBe('wang.wei@example.cn');
    expect(logs.map((line) => line.message)).toContain(
      'umeet: the admin email already administers this customer’s account; using it',
    );
  });

  it('keeps the conflict when the admin email belongs to another customer, naming the field', async () => {
    const { adapter, context, controls } = sandboxed();
    const other = controls.createAccount({ adminEmail: 'wang.wei@example.cn', name: '北京另一家公司' });

    const error = await adapter.accounts.provision(provisionInput(), context).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({
      details: [{ field: 'admin.email', message: expect.stringContaining(other.id) }],
    });
    expect(controls.listAccounts()).toHaveLength(1);
  });

  it('keeps the conflict when this customer’s account has another licence than asked for', async () => {
    const { adapter, context, controls } = sandboxed();
    const existing = controls.createAccount({
      adminEmail: 'wang.wei@example.cn',
      name: '上海示例信息技术有限公司',
      purchased: 4,
    });

    const error = await adapter.accounts.provision(provisionInput(), context).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toContain(`licences.set('${existing.id}'`);
  });

  it('keeps Umeet’s conflict when the admin email administers another partner’s account', async () => {
    const { adapter, context, controls } = sandboxed();
    controls.reserveAdminEmail('wang.wei@example.cn');

    const error = await adapter.accounts.provision(provisionInput(), context).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({
      platformCode: 'admin_email_taken',
      details: [{ field: 'admin.email', message: '已被使用。' }],
    });
    expect((error as Error).message).toContain('该邮箱已是其他合作伙伴的企业账号的管理员。');
  });
});

describe('Umeet’s limits the shared schemas cannot know are refused before anything is sent', () => {
  it.each([
    [
      'profile.legalName',
      { profile: { ...provisionInput().profile, legalName: '测'.repeat(101) } },
      'at most 100',
    ],
    // An emoji outside the Basic Multilingual Plane counts two UTF-16 code units, as Umeet counts.
    [
      'admin.firstName',
      { admin: { ...provisionInput().admin, firstName: `${'伟'.repeat(49)}😀` } },
      'at most 50',
    ],
    ['externalId', { externalId: 'x'.repeat(65) }, 'at most 64'],
  ])('%s', async (field, overrides, words) => {
    const { adapter, context, sent } = sandboxed();
    const error = await adapter.accounts
      .provision(provisionInput(overrides), context)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe(field);
    expect((error as Error).message).toContain(words);
    expect(sent).toHaveLength(0);
  });
});
