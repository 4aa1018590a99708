import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ConfigurationError, createClient, createMemoryIdempotencyStore } from '@channelkit/core';
import { type RunningSandbox, startSandbox, ZOOM_COMMERCE_SANDBOX_PRICE_LISTS } from '@channelkit/sandbox';
import { capabilitiesSchema } from '@channelkit/types';
import { ZOOM_CAPABILITIES, ZOOM_COMMERCE_CAPABILITIES, zoom, zoomCommerce } from '@channelkit/zoom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { commerceInput, dealInput } from './inputs';

let running: RunningSandbox | undefined;

afterEach(async () => {
  vi.unstubAllEnvs();
  await running?.close();
  running = undefined;
});

describe('zoomCommerce() options', () => {
  it("reads zoom()'s credentials and its own API URL and sales representative from the environment", async () => {
    running = await startSandbox();
    // What `channelkit-sandbox run` exports, read as a program under it would.
    for (const [name, value] of Object.entries(running.environment())) vi.stubEnv(name, value);
    vi.stubEnv('ZOOM_API_URL', 'http://127.0.0.1:9/not-commerce');

    const client = createClient(
      zoomCommerce({ defaultPlan: ZOOM_COMMERCE_SANDBOX_PRICE_LISTS.businessMonthly }),
    );
    const account = await client.accounts.provision(commerceInput());
    const referral = await client.referrals.submit(dealInput());

    expect(running.environment()).toMatchObject({
      ZOOM_COMMERCE_API_URL: running.zoom.baseUrl,
      ZOOM_COMMERCE_SALES_REP: running.sandbox.zoom.commerce.salesRepContactCrmNumber,
    });
    expect(account.id).toBe(running.sandbox.zoom.commerce.listCustomers()[0]?.crmAccountNumber);
    expect(referral.status).toBe('submitted');
  });

  it('refuses out-of-range options when the adapter is built', () => {
    const credentials = { accountId: 'a', clientId: 'c', clientSecret: 's' };
    expect(() => zoomCommerce({ ...credentials, currency: 'usd' })).toThrow(ConfigurationError);
    expect(() => zoomCommerce({ ...credentials, term: { type: 'TERMED', months: 0 } })).toThrow(
      /term\.months/,
    );
    expect(() => zoomCommerce({ ...credentials, accountCreationTimeoutMs: -1 })).toThrow(
      /accountCreationTimeoutMs/,
    );
    expect(() => zoomCommerce({ accountId: 'a', clientId: 'c' })).toThrow(/ZOOM_CLIENT_SECRET/);
  });

  it('declares its own capabilities, valid and distinct from the Master Account mode', () => {
    const adapter = zoomCommerce({ accountId: 'a', clientId: 'c', clientSecret: 's' });
    expect(capabilitiesSchema.parse(ZOOM_COMMERCE_CAPABILITIES)).toEqual(ZOOM_COMMERCE_CAPABILITIES);
    expect(adapter.capabilities).toBe(ZOOM_COMMERCE_CAPABILITIES);
    expect(ZOOM_COMMERCE_CAPABILITIES.referrals).toMatchObject({
      outbound: true,
      resubmit: true,
      accept: false,
    });
    expect(ZOOM_CAPABILITIES.referrals.outbound).toBe(false);
    expect(ZOOM_COMMERCE_CAPABILITIES.licences.preview).toBe(true);
  });

  it('keeps its idempotency keys apart from the Master Account mode sharing one store', async () => {
    running = await startSandbox();
    const store = createMemoryIdempotencyStore();
    const master = createClient(zoom(running.credentials.zoom), { idempotency: { store } });
    const commerce = createClient(
      zoomCommerce({
        ...running.credentials.zoom,
        defaultPlan: ZOOM_COMMERCE_SANDBOX_PRICE_LISTS.businessMonthly,
      }),
      { idempotency: { store } },
    );
    const input = commerceInput();

    const sub = await master.accounts.provision(
      { ...input, plan: 'business_monthly' },
      { idempotencyKey: 'crm-1' },
    );
    const customer = await commerce.accounts.provision(input, { idempotencyKey: 'crm-1' });

    expect(customer.id).not.toBe(sub.id);
    expect(running.sandbox.zoom.commerce.listCustomers()).toHaveLength(1);
  });

  it('never prints its credentials', () => {
    const adapter = zoomCommerce({ accountId: 'a', clientId: 'c', clientSecret: 'very-secret-value-123' });
    expect(JSON.stringify(adapter)).not.toContain('very-secret-value-123');
  });
});

describe('channelkit-sandbox run', () => {
  it('exports what zoomCommerce() reads', async () => {
    const root = fileURLToPath(new URL('../../../../..', import.meta.url));
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        '--conditions=@channelkit/source',
        'packages/sandbox/src/cli.ts',
        'run',
        '--quiet',
        '--',
        process.execPath,
        '-e',
        'console.log(JSON.stringify({ api: process.env.ZOOM_COMMERCE_API_URL, rep: process.env.ZOOM_COMMERCE_SALES_REP }))',
      ],
      { cwd: root, timeout: 60_000 },
    );

    const exported = JSON.parse(stdout) as { api: string; rep: string };
    expect(exported.api).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/zoom\/v2$/);
    expect(exported.rep).toMatch(/^CON-\d+$/);
  });
});
