import { ConfigurationError, createClient } from '@channelkit/core';
import { type RunningSandbox, startSandbox, ZHUMU_SANDBOX_CREDENTIALS } from '@channelkit/sandbox';
import { NO_REFERRAL_CAPABILITIES } from '@channelkit/types';
import { ZHUMU_CAPABILITIES, zhumu } from '@channelkit/zhumu';
import { afterEach, describe, expect, it, vi } from 'vitest';

let running: RunningSandbox | undefined;

afterEach(async () => {
  vi.unstubAllEnvs();
  await running?.close();
  running = undefined;
});

function useEnvironment(variables: Record<string, string>) {
  for (const [name, value] of Object.entries(variables)) vi.stubEnv(name, value);
}

describe('zhumu() options', () => {
  it('names the missing credential and its environment variable', () => {
    vi.stubEnv('ZHUMU_API_KEY', '');
    vi.stubEnv('ZHUMU_API_SECRET', '');
    expect(() => zhumu({ apiSecret: 'secret' })).toThrow(
      'apiKey is missing: pass the apiKey option or set the ZHUMU_API_KEY environment variable',
    );
    expect(() => zhumu({ apiKey: 'key' })).toThrow(/ZHUMU_API_SECRET/);
  });

  it.each([
    [{ baseUrl: 'api.zhumu.me' }, 'baseUrl'],
    [{ baseUrl: 'ftp://api.zhumu.me' }, 'baseUrl'],
    [{ baseUrl: 'https://api.zhumu.me?x=1' }, 'baseUrl'],
    [{ pathPrefix: 'v3' }, 'pathPrefix'],
    [{ pathPrefix: '/v3/../admin' }, 'pathPrefix'],
    [{ rateLimits: { write: 0 } }, 'rateLimits.write'],
    [{ credentials: () => ZHUMU_SANDBOX_CREDENTIALS, apiKey: 'key' }, 'credentials'],
  ])('refuses %j, naming %s', (options, option) => {
    const error = (() => {
      try {
        zhumu({ apiKey: 'key', apiSecret: 'secret', ...options } as Parameters<typeof zhumu>[0]);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).toMatchObject({ option });
  });

  it('declares its platform, customer policy and capabilities', () => {
    const adapter = zhumu({ apiKey: 'key', apiSecret: 'secret' });
    expect(adapter).toMatchObject({
      partner: 'zhumu',
      displayName: 'Suirui Zhumu',
      capabilities: ZHUMU_CAPABILITIES,
      customerPolicy: { market: 'mainland_china', corporateOnly: true, currencies: ['CNY'] },
      idempotencyScope: 'key',
    });
    expect(ZHUMU_CAPABILITIES.referrals).toEqual(NO_REFERRAL_CAPABILITIES);
    expect(Object.isFrozen(ZHUMU_CAPABILITIES.accounts)).toBe(true);
  });

  it('refuses a currency other than CNY before any request', async () => {
    const client = createClient(zhumu({ apiKey: 'key', apiSecret: 'secret' }));
    const { mainlandChinaCustomer } = await import('@channelkit/sandbox/conformance');
    await expect(
      client.accounts.provision({ ...mainlandChinaCustomer(1), currency: 'USD' }),
    ).rejects.toMatchObject({ name: 'ValidationError', field: 'currency' });
  });
});

describe('zhumu() reads its connection from the environment, as channelkit-sandbox run sets it', () => {
  it('talks to the running sandbox with the variables of its environment()', async () => {
    running = await startSandbox();
    const environment = running.environment();
    expect(environment).toMatchObject({
      ZHUMU_API_KEY: ZHUMU_SANDBOX_CREDENTIALS.apiKey,
      ZHUMU_API_SECRET: ZHUMU_SANDBOX_CREDENTIALS.apiSecret,
      ZHUMU_API_URL: `${running.url}/zhumu`,
      ZHUMU_PATH_PREFIX: '/v3',
    });
    useEnvironment(environment);

    const listed = await createClient(zhumu()).accounts.list().collect({ limit: 10 });

    expect(listed).toEqual([]);
    expect(
      running.sandbox.requests.map((request) => `${request.platform} ${request.method} ${request.path}`),
    ).toEqual(['zhumu POST /v3/enterprise/list']);
  });

  it('prefers the options over the environment', async () => {
    running = await startSandbox();
    useEnvironment({
      ZHUMU_API_KEY: 'wrong',
      ZHUMU_API_SECRET: 'wrong',
      ZHUMU_API_URL: 'http://127.0.0.1:9',
    });
    const adapter = zhumu({ ...ZHUMU_SANDBOX_CREDENTIALS, baseUrl: running.urls('zhumu').baseUrl });
    expect(await createClient(adapter).accounts.list().collect({ limit: 10 })).toEqual([]);
  });
});
