// Zoom Partner Commerce through channelkit, against the sandbox (an in-memory Zoom on a loopback port): an end
// customer with seats, a seat change previewed and made, and a deal registration through Zoom's review. Only public
// API is used; with real credentials (and your own base plan and sales representative) the same code talks to Zoom.
import { createClient, isChannelError } from '@channelkit/core';
import { startSandbox, ZOOM_COMMERCE_SANDBOX_PRICE_LISTS } from '@channelkit/sandbox';
import type { ProvisionAccountInput, ReferralInput } from '@channelkit/types';
import { zoomCommerce } from '@channelkit/zoom';

const customer: ProvisionAccountInput = {
  profile: {
    legalName: 'Example Asia Pte. Ltd.',
    country: 'SG',
    industry: 'software',
    employeeCount: '51-250',
    website: 'https://example.com.sg',
    address: {
      line1: '1 Raffles Place',
      city: 'Singapore',
      region: 'Singapore',
      postalCode: '048616',
      country: 'SG',
    },
  },
  admin: {
    firstName: 'Wei',
    lastName: 'Wang',
    email: 'wei.wang@example.com.sg',
    mobile: '+6591234567',
    jobTitle: 'IT Manager',
  },
  seats: 25,
  externalId: 'crm-4711',
};

const deal: ReferralInput = {
  name: 'Example Logistics – 300 seats',
  customer: {
    legalName: 'Example Logistics Pte. Ltd.',
    country: 'SG',
    industry: 'logistics',
    employeeCount: '251-500',
    website: 'https://logistics.example.com.sg',
    address: {
      line1: '8 Marina View',
      city: 'Singapore',
      region: 'Singapore',
      postalCode: '018960',
      country: 'SG',
    },
  },
  contacts: [
    {
      firstName: 'Mei',
      lastName: 'Lim',
      email: 'mei.lim@logistics.example.com.sg',
      mobile: '+6598765432',
      jobTitle: 'CIO',
    },
  ],
  products: [{ code: 'Meetings', quantity: 300 }],
  estimatedValue: { amountMinor: 549_900, currency: 'USD' }, // US$5,499.00 a month
  expectedCloseDate: '2026-09-30',
  activities: [{ type: 'Meeting', date: '2026-05-12' }],
  externalId: 'crm-deal-981',
};

const step = (title: string) => console.log(`\n▸ ${title}`);
const detail = (text: string) => console.log(`  ${text}`);

const running = await startSandbox({ seed: 7 });
try {
  const commerce = running.sandbox.zoom.commerce;
  const client = createClient(
    zoomCommerce({
      ...running.credentials.zoom,
      defaultPlan: ZOOM_COMMERCE_SANDBOX_PRICE_LISTS.businessAnnual,
      salesRepContactCrmNumber: commerce.salesRepContactCrmNumber,
    }),
    { userAgent: 'channelkit-example-zoom-commerce/0.1' },
  );
  client.on('referral.updated', (event) =>
    detail(`event referral.updated  ${event.previousStatus} → ${event.referral.status}`),
  );
  console.log(`channelkit + Zoom Partner Commerce: sandbox at ${running.url}`);
  console.log(`referral capabilities: ${JSON.stringify(client.capabilities.referrals)}`);

  step('Create an end customer with 25 seats (the account, then a subscription order)');
  const account = await client.accounts.provision(customer, { idempotencyKey: 'crm-4711-provision' });
  detail(
    `${account.name}  id=${account.id}  status=${account.status}  zoom account=${account.externalRefs.zoomAccountNumber}`,
  );
  const again = await client.accounts.provision(customer, { idempotencyKey: 'crm-4711-provision' });
  detail(`repeated with the same key → same account: ${again.id === account.id}`);
  const seats = await client.licences.get(account.id);
  detail(`plan=${seats.plan}  purchased=${seats.seats.purchased}  commitment=${seats.commitment}`);

  step("Preview 40 seats with Zoom's own figures, then order them");
  const preview = await client.licences.preview(account.id, { seats: 40 });
  const mrr = preview.charges.monthlyRecurring;
  detail(
    `${preview.before.seats} → ${preview.after.seats} seats, accepted=${preview.accepted}, ` +
      `MRR ${mrr ? `+${(mrr.amountMinor / 100).toFixed(2)} ${mrr.currency}` : 'n/a'}`,
  );
  const changed = await client.licences.set(
    account.id,
    { seats: 40 },
    { idempotencyKey: 'crm-4711-seats-40' },
  );
  detail(`purchased=${changed.seats.purchased}`);

  step('Register a deal (the customer is created first), then follow it through review');
  const referral = await client.referrals.submit(deal, { idempotencyKey: 'crm-deal-981-submit' });
  detail(
    `${referral.externalRefs.dealRegNumber}  status=${referral.status} (Zoom: ${referral.platformStatus})`,
  );
  commerce.reviewDealRegistration(referral.id, { status: 'Returned', reason: 'Name the decision maker' });
  const returned = await client.referrals.get(referral.id);
  detail(`Zoom returned it: ${returned.status}, "${returned.reason}"`);
  await client.referrals.resubmit(referral.id, {
    decisionMakerMet: true,
    notes: 'The CIO decides; met on 12 May.',
  });
  commerce.reviewDealRegistration(referral.id, { status: 'Approved' });
  const approved = await client.referrals.get(referral.id);
  detail(`approved: ${approved.status}, protected until ${approved.expiresOn}`);

  step('A move the transition table does not allow is refused before anything is sent');
  const sentBefore = running.sandbox.requests.length;
  try {
    await client.referrals.resubmit(referral.id);
  } catch (error) {
    if (!isChannelError(error) || error.code !== 'referral_transition_refused') throw error;
    detail(`${error.name}: ${error.message.split('. ')[0]}`);
  }
  const writes = running.sandbox.requests.slice(sentBefore).filter((request) => request.method !== 'GET');
  detail(`writes sent: ${writes.length}`);

  step('On the platform');
  detail(`end customers: ${commerce.listCustomers().length}, orders: ${commerce.listOrders().length}`);
  for await (const listed of client.referrals.list({ status: 'accepted' })) {
    detail(`accepted deal: ${listed.name} (${listed.id})`);
  }
} finally {
  await running.close();
}
