import { ConflictError, ValidationError } from '@channelkit/core';
import { describe, expect, it } from 'vitest';
import { OTHER_CREDIT_CODE, provisionInput, sandboxed, sentTo, settled } from './harness';

describe('provisioning is never duplicated: Zhumu has no idempotency key, so the adapter reads before writing again', () => {
  for (const fault of [
    { kind: 'reset' },
    { kind: 'server_error', status: 503 },
    { kind: 'server_error', status: 500 },
  ] as const) {
    it(`finds the enterprise by its credit code when the create went through but its answer was lost (${fault.kind}${'status' in fault ? ` ${fault.status}` : ''})`, async () => {
      const { sandbox, controls, adapter, context, sent, logs } = sandboxed();
      sandbox.faults.add({ path: '/v3/enterprise/create', when: 'after', times: 1, fault });

      const account = await adapter.accounts.provision(provisionInput(), context);

      expect(controls.listEnterprises().map((enterprise) => enterprise.id)).toEqual([account.id]);
      expect(sentTo(sent, '/enterprise/create')).toHaveLength(1);
      await settled(sent);
      expect(sentTo(sent, '/enterprise/list')[0]?.form.credit_code).toBe('91310000MA1FL4B24G');
      expect(account).toMatchObject({ name: '上海瞩目示例信息技术有限公司', externalId: 'crm-4711' });
      expect(logs.map((line) => line.message)).toContain(
        'zhumu: ambiguous create resolved by lookup; the enterprise exists',
      );
    });
  }

  it('creates again when the failed create left nothing, at most three times in all', async () => {
    const { sandbox, controls, adapter, context, sent } = sandboxed();
    sandbox.faults.add({
      path: '/v3/enterprise/create',
      when: 'before',
      times: 2,
      fault: { kind: 'server_error', status: 502 },
    });

    const account = await adapter.accounts.provision(provisionInput(), context);

    expect(sentTo(sent, '/enterprise/create')).toHaveLength(3);
    expect(sentTo(sent, '/enterprise/list')).toHaveLength(2);
    expect(controls.listEnterprises().map((enterprise) => enterprise.id)).toEqual([account.id]);
  });

  it('gives up after three creates that each left nothing, with the last failure', async () => {
    const { sandbox, controls, adapter, context, sent } = sandboxed();
    sandbox.faults.add({ path: '/v3/enterprise/create', fault: { kind: 'server_error', status: 503 } });

    await expect(adapter.accounts.provision(provisionInput(), context)).rejects.toMatchObject({
      name: 'ServerError',
      status: 503,
    });
    expect(sentTo(sent, '/enterprise/create')).toHaveLength(3);
    expect(controls.listEnterprises()).toEqual([]);
  });

  it('continues with this customer’s enterprise when Zhumu says the credit code is registered (2002)', async () => {
    const { controls, adapter, context, sent, logs } = sandboxed();
    const existing = controls.createEnterprise({
      name: '上海瞩目示例信息技术有限公司',
      creditCode: '91310000MA1FL4B24G',
      externalId: 'crm-4711',
      seats: 10,
    });

    const account = await adapter.accounts.provision(provisionInput(), context);

    expect(account.id).toBe(existing.id);
    expect(sentTo(sent, '/enterprise/create')).toHaveLength(1);
    expect(sentTo(sent, '/enterprise/licence/get')).toHaveLength(1);
    expect(controls.listEnterprises()).toHaveLength(1);
    expect(logs.map((line) => line.message)).toContain(
      'zhumu: the credit code already holds this customer’s enterprise; continuing with it',
    );
  });

  it('names the same customer across full-width forms and spacing', async () => {
    const { controls, adapter, context } = sandboxed();
    const existing = controls.createEnterprise({
      name: ' 上海瞩目示例信息技术有限公司 ',
      creditCode: '91310000MA1FL4B24G',
      seats: 10,
    });
    const account = await adapter.accounts.provision(provisionInput({ externalId: undefined }), context);
    expect(account.id).toBe(existing.id);
  });

  it('refuses another company’s enterprise under the same credit code, changing nothing', async () => {
    const { controls, adapter, context, sent } = sandboxed();
    const other = controls.createEnterprise({
      name: '另一家公司',
      creditCode: '91310000MA1FL4B24G',
      seats: 3,
    });

    const error = await adapter.accounts.provision(provisionInput(), context).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).details).toEqual([
      { field: 'profile.creditCode', message: `already used by zhumu account ${other.id}` },
    ]);
    expect((error as Error).message).toContain('另一家公司');
    expect(sentTo(sent, '/enterprise/licence/set')).toHaveLength(0);
    expect(controls.getEnterprise(other.id)?.licence.seats).toBe(3);
  });

  it('refuses an enterprise of the same name stored for another externalId', async () => {
    const { controls, adapter, context } = sandboxed();
    controls.createEnterprise({
      name: '上海瞩目示例信息技术有限公司',
      creditCode: '91310000MA1FL4B24G',
      externalId: 'crm-0001',
      seats: 10,
    });
    await expect(adapter.accounts.provision(provisionInput(), context)).rejects.toMatchObject({
      name: 'ConflictError',
      message: expect.stringContaining('crm-0001'),
    });
  });

  it('refuses to adopt this customer’s enterprise when its licence differs, and changes nothing', async () => {
    const { controls, adapter, context, sent } = sandboxed();
    const existing = controls.createEnterprise({
      name: '上海瞩目示例信息技术有限公司',
      creditCode: '91310000MA1FL4B24G',
      seats: 4,
    });

    const error = await adapter.accounts.provision(provisionInput(), context).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toContain(`licences.set('${existing.id}', { seats: 10 })`);
    expect((error as ConflictError).details[0]?.field).toBe('seats');
    expect(sentTo(sent, '/enterprise/licence/set')).toHaveLength(0);
    expect(controls.getEnterprise(existing.id)?.licence.seats).toBe(4);
  });

  it('creates anew when the earlier enterprise of the code was cancelled (the code is free again)', async () => {
    const { controls, adapter, context } = sandboxed();
    const cancelled = controls.createEnterprise({
      name: '上海瞩目示例信息技术有限公司',
      creditCode: '91310000MA1FL4B24G',
      status: 5,
    });
    const account = await adapter.accounts.provision(provisionInput(), context);
    expect(account.id).not.toBe(cancelled.id);
    expect(controls.listEnterprises()).toHaveLength(2);
  });

  it('names the enterprise an administrator e-mail already belongs to (1005)', async () => {
    const { controls, adapter, context } = sandboxed();
    const other = controls.createEnterprise({
      name: '另一家公司',
      creditCode: OTHER_CREDIT_CODE,
      adminEmail: 'Wang.Wei@example.cn',
    });

    const error = await adapter.accounts.provision(provisionInput(), context).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).details[0]?.field).toBe('admin.email');
    expect((error as Error).message).toContain(other.id);
    expect((error as Error).message).toContain('another administrator e-mail');
    expect(controls.listEnterprises()).toHaveLength(1);
  });

  it('says when the administrator e-mail is a Zhumu user outside the partner’s enterprises (1005)', async () => {
    const { controls, adapter, context } = sandboxed();
    controls.addUser('wang.wei@example.cn');
    await expect(adapter.accounts.provision(provisionInput(), context)).rejects.toMatchObject({
      name: 'ConflictError',
      message: expect.stringContaining('already a Zhumu user outside your enterprises'),
    });
  });

  it('provisions without seats: an enterprise with an empty business licence', async () => {
    const { controls, adapter, context } = sandboxed();
    const account = await adapter.accounts.provision(provisionInput({ seats: undefined }), context);
    expect(controls.getEnterprise(account.id)?.licence).toMatchObject({ plan: 'business', seats: 0 });
    expect(await adapter.licences.get(account.id, context)).toMatchObject({ seats: { purchased: 0 } });
  });
});

describe('Zhumu’s own rules are checked before anything is sent', () => {
  const cases: Array<[string, Parameters<typeof provisionInput>[0], string]> = [
    [
      'a name over 100 characters (UTF-16 code units)',
      { profile: { ...provisionInput().profile, legalName: `${'瞩'.repeat(99)}🎥` } },
      'profile.legalName',
    ],
    [
      'an administrator name over 32 characters',
      { admin: { ...provisionInput().admin, firstName: '伟'.repeat(33) } },
      'admin.firstName',
    ],
    [
      'a postal code that is not 6 digits',
      {
        profile: {
          ...provisionInput().profile,
          address: { line1: '世纪大道 100 号', city: '上海市', postalCode: '20012', country: 'CN' },
        },
      },
      'profile.address.postalCode',
    ],
    [
      'an address outside the mainland',
      {
        profile: {
          ...provisionInput().profile,
          address: { line1: '1 Queen’s Road', city: 'Hong Kong', country: 'HK' },
        },
      },
      'profile.address.country',
    ],
    ['a reference over 64 characters', { externalId: 'x'.repeat(65) }, 'externalId'],
    ['more than 10 seats on the trial plan', { plan: 'trial', seats: 11 }, 'seats'],
  ];
  for (const [title, overrides, field] of cases) {
    it(`refuses ${title}`, async () => {
      const { sandbox, adapter, context } = sandboxed();
      const error = await adapter.accounts
        .provision(provisionInput(overrides), context)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).field).toBe(field);
      expect(sandbox.requests).toHaveLength(0);
    });
  }

  it('takes exactly 100 characters, counting an emoji as two', async () => {
    const { controls, adapter, context } = sandboxed();
    const name = `${'瞩'.repeat(98)}🎥`;
    const account = await adapter.accounts.provision(
      provisionInput({ profile: { ...provisionInput().profile, legalName: name } }),
      context,
    );
    expect(controls.getEnterprise(account.id)?.name).toBe(name);
  });
});
