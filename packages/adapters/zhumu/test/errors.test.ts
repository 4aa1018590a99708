import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  createApiError,
  createClient,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ServerError,
} from '@channelkit/core';
import { ZHUMU_SANDBOX_CREDENTIALS } from '@channelkit/sandbox';
import { ZHUMU_ERROR_CODES, zhumu } from '@channelkit/zhumu';
import { HttpResponse, http, type JsonBodyType } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  API,
  contextFor,
  provisionInput,
  recordRequests,
  sandboxed,
  sentTo,
  server,
  testSettings,
} from './harness';

const CLASSES = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionError,
  404: NotFoundError,
  409: ConflictError,
  429: RateLimitError,
} as const;

function answering(status: number, body: JsonBodyType, headers: Record<string, string> = {}) {
  const sent = recordRequests();
  server.use(http.post(`${API}/enterprise/get`, () => HttpResponse.json(body, { status, headers })));
  const adapter = zhumu({ apiKey: 'key', apiSecret: 'secret-value' });
  return { adapter, sent, ...contextFor(adapter) };
}

describe('the error table is how the adapter classifies Zhumu’s codes', () => {
  for (const row of ZHUMU_ERROR_CODES) {
    it(`classifies code ${row.code} (${row.name}) answered with HTTP 200 as ${row.status}`, async () => {
      const { adapter, context } = answering(200, { error: { code: row.code, message: `错误 ${row.code}` } });

      const error = await adapter.accounts.get('e1', context).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(CLASSES[row.status]);
      expect(error).toMatchObject({ status: row.status, platform: 'zhumu', platformCode: row.code });
      expect((error as Error).message).toContain(`错误 ${row.code}`);
      // The same class core would pick for that HTTP status: the table and the error tree agree.
      expect((error as Error).name).toBe(
        createApiError({
          status: row.status,
          platform: 'zhumu',
          request: { method: 'POST', url: '', headers: {} },
        }).name,
      );
    });
  }

  it('reads a code sent as a string of digits', async () => {
    const { adapter, context } = answering(200, { error: { code: '2001', message: '企业不存在' } });
    await expect(adapter.accounts.get('e1', context)).rejects.toMatchObject({
      name: 'NotFoundError',
      platformCode: 2001,
    });
  });

  it('counts an unknown code answered with HTTP 200 as a refusal (400), not a success', async () => {
    const { adapter, context, sent } = answering(200, { error: { code: 9999, message: '未知错误' } });
    const error = await adapter.accounts.get('e1', context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ platformCode: 9999, retryable: false });
    expect(sent).toHaveLength(1);
  });

  it('keeps the gateway’s HTTP status for errors it answers itself, and retries a 5xx read', async () => {
    const { adapter, context, sent } = answering(502, { error: { code: 502, message: '网关错误' } });
    const error = await adapter.accounts.get('e1', context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 502, platformCode: 502 });
    expect(sent).toHaveLength(1 + (testSettings.retry.maxRetries ?? 0));
  });

  it('keeps an HTTP 404 without an error object as a 404', async () => {
    const { adapter, context } = answering(404, '<html>Not Found</html>');
    await expect(adapter.accounts.get('e1', context)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('waits for Retry-After after a 429 and repeats, whatever the method', async () => {
    let calls = 0;
    server.use(
      http.post(`${API}/enterprise/create`, () => {
        calls += 1;
        return calls === 1
          ? HttpResponse.json(
              { error: { code: 429, message: '请求过于频繁' } },
              { status: 429, headers: { 'Retry-After': '0' } },
            )
          : HttpResponse.json({ error: { code: 300, message: '参数错误 / Invalid parameter name' } });
      }),
    );
    const adapter = zhumu({ apiKey: 'key', apiSecret: 'secret-value' });
    const error = await adapter.accounts
      .provision(provisionInput(), contextFor(adapter).context)
      .catch((e: unknown) => e);
    expect(calls).toBe(2);
    expect(error).toMatchObject({ name: 'BadRequestError', platformCode: 300 });
  });

  it('is an ApiError with the request redacted', async () => {
    const { adapter, context } = answering(200, { error: { code: 2001, message: '企业不存在' } });
    const error = (await adapter.accounts.get('e1', context).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.request).toMatchObject({ method: 'POST', url: `${API}/enterprise/get` });
  });
});

describe('refused credentials (code 101)', () => {
  it('repeats a refused request once, then reports AuthenticationError', async () => {
    const { adapter, context, sent } = answering(200, {
      error: { code: 101, message: 'api_key 或 api_secret 无效 / Invalid api_key or api_secret.' },
    });
    const error = await adapter.accounts.get('e1', context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toContain('ZHUMU_API_SECRET');
    expect(sent).toHaveLength(2);
  });

  it('asks a credential provider again after a refusal, so a rotated secret is picked up', async () => {
    const { sandbox, controls } = sandboxed();
    const seeded = controls.createEnterprise({ name: '甲公司', creditCode: '91310000MA1FL4B24G' });
    const secrets = ['rotated-out-secret-0001', ZHUMU_SANDBOX_CREDENTIALS.apiSecret];
    let asked = 0;
    const adapter = zhumu({
      credentials: async () => ({
        apiKey: ZHUMU_SANDBOX_CREDENTIALS.apiKey,
        apiSecret: secrets[Math.min(asked++, 1)] ?? '',
      }),
    });
    const client = createClient(adapter, { rateLimit: 10_000 });

    expect((await client.accounts.get(seeded.id)).id).toBe(seeded.id);
    expect((await client.accounts.get(seeded.id)).id).toBe(seeded.id);

    expect(asked).toBe(2);
    expect(sandbox.requests.map((request) => request.path)).toEqual([
      '/v3/enterprise/get',
      '/v3/enterprise/get',
      '/v3/enterprise/get',
    ]);
  });

  it('asks a provider once for many concurrent calls', async () => {
    const { controls } = sandboxed();
    const seeded = controls.createEnterprise({ name: '甲公司', creditCode: '91310000MA1FL4B24G' });
    let asked = 0;
    const adapter = zhumu({
      credentials: async () => {
        asked += 1;
        return { ...ZHUMU_SANDBOX_CREDENTIALS };
      },
    });
    const { context } = contextFor(adapter);
    await Promise.all(Array.from({ length: 5 }, () => adapter.accounts.get(seeded.id, context)));
    expect(asked).toBe(1);
  });

  it('reports a provider that fails as a ConfigurationError, without its message', async () => {
    sandboxed();
    const adapter = zhumu({
      credentials: () => {
        throw new Error('vault said: token s3cr3t-vault-token expired');
      },
    });
    const error = await adapter.accounts.get('e1', contextFor(adapter).context).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ConfigurationError', option: 'credentials' });
    expect(JSON.stringify(error) + String(error)).not.toContain('s3cr3t-vault-token');
  });

  it('reports a provider that returns no secret as a ConfigurationError', async () => {
    const sent = recordRequests();
    const adapter = zhumu({ credentials: () => ({ apiKey: 'key', apiSecret: ' ' }) });
    await expect(adapter.accounts.get('e1', contextFor(adapter).context)).rejects.toMatchObject({
      name: 'ConfigurationError',
      message: expect.stringContaining('apiSecret'),
    });
    expect(sentTo(sent, '/enterprise/get')).toHaveLength(0);
  });
});
