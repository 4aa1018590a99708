import { createClient, ValidationError } from '@channelkit/core';
import { describe, expect, it } from 'vitest';
import { provisionInput, sandboxed } from './harness';

describe('who Zoom sells to, checked before any request', () => {
  it('refuses a mainland China customer on profile.country and names the partner platforms', async () => {
    const { sandbox, adapter, sent } = sandboxed();
    const client = createClient(adapter);
    const mainland = provisionInput({
      profile: {
        legalName: '上海示例信息技术有限公司',
        creditCode: '91310000MA1FL4B24G',
        country: 'CN',
        industry: 'software',
        employeeCount: '51-250',
      },
      admin: { firstName: '伟', lastName: '王', email: 'admin@example.cn', mobile: '+8613800138000' },
    });

    const failure = await client.accounts.provision(mainland).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ValidationError);
    expect((failure as ValidationError).field).toBe('profile.country');
    for (const platform of ['Bizconf', 'Suirui Zhumu', 'Systec Umeet']) {
      expect((failure as Error).message).toContain(platform);
    }
    expect((failure as Error).message).toContain('mainland China');
    // Nothing left the process: no token request, no API call.
    expect(sent).toHaveLength(0);
    expect(sandbox.requests).toHaveLength(0);
    expect(sandbox.zoom.listAccounts()).toHaveLength(0);
  });

  it('refuses a lower-case mainland country code too (it is normalised first)', async () => {
    const { adapter, sent } = sandboxed();
    const input = provisionInput();
    const failure = await createClient(adapter)
      .accounts.provision({
        ...input,
        profile: { ...input.profile, country: ' cn ', creditCode: '91310000MA1FL4B24G' },
      })
      .catch((error: unknown) => error);
    expect((failure as ValidationError).field).toBe('profile.country');
    expect(sent).toHaveLength(0);
  });

  it('provisions customers registered in Hong Kong, outside the mainland', async () => {
    const { sandbox, adapter } = sandboxed();
    const input = provisionInput();
    const account = await createClient(adapter).accounts.provision({
      ...input,
      profile: {
        ...input.profile,
        legalName: '香港示例有限公司',
        country: 'HK',
        // Hong Kong has no postal codes, but Zoom's billing contact requires a zip: the customer supplies one.
        address: {
          line1: '1 Queen’s Road Central',
          city: 'Hong Kong',
          region: 'Central',
          postalCode: '000000',
          country: 'HK',
        },
      },
    });
    expect(sandbox.zoom.getAccount(account.id)?.accountName).toBe('香港示例有限公司');
  });
});

describe('account names are counted as Zoom counts them (UTF-16 code units)', () => {
  it('refuses 40 emoji (80 code units) before anything is sent', async () => {
    const { adapter, context, sent } = sandboxed();
    const input = provisionInput();
    input.profile.legalName = '😀'.repeat(40);

    const failure = await adapter.accounts.provision(input, context).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ValidationError);
    expect((failure as ValidationError).field).toBe('profile.legalName');
    expect((failure as Error).message).toContain('this one has 80');
    expect(sent).toHaveLength(0);
  });

  it('accepts 32 emoji (64 code units), and Zoom stores them', async () => {
    const { sandbox, adapter, context } = sandboxed();
    const input = provisionInput();
    input.profile.legalName = '😀'.repeat(32);

    const account = await adapter.accounts.provision(input, context);

    expect(sandbox.zoom.getAccount(account.id)?.accountName).toBe('😀'.repeat(32));
  });
});
