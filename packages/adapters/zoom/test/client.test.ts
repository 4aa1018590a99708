import {
  type ClientOptions,
  createClient,
  IdempotencyKeyReuseError,
  PaginationError,
  PartiallyAppliedError,
  RedirectError,
  ValidationError,
} from '@channelkit/core';
import { createSandbox, ZOOM_SANDBOX_CREDENTIALS } from '@channelkit/sandbox';
import { zoom } from '@channelkit/zoom';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { provisionInput, server } from './harness';

function clientOverSandbox(options: ClientOptions = {}) {
  const sandbox = createSandbox({ seed: 11 });
  server.use(...sandbox.handlers());
  const client = createClient(zoom({ ...ZOOM_SANDBOX_CREDENTIALS }), {
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
    ...options,
  });
  const sent = (method: string, path: RegExp) =>
    sandbox.requests.filter((request) => request.method === method && path.test(request.path));
  return { sandbox, client, sent };
}

describe('through createClient', () => {
  it('provisions, lists, changes seats and closes, with outputs the client validates', async () => {
    const { sandbox, client } = clientOverSandbox();
    const events: string[] = [];
    client.on('account.provisioned', () => events.push('account.provisioned'));

    const account = await client.accounts.provision(provisionInput({ seats: 5 }));
    for (const index of [1, 2, 3]) sandbox.zoom.createAccount({ email: `other${index}@client.example` });

    const listed = await client.accounts.list({ pageSize: 2 }).collect({ limit: 10 });
    const licences = await client.licences.set(account.id, { seats: 7 });
    const closed = await client.accounts.close(account.id);

    expect(events).toEqual(['account.provisioned']);
    expect(listed.map((entry) => entry.id)).toContain(account.id);
    expect(listed).toHaveLength(4);
    expect(licences.seats.purchased).toBe(7);
    expect(closed.status).toBe('closed');
  });

  it('refuses the operations Zoom lacks with UnsupportedOperationError', async () => {
    const { client } = clientOverSandbox();
    expect(client.capabilities.accounts.suspend).toBe(false);
    await expect(client.accounts.suspend('abc')).rejects.toMatchObject({ name: 'UnsupportedOperationError' });
    await expect(client.accounts.resume('abc')).rejects.toMatchObject({ name: 'UnsupportedOperationError' });
  });

  it('never sends DELETE /v2/accounts for close(".") or close("me")', async () => {
    const { sandbox, client } = clientOverSandbox();
    for (const id of ['.', '..', 'me', 'abc/..', 'abc\u0000']) {
      await expect(client.accounts.close(id)).rejects.toBeInstanceOf(ValidationError);
    }
    expect(sandbox.requests).toHaveLength(0);
  });
});

describe('idempotency keys over Zoom', () => {
  it('replays a provision without a request, and refuses the key for another customer', async () => {
    const { sandbox, client } = clientOverSandbox();
    const first = await client.accounts.provision(provisionInput(), { idempotencyKey: 'crm-42-provision' });
    const requests = sandbox.requests.length;

    await expect(
      client.accounts.provision(provisionInput(), { idempotencyKey: 'crm-42-provision' }),
    ).resolves.toEqual(first);
    const other = provisionInput();
    other.admin.email = 'bob@other.example';
    await expect(
      client.accounts.provision(other, { idempotencyKey: 'crm-42-provision' }),
    ).rejects.toBeInstanceOf(IdempotencyKeyReuseError);

    expect(sandbox.requests).toHaveLength(requests);
    expect(sandbox.zoom.listAccounts()).toHaveLength(1);
  });

  it('finishes a provision whose plan failed when it is repeated with the same key, creating one account', async () => {
    const { sandbox, client, sent } = clientOverSandbox({ maxRetries: 0 });
    sandbox.faults.add({ method: 'POST', path: /\/plans$/, fault: { kind: 'rate_limit' }, times: 1 });
    const events: string[] = [];
    client.on('account.provisioned', (event) => events.push(event.id));

    const failure = await client.accounts
      .provision(provisionInput(), { idempotencyKey: 'crm-42-provision' })
      .catch((error: unknown) => error);

    const [created] = sandbox.zoom.listAccounts();
    expect(failure).toBeInstanceOf(PartiallyAppliedError);
    expect(failure).toMatchObject({
      platform: 'zoom',
      operation: 'accounts.provision',
      resourceId: created?.id,
      applied: [`created sub-account ${created?.id}`],
      remaining: ['subscribe base plan business_yearly with 10 seats'],
    });
    expect((failure as Error).message).toContain(`continues with sub-account ${created?.id}`);
    expect((failure as Error).cause).toMatchObject({ name: 'RateLimitError' });
    expect(created?.plan).toBeUndefined();
    expect(events).toEqual([]);

    const account = await client.accounts.provision(provisionInput(), { idempotencyKey: 'crm-42-provision' });

    expect(account.id).toBe(created?.id);
    expect(sandbox.zoom.listAccounts()).toHaveLength(1);
    expect(sandbox.zoom.getAccount(account.id)?.plan).toMatchObject({ type: 'business_yearly', hosts: 10 });
    expect(sent('POST', /^\/v2\/accounts$/)).toHaveLength(1);
    expect(sent('GET', /^\/v2\/accounts$/)).toHaveLength(0);
    expect(events).toEqual(['zoom:account.provisioned:crm-42-provision']);
  });

  it('returns what licences.set established when the read that follows it fails, and announces it', async () => {
    const { sandbox, client, sent } = clientOverSandbox({ maxRetries: 0 });
    const account = await client.accounts.provision(provisionInput({ seats: 5 }));
    sandbox.faults.add({ method: 'GET', path: /\/plans$/, fault: { kind: 'rate_limit' }, times: 1 });
    const changes: number[] = [];
    client.on('licence.changed', (event) => changes.push(event.current.seats.purchased));

    const state = await client.licences.set(account.id, { seats: 8 });

    expect(state).toEqual({
      accountId: account.id,
      partner: 'zoom',
      plan: 'business_yearly',
      seats: { purchased: 8, assigned: expect.any(Number), pending: expect.any(Number) },
      commitment: 'annual',
    });
    expect(sandbox.zoom.getAccount(account.id)?.plan).toMatchObject({ hosts: 8 });
    expect(sent('PUT', /\/plans\/base$/)).toHaveLength(1);
    expect(changes).toEqual([8]);
  });

  it('fails licences.set with RedirectError when the PUT is answered 301, emitting no licence.changed', async () => {
    const { sandbox, client, sent } = clientOverSandbox();
    const account = await client.accounts.provision(provisionInput({ seats: 5 }));
    // The platform answers the write with a redirect: it was not applied, and is neither followed nor repeated.
    server.use(
      http.put('https://api.zoom.us/v2/accounts/:id/plans/base', ({ params }) =>
        HttpResponse.json(null, {
          status: 301,
          headers: { location: `https://api.zoom.us/v2/accounts/${String(params.id)}/plans/base` },
        }),
      ),
    );
    const changes: number[] = [];
    client.on('licence.changed', (event) => changes.push(event.current.seats.purchased));

    const failure = await client.licences.set(account.id, { seats: 8 }).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(RedirectError);
    expect(failure).toMatchObject({ status: 301 });
    expect(changes).toEqual([]);
    expect(sandbox.zoom.getAccount(account.id)?.plan).toMatchObject({ hosts: 5 });
    expect(sent('PUT', /\/plans\/base$/)).toHaveLength(0); // the sandbox never saw it: not followed, not retried
  });

  it('returns the same account when a provision is repeated after a restart (a new client, nothing remembered)', async () => {
    const { sandbox, client } = clientOverSandbox();
    const first = await client.accounts.provision(provisionInput(), { idempotencyKey: 'crm-42-provision' });

    // A new process: a new client with an empty idempotency store, over the same platform.
    const restarted = createClient(zoom({ ...ZOOM_SANDBOX_CREDENTIALS }), {
      retry: { baseDelayMs: 5, maxDelayMs: 20 },
    });
    const again = await restarted.accounts.provision(provisionInput(), {
      idempotencyKey: 'crm-42-provision',
    });

    expect(again.id).toBe(first.id);
    expect(sandbox.zoom.listAccounts()).toHaveLength(1);
    expect(sandbox.zoom.getAccount(first.id)?.plan).toMatchObject({ hosts: 10 });
  });

  it('bounds listings with the client’s pagination option', async () => {
    const { sandbox, client } = clientOverSandbox({ pagination: { maxPages: 2 } });
    for (const index of [1, 2, 3]) sandbox.zoom.createAccount({ email: `owner${index}@bounded.example` });
    await expect(client.accounts.list({ pageSize: 1 }).collect({ limit: 10 })).rejects.toBeInstanceOf(
      PaginationError,
    );
    await expect(client.accounts.list({ pageSize: 2 }).collect({ limit: 10 })).resolves.toHaveLength(3);
  });
});
