import { type RunningSandbox, startSandbox } from '@channelkit/sandbox';
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock, newAccount, zoomClient } from './helpers';

let running: RunningSandbox | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function start(options: Parameters<typeof startSandbox>[0] = {}) {
  running = await startSandbox(options);
  return { running, client: zoomClient(running.zoom) };
}

describe('POST /accounts', () => {
  it('creates a sub-account with its owner user', async () => {
    const { running, client } = await start({ now: manualClock(Date.parse('2026-03-04T05:06:07.890Z')).now });
    const created = await client.call('POST', '/accounts', newAccount('ada@example.com'));
    expect(created.status).toBe(201);
    expect(created.headers.get('x-zm-trackingid')).toBeTruthy();
    expect(created.body).toEqual({
      id: expect.any(String),
      owner_id: expect.any(String),
      owner_email: 'ada@example.com',
      created_at: '2026-03-04T05:06:07Z',
    });
    const account = running.sandbox.zoom.getAccount(created.body.id);
    expect(account).toMatchObject({ accountName: 'Ada Lovelace', payMode: 'master', associated: true });
    expect(account?.users).toEqual([
      {
        id: created.body.owner_id,
        email: 'ada@example.com',
        firstName: 'Ada',
        lastName: 'Lovelace',
        type: 1,
        status: 'active',
      },
    ]);
  });

  it('reports every invalid field with code 300', async () => {
    const { running, client } = await start();
    const response = await client.call('POST', '/accounts', {
      first_name: '',
      email: 'not-an-email',
      password: 'short1',
      account_name: 'x'.repeat(65),
      options: { pay_mode: 'nobody' },
    });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe(300);
    expect(response.body.message).toBe('Validation Failed.');
    expect(response.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(
      ['account_name', 'email', 'first_name', 'last_name', 'options.pay_mode', 'password'].sort(),
    );
    expect(running.sandbox.zoom.listAccounts()).toEqual([]);
  });

  it.each(['onlyletters', '12345678', 'a1'.repeat(17)])('rejects the password %s', async (password) => {
    const { client } = await start();
    const response = await client.call('POST', '/accounts', newAccount('ada@example.com', { password }));
    expect(response.body.errors).toEqual([{ field: 'password', message: expect.any(String) }]);
  });

  it('answers 400 code 300 for a body that is not JSON', async () => {
    const { client } = await start();
    const response = await client.call('POST', '/accounts', undefined, { body: '{nope' });
    expect(response).toMatchObject({ status: 400, body: { code: 300 } });
  });

  it('answers 409 code 1005 when the owner email already owns a sub-account', async () => {
    const { client } = await start();
    await client.call('POST', '/accounts', newAccount('ada@example.com'));
    const again = await client.call('POST', '/accounts', newAccount('ADA@example.com'));
    expect(again).toMatchObject({
      status: 409,
      body: { code: 1005, message: 'Email ADA@example.com is already in use.' },
    });
  });

  it('keeps account name and options', async () => {
    const { client } = await start();
    const options = { pay_mode: 'sub', share_rc: true, share_mc: false, billing_auto_renew: true };
    const created = await client.call(
      'POST',
      '/accounts',
      newAccount('a@example.com', { account_name: 'Acme', options }),
    );
    const fetched = await client.call('GET', `/accounts/${created.body.id}`);
    expect(fetched).toMatchObject({ status: 200 });
    // Zoom's documented answer names no account: only GET /accounts carries account_name.
    expect(fetched.body).toEqual({
      id: created.body.id,
      owner_id: created.body.owner_id,
      owner_email: 'a@example.com',
      created_at: created.body.created_at,
      options,
      vanity_url: '',
    });
    const listed = await client.call('GET', '/accounts');
    expect(listed.body.accounts[0]).toMatchObject({ id: created.body.id, account_name: 'Acme' });
  });
});

describe('GET /accounts', () => {
  it('pages in creation order with next_page_token', async () => {
    const { client } = await start();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push((await client.call('POST', '/accounts', newAccount(`u${i}@example.com`))).body.id);
    const first = await client.call('GET', '/accounts?page_size=2');
    expect(first.body).toMatchObject({ page_count: 3, page_number: 1, page_size: 2, total_records: 5 });
    expect(first.body.accounts[0]).toEqual({
      id: ids[0],
      account_name: 'Ada Lovelace',
      owner_email: 'u0@example.com',
      account_type: 'Basic',
      seats: 0,
      created_at: expect.any(String),
      account_number: '100000001',
    });
    const seen = [...first.body.accounts];
    let token: string = first.body.next_page_token;
    while (token) {
      const page = await client.call('GET', `/accounts?page_size=2&next_page_token=${token}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.accounts);
      token = page.body.next_page_token;
    }
    expect(seen.map((account) => account.id)).toEqual(ids);
  });

  it('reports plan type, seats and subscription dates of subscribed accounts', async () => {
    const { running, client } = await start({ now: manualClock().now });
    const { id } = running.sandbox.zoom.createAccount({ email: 'a@example.com' });
    running.sandbox.zoom.setPlan(id, { type: 'business_yearly', hosts: 12 });
    const list = await client.call('GET', '/accounts');
    expect(list.body.accounts[0]).toMatchObject({
      account_type: 'Business',
      seats: 12,
      subscription_start_time: '2026-01-15T10:00:00Z',
      subscription_end_time: '2027-01-15T10:00:00Z',
    });
  });

  it.each(['301', '0', 'abc'])('rejects page_size=%s with code 300', async (size) => {
    const { client } = await start();
    const response = await client.call('GET', `/accounts?page_size=${size}`);
    expect(response).toMatchObject({ status: 400, body: { code: 300, errors: [{ field: 'page_size' }] } });
  });

  it('expires page tokens after 15 minutes', async () => {
    const clock = manualClock();
    const { running, client } = await start({ now: clock.now });
    for (let i = 0; i < 3; i++) running.sandbox.zoom.createAccount({ email: `u${i}@example.com` });
    const first = await client.call('GET', '/accounts?page_size=1');
    clock.advance(14 * 60_000);
    const second = await client.call(
      'GET',
      `/accounts?page_size=1&next_page_token=${first.body.next_page_token}`,
    );
    expect(second.status).toBe(200);
    clock.advance(15 * 60_000);
    const third = await client.call(
      'GET',
      `/accounts?page_size=1&next_page_token=${second.body.next_page_token}`,
    );
    expect(third).toMatchObject({
      status: 400,
      body: { code: 300, message: 'The next page token is invalid or expired.' },
    });
  });

  it('honours the deprecated page_number, and refuses it beside a page token', async () => {
    const { running, client } = await start();
    const ids = Array.from(
      { length: 5 },
      (_, i) => running.sandbox.zoom.createAccount({ email: `p${i}@example.com` }).id,
    );
    const third = await client.call('GET', '/accounts?page_size=2&page_number=3');
    expect(third.body).toMatchObject({
      page_number: 3,
      page_count: 3,
      total_records: 5,
      next_page_token: '',
    });
    expect(third.body.accounts.map((account: { id: string }) => account.id)).toEqual([ids[4]]);
    const second = await client.call('GET', '/accounts?page_size=2&page_number=2');
    expect(second.body.accounts.map((account: { id: string }) => account.id)).toEqual([ids[2], ids[3]]);
    // The token a page_number page gives continues from there.
    const next = await client.call(
      'GET',
      `/accounts?page_size=2&next_page_token=${second.body.next_page_token}`,
    );
    expect(next.body).toMatchObject({ page_number: 3, accounts: [{ id: ids[4] }] });
    expect((await client.call('GET', '/accounts?page_size=2&page_number=9')).body.accounts).toEqual([]);
    for (const query of [
      'page_number=0',
      'page_number=x',
      `page_number=2&next_page_token=${second.body.next_page_token}`,
    ]) {
      expect(await client.call('GET', `/accounts?${query}`)).toMatchObject({
        status: 400,
        body: { code: 300, message: 'Validation Failed.', errors: [{ field: 'page_number' }] },
      });
    }
  });

  it('rejects an unknown page token', async () => {
    const { client } = await start();
    const response = await client.call('GET', '/accounts?next_page_token=made-up');
    expect(response).toMatchObject({ status: 400, body: { code: 300 } });
  });
});

describe('GET and DELETE /accounts/{id}', () => {
  it('answers 404 code 2001 for an unknown account', async () => {
    const { client } = await start();
    expect(await client.call('GET', '/accounts/nope')).toMatchObject({
      status: 404,
      body: { code: 2001, message: 'Account does not exist: nope.' },
    });
  });

  it('disassociates: the account is then unknown to the master and its email free again', async () => {
    const { running, client } = await start();
    const created = await client.call('POST', '/accounts', newAccount('a@example.com'));
    const removed = await client.call('DELETE', `/accounts/${created.body.id}`);
    expect(removed).toMatchObject({ status: 204, body: undefined });
    expect((await client.call('GET', `/accounts/${created.body.id}`)).body.code).toBe(2001);
    expect((await client.call('DELETE', `/accounts/${created.body.id}`)).status).toBe(404);
    expect((await client.call('GET', '/accounts')).body.total_records).toBe(0);
    expect(running.sandbox.zoom.getAccount(created.body.id)?.associated).toBe(false);
    expect((await client.call('POST', '/accounts', newAccount('a@example.com'))).status).toBe(201);
  });

  it('answers 404 for endpoints it does not model', async () => {
    const { client } = await start();
    expect((await client.call('GET', '/users/me')).status).toBe(404);
  });
});
