import {
  type ClientOptions,
  ConfigurationError,
  createClient,
  type RateLimitedEvent,
  type ResponseEvent,
  ResponseTooLargeError,
  TimeoutError,
} from '@channelkit/core';
import { zoom } from '@channelkit/zoom';
import { delay, HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { recordRequests, server } from './harness';

// Every client option that configures the transport must reach the transport the Zoom adapter builds: each test sets
// one through createClient(zoom(...)) and observes its effect on the wire or in what the call returns.

const API = 'https://api.zoom.us/v2';
const credentials = { accountId: 'master-1', clientId: 'client-1', clientSecret: 'secret-1' };
const account = {
  id: 'sub-1',
  account_name: 'Acme Pte. Ltd.',
  owner_email: 'ada@acme.example',
  created_at: '2024-05-01T08:00:00Z',
};

/** Zoom's token endpoint, answering a small token (about 100 bytes). */
function tokenEndpoint() {
  return http.post('https://zoom.us/oauth/token', () =>
    HttpResponse.json({ access_token: 'token-1', token_type: 'bearer', expires_in: 3600 }),
  );
}

/** Zoom's account list, where `accounts.get` finds the account's name (`GET /accounts/{id}` carries none). */
function accountList() {
  return http.get(`${API}/accounts`, () =>
    HttpResponse.json({ page_size: 300, next_page_token: '', accounts: [account] }),
  );
}

function clientWith(options: ClientOptions) {
  return createClient(zoom(credentials), { retry: { baseDelayMs: 1, maxDelayMs: 5 }, ...options });
}

describe('client options reach the Zoom transport', () => {
  it('maxResponseBytes: an answer over the cap fails with ResponseTooLargeError naming the option', async () => {
    // A valid account with 4 KiB of a field the adapter ignores; the token answer stays well under the cap.
    const padded = { ...account, notes: 'x'.repeat(4096) };
    server.use(
      tokenEndpoint(),
      accountList(),
      http.get(`${API}/accounts/:id`, () => HttpResponse.json(padded)),
    );
    const sent = recordRequests();

    const error = await clientWith({ maxResponseBytes: 2048 })
      .accounts.get('sub-1')
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toMatchObject({ limitBytes: 2048, platform: 'zoom' });
    expect((error as Error).message).toContain('larger than maxResponseBytes (2048 bytes)');
    expect((error as Error).message).toContain('Raise the maxResponseBytes option (of createClient');
    // Not retried: the same request would bring the same answer.
    expect(sent.filter((request) => request.url.pathname === '/v2/accounts/sub-1')).toHaveLength(1);

    // The same answer under a larger cap is read: the cap, not the answer, made the call fail.
    await expect(clientWith({ maxResponseBytes: 8192 }).accounts.get('sub-1')).resolves.toMatchObject({
      id: 'sub-1',
    });
  });

  it('maxResponseBytes: a value out of range is refused by createClient, naming the option', () => {
    expect(() => clientWith({ maxResponseBytes: 0 })).toThrow(ConfigurationError);
    expect(() => clientWith({ maxResponseBytes: 2 ** 40 })).toThrow(/^maxResponseBytes must be/);
  });

  it('timeoutMs: an answer that never comes fails with TimeoutError carrying the configured timeout', async () => {
    server.use(
      tokenEndpoint(),
      accountList(),
      http.get(`${API}/accounts/:id`, async () => {
        await delay('infinite');
        return HttpResponse.json(account);
      }),
    );
    const error = await clientWith({ timeoutMs: 50, maxRetries: 0 })
      .accounts.get('sub-1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 50 });
  });

  it('maxRetries and retry: a 503 is sent exactly 1 + maxRetries times', async () => {
    server.use(
      tokenEndpoint(),
      accountList(),
      http.get(`${API}/accounts/:id`, () =>
        HttpResponse.json({ code: 503, message: 'Service unavailable' }, { status: 503 }),
      ),
    );
    const sent = recordRequests();
    const retries: number[] = [];
    const client = clientWith({ maxRetries: 2, retry: { baseDelayMs: 0, maxDelayMs: 0 } });
    client.on('retry', (event) => retries.push(event.delayMs));

    await expect(client.accounts.get('sub-1')).rejects.toMatchObject({ name: 'ServerError', status: 503 });

    expect(sent.filter((request) => request.url.pathname === '/v2/accounts/sub-1')).toHaveLength(3);
    // maxDelayMs 0 reached the transport: no retry waited.
    expect(retries).toEqual([0, 0]);
  });

  it('userAgent: sent as User-Agent on API and token requests', async () => {
    server.use(
      tokenEndpoint(),
      accountList(),
      http.get(`${API}/accounts/:id`, () => HttpResponse.json(account)),
    );
    const sent = recordRequests();
    await clientWith({ userAgent: 'reseller-portal/2.1' }).accounts.get('sub-1');
    // The token request, the account and the list entry that names it.
    expect(sent.map((request) => request.headers.get('user-agent'))).toEqual([
      'reseller-portal/2.1',
      'reseller-portal/2.1',
      'reseller-portal/2.1',
    ]);
  });

  it('emitBodies: response events carry the (redacted) body only when asked', async () => {
    server.use(
      tokenEndpoint(),
      accountList(),
      http.get(`${API}/accounts/:id`, () => HttpResponse.json(account)),
    );
    const bodies = async (options: ClientOptions) => {
      const events: ResponseEvent[] = [];
      const client = clientWith(options);
      client.on('response', (event) => events.push(event));
      await client.accounts.get('sub-1');
      return events.filter((event) => event.path === '/accounts/sub-1').map((event) => event.body);
    };
    expect(await bodies({ emitBodies: true })).toEqual([account]);
    expect(await bodies({})).toEqual([undefined]);
  });

  it("rateLimit: the client-side limiter runs at the configured rate, not at Zoom's default", async () => {
    server.use(
      tokenEndpoint(),
      accountList(),
      http.get(`${API}/accounts/:id`, () => HttpResponse.json(account)),
    );
    const waits: RateLimitedEvent[] = [];
    // Zoom's default for Light is 80 per second; 2 per second makes the second of two simultaneous reads wait.
    const client = clientWith({ rateLimit: { light: 2 } });
    client.on('rateLimited', (event) => waits.push(event));
    await Promise.all([client.accounts.get('sub-1'), client.accounts.get('sub-1')]);
    expect(waits.map(({ category, rate, queued }) => ({ category, rate, queued }))).toEqual([
      { category: 'light', rate: 2, queued: 1 },
    ]);
  });
});
