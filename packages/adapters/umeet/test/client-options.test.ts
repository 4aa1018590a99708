import {
  type ClientOptions,
  createClient,
  type RateLimitedEvent,
  type ResponseEvent,
  ResponseTooLargeError,
  TimeoutError,
} from '@channelkit/core';
import { umeet } from '@channelkit/umeet';
import { delay, HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { API, recordRequests, server, TOKEN_URL } from './harness';

// Every client option that configures the transport reaches the transport the Umeet adapter builds: each test sets one
// through createClient(umeet(...)) and observes its effect on the wire or in what the call returns.

const account = {
  id: 'acc_1',
  name: '上海示例信息技术有限公司',
  admin: { email: 'admin@example.cn' },
  status: 'active',
  created_at: '2026-01-02T03:04:05Z',
};

const tokenEndpoint = () =>
  http.post(TOKEN_URL, () =>
    HttpResponse.json({ access_token: 'token-1', token_type: 'Bearer', expires_in: 3600 }),
  );

function clientWith(options: ClientOptions) {
  return createClient(umeet({ clientId: 'client-1', clientSecret: 'secret-1' }), {
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    ...options,
  });
}

describe('client options reach the Umeet transport', () => {
  it('maxResponseBytes: an answer over the cap fails with ResponseTooLargeError, once', async () => {
    server.use(
      tokenEndpoint(),
      http.get(`${API}/accounts/:id`, () => HttpResponse.json({ ...account, notes: 'x'.repeat(4096) })),
    );
    const sent = recordRequests();
    const error = await clientWith({ maxResponseBytes: 2048 })
      .accounts.get('acc_1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toMatchObject({ limitBytes: 2048, platform: 'umeet' });
    expect(sent.filter((request) => request.url.pathname === '/v1/accounts/acc_1')).toHaveLength(1);
    await expect(clientWith({ maxResponseBytes: 8192 }).accounts.get('acc_1')).resolves.toMatchObject({
      id: 'acc_1',
    });
  });

  it('timeoutMs: an answer that never comes fails with TimeoutError carrying the configured timeout', async () => {
    server.use(
      tokenEndpoint(),
      http.get(`${API}/accounts/:id`, async () => {
        await delay('infinite');
        return HttpResponse.json(account);
      }),
    );
    const error = await clientWith({ timeoutMs: 50, maxRetries: 0 })
      .accounts.get('acc_1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 50 });
  });

  it('userAgent and emitBodies reach API and token requests', async () => {
    server.use(
      tokenEndpoint(),
      http.get(`${API}/accounts/:id`, () => HttpResponse.json(account)),
    );
    const sent = recordRequests();
    const events: ResponseEvent[] = [];
    const client = clientWith({ userAgent: 'reseller-portal/2.1', emitBodies: true });
    client.on('response', (event) => events.push(event));
    await client.accounts.get('acc_1');
    expect(sent.map((request) => request.headers.get('user-agent'))).toEqual([
      'reseller-portal/2.1',
      'reseller-portal/2.1',
    ]);
    expect(events.filter((event) => event.path === '/accounts/acc_1').map((event) => event.body)).toEqual([
      account,
    ]);
  });

  it("rateLimit: a category's rate replaces Umeet's default for it", async () => {
    server.use(
      tokenEndpoint(),
      http.get(`${API}/accounts/:id`, () => HttpResponse.json(account)),
    );
    const waits: RateLimitedEvent[] = [];
    // Umeet's default for reads is 20 per second; 2 per second makes the second of two simultaneous reads wait.
    const client = clientWith({ rateLimit: { read: 2 } });
    client.on('rateLimited', (event) => waits.push(event));
    await Promise.all([client.accounts.get('acc_1'), client.accounts.get('acc_1')]);
    expect(waits.map(({ category, rate, queued }) => ({ category, rate, queued }))).toEqual([
      { category: 'read', rate: 2, queued: 1 },
    ]);
  });
});
