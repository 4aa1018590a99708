import { inspect } from 'node:util';
import { ValidationError } from '@channelkit/core';
import { ZOOM_SANDBOX_CREDENTIALS } from '@channelkit/sandbox';
import { enterpriseAccountSchema } from '@channelkit/types';
import { describe, expect, it } from 'vitest';
import { bodyOf, provisionInput, sandboxed, sentTo } from './harness';

describe('accounts.provision', () => {
  it('creates a master-paid sub-account and subscribes its base plan', async () => {
    const { sandbox, adapter, context, sent } = sandboxed();

    const account = await adapter.accounts.provision(provisionInput(), context);

    expect(enterpriseAccountSchema.parse(account)).toEqual(account);
    const [stored] = sandbox.zoom.listAccounts();
    expect(account).toMatchObject({
      partner: 'zoom',
      id: stored?.id,
      name: 'Acme Pte. Ltd.',
      status: 'active',
      externalId: 'crm-42',
      owner: { email: 'ada@acme.example', firstName: 'Ada', lastName: 'Tan' },
      externalRefs: { ownerId: stored?.ownerId },
    });
    expect(stored).toMatchObject({ accountName: 'Acme Pte. Ltd.', payMode: 'master' });
    expect(stored?.plan).toMatchObject({ type: 'business_yearly', hosts: 10 });

    const [create] = sentTo(sent, 'POST', '/accounts');
    expect(create?.json).toMatchObject({
      first_name: 'Ada',
      last_name: 'Tan',
      email: 'ada@acme.example',
      account_name: 'Acme Pte. Ltd.',
      options: { pay_mode: 'master' },
    });
    const { password } = bodyOf<{ password: string }>(create);
    expect(password).toMatch(/^[A-Za-z0-9]{8,32}$/);
    expect(password).toMatch(/\d/);
    expect(password).toMatch(/[A-Za-z]/);
    expect(JSON.stringify(account)).not.toContain(password);
    expect(inspect(account, { depth: 10 })).not.toContain(password);

    const plans = sentTo(sent, 'POST', `/accounts/${account.id}/plans`);
    expect(plans).toHaveLength(1);
    expect(plans[0]?.json).toEqual({
      contact: {
        first_name: 'Ada',
        last_name: 'Tan',
        email: 'ada@acme.example',
        phone_number: '+6591234567',
        address: '1 Raffles Place',
        apt: '#20-01',
        city: 'Singapore',
        state: 'Singapore',
        zip: '048616',
        country: 'SG',
      },
      plan_base: { type: 'business_yearly', hosts: 10 },
    });
  });

  it('uses the defaultPlan option when the input has seats but no plan', async () => {
    const { sandbox, adapter, context } = sandboxed({ zoom: { defaultPlan: 'monthly' } });
    const { plan: _plan, ...input } = provisionInput({ seats: 3 });
    await adapter.accounts.provision(input, context);
    expect(sandbox.zoom.listAccounts()[0]?.plan).toMatchObject({ type: 'monthly', hosts: 3 });
  });

  it('subscribes no plan without seats, and needs no billing address then', async () => {
    const { sandbox, adapter, context, sent } = sandboxed();
    const { seats: _seats, ...input } = provisionInput();
    const account = await adapter.accounts.provision(
      { ...input, profile: { ...input.profile, address: undefined } },
      context,
    );
    expect(sandbox.zoom.getAccount(account.id)?.plan).toBeUndefined();
    expect(sent.filter((request) => request.url.pathname.endsWith('/plans'))).toHaveLength(0);
  });

  it.each([
    ['no address', undefined, ['profile.address']],
    ['an address without region', { region: undefined }, ['profile.address.region']],
    ['an address without postal code', { postalCode: undefined }, ['profile.address.postalCode']],
    [
      'an address with neither',
      { region: undefined, postalCode: undefined },
      ['profile.address.region', 'profile.address.postalCode'],
    ],
  ])(
    'refuses seats for a customer with %s before sending anything: Zoom bills them to a full address',
    async (_, change, fields) => {
      const { sandbox, adapter, context, sent } = sandboxed();
      const input = provisionInput();
      const address = change && input.profile.address && { ...input.profile.address, ...change };
      const failure = await adapter.accounts
        .provision({ ...input, profile: { ...input.profile, address } }, context)
        .catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ValidationError);
      expect((failure as ValidationError).field).toBe(fields[0]);
      expect((failure as ValidationError).issues.map((issue) => issue.path)).toEqual(fields);
      expect((failure as Error).message).toContain('billing contact');
      expect(sent).toHaveLength(0);
      expect(sandbox.zoom.listAccounts()).toHaveLength(0);
    },
  );

  it('sends a billing contact the sandbox, holding Zoom’s published schema, accepts without a second line', async () => {
    const { sandbox, adapter, context, sent } = sandboxed();
    const input = provisionInput();
    const { line2: _line2, ...address } = input.profile.address ?? { line1: '', city: '', country: '' };
    const account = await adapter.accounts.provision(
      { ...input, profile: { ...input.profile, address } },
      context,
    );
    expect(bodyOf(sentTo(sent, 'POST', `/accounts/${account.id}/plans`)[0]).contact).not.toHaveProperty(
      'apt',
    );
    expect(sandbox.zoom.getAccount(account.id)?.plan).toMatchObject({ hosts: 10 });
  });

  it('refuses an account name longer than 64 characters before sending anything', async () => {
    const { sandbox, adapter, context, sent } = sandboxed();
    const input = provisionInput();
    input.profile.legalName = '有'.repeat(65);
    await expect(adapter.accounts.provision(input, context)).rejects.toMatchObject({
      name: 'ValidationError',
      field: 'profile.legalName',
      message: expect.stringContaining('64'),
    });
    expect(sent).toHaveLength(0);
    expect(sandbox.zoom.listAccounts()).toHaveLength(0);
  });

  it('counts the name in UTF-16 code units, as Zoom does: 40 emoji are 80 units and refused', async () => {
    const { sandbox, adapter, context, sent } = sandboxed();
    const input = provisionInput();
    input.profile.legalName = '😀'.repeat(40);
    await expect(adapter.accounts.provision(input, context)).rejects.toMatchObject({
      name: 'ValidationError',
      field: 'profile.legalName',
      message: expect.stringMatching(/at most 64 .*UTF-16.*has 80/),
    });
    expect(sent).toHaveLength(0);
    expect(sandbox.zoom.listAccounts()).toHaveLength(0);
  });

  it('accepts a name of exactly 64 units, however it is written', async () => {
    const { sandbox, adapter, context } = sandboxed();
    for (const [index, name] of ['有'.repeat(64), '😀'.repeat(32)].entries()) {
      const input = provisionInput();
      input.profile.legalName = name;
      input.admin.email = `owner${index}@acme.example`;
      await adapter.accounts.provision(input, context);
    }
    expect(sandbox.zoom.listAccounts().map((account) => account.accountName)).toEqual([
      '有'.repeat(64),
      '😀'.repeat(32),
    ]);
  });

  it('resolves a create that was committed but whose answer was lost by looking the owner up', async () => {
    const { sandbox, adapter, context, sent, logs } = sandboxed();
    sandbox.faults.add({
      method: 'POST',
      path: '/v2/accounts',
      when: 'after',
      fault: { kind: 'reset' },
      times: 1,
    });

    const account = await adapter.accounts.provision(provisionInput(), context);

    expect(sandbox.zoom.listAccounts()).toHaveLength(1);
    expect(account.id).toBe(sandbox.zoom.listAccounts()[0]?.id);
    expect(sentTo(sent, 'POST', '/accounts')).toHaveLength(1);
    expect(sentTo(sent, 'GET', '/accounts').length).toBeGreaterThanOrEqual(1);
    expect(sandbox.zoom.getAccount(account.id)?.plan).toMatchObject({ hosts: 10 });
    expect(logs.map((line) => line.message)).toContainEqual(expect.stringContaining('resolved by lookup'));
  });

  it('resolves a committed create answered with a 500 the same way', async () => {
    const { sandbox, adapter, context, sent } = sandboxed();
    sandbox.faults.add({
      method: 'POST',
      path: '/v2/accounts',
      when: 'after',
      fault: { kind: 'server_error', status: 502 },
      times: 1,
    });
    await adapter.accounts.provision(provisionInput(), context);
    expect(sandbox.zoom.listAccounts()).toHaveLength(1);
    expect(sentTo(sent, 'POST', '/accounts')).toHaveLength(1);
  });

  it('creates again when the failed create left no account', async () => {
    const { sandbox, adapter, context, sent, logs } = sandboxed();
    sandbox.faults.add({
      method: 'POST',
      path: '/v2/accounts',
      when: 'before',
      fault: { kind: 'server_error', status: 500 },
      times: 1,
    });
    await adapter.accounts.provision(provisionInput(), context);
    expect(sandbox.zoom.listAccounts()).toHaveLength(1);
    // Create, lookup (nothing found), create again.
    const order = sent
      .filter((request) => request.url.pathname === '/v2/accounts')
      .map((request) => request.method);
    expect(order).toEqual(['POST', 'GET', 'POST']);
    expect(logs.map((line) => line.message)).toContainEqual(expect.stringContaining('creating again'));
  });

  it('gives up after three creates that each left nothing', async () => {
    const { sandbox, adapter, context, sent } = sandboxed();
    sandbox.faults.add({
      method: 'POST',
      path: '/v2/accounts',
      fault: { kind: 'server_error', status: 503 },
    });
    await expect(adapter.accounts.provision(provisionInput(), context)).rejects.toMatchObject({
      name: 'ServerError',
      status: 503,
    });
    expect(sentTo(sent, 'POST', '/accounts')).toHaveLength(3);
    expect(sandbox.zoom.listAccounts()).toHaveLength(0);
  });

  it('retries a rate-limited create through the transport without duplicating it', async () => {
    const { sandbox, adapter, context, sent } = sandboxed();
    sandbox.faults.add({ method: 'POST', path: '/v2/accounts', fault: { kind: 'rate_limit' }, times: 1 });
    await adapter.accounts.provision(provisionInput(), context);
    expect(sentTo(sent, 'POST', '/accounts')).toHaveLength(2);
    expect(sandbox.zoom.listAccounts()).toHaveLength(1);
  });

  it('returns the existing account when the owner email already owns this customer’s account (409, any case)', async () => {
    const { sandbox, adapter, context, sent, logs } = sandboxed();
    const existing = sandbox.zoom.createAccount({
      email: 'Ada@Acme.example',
      accountName: 'ACME  Pte. Ltd.',
    });

    const account = await adapter.accounts.provision(provisionInput(), context);

    expect(account.id).toBe(existing.id);
    expect(account.name).toBe('ACME  Pte. Ltd.');
    expect(sandbox.zoom.listAccounts()).toHaveLength(1);
    // The plan step reads first on an account it did not create.
    expect(sentTo(sent, 'GET', `/accounts/${existing.id}/plans`)).toHaveLength(1);
    expect(sandbox.zoom.getAccount(existing.id)?.plan).toMatchObject({ type: 'business_yearly', hosts: 10 });
    expect(logs.map((line) => line.message)).toContainEqual(expect.stringContaining('already owns'));
  });

  it('refuses another customer’s account owned by the same admin email with a ConflictError, changing nothing', async () => {
    const { sandbox, adapter, context, sent } = sandboxed();
    const other = sandbox.zoom.createAccount({ email: 'ada@acme.example', accountName: 'Globex Holdings' });

    const error = await adapter.accounts.provision(provisionInput(), context).catch((e: unknown) => e);

    expect(error).toMatchObject({
      name: 'ConflictError',
      code: 'conflict',
      details: [{ field: 'admin.email', message: expect.stringContaining(other.id) }],
    });
    expect((error as Error).message).toMatch(
      new RegExp(`admin\\.email already belongs to account ${other.id}, which is named "Globex Holdings"`),
    );
    expect((error as Error).message).toContain('another admin.email');
    expect(sentTo(sent, 'POST', `/accounts/${other.id}/plans`)).toHaveLength(0);
    expect(sandbox.zoom.getAccount(other.id)?.plan).toBeUndefined();
    expect(sandbox.zoom.listAccounts()).toHaveLength(1);
  });

  it('refuses another customer’s account found after an ambiguous create as well', async () => {
    const { sandbox, adapter, context, sent } = sandboxed();
    const other = sandbox.zoom.createAccount({ email: 'ada@acme.example', accountName: 'Globex Holdings' });
    sandbox.faults.add({
      method: 'POST',
      path: '/v2/accounts',
      fault: { kind: 'server_error', status: 502 },
      times: 1,
    });

    await expect(adapter.accounts.provision(provisionInput(), context)).rejects.toMatchObject({
      name: 'ConflictError',
      message: expect.stringContaining(other.id),
    });
    expect(sentTo(sent, 'POST', '/accounts')).toHaveLength(1);
    expect(sandbox.zoom.listAccounts()).toHaveLength(1);
  });

  it('is safe to repeat: a second identical provision returns the same account and sends no second plan', async () => {
    const { sandbox, adapter, context, sent } = sandboxed();
    const first = await adapter.accounts.provision(provisionInput(), context);
    const second = await adapter.accounts.provision(provisionInput(), context);
    expect(second.id).toBe(first.id);
    expect(sandbox.zoom.listAccounts()).toHaveLength(1);
    expect(sentTo(sent, 'POST', `/accounts/${first.id}/plans`)).toHaveLength(1);
  });

  it('refuses with ConflictError when the existing account has a different base plan', async () => {
    const { sandbox, adapter, context, sent } = sandboxed();
    const existing = sandbox.zoom.createAccount({ email: 'ada@acme.example', accountName: 'Acme Pte. Ltd.' });
    sandbox.zoom.setPlan(existing.id, { type: 'monthly', hosts: 2 });
    await expect(adapter.accounts.provision(provisionInput(), context)).rejects.toMatchObject({
      name: 'ConflictError',
      message: expect.stringMatching(/monthly with 2 seats.*licences\.set/),
    });
    expect(sentTo(sent, 'POST', `/accounts/${existing.id}/plans`)).toHaveLength(0);
    expect(sandbox.zoom.getAccount(existing.id)?.plan).toMatchObject({ type: 'monthly', hosts: 2 });
  });

  it('resolves a plan subscription whose answer was lost by reading the plans', async () => {
    const { sandbox, adapter, context, sent, logs } = sandboxed();
    sandbox.faults.add({
      method: 'POST',
      path: /\/plans$/,
      when: 'after',
      fault: { kind: 'reset' },
      times: 1,
    });
    const account = await adapter.accounts.provision(provisionInput(), context);
    expect(sentTo(sent, 'POST', `/accounts/${account.id}/plans`)).toHaveLength(1);
    expect(sentTo(sent, 'GET', `/accounts/${account.id}/plans`)).toHaveLength(1);
    expect(sandbox.zoom.getAccount(account.id)?.plan).toMatchObject({ type: 'business_yearly', hosts: 10 });
    expect(logs.map((line) => line.message)).toContainEqual(
      expect.stringContaining('plan subscription resolved'),
    );
  });

  it('subscribes again when the failed plan request left no plan', async () => {
    const { sandbox, adapter, context, sent } = sandboxed();
    sandbox.faults.add({
      method: 'POST',
      path: /\/plans$/,
      fault: { kind: 'server_error', status: 500 },
      times: 1,
    });
    const account = await adapter.accounts.provision(provisionInput(), context);
    expect(sentTo(sent, 'POST', `/accounts/${account.id}/plans`)).toHaveLength(2);
    expect(sandbox.zoom.getAccount(account.id)?.plan).toMatchObject({ hosts: 10 });
  });

  it('reports each decision at info level with account ids, never an email, the password or a credential', async () => {
    const { sandbox, adapter, context, sent } = sandboxed();
    const lines: { level: string; text: string }[] = [];
    const at = (level: string) => (message: string, fields?: Record<string, unknown>) =>
      lines.push({ level, text: `${message} ${JSON.stringify(fields ?? {})}` });
    context.logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
    // A create whose answer is lost, then a plan subscription whose answer is lost: both resolved by reading.
    sandbox.faults.add({
      method: 'POST',
      path: '/v2/accounts',
      when: 'after',
      fault: { kind: 'reset' },
      times: 1,
    });
    sandbox.faults.add({
      method: 'POST',
      path: /\/plans$/,
      when: 'after',
      fault: { kind: 'server_error', status: 502 },
      times: 1,
    });

    const account = await adapter.accounts.provision(provisionInput(), context);

    const { password } = bodyOf<{ password: string }>(sentTo(sent, 'POST', '/accounts')[0]);
    expect(lines.map((line) => line.level)).toEqual(lines.map(() => 'info'));
    expect(lines.map((line) => line.text)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('resolved by lookup'),
        expect.stringContaining('plan subscription resolved by lookup'),
      ]),
    );
    expect(lines.every((line) => line.text.includes(account.id))).toBe(true);
    const printed = JSON.stringify(lines).toLowerCase();
    for (const secret of ['ada@acme.example', password, ZOOM_SANDBOX_CREDENTIALS.clientSecret, 'bearer']) {
      expect(printed).not.toContain(secret.toLowerCase());
    }
  });

  it('never logs the generated password', async () => {
    const { adapter, context, sent, logs } = sandboxed();
    await adapter.accounts.provision(provisionInput(), context);
    const { password } = bodyOf<{ password: string }>(sentTo(sent, 'POST', '/accounts')[0]);
    expect(JSON.stringify(logs)).not.toContain(password);
  });
});
