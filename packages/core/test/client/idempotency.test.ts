import {
  AbortError,
  type ClientEventMap,
  ConfigurationError,
  createMemoryIdempotencyStore,
  IdempotencyKeyInUseError,
  IdempotencyKeyReuseError,
  type IdempotencyStore,
  PartiallyAppliedError,
} from '@channelkit/core';
import { delay, HttpResponse, http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import {
  baseURL,
  customer,
  received,
  requestLines,
  server,
  startPlatform,
  testClient,
} from './test-platform';

function provisioned(client: ReturnType<typeof testClient>['client']) {
  const events: ClientEventMap['account.provisioned'][] = [];
  client.on('account.provisioned', (event) => events.push(event));
  return events;
}

describe('idempotency keys', () => {
  it('replays the result of the same key and input without sending anything or emitting again', async () => {
    const platform = startPlatform();
    const { client } = testClient();
    const events = provisioned(client);

    const first = await client.accounts.provision(customer(1), { idempotencyKey: 'crm-1-provision' });
    const sentByFirst = received.length;
    // The same input written in another key order has the same fingerprint.
    const { admin, profile } = customer(1);
    const again = await client.accounts.provision({ admin, profile }, { idempotencyKey: 'crm-1-provision' });

    expect(again).toEqual(first);
    expect(received).toHaveLength(sentByFirst);
    expect(platform.accounts.size).toBe(1);
    expect(events.map((event) => event.id)).toEqual(['umeet:account.provisioned:crm-1-provision']);
  });

  it('replays licences.set, suspend, resume and close too', async () => {
    const platform = startPlatform();
    const { client } = testClient();
    const account = await client.accounts.provision(customer(2));
    const changes: number[] = [];
    client.on('licence.changed', (event) => changes.push(event.current.seats.purchased));

    const set = await client.licences.set(account.id, { seats: 5 }, { idempotencyKey: 'set-5' });
    const suspended = await client.accounts.suspend(account.id, { idempotencyKey: 'suspend-1' });
    const resumed = await client.accounts.resume(account.id, { idempotencyKey: 'resume-1' });
    const closed = await client.accounts.close(account.id, { idempotencyKey: 'close-1' });
    const sent = requestLines();

    // Changed behind the client's back: a replay still answers what the call returned, without a request.
    const stored = platform.accounts.get(account.id);
    if (stored) stored.seats = 9;
    await expect(client.licences.set(account.id, { seats: 5 }, { idempotencyKey: 'set-5' })).resolves.toEqual(
      set,
    );
    await expect(client.accounts.suspend(account.id, { idempotencyKey: 'suspend-1' })).resolves.toEqual(
      suspended,
    );
    await expect(client.accounts.resume(account.id, { idempotencyKey: 'resume-1' })).resolves.toEqual(
      resumed,
    );
    await expect(client.accounts.close(account.id, { idempotencyKey: 'close-1' })).resolves.toEqual(closed);

    expect(requestLines()).toEqual(sent);
    expect(set.seats.purchased).toBe(5);
    expect([suspended.status, resumed.status, closed.status]).toEqual(['suspended', 'active', 'closed']);
    expect(changes).toEqual([5]);
  });

  it('refuses the same key with another input, or for another operation, before sending anything', async () => {
    const platform = startPlatform();
    const { client } = testClient();
    const account = await client.accounts.provision(customer(3), { idempotencyKey: 'crm-3' });
    const sent = received.length;

    const otherInput = await client.accounts
      .provision(customer(4), { idempotencyKey: 'crm-3' })
      .catch((error: unknown) => error);
    expect(otherInput).toBeInstanceOf(IdempotencyKeyReuseError);
    expect(otherInput).toMatchObject({
      code: 'idempotency_key_reuse',
      idempotencyKey: 'crm-3',
      operation: 'accounts.provision',
      firstOperation: 'accounts.provision',
      message: expect.stringMatching(/"crm-3".*accounts\.provision with a different input.*new key/),
    });

    const otherOperation = await client.licences
      .set(account.id, { seats: 2 }, { idempotencyKey: 'crm-3' })
      .catch((error: unknown) => error);
    expect(otherOperation).toBeInstanceOf(IdempotencyKeyReuseError);
    expect(otherOperation).toMatchObject({ operation: 'licences.set', firstOperation: 'accounts.provision' });
    expect((otherOperation as Error).message).toContain(
      'already used for accounts.provision, not licences.set',
    );

    expect(received).toHaveLength(sent);
    expect(platform.accounts.size).toBe(1);
  });

  it('runs a key once while it is in flight: a concurrent call waits and gets the same result', async () => {
    const platform = startPlatform();
    const { client } = testClient();
    const events = provisioned(client);

    const calls = await Promise.all([
      client.accounts.provision(customer(5, 3), { idempotencyKey: 'crm-5' }),
      client.accounts.provision(customer(5, 3), { idempotencyKey: 'crm-5' }),
      client.accounts.provision(customer(5, 3), { idempotencyKey: 'crm-5' }),
    ]);

    expect(new Set(calls.map((account) => account.id)).size).toBe(1);
    expect(requestLines().filter((line) => line === 'POST /accounts')).toHaveLength(1);
    expect(platform.accounts.size).toBe(1);
    expect(events).toHaveLength(1);
  });

  it('refuses another input for a key that is in flight, without waiting', async () => {
    startPlatform();
    const { client } = testClient();
    const running = client.accounts.provision(customer(6), { idempotencyKey: 'crm-6' });
    await expect(client.accounts.provision(customer(7), { idempotencyKey: 'crm-6' })).rejects.toBeInstanceOf(
      IdempotencyKeyReuseError,
    );
    await running;
    expect(requestLines().filter((line) => line === 'POST /accounts')).toHaveLength(1);
  });

  it('lets a caller stop waiting for a call in flight without stopping it', async () => {
    const platform = startPlatform();
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    server.use(
      http.post(`${baseURL}/accounts`, async () => {
        await gate;
        platform.accounts.set('a-9', {
          id: 'a-9',
          name: 'Example 8 Pte. Ltd.',
          owner: 'admin-8@example.com',
          state: 'live',
          seats: null,
          created: '2026-01-02T03:04:05Z',
        });
        return HttpResponse.json(platform.accounts.get('a-9'), { status: 201 });
      }),
    );
    const { client } = testClient();
    const leader = client.accounts.provision(customer(8), { idempotencyKey: 'crm-8' });
    const controller = new AbortController();
    const waiter = client.accounts.provision(customer(8), {
      idempotencyKey: 'crm-8',
      signal: controller.signal,
    });
    controller.abort();
    await expect(waiter).rejects.toBeInstanceOf(AbortError);
    release();
    await expect(leader).resolves.toMatchObject({ id: 'a-9' });
  });

  it('frees the key of a failed call, so that a retry runs (and may carry another input)', async () => {
    const platform = startPlatform();
    let refusals = 1;
    server.use(
      http.post(`${baseURL}/accounts`, () => {
        if (refusals-- > 0) return HttpResponse.json({ message: 'refused' }, { status: 400 });
        return undefined;
      }),
    );
    const { client } = testClient();
    await expect(client.accounts.provision(customer(9), { idempotencyKey: 'crm-9' })).rejects.toMatchObject({
      name: 'BadRequestError',
    });
    const account = await client.accounts.provision(customer(10), { idempotencyKey: 'crm-9' });
    expect(account.name).toBe('Example 10 Pte. Ltd.');
    expect(requestLines().filter((line) => line === 'POST /accounts')).toHaveLength(2);
    expect(platform.accounts.size).toBe(1);
  });

  it('keeps the progress of a change applied in part, and hands it to the repeat, which finishes it', async () => {
    const platform = startPlatform();
    const { adapter, client } = testClient({ maxRetries: 0 });
    platform.failSeatsWith = 503;

    const failure = await client.accounts
      .provision(customer(11, 4), { idempotencyKey: 'crm-11' })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PartiallyAppliedError);
    expect(failure).toMatchObject({
      resourceId: 'a-1',
      applied: ['created account a-1'],
      remaining: ['set 4 seats'],
    });

    // Same key, other input: still refused, the key is bound to the customer whose account exists.
    await expect(
      client.accounts.provision(customer(12, 4), { idempotencyKey: 'crm-11' }),
    ).rejects.toBeInstanceOf(IdempotencyKeyReuseError);

    platform.failSeatsWith = undefined;
    const account = await client.accounts.provision(customer(11, 4), { idempotencyKey: 'crm-11' });

    expect(account.id).toBe('a-1');
    expect(platform.accounts.size).toBe(1);
    expect(platform.accounts.get('a-1')?.seats).toBe(4);
    expect(requestLines().filter((line) => line === 'POST /accounts')).toHaveLength(1);
    expect(adapter.calls.resumes).toEqual([
      undefined,
      { resourceId: 'a-1', applied: ['created account a-1'], remaining: ['set 4 seats'] },
    ]);
    // And now it is complete: a third call replays.
    const sent = received.length;
    await expect(client.accounts.provision(customer(11, 4), { idempotencyKey: 'crm-11' })).resolves.toEqual(
      account,
    );
    expect(received).toHaveLength(sent);
  });

  it('does not remember keys it generated itself', async () => {
    const platform = startPlatform();
    const { adapter, client } = testClient();
    await client.accounts.provision(customer(13));
    await client.accounts.provision(customer(14));
    expect(platform.accounts.size).toBe(2);
    expect(adapter.calls.keys[0]).not.toBe(adapter.calls.keys[1]);
  });

  it('forgets a key once its time to live has passed', async () => {
    const platform = startPlatform();
    let now = 1_750_000_000_000;
    const store = createMemoryIdempotencyStore({ now: () => now });
    const { client } = testClient({ idempotency: { store, ttlMs: 60_000 } });
    await client.accounts.provision(customer(15), { idempotencyKey: 'crm-15' });
    now += 59_999;
    await client.accounts.provision(customer(15), { idempotencyKey: 'crm-15' });
    expect(platform.accounts.size).toBe(1);
    now += 2;
    await client.accounts.provision(customer(15), { idempotencyKey: 'crm-15' });
    expect(requestLines().filter((line) => line === 'POST /accounts')).toHaveLength(2);
  });

  it('keeps a result 24 hours by default', async () => {
    startPlatform();
    let now = 1_750_000_000_000;
    const { client } = testClient({
      idempotency: { store: createMemoryIdempotencyStore({ now: () => now }) },
    });
    await client.accounts.provision(customer(21), { idempotencyKey: 'crm-21' });
    now += 86_400_000 - 1;
    await client.accounts.provision(customer(21), { idempotencyKey: 'crm-21' });
    expect(requestLines().filter((line) => line === 'POST /accounts')).toHaveLength(1);
    now += 2;
    await client.accounts.provision(customer(21), { idempotencyKey: 'crm-21' });
    expect(requestLines().filter((line) => line === 'POST /accounts')).toHaveLength(2);
  });

  it('lets a call in another client take over a key whose holder has been silent for 10 minutes, by default', async () => {
    startPlatform();
    server.use(http.post(`${baseURL}/accounts`, async () => delay('infinite')));
    let now = 1_750_000_000_000;
    const store = createMemoryIdempotencyStore({ now: () => now });
    const crashed = testClient({ idempotency: { store }, maxRetries: 0 }).client;
    const other = testClient({ idempotency: { store }, maxRetries: 0 }).client;
    const controller = new AbortController();
    const running = crashed.accounts
      .provision(customer(22), { idempotencyKey: 'crm-22', signal: controller.signal })
      .catch((e: unknown) => e);
    await vi.waitFor(() => expect(received).toHaveLength(1));

    now += 600_000 - 1;
    await expect(other.accounts.provision(customer(22), { idempotencyKey: 'crm-22' })).rejects.toBeInstanceOf(
      IdempotencyKeyInUseError,
    );
    expect(received).toHaveLength(1);
    now += 1;
    const takeover = other.accounts
      .provision(customer(22), { idempotencyKey: 'crm-22', signal: controller.signal })
      .catch((e: unknown) => e);
    await vi.waitFor(() => expect(received).toHaveLength(2));

    controller.abort();
    expect(await running).toBeInstanceOf(AbortError);
    expect(await takeover).toBeInstanceOf(AbortError);
  });

  it('separates keys by partner and adapter scope in a shared store', async () => {
    const platform = startPlatform();
    const store = createMemoryIdempotencyStore();
    const masterOne = testClient({ idempotency: { store } }, 'master-1').client;
    const masterTwo = testClient({ idempotency: { store } }, 'master-2').client;
    const masterOneAgain = testClient({ idempotency: { store } }, 'master-1').client;

    await masterOne.accounts.provision(customer(16), { idempotencyKey: 'crm-16' });
    await masterTwo.accounts.provision(customer(17), { idempotencyKey: 'crm-16' });
    expect(platform.accounts.size).toBe(2);

    const sent = received.length;
    await masterOneAgain.accounts.provision(customer(16), { idempotencyKey: 'crm-16' });
    expect(received).toHaveLength(sent);
  });

  it('reports a key running in another client of the shared store as in use, sending nothing', async () => {
    startPlatform();
    server.use(http.post(`${baseURL}/accounts`, async () => delay('infinite')));
    const store = createMemoryIdempotencyStore();
    const first = testClient({ idempotency: { store }, maxRetries: 0 }).client;
    const second = testClient({ idempotency: { store } }).client;
    const controller = new AbortController();
    const running = first.accounts.provision(customer(18), {
      idempotencyKey: 'crm-18',
      signal: controller.signal,
    });
    await vi.waitFor(() => expect(received).toHaveLength(1));
    const sent = received.length;

    const error = await second.accounts
      .provision(customer(18), { idempotencyKey: 'crm-18' })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(IdempotencyKeyInUseError);
    expect(error).toMatchObject({
      code: 'idempotency_key_in_use',
      retryable: true,
      idempotencyKey: 'crm-18',
    });
    expect(received).toHaveLength(sent);
    controller.abort();
    await expect(running).rejects.toBeInstanceOf(AbortError);
  });

  it('returns the result even when the store cannot record it, and logs why', async () => {
    const platform = startPlatform();
    const memory = createMemoryIdempotencyStore();
    const broken: IdempotencyStore = {
      claim: (request) => memory.claim(request),
      complete: () => Promise.reject(new Error('store offline')),
      release: (key, token, keep) => memory.release(key, token, keep),
    };
    const errors: string[] = [];
    const log = () => {};
    const { client } = testClient({
      idempotency: { store: broken },
      logger: { debug: log, info: log, warn: log, error: (message) => errors.push(message) },
    });
    await expect(
      client.accounts.provision(customer(19), { idempotencyKey: 'crm-19' }),
    ).resolves.toMatchObject({
      id: 'a-1',
    });
    expect(platform.accounts.size).toBe(1);
    expect(errors).toEqual([expect.stringContaining('could not record a result')]);
  });

  it('refuses bad idempotency options and keys', async () => {
    startPlatform();
    expect(() => testClient({ idempotency: { ttlMs: 0 } })).toThrow(ConfigurationError);
    expect(() => testClient({ idempotency: { ttlMs: 0 } })).toThrow(/idempotency\.ttlMs/);
    expect(() => testClient({ idempotency: { leaseMs: 1.5 } })).toThrow(/idempotency\.leaseMs/);
    expect(() => testClient({ idempotency: { store: {} as IdempotencyStore } })).toThrow(
      /idempotency\.store/,
    );
    const { client } = testClient();
    for (const idempotencyKey of ['', '   ', 'x'.repeat(256), 'a\u0000b', 'a\ud800']) {
      await expect(client.accounts.provision(customer(20), { idempotencyKey })).rejects.toMatchObject({
        name: 'ValidationError',
        field: 'idempotencyKey',
      });
    }
    expect(received).toHaveLength(0);
  });
});
