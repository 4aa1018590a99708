import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  type RunningSandbox,
  startSandbox,
  ZOOM_COMMERCE_SANDBOX_PRICE_LISTS,
  ZOOM_SANDBOX_CREDENTIALS,
} from '@channelkit/sandbox';
import { CommerceS2SAuthClient, type S2SAuthToken } from '@zoom/rivet/commerce';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Zoom's own Node library (@zoom/rivet, module `commerce`) against the sandbox's Partner Commerce API, over HTTP:
// every call Zoom's client can make to what the sandbox models succeeds, and every answer type-checks against the
// response types Zoom publishes (excess fields, missing required fields and wrong types are compile errors), so the
// sandbox cannot drift from the real wire shapes unnoticed.

let running: RunningSandbox;
let client: CommerceS2SAuthClient;

/** Answers collected, each with the name of the Rivet type it must satisfy. */
const answers: { type: string; data: unknown }[] = [];

async function sandboxToken(): Promise<S2SAuthToken> {
  const { accountId, clientId, clientSecret } = ZOOM_SANDBOX_CREDENTIALS;
  const response = await fetch(
    `${running.zoom.oauthUrl}?grant_type=account_credentials&account_id=${accountId}`,
    {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}` },
    },
  );
  const body = (await response.json()) as { access_token: string; expires_in: number; scope: string };
  return {
    accessToken: body.access_token,
    expirationTimeIso: new Date(Date.now() + body.expires_in * 1000).toISOString(),
    scopes: body.scope.split(' '),
  };
}

/** Keeps an answer for the type check and returns its body, which every modelled endpoint has. */
function keep<T>(type: string, response: { data?: T | undefined }): T {
  const { data } = response;
  if (data === undefined) throw new Error(`${type}: the sandbox answered without a body`);
  answers.push({ type, data });
  return data;
}

beforeAll(async () => {
  running = await startSandbox({ seed: 11 });
  // Rivet's S2S auth asks zoom.us for tokens; a token store filled with a sandbox token keeps it on loopback.
  const token = await sandboxToken();
  const { accountId, clientId, clientSecret } = ZOOM_SANDBOX_CREDENTIALS;
  // `baseUrl` is honoured by Rivet's endpoints, although its published option types leave it out.
  const options = {
    accountId,
    clientId,
    clientSecret,
    disableReceiver: true as const,
    tokenStore: { getLatestToken: () => token, storeToken: () => undefined },
    baseUrl: running.zoom.baseUrl,
  };
  client = new CommerceS2SAuthClient(options as ConstructorParameters<typeof CommerceS2SAuthClient>[0]);
});

afterAll(async () => {
  await running.close();
});

describe("Zoom's own client against the sandbox's Partner Commerce API", () => {
  it('runs every modelled endpoint, and the answers type-check against Zoom’s published types', async () => {
    const { accountManagement, productCatalog, order, subscription, dealRegistration } = client.endpoints;

    const created = keep(
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
    const listed = keep(
      'AccountManagementGetsListOfAllAccountsAssociatedWithZoomPartnerSubResellerByAccountTypeResponse',
      await accountManagement.getsListOfAllAccountsAssociatedWithZoomPartnerSubResellerByAccountType({
        query: { create_reference_id: created.create_reference_id as string, page_size: 10, page_number: 1 },
      }),
    );
    const crm = listed.account_list?.[0]?.crm_account_number as string;
    expect(crm).toMatch(/^ACC-/);
    const details = keep(
      'AccountManagementGetAccountDetailsForZoomPartnerSubResellerEndCustomerResponse',
      await accountManagement.getAccountDetailsForZoomPartnerSubResellerEndCustomer({
        path: { accountKey: crm },
      }),
    );
    const contact = details.contacts?.[0]?.contact_crm_number as string;
    keep(
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

    const catalog = keep(
      'ProductCatalogGetsZoomProductCatalogForZoomPartnerResponse',
      await productCatalog.getsZoomProductCatalogForZoomPartner({
        body: { filter_options: [], eligibility_criteria: { only_base_plans: true } },
      }),
    );
    keep(
      'ProductCatalogGetsDetailsForZoomProductOrOfferResponse',
      await productCatalog.getsDetailsForZoomProductOrOffer({
        path: { offerId: Number(catalog.offers[0]?.offer_id) },
      }),
    );

    const placed = keep(
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
              add_offers: [
                { offer_price_list_id: ZOOM_COMMERCE_SANDBOX_PRICE_LISTS.businessMonthly, quantity: 10 },
              ],
            },
          ],
        },
      }),
    );
    const number = placed.subscriptions?.[0]?.subscription_number as string;
    const amendment = {
      header: { order_date: '2026-01-15' },
      amend_subscriptions: [
        {
          subscription_number: number,
          update_offers: [
            {
              offer_price_list_id: ZOOM_COMMERCE_SANDBOX_PRICE_LISTS.businessMonthly,
              quantity: 12,
              start_date: '2026-01-15',
            },
          ],
        },
      ],
    };
    const preview = keep(
      'OrderPreviewDeltaOrderMetricsAndSubscriptionsInOrderResponse',
      await order.previewDeltaOrderMetricsAndSubscriptionsInOrder({ body: amendment }),
    );
    expect(preview.order_metrics?.mrr).toBe(36.66);
    running.sandbox.zoom.commerce.assignSeats(crm, 11);
    const refused = keep(
      'OrderCreatesSubscriptionOrderForZoomPartnerResponse',
      await order.createsSubscriptionOrderForZoomPartner({
        body: {
          ...amendment,
          amend_subscriptions: [
            {
              subscription_number: number,
              update_offers: [
                {
                  offer_price_list_id: ZOOM_COMMERCE_SANDBOX_PRICE_LISTS.businessMonthly,
                  quantity: 5,
                  start_date: '2026-01-15',
                },
              ],
            },
          ],
        },
      }),
    );
    expect(refused.errors?.[0]?.error_code).toBe('QUANTITY_BELOW_ASSIGNED');
    keep(
      'OrderPreviewDeltaOrderMetricsAndSubscriptionsInOrderResponse',
      await order.previewDeltaOrderMetricsAndSubscriptionsInOrder({
        body: {
          header: { order_date: '2026-01-15' },
          amend_subscriptions: [
            {
              subscription_number: number,
              update_offers: [
                {
                  offer_price_list_id: ZOOM_COMMERCE_SANDBOX_PRICE_LISTS.businessMonthly,
                  quantity: 5,
                  start_date: '2026-01-15',
                },
              ],
            },
          ],
        },
      }),
    );
    const orders = keep(
      'OrderGetsAllOrdersForZoomPartnerResponse',
      await order.getsAllOrdersForZoomPartner({
        query: { po_number: 'PO-RIVET-1', page_num: '1', page_size: 10 },
      }),
    );
    keep(
      'OrderGetsOrderDetailsByOrderReferenceIDResponse',
      await order.getsOrderDetailsByOrderReferenceID({
        path: { orderReferenceId: orders.order_list?.[0]?.order_reference_id as string },
      }),
    );

    keep(
      'SubscriptionGetsSubscriptionsForZoomPartnerResponse',
      await subscription.getsSubscriptionsForZoomPartner({
        query: { end_customer_crm_account_number: crm, page_size: 10 },
      }),
    );
    const lines = keep(
      'SubscriptionGetsSubscriptionDetailsForGivenSubscriptionNumberResponse',
      await subscription.getsSubscriptionDetailsForGivenSubscriptionNumber({
        path: { subscriptionNumber: number },
      }),
    );
    expect(lines.subscription_lines?.[0]?.quantity).toBe(10);
    keep(
      'SubscriptionGetsSubscriptionChangesVersionsForGivenSubscriptionNumberResponse',
      await subscription.getsSubscriptionChangesVersionsForGivenSubscriptionNumber({
        path: { subscriptionNumber: number },
      }),
    );

    const registration = {
      opportunity_type: 'Indirect Reseller Registration',
      sales_rep_contact_crm_number: running.sandbox.zoom.commerce.salesRepContactCrmNumber,
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
    const deal = keep(
      'DealRegistrationCreatesNewDealRegistrationForPartnerResponse',
      await dealRegistration.createsNewDealRegistrationForPartner({ body: registration }),
    );
    keep(
      'DealRegistrationCreatesNewDealRegistrationForPartnerResponse',
      await dealRegistration.createsNewDealRegistrationForPartner({
        body: { ...registration, sales_rep_contact_crm_number: 'CON-9999999' },
      }),
    );
    const dealRegKey = deal.deal_reg_number as string;
    keep(
      'DealRegistrationGetsAllValidDealRegistrationsForPartnerResponse',
      await dealRegistration.getsAllValidDealRegistrationsForPartner({
        query: { status: 'Submitted', page_number: '1' },
      }),
    );
    running.sandbox.zoom.commerce.reviewDealRegistration(dealRegKey, {
      status: 'Returned',
      reason: 'Add a contact',
    });
    const update = await dealRegistration.updatesExistingDealRegistration({
      path: { dealRegKey },
      body: { add_end_customer_contacts: [{ contact_crm_number: contact }], additional_comments: 'Added' },
    });
    expect(update.statusCode).toBe(204);
    running.sandbox.zoom.commerce.reviewDealRegistration(dealRegKey, { status: 'Approved' });
    const approved = keep(
      'DealRegistrationGetsDetailsForDealRegistrationByDealRegistrationNumberResponse',
      await dealRegistration.getsDetailsForDealRegistrationByDealRegistrationNumber({ path: { dealRegKey } }),
    );
    expect(approved.status).toBe('Approved');
    keep(
      'DealRegistrationRetrievesAllValidZoomCampaignsWhichDealRegistrationCanBeAssociatedWithResponse',
      await dealRegistration.retrievesAllValidZoomCampaignsWhichDealRegistrationCanBeAssociatedWith({
        query: {
          end_customer_crm_account_number: crm,
          campaign_member_crm_contact_number: contact,
          product_groups: 'Meetings',
        },
      }),
    );

    expect(typeCheck(answers)).toEqual([]);
  });

  it('proves the type check fails for an answer with a field Zoom does not publish', () => {
    const problems = typeCheck([
      {
        type: 'AccountManagementCreateEndCustomerAccountResponse',
        data: { create_reference_id: 'r', status_code: 1 },
      },
      { type: 'OrderGetsAllOrdersForZoomPartnerResponse', data: { order_list: [{ po_number: 7 }] } },
    ]);

    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('status_code');
    expect(problems[1]).toContain("'number' is not assignable to type 'string'");
  });
});

/**
 * Compiles each answer as an object literal annotated with its Rivet response type, and returns the compiler's
 * complaints (none when every answer fits Zoom's published types).
 */
function typeCheck(checked: readonly { type: string; data: unknown }[]): string[] {
  const declarations = join(
    dirname(createRequire(import.meta.url).resolve('@zoom/rivet/commerce')),
    'commerce',
  );
  const types = [...new Set(checked.map((answer) => answer.type))];
  const source = [
    `import type { ${types.join(', ')} } from ${JSON.stringify(declarations)};`,
    ...checked.map(
      (answer, index) => `export const answer${index}: ${answer.type} = ${JSON.stringify(answer.data)};`,
    ),
  ].join('\n');
  const dir = mkdtempSync(join(tmpdir(), 'channelkit-rivet-'));
  try {
    const file = join(dir, 'answers.ts');
    writeFileSync(file, source);
    const program = ts.createProgram([file], {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.CommonJS,
      moduleResolution: ts.ModuleResolutionKind.Node10,
      types: [],
    });
    return ts
      .getPreEmitDiagnostics(program)
      .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
