import { type RunningSandbox, startSandbox, ZOOM_COMMERCE_SANDBOX_PRICE_LISTS } from '@channelkit/sandbox';
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock, type ZoomTestClient, zoomClient } from './helpers';

let running: RunningSandbox | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

const { businessMonthly, businessAnnual, proMonthly, largeMeetingsMonthly } =
  ZOOM_COMMERCE_SANDBOX_PRICE_LISTS;

function endCustomer(name = 'Example Asia Pte. Ltd.') {
  return {
    account_name: name,
    employee_count: '51-250',
    website: 'https://example.com.sg',
    currency: 'USD',
    contacts: [
      {
        first_name: 'Wei',
        last_name: 'Wang',
        job_title: 'IT Manager',
        company_email: 'wei.wang@example.com.sg',
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
  };
}

async function open(pendingAccountLookups?: number) {
  running = await startSandbox({
    now: manualClock().now,
    zoom: pendingAccountLookups === undefined ? {} : { commerce: { pendingAccountLookups } },
  });
  return { running, client: zoomClient(running.zoom) };
}

/** Creates an end customer and follows its create reference until it has a CRM number. */
async function createdCustomer(client: ZoomTestClient, name?: string) {
  const created = await client.call('POST', '/commerce/account', endCustomer(name));
  const reference = created.body.create_reference_id as string;
  for (let lookup = 0; lookup < 5; lookup += 1) {
    const listed = await client.call('GET', `/commerce/accounts?create_reference_id=${reference}`);
    const entry = listed.body.account_list[0];
    if (entry?.crm_account_number) {
      const details = await client.call('GET', `/commerce/accounts/${entry.crm_account_number}`);
      return {
        crm: entry.crm_account_number as string,
        contact: details.body.contacts[0].contact_crm_number as string,
      };
    }
  }
  throw new Error('the account was never created');
}

function order(
  crm: string,
  contact: string,
  priceListId: string = businessMonthly,
  quantity = 10,
  poNumber = 'PO-1',
) {
  return {
    header: { order_date: '2026-01-15', po_number: poNumber },
    create_subscriptions: [
      {
        end_customer_crm_account_number: crm,
        sold_to_crm_contact_number: contact,
        initial_term: { term_type: 'TERMED', term_period: 12 },
        currency: 'USD',
        auto_renew: true,
        add_offers: [{ offer_price_list_id: priceListId, quantity }],
      },
    ],
  };
}

function amendment(subscription: string, quantity: number, priceListId: string = businessMonthly) {
  return {
    header: { order_date: '2026-01-15' },
    amend_subscriptions: [
      {
        subscription_number: subscription,
        update_offers: [{ offer_price_list_id: priceListId, quantity, start_date: '2026-01-15' }],
      },
    ],
  };
}

describe('end customers', () => {
  it('creates accounts asynchronously: pending until looked up by create reference, then with a CRM number', async () => {
    const { client, running } = await open(2);

    const created = await client.call('POST', '/commerce/account', endCustomer());

    expect(created).toMatchObject({ status: 201, body: { status: 'submitted' } });
    expect(created.body.crm_account_number).toBeUndefined();
    const reference = created.body.create_reference_id;
    const first = await client.call('GET', `/commerce/accounts?create_reference_id=${reference}`);
    expect(first.body.account_list).toEqual([
      {
        create_reference_id: reference,
        account_name: 'Example Asia Pte. Ltd.',
        account_type: 'End Customer',
        country: 'SG',
        currency: 'USD',
        website: 'https://example.com.sg',
      },
    ]);
    const second = await client.call('GET', `/commerce/accounts?create_reference_id=${reference}`);
    const crm = second.body.account_list[0].crm_account_number;
    expect(crm).toMatch(/^ACC-\d{7}$/);
    expect(running.sandbox.zoom.commerce.getCustomer(reference)?.status).toBe('success');

    const details = await client.call('GET', `/commerce/accounts/${crm}`);
    expect(details.body).toMatchObject({
      crm_account_number: crm,
      create_reference_id: reference,
      status: 'success',
      created_on_date: '2026-01-15',
      billing_address: { line_1: '1 Raffles Place', country: 'SG' },
      contacts: [{ first_name: 'Wei', company_email: 'wei.wang@example.com.sg', primary_role: 'Admin' }],
    });
    // The country lives in billing_address only, unlike list entries.
    expect(details.body.country).toBeUndefined();
    expect(details.body.contacts[0].contact_crm_number).toMatch(/^CON-/);
  });

  it('validates the account like Zoom: required fields, e-mail domain of the web site, employee count', async () => {
    const { client } = await open(0);
    const body = endCustomer();

    const refused = await client.call('POST', '/commerce/account', {
      ...body,
      employee_count: '1-10',
      contacts: [{ ...body.contacts[0], company_email: 'wei@gmail.com', job_title: undefined }],
      billing_address: { ...body.billing_address, state: undefined },
    });

    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe(300);
    expect(refused.body.errors.map((error: { field: string }) => error.field)).toEqual([
      'employee_count',
      'contacts[0].company_email',
      'contacts[0].job_title',
      'billing_address.state',
    ]);
  });

  it('matches account_name on any part, ignoring case, and pages by page_number with page_count', async () => {
    const { client } = await open(0);
    for (const name of ['Acme One Ltd.', 'Acme Two Ltd.', 'Other Ltd.']) {
      await client.call('POST', '/commerce/account', endCustomer(name));
    }

    const acme = await client.call('GET', '/commerce/accounts?account_name=acme&page_size=1&page_number=2');

    expect(acme.body.page_count).toBe(2);
    expect(acme.body.account_list.map((entry: { account_name: string }) => entry.account_name)).toEqual([
      'Acme Two Ltd.',
    ]);
    const unknown = await client.call('GET', '/commerce/accounts?relationship_type=partner');
    expect(unknown).toMatchObject({ status: 400, body: { code: 300 } });
  });
});

describe('catalog', () => {
  it('offers base plans and add-ons with price lists', async () => {
    const { client } = await open();

    const basePlans = await client.call('POST', '/commerce/catalog', {
      filter_options: [],
      eligibility_criteria: { only_base_plans: true },
    });
    const addOns = await client.call('POST', '/commerce/catalog', {
      filter_options: [{ filter_by: 'offer_type', filter_value: 'Add-on' }],
    });

    expect(basePlans.body.offers.map((offer: { offer_type: string }) => offer.offer_type)).toEqual([
      'Base Plan',
      'Base Plan',
    ]);
    const priceLists = basePlans.body.offers.flatMap(
      (offer: { offer_products: { price_list: { price_list_id: string }[] }[] }) =>
        offer.offer_products.flatMap((product) => product.price_list.map((list) => list.price_list_id)),
    );
    expect(priceLists).toContain(businessMonthly);
    expect(priceLists).not.toContain(largeMeetingsMonthly);
    expect(addOns.body.offers).toHaveLength(2);
    expect(typeof basePlans.body.offers[0].offer_id).toBe('string');
    const unknown = await client.call('POST', '/commerce/catalog', {
      filter_options: [{ filter_by: 'colour', filter_value: 'blue' }],
    });
    expect(unknown.status).toBe(400);
  });
});

describe('orders and subscriptions', () => {
  it('creates a subscription with its lines and quantities, and finds the order again by po_number', async () => {
    const { client } = await open(0);
    const { crm, contact } = await createdCustomer(client);

    const placed = await client.call(
      'POST',
      '/commerce/order',
      order(crm, contact, businessMonthly, 10, 'PO-77'),
    );

    expect(placed).toMatchObject({ status: 201, body: { status: 'success' } });
    const number = placed.body.subscriptions[0].subscription_number;
    expect(number).toMatch(/^A-S\d{8}$/);
    const found = await client.call('GET', '/commerce/orders?po_number=PO-77&page_num=1');
    expect(found.body.order_list).toHaveLength(1);
    expect(found.body.order_list[0]).toMatchObject({
      po_number: 'PO-77',
      end_customer_crm_account_number: crm,
    });
    expect(found.body.page_count).toBeUndefined();

    const details = await client.call('GET', `/commerce/subscriptions/${number}`);
    expect(details.body).toMatchObject({
      subscription_number: number,
      status: 'Active',
      po_number: 'PO-77',
      mrr: { amount: 183.3, currency: 'USD' },
      end_customer_account: { crm_account_number: crm },
      subscription_lines: [{ offer_price_list_id: businessMonthly, quantity: 10, status: 'Active' }],
    });
    expect(details.body.subscription_status).toBeUndefined();
    const listed = await client.call('GET', `/commerce/subscriptions?end_customer_crm_account_number=${crm}`);
    expect(listed.body.subscription_list[0]).toMatchObject({
      subscription_status: 'Active',
      subscription_owner: { crm_account_number: crm },
      mrr: { gross_amount: 183.3, net_amount: 183.3, currency: 'USD' },
    });
    expect(listed.body.subscription_list[0].status).toBeUndefined();
  });

  it('amends quantities with update_offers, previews first without changing anything, and keeps versions', async () => {
    const { client } = await open(0);
    const { crm, contact } = await createdCustomer(client);
    const placed = await client.call('POST', '/commerce/order', order(crm, contact, businessMonthly, 10));
    const number = placed.body.subscriptions[0].subscription_number;

    const preview = await client.call('POST', '/commerce/order/preview', amendment(number, 12));
    const unchanged = await client.call('GET', `/commerce/subscriptions/${number}`);
    const amended = await client.call('POST', '/commerce/order', amendment(number, 12));
    const after = await client.call('GET', `/commerce/subscriptions/${number}`);
    const versions = await client.call('GET', `/commerce/subscriptions/${number}/versions`);

    expect(preview).toMatchObject({
      status: 200,
      body: { status: 'success', order_metrics: { mrr: 36.66, tcv: 439.92 } },
    });
    expect(preview.body.errors).toBeUndefined();
    expect(unchanged.body.subscription_lines[0].quantity).toBe(10);
    expect(amended.status).toBe(201);
    expect(after.body.subscription_lines[0].quantity).toBe(12);
    expect(versions.body.subscription_versions.map((v: { action: string[] }) => v.action)).toEqual([
      ['CreateSubscription'],
      ['UpdateProduct'],
    ]);
  });

  it('answers business refusals inside a 200 with errors[] (orders) or a list of strings (previews)', async () => {
    const { client, running } = await open(0);
    const { crm, contact } = await createdCustomer(client);
    const placed = await client.call('POST', '/commerce/order', order(crm, contact, businessAnnual, 10));
    const number = placed.body.subscriptions[0].subscription_number;
    running.sandbox.zoom.commerce.assignSeats(crm, 8);

    const below = await client.call('POST', '/commerce/order', amendment(number, 7, businessAnnual));
    const previewBelow = await client.call(
      'POST',
      '/commerce/order/preview',
      amendment(number, 7, businessAnnual),
    );
    const second = await client.call('POST', '/commerce/order', order(crm, contact, proMonthly, 3));
    const addOnAsOffer = await client.call(
      'POST',
      '/commerce/order',
      order(crm, contact, largeMeetingsMonthly, 1),
    );

    expect(below).toMatchObject({
      status: 200,
      body: { status: 'failure', errors: [{ error_code: 'QUANTITY_BELOW_ASSIGNED' }] },
    });
    expect(below.body.errors[0].error_description).toContain('licensed users (8)');
    expect(previewBelow.body.errors).toEqual([expect.stringContaining('licensed users (8)')]);
    expect(second.body.errors[0].error_code).toBe('BASE_PLAN_EXISTS');
    expect(addOnAsOffer.body.errors[0].error_code).toBe('OFFER_TYPE_MISMATCH');
    expect(running.sandbox.zoom.commerce.listSubscriptions()).toHaveLength(1);
    expect(running.sandbox.zoom.commerce.listSubscriptions()[0]?.lines[0]?.quantity).toBe(10);
  });

  it('refuses a malformed order with 400 and the fields', async () => {
    const { client } = await open(0);

    const refused = await client.call('POST', '/commerce/order', {
      header: { order_date: '2026-02-30' },
      create_subscriptions: [{ add_offers: [{ quantity: 1.5 }] }],
    });

    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((error: { field: string }) => error.field)).toEqual([
      'header.order_date',
      'create_subscriptions[0].add_offers[0].offer_price_list_id',
      'create_subscriptions[0].add_offers[0].quantity',
      'create_subscriptions[0].end_customer_crm_account_number',
      'create_subscriptions[0].sold_to_crm_contact_number',
      'create_subscriptions[0].initial_term',
      'create_subscriptions[0].currency',
    ]);
  });
});

function dealRegistration(crm: string, contact: string, salesRep: string, name = 'Example – 250 seats') {
  return {
    opportunity_type: 'Indirect Reseller Registration',
    sales_rep_contact_crm_number: salesRep,
    end_customer_crm_account_number: crm,
    end_customer_contact_crm_number: contact,
    met_decision_maker: true,
    end_customer_industry: 'software',
    opportunity_name: name,
    estimated_close_date: '2026-06-30',
    estimated_mrr: 4582.5,
    currency: 'USD',
    requires_professional_services: false,
    product_groups: [{ name: 'Meetings', quantity: 250 }],
    sales_activities: [{ type: 'Meeting', date: '2026-01-10' }],
  };
}

describe('deal registrations', () => {
  it('registers a deal, requires status to list, and moves as the reviewers decide', async () => {
    const { client, running } = await open(0);
    const { crm, contact } = await createdCustomer(client);
    const salesRep = running.sandbox.zoom.commerce.salesRepContactCrmNumber;

    const created = await client.call(
      'POST',
      '/commerce/deal_registration',
      dealRegistration(crm, contact, salesRep),
    );
    const number = created.body.deal_reg_number;

    expect(created).toMatchObject({ status: 201, body: { status: 'Submitted' } });
    expect(await client.call('GET', '/commerce/deal_registrations')).toMatchObject({
      status: 400,
      body: { code: 300, errors: [{ field: 'status', message: 'status is required.' }] },
    });
    const submitted = await client.call('GET', '/commerce/deal_registrations?status=submitted&page_number=1');
    expect(submitted.body).toMatchObject({
      page_count: 1,
      deal_registrations: [
        { deal_reg_number: number, deal_name: 'Example – 250 seats', expected_closed_date: '2026-06-30' },
      ],
    });

    running.sandbox.zoom.commerce.reviewDealRegistration(number, {
      status: 'Returned',
      reason: 'Name the decision maker',
    });
    const returned = await client.call('GET', `/commerce/deal_registrations/${number}`);
    expect(returned.body).toMatchObject({
      status: 'Returned',
      status_detail: { return_reason: 'Name the decision maker' },
      product_groups: [{ name: 'Meetings', quantity: 250 }],
      end_customer_primary_contact: { contact_crm_number: contact },
    });

    const patched = await client.call('PATCH', `/commerce/deal_registrations/${number}`, {
      add_product_groups: [{ name: 'Meetings', quantity: 300 }],
      additional_comments: 'Decision maker: the CIO',
    });
    expect(patched.status).toBe(204);
    const resubmitted = await client.call('GET', `/commerce/deal_registrations/${number}`);
    expect(resubmitted.body).toMatchObject({
      status: 'Submitted',
      product_groups: [{ name: 'Meetings', quantity: 300 }],
    });

    running.sandbox.zoom.commerce.reviewDealRegistration(number, {
      status: 'Denied',
      reason: 'Already registered',
    });
    const denied = await client.call('PATCH', `/commerce/deal_registrations/${number}`, {
      opportunity_name: 'x',
    });
    expect(denied.status).toBe(400);
  });

  it('refuses a registration citing unknown accounts or contacts inside a 200', async () => {
    const { client } = await open(0);
    const { crm, contact } = await createdCustomer(client);

    const refused = await client.call(
      'POST',
      '/commerce/deal_registration',
      dealRegistration(crm, contact, 'CON-9999999'),
    );

    expect(refused.body).toEqual({
      status: 'failure',
      errors: [
        {
          error_code: 'PARTNER_CONTACT_NOT_FOUND',
          error_description: 'The contact CON-9999999 is not one of your own contacts.',
        },
      ],
    });
  });

  it('closes the opportunity as won when an order cites the approved registration', async () => {
    const { client, running } = await open(0);
    const { crm, contact } = await createdCustomer(client);
    const commerce = running.sandbox.zoom.commerce;
    const created = await client.call(
      'POST',
      '/commerce/deal_registration',
      dealRegistration(crm, contact, commerce.salesRepContactCrmNumber),
    );
    const number = created.body.deal_reg_number;
    const cited = order(crm, contact);
    const early = await client.call('POST', '/commerce/order', {
      ...cited,
      header: { ...cited.header, deal_reg_number: number },
    });
    expect(early.body.errors[0].error_code).toBe('DEAL_REGISTRATION_NOT_APPROVED');

    commerce.reviewDealRegistration(number, { status: 'Approved' });
    await client.call('POST', '/commerce/order', {
      ...cited,
      header: { ...cited.header, deal_reg_number: number },
    });

    expect(commerce.getDealRegistration(number)).toMatchObject({
      status: 'Approved',
      opportunityStage: 'Closed Won',
    });
  });
});

describe('faults and limits', () => {
  it('applies fault rules and Zoom labels to Commerce endpoints', async () => {
    const { client, running } = await open(0);
    running.sandbox.faults.add({
      path: '/v2/commerce/order',
      when: 'after',
      times: 1,
      fault: { kind: 'server_error', status: 503 },
    });

    const { crm, contact } = await createdCustomer(client);
    const lost = await client.call('POST', '/commerce/order', order(crm, contact));

    expect(lost.status).toBe(503);
    // The order went through before the answer was replaced: the partner finds it by its po_number.
    expect((await client.call('GET', '/commerce/orders?po_number=PO-1')).body.order_list).toHaveLength(1);
    const categories = running.sandbox.requests
      .filter((request) => request.path.startsWith('/v2/commerce'))
      .map((request) => `${request.method} ${request.path.replace(/ACC-\d+/, '{id}')} ${request.category}`);
    expect(categories).toContain('POST /v2/commerce/account light');
    expect(categories).toContain('POST /v2/commerce/order heavy');
    expect(categories).toContain('GET /v2/commerce/accounts medium');
  });
});
