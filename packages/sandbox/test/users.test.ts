import { type RunningSandbox, startSandbox } from '@channelkit/sandbox';
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock, newAccount, newPlan, zoomClient } from './helpers';

let running: RunningSandbox | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

/** A master-paid sub-account with a base plan of `hosts` licences (its owner holds one). */
async function withPlan(hosts: number) {
  running = await startSandbox({ now: manualClock().now });
  const client = zoomClient(running.zoom);
  const created = await client.call('POST', '/accounts', newAccount('owner@example.com'));
  const id = created.body.id as string;
  await client.call('POST', `/accounts/${id}/plans`, newPlan('monthly', hosts));
  const users = `/accounts/${id}/users`;
  const usage = async () => (await client.call('GET', `/accounts/${id}/plans/usage`)).body.plan_base;
  return { running, client, id, users, ownerId: created.body.owner_id as string, usage };
}

describe('licence types', () => {
  it('creates users of types 4 and 99 (the latter only through ssoCreate), which hold no licence', async () => {
    const { client, users, usage } = await withPlan(1);
    const unassigned = await client.call('POST', users, {
      action: 'custCreate',
      user_info: { email: 'four@example.com', type: 4 },
    });
    expect(unassigned).toMatchObject({ status: 201, body: { email: 'four@example.com', type: 4 } });
    const none = await client.call('POST', users, {
      action: 'ssoCreate',
      user_info: { email: 'none@example.com', type: 99 },
    });
    expect(none).toMatchObject({ status: 201, body: { type: 99 } });
    expect(await usage()).toMatchObject({ hosts: 1, usage: 1, pending: 0 });

    const refused = await client.call('POST', users, {
      action: 'custCreate',
      user_info: { email: 'none2@example.com', type: 99 },
    });
    expect(refused).toMatchObject({
      status: 400,
      body: { code: 300, message: 'Validation Failed.', errors: [{ field: 'user_info.type' }] },
    });
    expect(refused.body.errors[0].message).toContain('ssoCreate');
  });

  it('frees a licence when a user becomes type 4, and refuses type 99 on PATCH', async () => {
    const { client, users, ownerId, usage } = await withPlan(1);
    expect(await usage()).toMatchObject({ usage: 1 });
    expect((await client.call('PATCH', `${users}/${ownerId}`, { type: 4 })).status).toBe(204);
    expect(await usage()).toMatchObject({ usage: 0 });
    expect((await client.call('GET', `${users}/${ownerId}`)).body.type).toBe(4);
    const none = await client.call('PATCH', `${users}/${ownerId}`, { type: 99 });
    expect(none).toMatchObject({ status: 400, body: { code: 300, errors: [{ field: 'type' }] } });
    expect((await client.call('PATCH', `${users}/${ownerId}`, { type: 3 })).body.errors).toEqual([
      { field: 'type', message: expect.stringContaining('1 (Basic)') },
    ]);
  });
});

describe('PATCH /accounts/{id}/users/{userId}', () => {
  it('takes any documented field alone', async () => {
    const { client, users, ownerId } = await withPlan(1);
    const patches: Record<string, unknown>[] = [
      { first_name: 'Grace' },
      { last_name: 'Hopper' },
      { dept: 'Engineering' },
      { job_title: 'Rear Admiral' },
      { timezone: 'America/New_York' },
      { display_name: 'Amazing Grace' },
      { pmi: 3216549870 },
      { use_pmi: true },
      { pronouns_option: 2 },
      { host_key: '123456' },
      { custom_attributes: [{ key: 'cbf', name: 'Cost centre', value: '42' }] },
      { phone_numbers: [{ country: 'US', code: '+1', number: '4155550100', label: 'Office' }] },
      { plan_united_type: '64' },
      { feature: { zoom_phone: false } },
      { vanity_name: 'grace' },
    ];
    for (const patch of patches) {
      expect({ patch, status: (await client.call('PATCH', `${users}/${ownerId}`, patch)).status }).toEqual({
        patch,
        status: 204,
      });
    }
    const user = await client.call('GET', `${users}/${ownerId}`);
    expect(user.body).toMatchObject({
      id: ownerId,
      first_name: 'Grace',
      last_name: 'Hopper',
      display_name: 'Amazing Grace',
      dept: 'Engineering',
      job_title: 'Rear Admiral',
      timezone: 'America/New_York',
      pmi: 3216549870,
      use_pmi: true,
      personal_meeting_url: 'https://zoom.us/j/3216549870',
      pronouns_option: 2,
      plan_united_type: '64',
      custom_attributes: [{ key: 'cbf', name: 'Cost centre', value: '42' }],
      type: 2,
      role_id: '0',
      role_name: 'Owner',
    });
    // The host key is not part of a user's details; the list shows it when asked to.
    expect(user.body).not.toHaveProperty('host_key');
    expect((await client.call('PATCH', `${users}/${ownerId}`, { plan_united_type: 'none' })).status).toBe(
      204,
    );
    expect((await client.call('GET', `${users}/${ownerId}`)).body).not.toHaveProperty('plan_united_type');
  });

  it('refuses fields of the wrong shape and fields Zoom does not document, naming each one', async () => {
    const { client, users, ownerId } = await withPlan(1);
    const response = await client.call('PATCH', `${users}/${ownerId}`, {
      dept: 7,
      pmi: 123,
      host_key: '12ab',
      use_pmi: 'yes',
      custom_attributes: [{ key: 'k', colour: 'red' }],
      pronouns_option: 4,
      favourite_colour: 'blue',
    });
    expect(response).toMatchObject({ status: 400, body: { code: 300, message: 'Validation Failed.' } });
    expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual([
      'dept',
      'pmi',
      'host_key',
      'use_pmi',
      'custom_attributes',
      'pronouns_option',
      'favourite_colour',
    ]);
    expect((await client.call('GET', `${users}/${ownerId}`)).body).not.toHaveProperty('dept');
    // A key named after an Object.prototype member is no documented field either.
    const prototypeKeys = await client.call('PATCH', `${users}/${ownerId}`, undefined, {
      body: '{"__proto__":{"type":2},"toString":"x"}',
    });
    expect(prototypeKeys.body.errors.map((error: { field: string }) => error.field)).toEqual([
      '__proto__',
      'toString',
    ]);
    expect((await client.call('PATCH', `${users}/${ownerId}`, {})).status).toBe(204);
  });
});

describe('GET /accounts/{id}/users/{userId}', () => {
  it('finds a user by id or email address, and answers 1001 for anyone else', async () => {
    const { running, client, id, users } = await withPlan(2);
    const user = running.sandbox.zoom.addUser(id, { email: 'Bea@example.com', firstName: 'Bea', type: 2 });
    const byId = await client.call('GET', `${users}/${user.id}`);
    expect(byId.body).toEqual({
      id: user.id,
      email: 'Bea@example.com',
      first_name: 'Bea',
      last_name: '',
      display_name: 'Bea',
      type: 2,
      status: 'active',
      role_id: '2',
      role_name: 'Member',
      pmi: expect.any(Number),
      use_pmi: false,
      personal_meeting_url: expect.stringMatching(/^https:\/\/zoom\.us\/j\/\d{10}$/),
      account_id: id,
      account_number: 100000001,
      verified: 1,
      created_at: '2026-01-15T10:00:00Z',
      user_created_at: '2026-01-15T10:00:00Z',
    });
    expect((await client.call('GET', `${users}/bea@EXAMPLE.com`)).body.id).toBe(user.id);
    expect(await client.call('GET', `${users}/nobody`)).toMatchObject({
      status: 404,
      body: { code: 1001, message: 'User does not exist: nobody.' },
    });
  });
});

describe('GET /accounts/{id}/users: query parameters', () => {
  async function withUsers() {
    const world = await withPlan(3);
    for (let i = 0; i < 4; i++) world.running.sandbox.zoom.addUser(world.id, { email: `m${i}@example.com` });
    return world;
  }
  const emails = (body: { users: { email: string }[] }) => body.users.map((user) => user.email);

  it('honours page_number (deprecated) and refuses it beside a page token', async () => {
    const { client, users } = await withUsers();
    const second = await client.call('GET', `${users}?page_size=2&page_number=2`);
    expect(second.body).toMatchObject({ page_number: 2, page_count: 3, page_size: 2, total_records: 5 });
    expect(emails(second.body)).toEqual(['m1@example.com', 'm2@example.com']);
    const next = await client.call(
      'GET',
      `${users}?page_size=2&next_page_token=${second.body.next_page_token}`,
    );
    expect(next.body).toMatchObject({ page_number: 3, next_page_token: '' });
    expect(emails(next.body)).toEqual(['m3@example.com']);
    const both = await client.call(
      'GET',
      `${users}?page_size=2&page_number=1&next_page_token=${second.body.next_page_token}`,
    );
    expect(both).toMatchObject({ status: 400, body: { code: 300, errors: [{ field: 'page_number' }] } });
    expect((await client.call('GET', `${users}?page_number=-1`)).body.errors).toEqual([
      { field: 'page_number', message: expect.any(String) },
    ]);
  });

  it('adds custom attributes or host keys only when include_fields asks for them', async () => {
    const { client, users, ownerId } = await withUsers();
    await client.call('PATCH', `${users}/${ownerId}`, {
      host_key: '654321',
      custom_attributes: [{ key: 'k1', name: 'Region', value: 'APAC' }],
    });
    const plain = (await client.call('GET', users)).body.users[0];
    expect(plain).not.toHaveProperty('host_key');
    expect(plain).not.toHaveProperty('custom_attributes');
    const keys = (await client.call('GET', `${users}?include_fields=host_key`)).body.users;
    expect(keys[0]).toMatchObject({ id: ownerId, host_key: '654321' });
    expect(keys[0]).not.toHaveProperty('custom_attributes');
    expect(keys[1]).not.toHaveProperty('host_key');
    const attributes = (await client.call('GET', `${users}?include_fields=custom_attributes`)).body.users;
    expect(attributes[0].custom_attributes).toEqual([{ key: 'k1', name: 'Region', value: 'APAC' }]);
    expect(attributes[1].custom_attributes).toEqual([]);
    expect(await client.call('GET', `${users}?include_fields=password`)).toMatchObject({
      status: 400,
      body: { code: 300, errors: [{ field: 'include_fields' }] },
    });
  });

  it('filters by role_id', async () => {
    const { client, users, ownerId } = await withUsers();
    const owners = await client.call('GET', `${users}?role_id=0`);
    expect(owners.body.users.map((user: { id: string }) => user.id)).toEqual([ownerId]);
    expect(owners.body.total_records).toBe(1);
    expect((await client.call('GET', `${users}?role_id=2`)).body.total_records).toBe(4);
    expect((await client.call('GET', `${users}?role_id=1`)).body).toMatchObject({
      total_records: 0,
      users: [],
    });
  });

  it('filters by license, which no sandbox user holds, and refuses an undocumented licence', async () => {
    const { client, users } = await withUsers();
    for (const licence of ['zoom_workforce_management', 'zoom_compliance_management']) {
      expect((await client.call('GET', `${users}?license=${licence}`)).body).toMatchObject({
        total_records: 0,
        users: [],
      });
    }
    expect(await client.call('GET', `${users}?license=zoom_phone`)).toMatchObject({
      status: 400,
      body: { code: 300, errors: [{ field: 'license' }] },
    });
  });

  it('keeps a page token to the listing that gave it', async () => {
    const { client, users } = await withUsers();
    const first = await client.call('GET', `${users}?page_size=1&role_id=2`);
    expect(
      (await client.call('GET', `${users}?page_size=1&next_page_token=${first.body.next_page_token}`)).body,
    ).toEqual({ code: 300, message: 'The next page token is invalid or expired.' });
  });
});
