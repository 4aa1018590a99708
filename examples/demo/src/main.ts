// The channelkit demo: one enterprise customer on each of Zoom, Bizconf, Suirui Zhumu and Systec Umeet, through the
// same code, then one licence sync across the four. Everything runs against the sandbox (in-memory copies of the four
// platforms on a loopback port), using only public API.
import { isChannelError, ValidationError } from '@channelkit/core';
import { startSandbox } from '@channelkit/sandbox';
import type { EnterpriseAccount } from '@channelkit/types';
import { customers, internationalCustomer } from './customers';
import { syncLicences } from './licence-sync';
import { connectHub } from './platforms';
import { printTable } from './table';

const step = (title: string) => console.log(`\n▸ ${title}`);
const detail = (text: string) => console.log(`  ${text}`);
const partners = ['zoom', 'bizconf', 'zhumu', 'umeet'] as const;

const running = await startSandbox({ seed: 7 });
try {
  const hub = connectHub(running);
  hub.on('retry', (event) =>
    detail(
      `↻ ${event.platform} ${event.method} ${event.path} failed (${event.status ?? event.reason}); retry ${event.attempt}`,
    ),
  );
  console.log(`channelkit demo: sandbox at ${running.url} hosting ${partners.join(', ')}`);

  step('Provision an enterprise customer on each platform (same code path; idempotent, so safe to repeat)');
  const accounts = {} as Record<(typeof partners)[number], EnterpriseAccount>;
  await Promise.all(
    partners.map(async (partner) => {
      const key = `${customers[partner].externalId}-provision`;
      accounts[partner] = await hub
        .partner(partner)
        .accounts.provision(customers[partner], { idempotencyKey: key });
    }),
  );
  printTable(
    ['platform', 'customer', 'account id', 'status'],
    partners.map((partner) => [
      partner,
      accounts[partner].name,
      accounts[partner].id,
      accounts[partner].status,
    ]),
  );
  const again = await hub
    .partner('zoom')
    .accounts.provision(customers.zoom, { idempotencyKey: 'crm-4711-provision' });
  detail(`repeated with the same key → same account: ${again.id === accounts.zoom.id}`);

  step(
    'Refused before sending anything: a mistyped e-mail, a mainland customer on Zoom, a company without its credit code on Bizconf',
  );
  const sentBefore = running.sandbox.requests.length;
  const refusals = [
    () =>
      hub.partner('zoom').accounts.provision({
        ...internationalCustomer,
        admin: { ...internationalCustomer.admin, email: 'admin@@example.com.sg' },
      }),
    () => hub.partner('zoom').accounts.provision(customers.bizconf),
    () =>
      hub.partner('bizconf').accounts.provision({
        ...customers.bizconf,
        profile: { ...customers.bizconf.profile, creditCode: undefined },
      }),
  ];
  for (const refused of refusals) {
    try {
      await refused();
      throw new Error('the refused input was accepted');
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      detail(`ValidationError on ${error.field}: ${error.message}`);
    }
  }
  detail(`requests sent: ${running.sandbox.requests.length - sentBefore}`);

  step('Licences side by side (Zhumu answers 503 once: the client retries)');
  running.sandbox.faults.add({
    platform: 'zhumu',
    path: /licence\/get$/,
    times: 1,
    fault: { kind: 'server_error', status: 503 },
  });
  const licences = await Promise.all(
    partners.map((partner) => hub.partner(partner).licences.get(accounts[partner].id)),
  );
  printTable(
    ['platform', 'customer', 'plan', 'seats', 'in use', 'commitment'],
    licences.map((licence, n) => [
      partners[n] ?? '',
      accounts[partners[n] ?? 'zoom'].name,
      licence.plan,
      String(licence.seats.purchased),
      String(licence.seats.assigned),
      licence.commitment + (licence.term?.end ? ` until ${licence.term.end}` : ''),
    ]),
  );

  step('Licence sync across the four platforms: desired seats from the billing system, plan, apply');
  await syncLicences(hub, [
    { partner: 'zoom', accountId: accounts.zoom.id, seats: 30 },
    { partner: 'bizconf', accountId: accounts.bizconf.id, seats: 15 }, // an annual commitment: it shrinks at renewal only
    { partner: 'zhumu', accountId: accounts.zhumu.id, seats: 12 },
    { partner: 'umeet', accountId: accounts.umeet.id, seats: 24, plan: 'enterprise' },
  ]);

  step('Licences after the sync');
  const after = await Promise.all(
    partners.map((partner) => hub.partner(partner).licences.get(accounts[partner].id)),
  );
  printTable(
    ['platform', 'plan', 'seats', 'before'],
    after.map((licence, n) => [
      partners[n] ?? '',
      licence.plan,
      String(licence.seats.purchased),
      String(licences[n]?.seats.purchased),
    ]),
  );
} catch (error) {
  console.error(isChannelError(error) ? `demo failed: ${error.name}: ${error.message}` : error);
  process.exitCode = 1;
} finally {
  await running.close();
}
