import {
  ConfigurationError,
  createClient,
  NotFoundError,
  PartiallyAppliedError,
  ValidationError,
} from '@channelkit/core';
import { ZOOM_SANDBOX_CREDENTIALS, type ZoomDealRegistrationStatus } from '@channelkit/sandbox';
import type { ReferralStatus } from '@channelkit/types';
import { zoomCommerce } from '@channelkit/zoom';
import { describe, expect, it } from 'vitest';
import { contextFor } from '../harness';
import {
  bodyOf,
  commerceInput,
  commerceSandboxed,
  dealInput,
  sentTo,
  testSettings,
  withKey,
} from './commerce-harness';

describe('zoomCommerce: referrals are deal registrations', () => {
  it('creates the end customer first, then registers the deal with Zoom’s field names', async () => {
    const { adapter, context, sent, commerce } = commerceSandboxed();
    const submit = adapter.referrals?.submit;
    if (!submit) throw new Error('zoomCommerce submits referrals');

    const referral = await submit.call(
      adapter.referrals,
      { ...dealInput(), externalId: 'crm-deal-7' },
      context,
    );

    const order = sent.map((request) => `${request.method} ${request.url.pathname}`);
    expect(order.indexOf('POST /v2/commerce/account')).toBeLessThan(
      order.indexOf('POST /v2/commerce/deal_registration'),
    );
    const customer = commerce.listCustomers()[0];
    expect(bodyOf(sentTo(sent, 'POST', '/commerce/deal_registration')[0])).toEqual({
      opportunity_type: 'Indirect Reseller Registration',
      sales_rep_contact_crm_number: commerce.salesRepContactCrmNumber,
      end_customer_crm_account_number: customer?.crmAccountNumber,
      end_customer_contact_crm_number: customer?.contacts[0]?.crmNumber,
      met_decision_maker: true,
      end_customer_industry: 'Software',
      opportunity_name: 'Acme – 250 seats',
      estimated_close_date: '2026-09-30',
      estimated_mrr: 4582.5,
      currency: 'USD',
      requires_professional_services: false,
      product_groups: [{ name: 'Meetings', quantity: 250 }],
      sales_activities: [{ type: 'Meeting', date: '2026-01-10' }],
      additional_comments: 'Moving from another vendor\nin Q3',
    });
    expect(referral).toMatchObject({
      partner: 'zoom',
      id: commerce.listDealRegistrations()[0]?.dealRegNumber,
      direction: 'outbound',
      name: 'Acme – 250 seats',
      status: 'submitted',
      platformStatus: 'Submitted',
      customer: { legalName: 'Acme Pte. Ltd.', accountId: customer?.crmAccountNumber, country: 'SG' },
      contacts: [
        { email: 'ada@acme.example', platformId: customer?.contacts[0]?.crmNumber, jobTitle: 'IT Manager' },
      ],
      products: [{ code: 'Meetings', quantity: 250 }],
      estimatedValue: { amountMinor: 458_250, currency: 'USD' },
      expectedCloseDate: '2026-09-30',
      externalId: 'crm-deal-7',
      externalRefs: {
        dealRegNumber: commerce.listDealRegistrations()[0]?.dealRegNumber,
        createReferenceId: commerce.listDealRegistrations()[0]?.createReferenceId,
        opportunityStage: 'Prospecting',
      },
    });
  });

  it('uses an existing account by its CRM number, adding the contacts it lacks', async () => {
    const { adapter, context, sent, commerce } = commerceSandboxed();
    const account = await adapter.accounts.provision(commerceInput({ seats: undefined }), context);
    const extra = {
      firstName: 'Bo',
      lastName: 'Lim',
      email: 'bo@acme.example',
      mobile: '+6598765432',
      jobTitle: 'CFO',
    };
    const before = sent.length;

    const referral = await adapter.referrals?.submit?.(
      {
        ...dealInput({ contacts: [commerceInput().admin, extra] }),
        accountId: account.id,
        customer: { ...dealInput().customer, website: undefined, address: undefined },
      },
      withKey(context, 'deal'),
    );

    const after = sent.slice(before).map((request) => `${request.method} ${request.url.pathname}`);
    expect(after).not.toContain('POST /v2/commerce/account');
    expect(after).toContain(`POST /v2/commerce/account/${account.id}/contacts`);
    expect(referral?.contacts.map((contact) => contact.email)).toEqual([
      'ada@acme.example',
      'bo@acme.example',
    ]);
    expect(commerce.listCustomers()).toHaveLength(1);
  });

  it('finds an open registration of the same opportunity instead of registering it twice', async () => {
    const { adapter, context, commerce } = commerceSandboxed();
    const first = await adapter.referrals?.submit?.(dealInput(), context);

    const again = await adapter.referrals?.submit?.(
      dealInput({ name: 'ACME  – 250 SEATS' }),
      withKey(context, 'again'),
    );

    expect(again?.id).toBe(first?.id);
    expect(commerce.listDealRegistrations()).toHaveLength(1);
  });

  it('refuses what Zoom would refuse before any request', async () => {
    const { adapter, context, sent } = commerceSandboxed();
    const input = dealInput();
    const submit = (value: typeof input) =>
      adapter.referrals?.submit?.(value, context).catch((e: unknown) => e);

    const mainland = await createClient(adapter)
      .referrals.submit({ ...input, customer: { ...input.customer, country: 'CN' } })
      .catch((e: unknown) => e);
    const noValue = await submit({ ...input, estimatedValue: undefined });
    const noActivity = await submit({ ...input, activities: [] });
    const noTitle = await submit({ ...input, contacts: [{ ...commerceInput().admin, jobTitle: undefined }] });
    const noSite = await submit({ ...input, customer: { ...input.customer, website: undefined } });

    expect(mainland).toMatchObject({ name: 'ValidationError', field: 'customer.country' });
    expect((mainland as Error).message).toContain('Invalid referral input for Zoom');
    expect((mainland as Error).message).toContain('Bizconf, Suirui Zhumu and Systec Umeet');
    expect(noValue).toMatchObject({ field: 'estimatedValue' });
    expect(noActivity).toMatchObject({ field: 'activities' });
    expect(noTitle).toMatchObject({ field: 'contacts[0].jobTitle' });
    expect(noSite).toMatchObject({ field: 'customer.website' });
    for (const error of [mainland, noValue, noActivity, noTitle, noSite])
      expect(error).toBeInstanceOf(ValidationError);
    expect(sent).toHaveLength(0);
  });

  it('needs the sales representative, named with its option and environment variable', async () => {
    const { sandbox } = commerceSandboxed();
    const adapter = zoomCommerce({ ...ZOOM_SANDBOX_CREDENTIALS });
    const { context } = contextFor(adapter);

    const error = await adapter.referrals?.submit?.(dealInput(), context).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain('salesRepContactCrmNumber');
    expect((error as Error).message).toContain('ZOOM_COMMERCE_SALES_REP');
    expect(sandbox.requests).toHaveLength(0);
  });

  it("maps Zoom's statuses onto the unified ones, keeping Zoom's beside them", async () => {
    const { adapter, context, commerce } = commerceSandboxed();
    const referral = await adapter.referrals?.submit?.(dealInput(), context);
    const id = referral?.id as string;
    const cases: [ZoomDealRegistrationStatus, string | undefined, ReferralStatus][] = [
      ['In Review', undefined, 'in_review'],
      ['Returned', undefined, 'action_required'],
      ['Approved', undefined, 'accepted'],
      ['Approved', 'Closed Won', 'won'],
      ['Approved', 'Closed Lost', 'lost'],
      ['Denied', undefined, 'declined'],
      ['Expired', undefined, 'expired'],
      ['Revoked', undefined, 'cancelled'],
    ];
    for (const [status, opportunityStage, unified] of cases) {
      commerce.reviewDealRegistration(id, {
        status,
        reason: `because ${status}`,
        ...(opportunityStage === undefined ? { opportunityStage: 'Prospecting' } : { opportunityStage }),
      });
      const read = await adapter.referrals?.get(id, context);
      expect([read?.status, read?.platformStatus], status).toEqual([unified, status]);
    }
    const revoked = await adapter.referrals?.get(id, context);
    expect(revoked?.reason).toBe('because Revoked');
  });

  it('is won when an order cites the approved registration', async () => {
    const { adapter, context, commerce, sent } = commerceSandboxed();
    const referral = await adapter.referrals?.submit?.(dealInput(), context);
    const id = referral?.id as string;
    commerce.reviewDealRegistration(id, { status: 'Approved' });
    const approved = await adapter.referrals?.get(id, context);
    expect(approved).toMatchObject({
      status: 'accepted',
      decidedOn: expect.any(String),
      expiresOn: expect.any(String),
    });

    // The partner's order cites the registration (as Zoom's docs ask for its discount); Zoom closes the opportunity.
    const customer = commerce.listCustomers()[0];
    await adapter
      .createTransport({ ...testSettings, retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1 } })
      .request({
        method: 'POST',
        path: '/commerce/order',
        body: {
          header: { order_date: '2026-01-15', deal_reg_number: id },
          create_subscriptions: [
            {
              end_customer_crm_account_number: customer?.crmAccountNumber,
              sold_to_crm_contact_number: customer?.contacts[0]?.crmNumber,
              initial_term: { term_type: 'TERMED', term_period: 12 },
              currency: 'USD',
              add_offers: [{ offer_price_list_id: 'PL-ZW-BUSINESS-MONTHLY-USD', quantity: 250 }],
            },
          ],
        },
      });

    expect((await adapter.referrals?.get(id, context))?.status).toBe('won');
    const won = await adapter.referrals?.list({ status: 'won' }, context).collect({ limit: 10 });
    const accepted = await adapter.referrals?.list({ status: 'accepted' }, context).collect({ limit: 10 });
    expect(won?.map((item) => item.id)).toEqual([id]);
    expect(accepted).toEqual([]);
    expect(sent.some((request) => request.url.searchParams.get('status') === 'Approved')).toBe(true);
  });

  it('lists every Zoom status (its status parameter is required), by customer, and no inbound referrals', async () => {
    const { adapter, context, sent } = commerceSandboxed();
    const referral = await adapter.referrals?.submit?.(dealInput(), context);
    const before = sent.length;

    const all = await adapter.referrals
      ?.list({ accountId: referral?.customer.accountId }, context)
      .collect({ limit: 10 });
    const listings = sent
      .slice(before)
      .filter((request) => request.url.pathname === '/v2/commerce/deal_registrations');
    const inbound = await adapter.referrals?.list({ direction: 'inbound' }, context).collect({ limit: 10 });

    expect(all?.map((item) => item.id)).toEqual([referral?.id]);
    expect(all?.[0]).toMatchObject({ contacts: [], products: [], platformStatus: 'Submitted' });
    expect(listings.map((request) => request.url.searchParams.get('status'))).toEqual([
      'Submitted',
      'In Review',
      'Returned',
      'Approved',
      'Denied',
      'Expired',
      'Revoked',
    ]);
    expect(
      listings.every(
        (request) =>
          request.url.searchParams.get('end_customer_crm_account_number') === referral?.customer.accountId,
      ),
    ).toBe(true);
    expect(inbound).toEqual([]);
  });

  it('updates products by adding and removing product groups against the current ones', async () => {
    const { adapter, sent } = commerceSandboxed();
    const client = createClient(adapter);
    const referral = await client.referrals.submit(
      dealInput({
        products: [
          { code: 'Meetings', quantity: 250 },
          { code: 'Phone', quantity: 50 },
        ],
      }),
    );

    const updated = await client.referrals.update(referral.id, {
      products: [
        { code: 'Meetings', quantity: 300 },
        { code: 'Rooms', quantity: 5 },
      ],
    });

    expect(bodyOf(sentTo(sent, 'PATCH', `/commerce/deal_registrations/${referral.id}`)[0])).toEqual({
      add_product_groups: [
        { name: 'Meetings', quantity: 300 },
        { name: 'Rooms', quantity: 5 },
      ],
      remove_product_groups: [{ name: 'Phone' }],
    });
    expect(updated.products).toEqual([
      { code: 'Meetings', quantity: 300 },
      { code: 'Rooms', quantity: 5 },
    ]);
  });

  it('resubmits a returned registration, and Zoom puts it back into review', async () => {
    const { adapter, commerce } = commerceSandboxed();
    const client = createClient(adapter);
    const referral = await client.referrals.submit(dealInput());
    commerce.reviewDealRegistration(referral.id, { status: 'Returned', reason: 'Name the decision maker' });
    const returned = await client.referrals.get(referral.id);
    expect(returned).toMatchObject({ status: 'action_required', reason: 'Name the decision maker' });

    const resubmitted = await client.referrals.resubmit(referral.id, { notes: 'The CIO decides' });

    expect(resubmitted).toMatchObject({ status: 'submitted', platformStatus: 'Submitted' });
    expect(commerce.getDealRegistration(referral.id)?.updates).toBe(1);
  });

  it("turns Zoom's refusal inside a 200 into a typed error; the customer created on the way is reported applied", async () => {
    const { adapter, context, commerce } = commerceSandboxed({
      commerce: { salesRepContactCrmNumber: 'CON-9999999' },
    });

    const error = await adapter.referrals?.submit?.(dealInput(), context).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(PartiallyAppliedError);
    const crm = commerce.listCustomers()[0]?.crmAccountNumber;
    expect(error).toMatchObject({ resourceId: crm, applied: [`created end customer ${crm}`] });
    const cause = (error as Error).cause;
    expect(cause).toBeInstanceOf(NotFoundError);
    expect(cause).toMatchObject({ platformCode: 'PARTNER_CONTACT_NOT_FOUND', status: 404 });
    expect((cause as Error).message).toContain('is not one of your own contacts');
    expect(commerce.listDealRegistrations()).toHaveLength(0);
  });
});
