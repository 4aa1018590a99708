import { createSandbox, sandboxHandlers, ZOOM_SANDBOX_CREDENTIALS } from '@channelkit/sandbox';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { newAccount, zoomClient } from './helpers';

const sandbox = createSandbox({ seed: 3 });
const server = setupServer(
  ...sandbox.handlers(),
  ...sandboxHandlers({
    baseUrls: { zoom: { baseUrl: 'https://eu.example.test/v2', oauthUrl: 'https://eu.example.test/oauth' } },
  }),
);
const real = { baseUrl: 'https://api.zoom.us/v2', oauthUrl: 'https://zoom.us/oauth/token' };

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  sandbox.faults.clear();
  sandbox.clearRequests();
});
afterAll(() => server.close());

describe('msw handlers', () => {
  it("answer at Zoom's real URLs and expose the state", async () => {
    const client = zoomClient(real);
    const created = await client.call('POST', '/accounts', newAccount('msw@example.com'));
    expect(created.status).toBe(201);
    expect(created.headers.get('x-zm-trackingid')).toBeTruthy();
    expect(sandbox.zoom.getAccount(created.body.id)?.ownerEmail).toBe('msw@example.com');
    expect(
      sandbox.requests.map(({ method, path, platform, category, status }) => ({
        method,
        path,
        platform,
        category,
        status,
      })),
    ).toEqual([
      { method: 'POST', path: '/oauth/token', platform: 'zoom', category: 'oauth', status: 200 },
      { method: 'POST', path: '/v2/accounts', platform: 'zoom', category: 'light', status: 201 },
    ]);
  });

  it('serve separate sandboxes at custom base URLs', async () => {
    const client = zoomClient({
      baseUrl: 'https://eu.example.test/v2',
      oauthUrl: 'https://eu.example.test/oauth',
    });
    expect((await client.call('GET', '/accounts')).body.total_records).toBe(0);
  });

  it('turn reset into a network error', async () => {
    const client = zoomClient(real);
    client.token = await client.fetchToken();
    sandbox.faults.add({ times: 1, fault: { kind: 'reset' } });
    await expect(client.call('GET', '/accounts')).rejects.toThrow(TypeError);
    expect((await client.call('GET', '/accounts')).status).toBe(200);
  });

  it('hang until the client aborts', async () => {
    const client = zoomClient(real);
    client.token = await client.fetchToken();
    sandbox.faults.add({ fault: { kind: 'hang' } });
    const call = client.call('GET', '/accounts', undefined, { signal: AbortSignal.timeout(200) });
    await expect(call).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(sandbox.requests.at(-1)).toMatchObject({ fault: 'hang', status: undefined });
  });

  it('keep state changes of an after-fault', async () => {
    const client = zoomClient(real);
    client.token = await client.fetchToken();
    sandbox.faults.add({
      method: 'POST',
      when: 'after',
      times: 1,
      fault: { kind: 'server_error', status: 500 },
    });
    expect((await client.call('POST', '/accounts', newAccount('after@example.com'))).status).toBe(500);
    expect(sandbox.zoom.listAccounts().some((account) => account.ownerEmail === 'after@example.com')).toBe(
      true,
    );
  });
});

describe('handle()', () => {
  it('answers Zoom requests at the loopback layout on any origin without msw or a server', async () => {
    const standalone = createSandbox();
    const basic = `Basic ${btoa(`${ZOOM_SANDBOX_CREDENTIALS.clientId}:${ZOOM_SANDBOX_CREDENTIALS.clientSecret}`)}`;
    const token = await standalone.handle(
      new Request(
        `http://localhost:1/zoom/oauth/token?grant_type=account_credentials&account_id=sandbox-master`,
        {
          method: 'POST',
          headers: { authorization: basic },
        },
      ),
    );
    expect(token).toBeInstanceOf(Response);
    const { access_token } = (await (token as Response).json()) as { access_token: string };
    const list = await standalone.handle(
      new Request('http://localhost:1/zoom/v2/accounts', {
        headers: { authorization: `Bearer ${access_token}` },
      }),
    );
    expect((list as Response).status).toBe(200);
    const unknown = await standalone.handle(new Request('http://localhost:1/elsewhere'));
    expect((unknown as Response).status).toBe(404);
    expect(standalone.requests.at(-1)).toMatchObject({ platform: undefined, status: 404 });
  });

  it('returns connection faults as instructions', async () => {
    const standalone = createSandbox({ faults: [{ fault: { kind: 'hang' } }] });
    expect(await standalone.handle(new Request('https://api.zoom.us/v2/accounts'))).toEqual({ kind: 'hang' });
  });

  it('gives the same ids for the same seed', async () => {
    const ids = (seed: number) => createSandbox({ seed }).zoom.createAccount({ email: 'a@example.com' }).id;
    expect(ids(5)).toBe(ids(5));
    expect(ids(5)).not.toBe(ids(6));
  });
});

describe('paths', () => {
  it('reads the same Zoom path under msw, custom base URLs and the loopback layout', async () => {
    const shared = createSandbox({
      faults: [{ path: '/v2/accounts', method: 'GET', fault: { kind: 'server_error', status: 503 } }],
    });
    shared.handlers({
      zoom: { baseUrl: 'https://regional.example.test/v2', oauthUrl: 'https://regional.example.test/oauth' },
    });
    const urls = [
      'https://api.zoom.us/v2/accounts',
      'https://regional.example.test/v2/accounts',
      'http://127.0.0.1:9/zoom/v2/accounts',
    ];
    for (const url of urls) expect(((await shared.handle(new Request(url))) as Response).status).toBe(503);
    expect(shared.requests.map((request) => request.path)).toEqual([
      '/v2/accounts',
      '/v2/accounts',
      '/v2/accounts',
    ]);
  });
});
