import { ZOOM_COMMERCE_SANDBOX_PRICE_LISTS } from '@channelkit/sandbox';
import { CommerceS2SAuthClient, type CommerceS2SAuthOptions, type HttpReceiver } from '@zoom/rivet/commerce';
import { afterEach, describe, expect, it } from 'vitest';
import { commerceEndpoints } from '../../src/zoom-commerce/commerce-routes';
import { rivetType } from './published-answers';
import { type RivetSandbox, rivetSandbox } from './rivet-sandbox';

// Zoom's own Node SDK (`@zoom/rivet`, module `commerce`) against the sandbox's Partner Commerce API: Rivet's client
// runs a partner's whole scenario through its own request code, and every answer is checked against the response
// types Rivet publishes. A sandbox answer with a field Zoom does not send, or without one Zoom always sends, fails
// here; so does a Commerce endpoint the sandbox serves without a checked answer.

let world: RivetSandbox | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const { businessMonthly } = ZOOM_COMMERCE_SANDBOX_PRICE_LISTS;

/** Rivet's Commerce client for the sandbox. */
function commerceClient(sandbox: RivetSandbox) {
  // `baseUrl` is honoured by Rivet's endpoints although its published option type leaves it out.
  const options = sandbox.options() as unknown as CommerceS2SAuthOptions<HttpReceiver> & {
    disableReceiver: true;
  };
  return new CommerceS2SAuthClient(options).endpoints;
}

/** Records a Rivet answer for the type check, and returns its body, which every modelled endpoint has. */
function checked<T>(
  sandbox: RivetSandbox,
  label: string,
  type: string,
  response: { data?: T | undefined },
): T {
  const { data } = response;
  if (data === undefined) throw new Error(`${label}: the sandbox answered without a body`);
  return sandbox.answers.record(label, rivetType('commerce', type), data);
}

/** A partner's scenario, end to end, through Rivet: every Commerce endpoint the sandbox serves is called. */
async function runCommerceCalls(sandbox: RivetSandbox): Promise<void> {
  const { accountManagement, productCatalog, order, subscription, dealRegistration } =
    commerceClient(sandbox);
  const commerce = sandbox.running.sandbox.zoom.commerce;

  const created = checked(
    sandbox,
    'POST /commerce/account',
    'AccountManagementCreateEndCustomerAccountResponse',
    await accountManagement.createEndCustomerAccount({
      body: {
        account_name: 'Rivet Example Pte. Ltd.',
        employee_count: '51-250',
        website: 'https://rivet.example.com',
        currency: 'USD',
        contacts: [
          {
            first_name: 'Ada',
            last_name: 'Tan',
            job_title: 'CIO',
            company_email: 'ada@rivet.example.com',
            business_phone: '+6591234567',
            primary_role: 'Admin',
          },
        ],
        billing_address: {
          line_1: '1 Raffles Place',
          city: 'Singapore',
          postal_code: '048616',
          state: 'Singapore',
          country: 'SG',
        },
      },
    }),
  );
  expect(created.status).toBe('submitted');
  const listed = checked(
    sandbox,
    'GET /commerce/accounts',
    'AccountManagementGetsListOfAllAccountsAssociatedWithZoomPartnerSubResellerByAccountTypeResponse',
    await accountManagement.getsListOfAllAccountsAssociatedWithZoomPartnerSubResellerByAccountType({
      query: { create_reference_id: created.create_reference_id as string, page_size: 10, page_number: 1 },
    }),
  );
  const crm = listed.account_list?.[0]?.crm_account_number as string;
  expect(crm).toMatch(/^ACC-/);
  const details = checked(
    sandbox,
    'GET /commerce/accounts/{accountKey}',
    'AccountManagementGetAccountDetailsForZoomPartnerSubResellerEndCustomerResponse',
    await accountManagement.getAccountDetailsForZoomPartnerSubResellerEndCustomer({
      path: { accountKey: crm },
    }),
  );
  const contact = details.contacts?.[0]?.contact_crm_number as string;
  checked(
    sandbox,
    'POST /commerce/account/{accountKey}/contacts',
    'AccountManagementAddContactsToExistingEndCustomerOrYourOwnAccountResponse',
    await accountManagement.addContactsToExistingEndCustomerOrYourOwnAccount({
      path: { accountKey: crm },
      body: {
        contacts: [
          {
            first_name: 'Bo',
            last_name: 'Lim',
            job_title: 'CFO',
            company_email: 'bo@rivet.example.com',
            business_phone: '+6598765432',
          },
        ],
      },
    }),
  );

  const catalog = checked(
    sandbox,
    'POST /commerce/catalog',
    'ProductCatalogGetsZoomProductCatalogForZoomPartnerResponse',
    await productCatalog.getsZoomProductCatalogForZoomPartner({
      body: { filter_options: [], eligibility_criteria: { only_base_plans: true } },
    }),
  );
  // Rivet types the path's offer id as a number, although the catalog answers it as a string.
  checked(
    sandbox,
    'GET /commerce/catalog/{offerId}',
    'ProductCatalogGetsDetailsForZoomProductOrOfferResponse',
    await productCatalog.getsDetailsForZoomProductOrOffer({
      path: { offerId: Number(catalog.offers[0]?.offer_id) },
    }),
  );

  const placed = checked(
    sandbox,
    'POST /commerce/order',
    'OrderCreatesSubscriptionOrderForZoomPartnerResponse',
    await order.createsSubscriptionOrderForZoomPartner({
      body: {
        header: { order_date: '2026-01-15', po_number: 'PO-RIVET-1' },
        create_subscriptions: [
          {
            end_customer_crm_account_number: crm,
            sold_to_crm_contact_number: contact,
            initial_term: { term_type: 'TERMED', term_period: 12 },
            currency: 'USD',
            auto_renew: true,
            add_offers: [{ offer_price_list_id: businessMonthly, quantity: 10 }],
          },
        ],
      },
    }),
  );
  const number = placed.subscriptions?.[0]?.subscription_number as string;
  const amend = (quantity: number) => ({
    header: { order_date: '2026-01-15' },
    amend_subscriptions: [
      {
        subscription_number: number,
        update_offers: [{ offer_price_list_id: businessMonthly, quantity, start_date: '2026-01-15' }],
      },
    ],
  });
  const preview = checked(
    sandbox,
    'POST /commerce/order/preview',
    'OrderPreviewDeltaOrderMetricsAndSubscriptionsInOrderResponse',
    await order.previewDeltaOrderMetricsAndSubscriptionsInOrder({ body: amend(12) }),
  );
  expect(preview.order_metrics?.mrr).toBe(36.66);
  commerce.assignSeats(crm, 11);
  const refused = checked(
    sandbox,
    'POST /commerce/order (refused inside a 200)',
    'OrderCreatesSubscriptionOrderForZoomPartnerResponse',
    await order.createsSubscriptionOrderForZoomPartner({ body: amend(5) }),
  );
  expect(refused.errors?.[0]?.error_code).toBe('QUANTITY_BELOW_ASSIGNED');
  checked(
    sandbox,
    'POST /commerce/order/preview (refused)',
    'OrderPreviewDeltaOrderMetricsAndSubscriptionsInOrderResponse',
    await order.previewDeltaOrderMetricsAndSubscriptionsInOrder({ body: amend(5) }),
  );
  const orders = checked(
    sandbox,
    'GET /commerce/orders',
    'OrderGetsAllOrdersForZoomPartnerResponse',
    await order.getsAllOrdersForZoomPartner({
      query: { po_number: 'PO-RIVET-1', page_num: '1', page_size: 10 },
    }),
  );
  checked(
    sandbox,
    'GET /commerce/orders/{orderReferenceId}',
    'OrderGetsOrderDetailsByOrderReferenceIDResponse',
    await order.getsOrderDetailsByOrderReferenceID({
      path: { orderReferenceId: orders.order_list?.[0]?.order_reference_id as string },
    }),
  );

  checked(
    sandbox,
    'GET /commerce/subscriptions',
    'SubscriptionGetsSubscriptionsForZoomPartnerResponse',
    await subscription.getsSubscriptionsForZoomPartner({
      query: { end_customer_crm_account_number: crm, page_size: 10 },
    }),
  );
  const lines = checked(
    sandbox,
    'GET /commerce/subscriptions/{subscriptionNumber}',
    'SubscriptionGetsSubscriptionDetailsForGivenSubscriptionNumberResponse',
    await subscription.getsSubscriptionDetailsForGivenSubscriptionNumber({
      path: { subscriptionNumber: number },
    }),
  );
  expect(lines.subscription_lines?.[0]?.quantity).toBe(10);
  checked(
    sandbox,
    'GET /commerce/subscriptions/{subscriptionNumber}/versions',
    'SubscriptionGetsSubscriptionChangesVersionsForGivenSubscriptionNumberResponse',
    await subscription.getsSubscriptionChangesVersionsForGivenSubscriptionNumber({
      path: { subscriptionNumber: number },
    }),
  );

  const registration = {
    opportunity_type: 'Indirect Reseller Registration',
    sales_rep_contact_crm_number: commerce.salesRepContactCrmNumber,
    end_customer_crm_account_number: crm,
    end_customer_contact_crm_number: contact,
    met_decision_maker: true,
    end_customer_industry: 'software',
    opportunity_name: 'Rivet – 250 seats',
    estimated_close_date: '2026-06-30',
    estimated_mrr: 4582.5,
    currency: 'USD',
    requires_professional_services: false,
    product_groups: [{ name: 'Meetings', quantity: 250 }],
    sales_activities: [{ type: 'Meeting', date: '2026-01-10' }],
    rfp_details: { is_rfp: true, rfp_link: 'https://rivet.example.com/rfp', rfp_due_date: '2026-02-01' },
  };
  const deal = checked(
    sandbox,
    'POST /commerce/deal_registration',
    'DealRegistrationCreatesNewDealRegistrationForPartnerResponse',
    await dealRegistration.createsNewDealRegistrationForPartner({ body: registration }),
  );
  checked(
    sandbox,
    'POST /commerce/deal_registration (refused inside a 200)',
    'DealRegistrationCreatesNewDealRegistrationForPartnerResponse',
    await dealRegistration.createsNewDealRegistrationForPartner({
      body: { ...registration, sales_rep_contact_crm_number: 'CON-9999999' },
    }),
  );
  const dealRegKey = deal.deal_reg_number as string;
  checked(
    sandbox,
    'GET /commerce/deal_registrations',
    'DealRegistrationGetsAllValidDealRegistrationsForPartnerResponse',
    await dealRegistration.getsAllValidDealRegistrationsForPartner({
      query: { status: 'Submitted', page_number: '1' },
    }),
  );
  commerce.reviewDealRegistration(dealRegKey, { status: 'Returned', reason: 'Add a contact' });
  const update = await dealRegistration.updatesExistingDealRegistration({
    path: { dealRegKey },
    body: { add_end_customer_contacts: [{ contact_crm_number: contact }], additional_comments: 'Added' },
  });
  expect(update.statusCode).toBe(204);
  commerce.reviewDealRegistration(dealRegKey, { status: 'Approved' });
  const approved = checked(
    sandbox,
    'GET /commerce/deal_registrations/{dealRegKey}',
    'DealRegistrationGetsDetailsForDealRegistrationByDealRegistrationNumberResponse',
    await dealRegistration.getsDetailsForDealRegistrationByDealRegistrationNumber({ path: { dealRegKey } }),
  );
  expect(approved.status).toBe('Approved');
  checked(
    sandbox,
    'GET /commerce/campaigns',
    'DealRegistrationRetrievesAllValidZoomCampaignsWhichDealRegistrationCanBeAssociatedWithResponse',
    await dealRegistration.retrievesAllValidZoomCampaignsWhichDealRegistrationCanBeAssociatedWith({
      query: {
        end_customer_crm_account_number: crm,
        campaign_member_crm_contact_number: contact,
        product_groups: 'Meetings',
      },
    }),
  );
}

/** Which Commerce endpoints the sandbox answered 2xx, e.g. `GET /commerce/accounts/{}`. */
function answeredEndpoints(sandbox: RivetSandbox): Set<string> {
  const endpoints = commerceEndpoints().map(({ method, path }) => ({
    key: `${method} ${path}`,
    method,
    pattern: new RegExp(`^/v2${path.replaceAll('{}', '[^/]+')}$`),
  }));
  const reached = new Set<string>();
  for (const request of sandbox.running.sandbox.requests) {
    if (request.status === undefined || request.status >= 300) continue;
    const endpoint = endpoints.find(
      ({ method, pattern }) => method === request.method && pattern.test(request.path),
    );
    if (endpoint) reached.add(endpoint.key);
  }
  return reached;
}

describe('Zoom’s own SDK (@zoom/rivet) against the sandbox: Partner Commerce mode', () => {
  it('runs a partner’s scenario through Rivet’s commerce client, and every answer type-checks against Rivet’s types', async () => {
    world = await rivetSandbox();
    await runCommerceCalls(world);

    expect(world.answers.size).toBe(20);
    expect(world.answers.violations()).toEqual([]);
    const served = commerceEndpoints().map(({ method, path }) => `${method} ${path}`);
    expect([...answeredEndpoints(world)].sort()).toEqual(served.sort());
  });

  it('reports a Commerce answer Rivet’s types do not allow, naming the answer and the field', async () => {
    world = await rivetSandbox();
    world.answers.record(
      'POST /commerce/account',
      rivetType('commerce', 'AccountManagementCreateEndCustomerAccountResponse'),
      { create_reference_id: 'r', status_code: 1 },
    );
    world.answers.record(
      'GET /commerce/orders',
      rivetType('commerce', 'OrderGetsAllOrdersForZoomPartnerResponse'),
      {
        order_list: [{ po_number: 7 }],
      },
    );

    const violations = world.answers.violations();

    expect(violations).toHaveLength(2);
    expect(violations[0]).toContain('POST /commerce/account');
    expect(violations[0]).toContain('status_code');
    expect(violations[1]).toContain("'number' is not assignable to type 'string'");
  });
});
