import { inspect } from 'node:util';
import { BIZCONF_CAPABILITIES, bizconf } from '@channelkit/bizconf';
import { ConfigurationError, createClient } from '@channelkit/core';
import {
  BIZCONF_SANDBOX_BASE_URL,
  bizconfSandboxPlatform,
  createSandbox,
  type RunningSandbox,
  startSandbox,
} from '@channelkit/sandbox';
import { MAINLAND_CHINA_ENTERPRISE_POLICY, NO_REFERRAL_CAPABILITIES } from '@channelkit/types';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CREDENTIALS, customer, FAST_POLLS, fastClient, letThrough, recordRequests, server } from './harness';

let running: RunningSandbox | undefined;

afterEach(async () => {
  vi.unstubAllEnvs();
  await running?.close();
  running = undefined;
});

function useEnvironment(variables: Record<string, string | undefined>) {
  for (const [name, value] of Object.entries(variables)) vi.stubEnv(name, value);
}

const noEnvironment = {
  BIZCONF_APP_ID: undefined,
  BIZCONF_APP_SECRET: undefined,
  BIZCONF_BASE_URL: undefined,
  BIZCONF_PATH_PREFIX: undefined,
};

describe('bizconf() options', () => {
  it('declares Bizconf’s capabilities and customer policy', () => {
    const adapter = bizconf({ ...CREDENTIALS, baseUrl: BIZCONF_SANDBOX_BASE_URL });
    expect(adapter).toMatchObject({
      partner: 'bizconf',
      displayName: 'Bizconf',
      capabilities: BIZCONF_CAPABILITIES,
      customerPolicy: MAINLAND_CHINA_ENTERPRISE_POLICY,
      idempotencyScope: CREDENTIALS.appId,
    });
    expect(BIZCONF_CAPABILITIES.accounts).toEqual({
      provision: true,
      get: true,
      list: true,
      suspend: true,
      resume: true,
      close: true,
    });
    expect(BIZCONF_CAPABILITIES.referrals).toEqual(NO_REFERRAL_CAPABILITIES);
  });

  it.each([
    ['appId', 'BIZCONF_APP_ID'],
    ['appSecret', 'BIZCONF_APP_SECRET'],
    ['baseUrl', 'BIZCONF_BASE_URL'],
  ] as const)('names %s and %s when neither is given', (option, variable) => {
    useEnvironment(noEnvironment);
    const options = { ...CREDENTIALS, baseUrl: BIZCONF_SANDBOX_BASE_URL, [option]: undefined };
    const error = (() => {
      try {
        bizconf(options);
      } catch (failure) {
        return failure;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).toMatchObject({ option, env: variable });
    expect((error as Error).message).toContain(variable);
    if (option === 'baseUrl') expect((error as Error).message).toContain('partner agreement');
  });

  it.each([
    [{ appId: 'has spaces' }, 'appId'],
    [{ baseUrl: '/relative' }, 'baseUrl'],
    [{ baseUrl: 'https://host.example/?q=1' }, 'baseUrl'],
    [{ pathPrefix: 'openapi' }, 'pathPrefix'],
    [{ rateLimits: { query: 0 } }, 'rateLimits.query'],
    [{ provisioning: { maxPolls: 1.5 } }, 'provisioning.maxPolls'],
    [{ provisioning: { timeoutMs: -1 } }, 'provisioning.timeoutMs'],
    [{ provisioning: { pollIntervalMs: 9_000 } }, 'provisioning.pollIntervalMs'],
    [{ defaultPlan: ' ' }, 'defaultPlan'],
  ])('refuses %o, naming %s', (options, option) => {
    expect(() => bizconf({ ...CREDENTIALS, baseUrl: BIZCONF_SANDBOX_BASE_URL, ...options })).toThrow(
      expect.objectContaining({ name: 'ConfigurationError', option }),
    );
  });

  it('keeps the secret out of inspect and JSON', () => {
    const adapter = bizconf({ ...CREDENTIALS, baseUrl: BIZCONF_SANDBOX_BASE_URL });
    expect(inspect(adapter, { depth: 10 })).not.toContain(CREDENTIALS.appSecret);
    expect(JSON.stringify(adapter)).not.toContain(CREDENTIALS.appSecret);
  });

  it('puts the path prefix after the base URL: a gateway of your own, a prefix from the environment', async () => {
    const platform = bizconfSandboxPlatform({ provisioningDelayMs: 0 });
    const sandbox = createSandbox({ platforms: [platform] });
    server.use(...sandbox.handlers({ bizconf: { baseUrl: 'https://gateway.example.cn/bizconf-proxy' } }));
    const sent = recordRequests();
    useEnvironment({ ...noEnvironment, BIZCONF_PATH_PREFIX: '/openapi/v1/' });
    const client = createClient(
      bizconf({
        ...CREDENTIALS,
        baseUrl: 'https://gateway.example.cn/bizconf-proxy/',
        provisioning: FAST_POLLS,
      }),
      fastClient,
    );

    await client.accounts.list().collect({ limit: 1 });

    expect(sent.map((request) => request.url.href)).toEqual([
      'https://gateway.example.cn/bizconf-proxy/openapi/v1/enterprises?pageNo=1&pageSize=100',
    ]);
  });
});

describe('bizconf() reads the environment that channelkit-sandbox run sets', () => {
  it('provisions over real HTTP with BIZCONF_APP_ID, BIZCONF_APP_SECRET and BIZCONF_BASE_URL alone', async () => {
    running = await startSandbox({ platforms: [bizconfSandboxPlatform({ provisioningDelayMs: 0 })] });
    letThrough(running.url);
    const environment = running.environment();
    expect(Object.keys(environment).sort()).toEqual([
      'BIZCONF_APP_ID',
      'BIZCONF_APP_SECRET',
      'BIZCONF_BASE_URL',
    ]);
    expect(environment.BIZCONF_BASE_URL).toBe(`${running.url}/bizconf`);
    useEnvironment({ ...noEnvironment, ...environment });

    const client = createClient(bizconf({ provisioning: FAST_POLLS }), fastClient);
    const account = await client.accounts.provision(customer(1, { seats: 2 }));

    expect(account.name).toBe('上海示例信息技术有限公司（第1分公司）');
    expect(running.sandbox.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /openapi/v1/enterprises',
      `GET /openapi/v1/enterprises/${account.id}`,
    ]);
  });

  it('prefers the options over the environment', async () => {
    running = await startSandbox({ platforms: [bizconfSandboxPlatform()] });
    letThrough(running.url);
    useEnvironment({
      BIZCONF_APP_ID: 'nobody',
      BIZCONF_APP_SECRET: 'nothing',
      BIZCONF_BASE_URL: 'http://127.0.0.1:9',
    });
    const { appId, appSecret } = running.sandbox.controls(bizconfSandboxPlatform()).credentials;
    const client = createClient(
      bizconf({ appId, appSecret, baseUrl: running.urls('bizconf').baseUrl }),
      fastClient,
    );
    expect(await client.accounts.list().collect({ limit: 1 })).toEqual([]);
  });
});

describe('client options reach the Bizconf transport', () => {
  it('maxResponseBytes and userAgent: an answer over the cap fails, the agent is the client’s', async () => {
    const platform = bizconfSandboxPlatform({ provisioningDelayMs: 0 });
    const sandbox = createSandbox({ platforms: [platform] });
    server.use(...sandbox.handlers());
    const sent = recordRequests();
    const stored = sandbox.controls(platform).createEnterprise({
      enterpriseName: `上海${'示例'.repeat(40)}有限公司`,
      creditCode: '91310000MA1FL4B24G',
    });
    const connect = (options: Parameters<typeof createClient>[1]) =>
      createClient(bizconf({ ...CREDENTIALS, baseUrl: BIZCONF_SANDBOX_BASE_URL }), {
        ...fastClient,
        ...options,
      });

    const error = await connect({ maxResponseBytes: 256 })
      .accounts.get(stored.enterpriseId)
      .catch((failure: unknown) => failure);
    expect(error).toMatchObject({ name: 'ResponseTooLargeError', limitBytes: 256, platform: 'bizconf' });

    await expect(
      connect({ maxResponseBytes: 8192, userAgent: 'crm-sync/2.1' }).accounts.get(stored.enterpriseId),
    ).resolves.toMatchObject({ id: stored.enterpriseId });
    expect(sent.at(-1)?.headers.get('user-agent')).toBe('crm-sync/2.1');
  });
});
