// Real sockets between the adapter and the sandbox's loopback server (no msw in this file).
import { inspect } from 'node:util';
import { ConfigurationError, createClient, ValidationError } from '@channelkit/core';
import { type RunningSandbox, startSandbox, umeetSandboxPlatform } from '@channelkit/sandbox';
import { mainlandChinaCustomer } from '@channelkit/sandbox/conformance';
import { umeet } from '@channelkit/umeet';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { provisionInput } from './harness-input';

let running: RunningSandbox | undefined;

afterEach(async () => {
  vi.unstubAllEnvs();
  await running?.close();
  running = undefined;
});

function useEnvironment(variables: Record<string, string>) {
  for (const [name, value] of Object.entries(variables)) vi.stubEnv(name, value);
}

describe('umeet() over real HTTP', () => {
  it('reads UMEET_* from the environment, as channelkit-sandbox run sets them', async () => {
    running = await startSandbox({ platforms: [umeetSandboxPlatform()] });
    const environment = running.environment();
    expect(Object.keys(environment).sort()).toEqual([
      'UMEET_API_URL',
      'UMEET_CLIENT_ID',
      'UMEET_CLIENT_SECRET',
      'UMEET_TOKEN_URL',
    ]);
    useEnvironment(environment);

    const listed = await createClient(umeet()).accounts.list().collect({ limit: 10 });

    expect(listed).toEqual([]);
    expect(running.sandbox.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /oauth2/token',
      'GET /v1/accounts',
    ]);
  });

  it('is hosted by default: startSandbox() serves Umeet beside Zoom', async () => {
    running = await startSandbox();
    expect(running.sandbox.platforms).toContain('umeet');
    expect(running.urls('umeet')).toEqual({
      baseUrl: `${running.url}/umeet/v1`,
      tokenUrl: `${running.url}/umeet/oauth2/token`,
    });
  });

  it('carries Chinese text through JSON, HTTP, idempotency keys and error messages', async () => {
    running = await startSandbox({ platforms: [umeetSandboxPlatform()] });
    useEnvironment(running.environment());
    const client = createClient(umeet());

    const account = await client.accounts.provision(provisionInput(), { idempotencyKey: '客户-4711-开通' });
    const again = await client.accounts.provision(provisionInput(), { idempotencyKey: '客户-4711-开通' });
    const read = await client.accounts.get(account.id);

    expect(again.id).toBe(account.id);
    expect(read.name).toBe('上海示例信息技术有限公司');
    expect(read.profile?.industry).toBe('软件和信息技术服务业');
    expect(read.profile?.address).toMatchObject({
      line1: '浦东新区世纪大道 100 号',
      line2: '环球金融中心 20 层',
    });
    expect(read.owner).toMatchObject({ firstName: '伟', lastName: '王' });
    const missing = await client.accounts.get('acc_nope').catch((e: unknown) => e);
    expect((missing as Error).message).toContain('企业账号 acc_nope 不存在。');
  });

  it('refuses what the customer policy refuses before any request, naming Systec Umeet', async () => {
    running = await startSandbox({ platforms: [umeetSandboxPlatform()] });
    useEnvironment(running.environment());
    const client = createClient(umeet());
    const personal = mainlandChinaCustomer(1);

    const error = await client.accounts
      .provision({ ...personal, profile: { ...personal.profile, creditCode: '92310000MA1FL4B24D' } })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toContain('Systec Umeet');
    expect(running.sandbox.requests).toHaveLength(0);
  });
});

describe('umeet() options', () => {
  it('names the option and the environment variable of a missing credential', () => {
    vi.stubEnv('UMEET_CLIENT_ID', '');
    vi.stubEnv('UMEET_CLIENT_SECRET', '');
    expect(() => umeet()).toThrow(ConfigurationError);
    expect(() => umeet()).toThrow(/clientId is missing: pass the clientId option or set the UMEET_CLIENT_ID/);
    expect(() => umeet({ clientId: 'id' })).toThrow(/UMEET_CLIENT_SECRET/);
  });

  it.each([
    [{ baseUrl: 'api.umeet.cn/v1' }, 'baseUrl'],
    [{ tokenUrl: 'ftp://api.umeet.cn/token' }, 'tokenUrl'],
    [{ baseUrl: 'https://user:pass@api.umeet.cn/v1' }, 'baseUrl'],
    [{ rateLimits: { write: 0 } }, 'rateLimits.write'],
    [{ provisioningTimeoutMs: 0 }, 'provisioningTimeoutMs'],
    [{ maxStatusPolls: 1.5 }, 'maxStatusPolls'],
    [{ defaultPlan: '' }, 'defaultPlan'],
  ])('refuses %j naming %s', (options, option) => {
    expect(() => umeet({ clientId: 'id', clientSecret: 'secret', ...options })).toThrow(
      expect.objectContaining({ name: 'ConfigurationError', option }),
    );
  });

  it('prefers the options over the environment, and never shows the secret', () => {
    vi.stubEnv('UMEET_CLIENT_ID', 'from-env');
    vi.stubEnv('UMEET_CLIENT_SECRET', 'env-secret-0f1e2d3c');
    const adapter = umeet({ clientSecret: 'option-secret-4b5a6978' });
    expect(adapter.idempotencyScope).toBe('from-env');
    for (const printed of [inspect(adapter, { depth: 10 }), JSON.stringify(adapter)]) {
      expect(printed).not.toContain('option-secret-4b5a6978');
      expect(printed).not.toContain('env-secret-0f1e2d3c');
    }
    expect(adapter).toMatchObject({ partner: 'umeet', displayName: 'Systec Umeet' });
  });
});
