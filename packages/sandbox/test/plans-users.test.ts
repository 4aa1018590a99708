import { type RunningSandbox, startSandbox } from '@channelkit/sandbox';
import { afterEach, describe, expect, it } from 'vitest';
import { billingContact, manualClock, newAccount, newPlan, zoomClient } from './helpers';

let running: RunningSandbox | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function withAccount(options: { payMode?: 'master' | 'sub' } = {}) {
  running = await startSandbox({ now: manualClock().now });
  const client = zoomClient(running.zoom);
  const created = await client.call(
    'POST',
    '/accounts',
    newAccount('owner@example.com', { options: { pay_mode: options.payMode ?? 'master' } }),
  );
  return { running, client, id: created.body.id as string, ownerId: created.body.owner_id as string };
}

describe('plans', () => {
  it('subscribes a base plan and licenses the owner', async () => {
    const { running, client, id, ownerId } = await withAccount();
    expect(await client.call('GET', `/accounts/${id}/plans`)).toMatchObject({ status: 200, body: {} });
    expect((await client.call('GET', `/accounts/${id}/plans/usage`)).body).toEqual({});
    const subscribed = await client.call('POST', `/accounts/${id}/plans`, newPlan('monthly', 5));
    expect(subscribed).toMatchObject({ status: 201, body: { plan_base: { type: 'monthly', hosts: 5 } } });
    expect((await client.call('GET', `/accounts/${id}/plans`)).body).toEqual({
      plan_base: {
        type: 'monthly',
        hosts: 5,
        service_effective_date: '2026-01-15',
        next_invoice_date: '2026-02-15',
        status: 'active',
      },
    });
    expect((await client.call('GET', `/accounts/${id}/plans/usage`)).body).toEqual({
      plan_base: { type: 'monthly', hosts: 5, usage: 1, pending: 0 },
    });
    expect(running.sandbox.zoom.getAccount(id)?.users.find((user) => user.id === ownerId)?.type).toBe(2);
  });

  it('leaves the owner Basic on a zero-host plan', async () => {
    const { client, id } = await withAccount();
    await client.call('POST', `/accounts/${id}/plans`, newPlan('trial', 0));
    const plans = await client.call('GET', `/accounts/${id}/plans`);
    expect(plans.body.plan_base.next_invoice_date).toBe('2026-02-14');
    expect((await client.call('GET', `/accounts/${id}/plans/usage`)).body.plan_base.usage).toBe(0);
  });

  it('answers 409 when a base plan exists', async () => {
    const { client, id } = await withAccount();
    await client.call('POST', `/accounts/${id}/plans`, newPlan('monthly', 5));
    expect(await client.call('POST', `/accounts/${id}/plans`, newPlan('yearly', 5))).toMatchObject({
      status: 409,
      body: { code: 409, message: 'The account already has a base plan.' },
    });
  });

  it('validates contact and plan_base', async () => {
    const { client, id } = await withAccount();
    const response = await client.call('POST', `/accounts/${id}/plans`, {
      contact: { first_name: 'A', last_name: 'B', email: 'x', country: 'US' },
      plan_base: { type: 'enterprise_forever', hosts: -1 },
    });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe(300);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual([
      'contact.phone_number',
      'contact.address',
      'contact.city',
      'contact.state',
      'contact.zip',
      'contact.email',
      'plan_base.type',
      'plan_base.hosts',
    ]);
    expect((await client.call('GET', `/accounts/${id}/plans`)).body).toEqual({});
  });

  it.each(['first_name', 'last_name', 'email', 'phone_number', 'address', 'city', 'state', 'zip', 'country'])(
    'refuses a billing contact without %s, as Zoom’s published schema requires it',
    async (field) => {
      const { client, id } = await withAccount();
      const { [field as keyof typeof billingContact]: _omitted, ...contact } = billingContact;
      const response = await client.call('POST', `/accounts/${id}/plans`, {
        contact,
        plan_base: { type: 'monthly', hosts: 1 },
      });
      expect(response).toMatchObject({
        status: 400,
        body: { code: 300, message: 'Validation Failed.', errors: [{ field: `contact.${field}` }] },
      });
      expect(response.body.errors).toHaveLength(1);
    },
  );

  it('refuses a subscription without a billing contact, and takes the optional apt', async () => {
    const { client, id } = await withAccount();
    expect(
      await client.call('POST', `/accounts/${id}/plans`, { plan_base: { type: 'monthly', hosts: 1 } }),
    ).toMatchObject({ status: 400, body: { code: 300, errors: [{ field: 'contact' }] } });
    expect(
      await client.call('POST', `/accounts/${id}/plans`, {
        contact: { ...billingContact, apt: 7 },
        plan_base: { type: 'monthly', hosts: 1 },
      }),
    ).toMatchObject({ status: 400, body: { errors: [{ field: 'contact.apt' }] } });
    expect(
      (
        await client.call('POST', `/accounts/${id}/plans`, {
          contact: { ...billingContact, apt: 'Suite 400' },
          plan_base: { type: 'monthly', hosts: 1 },
        })
      ).status,
    ).toBe(201);
  });

  it.each([
    ['GET', '/plans'],
    ['POST', '/plans'],
    ['PUT', '/plans/base'],
    ['GET', '/plans/usage'],
  ])('answers 400 code 2100 to %s %s on a self-pay account', async (method, path) => {
    const { client, id } = await withAccount({ payMode: 'sub' });
    const body = method === 'GET' ? undefined : newPlan('monthly', 1);
    expect(await client.call(method, `/accounts/${id}${path}`, body)).toMatchObject({
      status: 400,
      body: { code: 2100, message: 'Sub account is self-pay: billing must be paid by the master account.' },
    });
  });

  it('answers 2001 for plans of an unknown account', async () => {
    const { client } = await withAccount();
    expect((await client.call('GET', '/accounts/nope/plans/usage')).body.code).toBe(2001);
  });

  it('changes the base plan, never below the licensed users', async () => {
    const { client, id } = await withAccount();
    expect(
      await client.call('PUT', `/accounts/${id}/plans/base`, { type: 'monthly', hosts: 3 }),
    ).toMatchObject({
      status: 400,
      body: { code: 300, errors: [{ field: 'plan_base' }] },
    });
    await client.call('POST', `/accounts/${id}/plans`, newPlan('monthly', 3));
    await client.call('POST', `/accounts/${id}/users`, {
      action: 'custCreate',
      user_info: { email: 'b@example.com', type: 2 },
    });
    expect(await client.call('PUT', `/accounts/${id}/plans/base`, { type: 'monthly', hosts: 1 })).toEqual(
      expect.objectContaining({
        status: 400,
        body: {
          code: 300,
          message: 'Validation Failed.',
          errors: [
            {
              field: 'hosts',
              message: 'The number of licenses cannot be less than the number of licensed users (2).',
            },
          ],
        },
      }),
    );
    expect(
      (await client.call('PUT', `/accounts/${id}/plans/base`, { type: 'yearly', hosts: 2 })).status,
    ).toBe(204);
    expect((await client.call('GET', `/accounts/${id}/plans/usage`)).body.plan_base).toEqual({
      type: 'yearly',
      hosts: 2,
      usage: 2,
      pending: 0,
    });
  });
});

describe('users', () => {
  it('creates invited users as pending and others as active', async () => {
    const { client, id } = await withAccount();
    await client.call('POST', `/accounts/${id}/plans`, newPlan('monthly', 3));
    const invited = await client.call('POST', `/accounts/${id}/users`, {
      action: 'create',
      user_info: { email: 'inv@example.com', first_name: 'In', last_name: 'Vited', type: 2 },
    });
    expect(invited).toMatchObject({ status: 201 });
    expect(invited.body).toEqual({
      id: expect.any(String),
      email: 'inv@example.com',
      first_name: 'In',
      last_name: 'Vited',
      type: 2,
    });
    await client.call('POST', `/accounts/${id}/users`, {
      action: 'autoCreate',
      user_info: { email: 'b@example.com', type: 1 },
    });
    expect((await client.call('GET', `/accounts/${id}/plans/usage`)).body.plan_base).toMatchObject({
      usage: 1,
      pending: 1,
    });
    const pending = await client.call('GET', `/accounts/${id}/users?status=pending`);
    expect(pending.body).toEqual({
      page_count: 1,
      page_number: 1,
      page_size: 30,
      total_records: 1,
      next_page_token: '',
      users: [
        {
          ...invited.body,
          display_name: 'In Vited',
          status: 'pending',
          pmi: expect.any(Number),
          role_id: '2',
          verified: 0,
          created_at: '2026-01-15T10:00:00Z',
          user_created_at: '2026-01-15T10:00:00Z',
        },
      ],
    });
    expect((await client.call('GET', `/accounts/${id}/users`)).body.total_records).toBe(2);
  });

  it('refuses a licensed user when no licence is free (code 2034)', async () => {
    const { client, id } = await withAccount();
    await client.call('POST', `/accounts/${id}/plans`, newPlan('monthly', 2));
    const add = (email: string, action = 'custCreate') =>
      client.call('POST', `/accounts/${id}/users`, { action, user_info: { email, type: 2 } });
    expect((await add('one@example.com', 'create')).status).toBe(201);
    expect(await add('two@example.com')).toMatchObject({
      status: 400,
      body: { code: 2034, message: 'Your account has reached the maximum number of licensed users.' },
    });
    expect(
      (
        await client.call('POST', `/accounts/${id}/users`, {
          action: 'ssoCreate',
          user_info: { email: 'b@example.com', type: 1 },
        })
      ).status,
    ).toBe(201);
  });

  it('validates and rejects duplicate emails', async () => {
    const { client, id } = await withAccount();
    const invalid = await client.call('POST', `/accounts/${id}/users`, {
      action: 'invite',
      user_info: { email: 'x', type: 3 },
    });
    expect(invalid.body.errors.map((error: { field: string }) => error.field)).toEqual([
      'action',
      'user_info.email',
      'user_info.type',
    ]);
    const duplicate = await client.call('POST', `/accounts/${id}/users`, {
      action: 'custCreate',
      user_info: { email: 'OWNER@example.com', type: 1 },
    });
    expect(duplicate).toMatchObject({ status: 409, body: { code: 1005 } });
  });

  it('pages users by status', async () => {
    const { running, client, id } = await withAccount();
    for (let i = 0; i < 4; i++) running.sandbox.zoom.addUser(id, { email: `u${i}@example.com` });
    running.sandbox.zoom.addUser(id, { email: 'gone@example.com', status: 'inactive' });
    const first = await client.call('GET', `/accounts/${id}/users?page_size=3`);
    expect(first.body).toMatchObject({ page_size: 3, total_records: 5 });
    expect(first.body.users).toHaveLength(3);
    const second = await client.call(
      'GET',
      `/accounts/${id}/users?page_size=3&next_page_token=${first.body.next_page_token}`,
    );
    expect(second.body.users.map((user: { email: string }) => user.email)).toEqual([
      'u2@example.com',
      'u3@example.com',
    ]);
    expect(second.body.next_page_token).toBe('');
    const inactive = await client.call('GET', `/accounts/${id}/users?status=inactive`);
    expect(inactive.body.users).toEqual([
      expect.objectContaining({ email: 'gone@example.com', status: 'inactive' }),
    ]);
    const foreign = await client.call(
      'GET',
      `/accounts/${id}/users?status=inactive&next_page_token=${first.body.next_page_token}`,
    );
    expect(foreign.body).toEqual({ code: 300, message: 'The next page token is invalid or expired.' });
    expect((await client.call('GET', `/accounts/${id}/users?status=deleted`)).body.errors).toEqual([
      { field: 'status', message: expect.any(String) },
    ]);
  });

  it('assigns and frees licences with PATCH', async () => {
    const { running, client, id } = await withAccount();
    await client.call('POST', `/accounts/${id}/plans`, newPlan('monthly', 1));
    const user = running.sandbox.zoom.addUser(id, { email: 'b@example.com' });
    const owner = running.sandbox.zoom.getAccount(id)?.ownerId;
    expect(await client.call('PATCH', `/accounts/${id}/users/${user.id}`, { type: 2 })).toMatchObject({
      status: 400,
      body: { code: 2034 },
    });
    expect((await client.call('PATCH', `/accounts/${id}/users/${owner}`, { type: 2 })).status).toBe(204);
    expect((await client.call('PATCH', `/accounts/${id}/users/${owner}`, { type: 1 })).status).toBe(204);
    expect((await client.call('PATCH', `/accounts/${id}/users/${user.id}`, { type: 2 })).status).toBe(204);
    expect((await client.call('GET', `/accounts/${id}/plans/usage`)).body.plan_base).toMatchObject({
      hosts: 1,
      usage: 1,
    });
    expect((await client.call('PATCH', `/accounts/${id}/users/${user.id}`, { type: 9 })).body.errors).toEqual(
      [{ field: 'type', message: expect.any(String) }],
    );
    expect(await client.call('PATCH', `/accounts/${id}/users/nobody`, { type: 1 })).toMatchObject({
      status: 404,
      body: { code: 1001 },
    });
  });
});
