import {
  type FaultRule,
  type RunningSandbox,
  type StartSandboxOptions,
  startSandbox,
} from '@channelkit/sandbox';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newAccount, zoomClient } from './helpers';

let running: RunningSandbox | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await running?.close();
  running = undefined;
});

/** Starts a sandbox and a client holding a token; `faults` are installed once the token is fetched. */
async function start({ faults = [], ...options }: StartSandboxOptions = {}) {
  running = await startSandbox(options);
  const client = zoomClient(running.zoom);
  client.token = await client.fetchToken();
  running.sandbox.clearRequests();
  for (const rule of faults) running.sandbox.faults.add(rule);
  return { running, client };
}

/**
 * Sends `GET /accounts` with the sandbox's timers in virtual time, and reports the record of the request once the
 * sandbox has received it: the answer then leaves only when the test moves the clock, whatever the machine's load.
 */
async function callInVirtualTime(client: Awaited<ReturnType<typeof start>>['client']) {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const call = client.call('GET', '/accounts');
  while (running?.sandbox.requests.length === 0) await new Promise((resolve) => setImmediate(resolve));
  return { call, record: () => running?.sandbox.requests[0] };
}

describe('faults', () => {
  it('adds latency', async () => {
    const { client } = await start({ faults: [{ method: 'GET', fault: { kind: 'latency', ms: 300 } }] });
    const { call, record } = await callInVirtualTime(client);

    await vi.advanceTimersByTimeAsync(299);
    // Still held: the request has not been processed yet.
    expect(record()).toMatchObject({ fault: 'latency', status: undefined });
    await vi.advanceTimersByTimeAsync(1);
    expect((await call).status).toBe(200);
    expect(record()).toMatchObject({ fault: 'latency', status: 200 });
  });

  it('composes latency with another fault', async () => {
    const { client } = await start({
      faults: [{ fault: { kind: 'latency', ms: 200 } }, { fault: { kind: 'server_error', status: 502 } }],
    });
    const { call, record } = await callInVirtualTime(client);

    await vi.advanceTimersByTimeAsync(199);
    expect(record()).toMatchObject({ fault: 'latency', status: undefined });
    await vi.advanceTimersByTimeAsync(1);
    expect(await call).toMatchObject({ status: 502, body: { code: 502, message: 'Bad Gateway' } });
    expect(record()).toMatchObject({ fault: 'server_error', status: 502 });
  });

  it('answers a Zoom-shaped 429 for rate_limit', async () => {
    const { client } = await start({
      faults: [{ category: 'heavy', fault: { kind: 'rate_limit', retryAfterSeconds: 7 } }],
    });
    expect((await client.call('GET', '/accounts')).status).toBe(200);
    const limited = await client.call('GET', '/accounts/x/plans/usage');
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe(429);
    expect(Object.fromEntries(limited.headers)).toMatchObject({
      'x-ratelimit-category': 'Heavy',
      'x-ratelimit-type': 'QPS',
      'x-ratelimit-limit': '40',
      'x-ratelimit-remaining': '0',
      'retry-after': '7',
    });
  });

  it('answers a server error before the request changes anything', async () => {
    const { running, client } = await start({
      faults: [{ method: 'POST', path: '/v2/accounts', fault: { kind: 'server_error', status: 503 } }],
    });
    const response = await client.call('POST', '/accounts', newAccount('a@example.com'));
    expect(response).toMatchObject({ status: 503, body: { code: 503 } });
    expect(response.headers.get('x-zm-trackingid')).toBeTruthy();
    expect(running.sandbox.zoom.listAccounts()).toEqual([]);
  });

  it("keeps the state change of an 'after' fault: an ambiguous failure", async () => {
    const { running, client } = await start({
      faults: [
        {
          method: 'POST',
          path: /\/accounts$/,
          when: 'after',
          times: 1,
          fault: { kind: 'server_error', status: 500 },
        },
      ],
    });
    expect((await client.call('POST', '/accounts', newAccount('a@example.com'))).status).toBe(500);
    expect(running.sandbox.zoom.listAccounts().map((account) => account.ownerEmail)).toEqual([
      'a@example.com',
    ]);
    expect((await client.call('POST', '/accounts', newAccount('a@example.com'))).body.code).toBe(1005);
  });

  it('resets the connection: the client sees a network error', async () => {
    const { running, client } = await start({ faults: [{ fault: { kind: 'reset' }, times: 1 }] });
    await expect(client.call('GET', '/accounts')).rejects.toThrow(TypeError);
    expect((await client.call('GET', '/accounts')).status).toBe(200);
    expect(running.sandbox.requests.map((request) => [request.fault, request.status])).toEqual([
      ['reset', undefined],
      [undefined, 200],
    ]);
  });

  it("resets after processing with when: 'after'", async () => {
    const { running, client } = await start({ faults: [{ when: 'after', fault: { kind: 'reset' } }] });
    await expect(client.call('POST', '/accounts', newAccount('a@example.com'))).rejects.toThrow(TypeError);
    expect(running.sandbox.zoom.listAccounts()).toHaveLength(1);
  });

  it('hangs until the client gives up', async () => {
    const { running, client } = await start({
      faults: [{ path: '/v2/accounts', fault: { kind: 'hang' } }],
    });
    const call = client.call('GET', '/accounts', undefined, { signal: AbortSignal.timeout(300) });
    await expect(call).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(running.sandbox.requests[0]).toMatchObject({ fault: 'hang', status: undefined });
    expect((await client.call('GET', '/accounts/x')).status).toBe(404);
  });

  it('expires the token on token_expired', async () => {
    const { client } = await start({ faults: [{ times: 1, fault: { kind: 'token_expired' } }] });
    const expired = { status: 401, body: { code: 124, message: 'Access token is expired.' } };
    expect(await client.call('GET', '/accounts')).toMatchObject(expired);
    expect(await client.call('GET', '/accounts')).toMatchObject(expired);
    client.token = await client.fetchToken();
    expect((await client.call('GET', '/accounts')).status).toBe(200);
  });

  it('applies a rule only `times` times and can be added and cleared at run time', async () => {
    const { running, client } = await start();
    running.sandbox.faults.add({ method: 'get', times: 2, fault: { kind: 'server_error', status: 500 } });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await client.call('GET', '/accounts')).status);
    expect(statuses).toEqual([500, 500, 200, 200]);
    running.sandbox.faults.add({ fault: { kind: 'server_error', status: 503 } });
    expect((await client.call('GET', '/accounts')).status).toBe(503);
    running.sandbox.faults.clear();
    expect((await client.call('GET', '/accounts')).status).toBe(200);
  });

  it('draws probabilities from the seed: same seed, same run', async () => {
    const rule: FaultRule = {
      category: 'light',
      probability: 0.5,
      fault: { kind: 'server_error', status: 503 },
    };
    async function run(seed: number) {
      const { running, client } = await start({ seed, faults: [rule] });
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) statuses.push((await client.call('GET', '/accounts/x')).status);
      await running.close();
      return statuses;
    }
    const first = await run(42);
    expect(first).toContain(503);
    expect(first).toContain(404);
    expect(await run(42)).toEqual(first);
    expect(await run(43)).not.toEqual(first);
  });

  it('installs rules from the options, OAuth included', async () => {
    running = await startSandbox({
      faults: [{ category: 'oauth', times: 1, fault: { kind: 'server_error', status: 503 } }],
    });
    const client = zoomClient(running.zoom);
    await expect(client.fetchToken()).rejects.toThrow('answered 503');
    expect(await client.fetchToken()).toEqual(expect.any(String));
    expect(running.sandbox.requests.map((request) => [request.category, request.status])).toEqual([
      ['oauth', 503],
      ['oauth', 200],
    ]);
  });

  it('rejects invalid rules', async () => {
    const { running } = await start();
    expect(() => running.sandbox.faults.add({ probability: 2, fault: { kind: 'reset' } })).toThrow(
      RangeError,
    );
    expect(() => running.sandbox.faults.add({ times: -1, fault: { kind: 'reset' } })).toThrow(RangeError);
  });
});

describe('close()', () => {
  it('resolves promptly with hanging requests and idle keep-alive sockets', async () => {
    const { running, client } = await start({
      faults: [{ path: /accounts\/hang$/, fault: { kind: 'hang' } }],
    });
    expect((await client.call('GET', '/accounts')).status).toBe(200); // leaves a keep-alive socket open
    const hanging = [1, 2].map(() => client.call('GET', '/accounts/hang').catch((error: unknown) => error));
    while (running.sandbox.requests.filter((request) => request.fault === 'hang').length < 2) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await running.close();
    for (const call of hanging) expect(await call).toBeInstanceOf(TypeError);
    await expect(fetch(running.url)).rejects.toThrow(TypeError);
  });
});
