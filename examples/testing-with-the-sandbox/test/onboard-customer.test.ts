import { createClient, ValidationError } from '@channelkit/core';
import { createSandbox, type Sandbox, ZOOM_SANDBOX_CREDENTIALS } from '@channelkit/sandbox';
import { zoom } from '@channelkit/zoom';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { type CrmCustomer, onboardCustomer } from '../src/onboard-customer';

// msw intercepts Zoom's real URLs in this process and answers from an in-memory Zoom: the code under test runs
// unchanged, with the adapter's default URLs, and no credentials or network.
const server = setupServer();
let sandbox: Sandbox;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  sandbox = createSandbox({ seed: 1 });
  server.resetHandlers(...sandbox.handlers());
});
afterAll(() => server.close());

const client = () => createClient(zoom({ ...ZOOM_SANDBOX_CREDENTIALS }), { retry: { baseDelayMs: 5 } });

const customer: CrmCustomer = {
  crmId: 'crm-4711',
  company: '台灣示例科技股份有限公司',
  country: 'TW',
  adminName: { given: '偉', family: '陳' },
  adminEmail: 'admin@example.com.tw',
  adminMobile: '+886912345678',
  address: { street: '信義路五段 7 號', city: '台北市', state: '信義區', postcode: '110', country: 'TW' },
  seats: 25,
};

it('provisions the customer with its seats', async () => {
  const { account, licences } = await onboardCustomer(client(), customer);

  expect(account.externalId).toBe('crm-4711');
  expect(licences.seats.purchased).toBe(25);
  expect(sandbox.zoom.listAccounts()).toHaveLength(1);
});

it('creates one account even when Zoom created it but the answer was lost', async () => {
  sandbox.faults.add({
    method: 'POST',
    path: /\/accounts$/,
    when: 'after',
    times: 1,
    fault: { kind: 'reset' },
  });

  await onboardCustomer(client(), customer);
  await onboardCustomer(client(), customer); // the CRM job running again after a crash

  expect(sandbox.zoom.listAccounts()).toHaveLength(1);
});

it('rejects a mistyped e-mail before anything reaches Zoom', async () => {
  const failure = await onboardCustomer(client(), { ...customer, adminEmail: 'admin@example' }).catch(
    (error: unknown) => error,
  );

  expect(failure).toBeInstanceOf(ValidationError);
  expect((failure as ValidationError).field).toBe('admin.email');
  expect(sandbox.requests).toHaveLength(0);
});

it('rejects an address Zoom cannot bill before anything reaches Zoom, naming the field to add', async () => {
  const { postcode: _none, ...withoutPostcode } = customer.address;
  const failure = await onboardCustomer(client(), { ...customer, address: withoutPostcode }).catch(
    (error: unknown) => error,
  );

  expect(failure).toBeInstanceOf(ValidationError);
  expect((failure as ValidationError).field).toBe('profile.address.postalCode');
  expect(sandbox.requests).toHaveLength(0);
});

it('rejects a mainland-China customer on Zoom, naming the platforms that serve the mainland', async () => {
  const mainland = {
    ...customer,
    company: '上海示例信息技术有限公司',
    country: 'CN',
    creditCode: '91310000MA1FL4B24G',
  };
  const failure = await onboardCustomer(client(), mainland).catch((error: unknown) => error);

  expect(failure).toBeInstanceOf(ValidationError);
  expect((failure as ValidationError).field).toBe('profile.country');
  expect((failure as Error).message).toContain('Bizconf, Suirui Zhumu and Systec Umeet');
  expect(sandbox.requests).toHaveLength(0);
});
