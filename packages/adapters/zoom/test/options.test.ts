import { inspect } from 'node:util';
import { capabilitiesSchema } from '@channelkit/types';
import { ZOOM_CAPABILITIES, ZOOM_DEFAULT_RATE_LIMITS, zoom } from '@channelkit/zoom';
import { afterEach, describe, expect, it, vi } from 'vitest';

const secret = 'super-secret-value-9f8e7d';
const webhookSecret = 'webhook-secret-value-1a2b3c';

afterEach(() => {
  vi.unstubAllEnvs();
});

function clearEnv() {
  vi.stubEnv('ZOOM_ACCOUNT_ID', '');
  vi.stubEnv('ZOOM_CLIENT_ID', '');
  vi.stubEnv('ZOOM_CLIENT_SECRET', '');
}

describe('zoom() options', () => {
  it('reads credentials from the environment when options omit them', () => {
    vi.stubEnv('ZOOM_ACCOUNT_ID', 'acc');
    vi.stubEnv('ZOOM_CLIENT_ID', 'cid');
    vi.stubEnv('ZOOM_CLIENT_SECRET', secret);
    const adapter = zoom();
    expect(adapter.partner).toBe('zoom');
  });

  it.each([
    ['accountId', 'ZOOM_ACCOUNT_ID'],
    ['clientId', 'ZOOM_CLIENT_ID'],
    ['clientSecret', 'ZOOM_CLIENT_SECRET'],
  ] as const)('throws ConfigurationError naming %s and %s when missing', (option, variable) => {
    clearEnv();
    const options = { accountId: 'acc', clientId: 'cid', clientSecret: secret, [option]: undefined };
    let thrown: unknown;
    try {
      zoom(options);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ name: 'ConfigurationError', code: 'configuration_error' });
    expect((thrown as Error).message).toContain(option);
    expect((thrown as Error).message).toContain(variable);
    expect((thrown as Error).message).not.toContain(secret);
  });

  it('prefers options over environment variables', () => {
    clearEnv();
    expect(() => zoom({ accountId: 'a', clientId: 'c', clientSecret: 's' })).not.toThrow();
  });

  it('refuses a rate limit that is not a positive number', () => {
    expect(() =>
      zoom({ accountId: 'a', clientId: 'c', clientSecret: 's', rateLimits: { heavy: 0 } }),
    ).toThrow(/rateLimits\.heavy/);
  });

  it('never shows credentials through util.inspect or JSON.stringify', () => {
    const adapter = zoom({
      accountId: 'acc',
      clientId: 'cid',
      clientSecret: secret,
      webhookSecretToken: webhookSecret,
    });
    const printed = [inspect(adapter, { depth: 10, showHidden: true }), JSON.stringify(adapter)].join('\n');
    expect(printed).not.toContain(secret);
    expect(printed).not.toContain(webhookSecret);
  });

  it('declares its capabilities as valid data', () => {
    const adapter = zoom({ accountId: 'a', clientId: 'c', clientSecret: 's' });
    expect(capabilitiesSchema.parse(adapter.capabilities)).toEqual(ZOOM_CAPABILITIES);
    expect(ZOOM_CAPABILITIES.accounts).toMatchObject({
      suspend: false,
      resume: false,
      close: true,
    });
    expect(adapter.accounts.suspend).toBeUndefined();
    expect(adapter.accounts.resume).toBeUndefined();
    expect(ZOOM_DEFAULT_RATE_LIMITS).toEqual({ light: 80, medium: 60, heavy: 40 });
  });
});
