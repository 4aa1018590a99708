// The channelkit demo: provision an enterprise customer on Zoom and manage its licences, end to end, against
// the sandbox (an in-memory Zoom on a loopback port). Only public API is used; swap the sandbox credentials for
// real ones and the same code talks to Zoom.
import { createClient, isChannelError, ValidationError } from '@channelkit/core';
import { startSandbox } from '@channelkit/sandbox';
import type { ProvisionAccountInput } from '@channelkit/types';
import { zoom } from '@channelkit/zoom';

// A company registered in Singapore. Zoom does not sell directly in mainland China (since 2020-08-23 it serves the
// mainland only through Bizconf, Suirui Zhumu and Systec Umeet), so a mainland customer belongs on those platforms.
const customer: ProvisionAccountInput = {
  profile: {
    legalName: 'Example Asia Pte. Ltd.',
    country: 'SG',
    industry: 'software',
    employeeCount: '51-250',
    website: 'https://example.com.sg',
    // Zoom bills a plan's seats to a contact with a full postal address: street, city, state and postal code.
    address: {
      line1: '1 Raffles Place',
      city: 'Singapore',
      region: 'Singapore',
      postalCode: '048616',
      country: 'SG',
    },
  },
  admin: { firstName: 'Wei', lastName: 'Wang', email: 'admin@example.com.sg', mobile: '+6591234567' },
  seats: 25,
  plan: 'business_yearly',
  externalId: 'crm-4711',
};

// A mainland company, identified by its Unified Social Credit Code: valid input, but not a customer Zoom serves.
const mainlandCustomer: ProvisionAccountInput = {
  profile: {
    legalName: '上海示例信息技术有限公司',
    creditCode: '91310000MA1FL4B24G', // a valid Unified Social Credit Code (both check characters)
    country: 'CN',
    industry: 'software',
    employeeCount: '51-250',
  },
  admin: { firstName: '伟', lastName: '王', email: 'admin@example.cn', mobile: '+8613800138000' },
  seats: 25,
};

const step = (title: string) => console.log(`\n▸ ${title}`);
const detail = (text: string) => console.log(`  ${text}`);

const running = await startSandbox({ seed: 7 });
const startedAt = Date.now();
try {
  const client = createClient(zoom(running.credentials.zoom), { userAgent: 'channelkit-demo/0.1' });
  let retries = 0;
  client.on('retry', (event) => {
    retries += 1;
    detail(
      `↻ ${event.method} ${event.path} failed (${event.status ?? event.reason}); retry ${event.attempt} in ${Math.round(event.delayMs)} ms`,
    );
  });
  client.on('account.provisioned', (event) => detail(`event account.provisioned  id=${event.id}`));
  client.on('licence.changed', (event) =>
    detail(`event licence.changed  seats → ${event.current.seats.purchased}`),
  );

  console.log(`channelkit demo: Zoom sandbox at ${running.url}`);
  console.log(`capabilities: ${JSON.stringify(client.capabilities.accounts)}`);

  step('Provision an enterprise customer (idempotent: the call can be repeated safely)');
  const account = await client.accounts.provision(customer, { idempotencyKey: 'crm-4711-provision' });
  detail(`${account.name}  id=${account.id}  status=${account.status}  owner=${account.owner?.email}`);
  const again = await client.accounts.provision(customer, { idempotencyKey: 'crm-4711-provision' });
  detail(`repeated with the same key → same account: ${again.id === account.id}`);

  for (const [n, name, address] of [
    // Taiwan is outside the mainland
    [
      2,
      '台灣示例科技股份有限公司',
      { line1: '信義路五段 7 號', city: '台北市', region: '信義區', postalCode: '110', country: 'TW' },
    ],
    [
      3,
      'Example Japan K.K.',
      { line1: '1-1 Marunouchi', city: 'Chiyoda-ku', region: 'Tokyo', postalCode: '100-0005', country: 'JP' },
    ],
  ] as const) {
    await client.accounts.provision({
      ...customer,
      profile: { ...customer.profile, legalName: name, country: address.country, address },
      admin: { ...customer.admin, email: `admin${n}@example.com.sg` },
      seats: 10,
      externalId: `crm-47${n}0`,
    });
  }

  step('List accounts (async iteration, one page at a time)');
  for await (const listed of client.accounts.list({ pageSize: 2 })) {
    detail(`${listed.id}  ${listed.name}  ${listed.status}`);
  }

  step('Read licences: the platform answers 503 once, the client retries');
  running.sandbox.faults.add({
    method: 'GET',
    path: /\/plans\/usage$/,
    times: 1,
    fault: { kind: 'server_error', status: 503 },
  });
  const licences = await client.licences.get(account.id);
  detail(
    `plan=${licences.plan}  purchased=${licences.seats.purchased}  assigned=${licences.seats.assigned}  commitment=${licences.commitment}`,
  );

  step('Change licences to 40 seats');
  const changed = await client.licences.set(account.id, { seats: 40 });
  detail(`purchased=${changed.seats.purchased}  assigned=${changed.seats.assigned}`);

  step('Refuse before sending anything: a mistyped e-mail, and a mainland customer on Zoom');
  const requestsBefore = running.sandbox.requests.length;
  for (const refused of [
    { ...customer, admin: { ...customer.admin, email: 'admin@@example.com.sg' } },
    mainlandCustomer,
  ]) {
    try {
      await client.accounts.provision(refused);
      throw new Error('the refused input was accepted');
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      detail(`ValidationError on ${error.field}: ${error.message}`);
    }
  }
  detail(`requests sent: ${running.sandbox.requests.length - requestsBefore}`);

  step('Summary');
  const byCategory = new Map<string, number>();
  for (const request of running.sandbox.requests) {
    const key = request.category ?? 'other';
    byCategory.set(key, (byCategory.get(key) ?? 0) + 1);
  }
  detail(`accounts on the platform: ${running.sandbox.zoom.listAccounts().length}`);
  detail(`requests by rate-limit category: ${[...byCategory].map(([k, v]) => `${k}=${v}`).join(', ')}`);
  detail(`retries: ${retries}`);
  detail(`elapsed: ${Date.now() - startedAt} ms`);
} catch (error) {
  console.error(isChannelError(error) ? `demo failed: ${error.name}: ${error.message}` : error);
  process.exitCode = 1;
} finally {
  await running.close();
}
