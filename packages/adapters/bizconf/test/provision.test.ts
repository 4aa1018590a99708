import { bizconf } from '@channelkit/bizconf';
import { createClient, isChannelError, PartiallyAppliedError } from '@channelkit/core';
import { BIZCONF_SANDBOX_BASE_URL } from '@channelkit/sandbox';
import { describe, expect, it } from 'vitest';
import { CREDENTIALS, customer, FAST_POLLS, fastClient, sandboxed, sentTo, server } from './harness';

describe('provisioning: the create request', () => {
  it('sends the customer as Bizconf stores it, with a bizNo from the idempotency key, and returns the account', async () => {
    const { client, controls, sent } = sandboxed();
    const input = customer(1, { seats: 12, plan: 'PREMIUM', externalId: 'crm-4711' });

    const account = await client.accounts.provision(input, { idempotencyKey: 'crm-4711-provision' });

    const [create] = sentTo(sent, 'POST', '/enterprises');
    expect(create?.json).toEqual({
      bizNo: expect.stringMatching(/^ck[0-9a-f]{40}$/),
      enterpriseName: '上海示例信息技术有限公司（第1分公司）',
      creditCode: input.profile.creditCode,
      industry: 'software',
      scale: '51-250',
      website: 'https://example.cn',
      address: {
        province: '上海',
        city: '上海市',
        detail: '浦东新区世纪大道 100 号 环球金融中心 20 层',
        postcode: '200120',
      },
      admin: { familyName: '王', givenName: '伟', email: 'admin-1@example.cn', mobile: '13800138000' },
      planCode: 'PREMIUM',
      seats: 12,
      externalId: 'crm-4711',
    });
    expect(account).toMatchObject({
      partner: 'bizconf',
      name: '上海示例信息技术有限公司（第1分公司）',
      status: 'active',
      externalId: 'crm-4711',
      owner: { email: 'admin-1@example.cn', firstName: '伟', lastName: '王' },
      profile: {
        legalName: '上海示例信息技术有限公司（第1分公司）',
        creditCode: input.profile.creditCode,
        country: 'CN',
        address: { line1: '浦东新区世纪大道 100 号 环球金融中心 20 层', city: '上海市', region: '上海' },
      },
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/),
    });
    const stored = controls.getEnterprise(account.id);
    expect(stored).toMatchObject({
      enterpriseName: '上海示例信息技术有限公司（第1分公司）',
      admin: { familyName: '王', givenName: '伟', mobile: '13800138000' },
      licence: { planCode: 'PREMIUM', seats: 12 },
    });
    expect(await client.licences.get(account.id)).toMatchObject({
      plan: 'PREMIUM',
      seats: { purchased: 12 },
    });
  });

  it('leaves seats to Bizconf’s default (one) and uses the default plan when the input names none', async () => {
    const { client, sent } = sandboxed({ adapter: { defaultPlan: 'STANDARD' } });
    const account = await client.accounts.provision(customer(2));
    const [create] = sentTo(sent, 'POST', '/enterprises');
    expect(create?.json).not.toHaveProperty('seats');
    expect(create?.json).toMatchObject({ planCode: 'STANDARD' });
    expect((await client.licences.get(account.id)).seats.purchased).toBe(1);
  });

  it('passes on Bizconf’s refusal of a plan it does not have (42203), creating nothing', async () => {
    const { client, controls } = sandboxed();
    const failure = await client.accounts
      .provision(customer(20, { plan: 'GOLD' }))
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: 'BadRequestError', status: 422, platformCode: 42203 });
    expect((failure as Error).message).toContain('套餐不存在：GOLD');
    expect(controls.listTasks()).toHaveLength(0);
  });

  it('refuses what Bizconf cannot store before any request, naming the field', async () => {
    const { client, sent } = sandboxed();
    const valid = customer(3);
    const cases: Array<[Parameters<typeof client.accounts.provision>[0], string]> = [
      [{ ...valid, profile: { ...valid.profile, legalName: '上'.repeat(101) } }, 'profile.legalName'],
      [{ ...valid, profile: { ...valid.profile, industry: 'x'.repeat(51) } }, 'profile.industry'],
      [{ ...valid, admin: { ...valid.admin, lastName: '王'.repeat(51) } }, 'admin.lastName'],
      [{ ...valid, externalId: 'c'.repeat(65) }, 'externalId'],
      [{ ...valid, seats: 100_001 }, 'seats'],
      [
        {
          ...valid,
          profile: {
            ...valid.profile,
            address: { line1: '1 Queen’s Road', city: 'Hong Kong', country: 'HK' },
          },
        },
        'profile.address.country',
      ],
      [
        {
          ...valid,
          profile: {
            ...valid.profile,
            address: { line1: '路'.repeat(150), line2: '号'.repeat(60), city: '上海市', country: 'CN' },
          },
        },
        'profile.address.line1',
      ],
    ];
    for (const [input, field] of cases) {
      await expect(client.accounts.provision(input)).rejects.toMatchObject({
        name: 'ValidationError',
        field,
      });
    }
    expect(sent).toHaveLength(0);
  });

  it('lets the client refuse customers outside Bizconf’s policy before any request', async () => {
    const { client, sent } = sandboxed();
    const valid = customer(4);
    const refusals: Array<[Parameters<typeof client.accounts.provision>[0], string]> = [
      [{ ...valid, profile: { ...valid.profile, creditCode: '92310000MA1FL4B24A' } }, 'profile.creditCode'],
      [{ ...valid, admin: { ...valid.admin, mobile: '+6591234567' } }, 'admin.mobile'],
      [{ ...valid, currency: 'USD' }, 'currency'],
    ];
    for (const [input, field] of refusals) {
      const failure = await client.accounts.provision(input).catch((error: unknown) => error);
      expect(failure).toMatchObject({ name: 'ValidationError' });
      expect((failure as { issues: { path: string }[] }).issues.map((issue) => issue.path)).toContain(field);
    }
    expect(sent).toHaveLength(0);
  });
});

describe('provisioning: the asynchronous task', () => {
  it('polls the task until Bizconf has created the account, then reads it', async () => {
    const { client, sent, logs } = sandboxed({ platform: { provisioningDelayMs: 60 } });
    const account = await client.accounts.provision(customer(5, { seats: 2 }));
    expect(account.status).toBe('active');
    expect(sentTo(sent, 'POST', '/enterprises')).toHaveLength(1);
    expect(sentTo(sent, 'GET', /^\/tasks\/T[a-z0-9]+$/).length).toBeGreaterThanOrEqual(1);
    expect(sentTo(sent, 'GET', `/enterprises/${account.id}`)).toHaveLength(1);
    expect(logs.map((line) => line.message)).toEqual(
      expect.arrayContaining(['bizconf: provisioning task submitted', 'bizconf: provisioning task finished']),
    );
  });

  it('stops after maxPolls with PartiallyAppliedError; the same key later finds the same task and creates nothing twice', async () => {
    let offset = 0;
    const { controls, sent } = sandboxed({
      platform: { provisioningDelayMs: 240_000 },
      sandbox: { now: () => Date.now() + offset },
    });
    const client = createClient(
      bizconf({
        ...CREDENTIALS,
        baseUrl: BIZCONF_SANDBOX_BASE_URL,
        provisioning: { ...FAST_POLLS, maxPolls: 3 },
      }),
      fastClient,
    );
    const input = customer(6, { seats: 4 });

    const stopped = await client.accounts
      .provision(input, { idempotencyKey: 'crm-6' })
      .catch((error: unknown) => error);

    expect(stopped).toBeInstanceOf(PartiallyAppliedError);
    const [task] = controls.listTasks();
    expect(stopped).toMatchObject({
      resourceId: task?.taskId,
      applied: [expect.stringContaining(`submitted provisioning task ${task?.taskId}`)],
      message: expect.stringContaining('same idempotency key'),
    });
    expect(sentTo(sent, 'GET', `/tasks/${task?.taskId}`)).toHaveLength(3);
    expect(controls.listEnterprises()).toHaveLength(0);

    offset = 240_000; // four minutes later Bizconf has finished (still inside the signature window)
    const account = await client.accounts.provision(input, { idempotencyKey: 'crm-6' });

    expect(controls.listTasks()).toHaveLength(1);
    expect(controls.listEnterprises().map((enterprise) => enterprise.enterpriseId)).toEqual([account.id]);
    const bizNos = sentTo(sent, 'POST', '/enterprises').map(
      (request) => (request.json as { bizNo: string }).bizNo,
    );
    expect(bizNos).toHaveLength(2);
    expect(new Set(bizNos).size).toBe(1);
  });

  it('stops at its deadline (provisioning.timeoutMs) with PartiallyAppliedError', async () => {
    const { sent } = sandboxed({ platform: { provisioningDelayMs: 240_000 } });
    const client = createClient(
      bizconf({
        ...CREDENTIALS,
        baseUrl: BIZCONF_SANDBOX_BASE_URL,
        provisioning: { pollIntervalMs: 20, maxPollIntervalMs: 20, timeoutMs: 100, maxPolls: 1_000 },
      }),
      fastClient,
    );
    const stopped = await client.accounts.provision(customer(7)).catch((error: unknown) => error);
    expect(stopped).toMatchObject({
      name: 'PartiallyAppliedError',
      message: expect.stringContaining('provisioning.timeoutMs 100'),
    });
    // Polls 20 ms apart within a 100 ms deadline: never more than six. How many depends on the machine's speed (on a
    // loaded one the deadline can pass before the first poll), so only the bound is asserted.
    expect(sentTo(sent, 'GET', /^\/tasks\//).length).toBeLessThanOrEqual(6);
  });

  it('stops waiting at once when the signal aborts, and polls no more', async () => {
    const { client, sent } = sandboxed({ platform: { provisioningDelayMs: 240_000 } });
    const controller = new AbortController();
    server.events.on('request:start', ({ request }) => {
      if (new URL(request.url).pathname.includes('/tasks/'))
        controller.abort(new Error('the operator gave up'));
    });

    const failure = await client.accounts
      .provision(customer(8), { signal: controller.signal })
      .catch((error: unknown) => error);

    expect(isChannelError(failure) && failure.code).toBe('aborted');
    const polls = sentTo(sent, 'GET', /^\/tasks\//).length;
    expect(polls).toBe(1);
  });

  it('reports a task Bizconf refused as BadRequestError with its reason in Chinese; nothing is created, a repeat gets the same answer', async () => {
    const { client, controls } = sandboxed({ platform: { provisioningDelayMs: 30 } });
    const input = customer(9);
    controls.failProvisioning(
      input.profile.creditCode ?? '',
      'CREDIT_CODE_NOT_REGISTERED',
      '统一社会信用代码未在登记机关查到',
    );

    const failures = [
      await client.accounts.provision(input, { idempotencyKey: 'crm-9' }).catch((error: unknown) => error),
      await client.accounts.provision(input, { idempotencyKey: 'crm-9' }).catch((error: unknown) => error),
    ];

    for (const failure of failures) {
      expect(failure).toMatchObject({
        name: 'BadRequestError',
        status: 422,
        platformCode: 'CREDIT_CODE_NOT_REGISTERED',
        platformMessage: '统一社会信用代码未在登记机关查到',
      });
      expect((failure as Error).message).toContain('统一社会信用代码未在登记机关查到');
      expect((failure as Error).message).toContain('Nothing was created');
    }
    expect(controls.listTasks()).toHaveLength(1);
    expect(controls.listEnterprises()).toHaveLength(0);
  });

  it('returns an account under Bizconf’s review as pending_verification; approved it is active, rejected failed', async () => {
    const { client, controls } = sandboxed({ platform: { review: 'manual' } });
    const first = await client.accounts.provision(customer(10));
    const second = await client.accounts.provision(customer(11));
    expect([first.status, second.status]).toEqual(['pending_verification', 'pending_verification']);

    controls.approve(first.id);
    controls.reject(second.id, '营业执照信息与企业名称不一致');

    expect((await client.accounts.get(first.id)).status).toBe('active');
    expect((await client.accounts.get(second.id)).status).toBe('failed');
  });
});

describe('provisioning: an account that exists already', () => {
  it('resolves Bizconf’s "already exists" (40901) to the account when it is this customer’s', async () => {
    const { client, controls, sent, logs } = sandboxed();
    const input = customer(12, { externalId: 'crm-12' });
    const existing = controls.createEnterprise({
      enterpriseName: input.profile.legalName,
      creditCode: input.profile.creditCode ?? '',
      externalId: 'crm-12',
    });

    const account = await client.accounts.provision(input);

    expect(account.id).toBe(existing.enterpriseId);
    expect(controls.listTasks()).toHaveLength(0);
    expect(
      sentTo(sent, 'GET', '/enterprises').map((request) => request.url.searchParams.get('creditCode')),
    ).toEqual([input.profile.creditCode]);
    expect(logs.map((line) => line.message)).toContainEqual(
      expect.stringContaining('already holds this customer'),
    );
  });

  it('refuses it as ConflictError naming the credit code when it is another customer’s', async () => {
    const { client, controls } = sandboxed();
    const input = customer(13);
    const other = controls.createEnterprise({
      enterpriseName: '北京另一家公司',
      creditCode: input.profile.creditCode ?? '',
    });

    const failure = await client.accounts.provision(input).catch((error: unknown) => error);

    expect(failure).toMatchObject({
      name: 'ConflictError',
      details: [{ field: 'profile.creditCode', message: expect.stringContaining(other.enterpriseId) }],
    });
    expect((failure as Error).message).toContain('北京另一家公司');
    expect(controls.listEnterprises()).toHaveLength(1);
  });

  it('passes on Bizconf’s conflict while another provisioning of the same credit code is still running', async () => {
    const { client, controls } = sandboxed({ platform: { provisioningDelayMs: 240_000 } });
    const input = customer(14);
    const client2 = createClient(
      bizconf({
        ...CREDENTIALS,
        baseUrl: BIZCONF_SANDBOX_BASE_URL,
        provisioning: { ...FAST_POLLS, maxPolls: 1 },
      }),
      fastClient,
    );
    await client2.accounts.provision(input, { idempotencyKey: 'first' }).catch(() => undefined);

    const failure = await client.accounts
      .provision(input, { idempotencyKey: 'second' })
      .catch((error: unknown) => error);

    expect(failure).toMatchObject({ name: 'ConflictError', platformCode: 40901 });
    expect((failure as Error).message).toContain('正在开通中');
    expect(controls.listTasks()).toHaveLength(1);
  });

  it('refuses the same idempotency key with another input on Bizconf’s side too (40902), saying why', async () => {
    const { controls } = sandboxed();
    const connect = () =>
      createClient(
        bizconf({ ...CREDENTIALS, baseUrl: BIZCONF_SANDBOX_BASE_URL, provisioning: FAST_POLLS }),
        fastClient,
      );
    // Two clients: two idempotency stores, so only Bizconf can tell that the key was used before.
    await connect().accounts.provision(customer(15), { idempotencyKey: 'reused-key' });

    const failure = await connect()
      .accounts.provision(customer(16), { idempotencyKey: 'reused-key' })
      .catch((error: unknown) => error);

    expect(failure).toMatchObject({ name: 'ConflictError', platformCode: 40902 });
    expect((failure as Error).message).toContain('业务流水号');
    expect((failure as Error).message).toContain('use a new key');
    expect(controls.listEnterprises()).toHaveLength(1);
  });

  it('sends the same bizNo again when the answer to a create is lost, and Bizconf keeps one task', async () => {
    const { client, controls, sandbox, sent } = sandboxed();
    sandbox.faults.add({
      method: 'POST',
      path: /\/enterprises$/,
      when: 'after',
      times: 1,
      fault: { kind: 'reset' },
    });

    const account = await client.accounts.provision(customer(17, { seats: 5 }));

    const bizNos = sentTo(sent, 'POST', '/enterprises').map(
      (request) => (request.json as { bizNo: string }).bizNo,
    );
    expect(bizNos).toHaveLength(2);
    expect(bizNos[0]).toBe(bizNos[1]);
    expect(controls.listTasks()).toHaveLength(1);
    expect(controls.listEnterprises().map((enterprise) => enterprise.enterpriseId)).toEqual([account.id]);
  });
});
