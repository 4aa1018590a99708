import {
  BadRequestError,
  ConflictError,
  createClient,
  NotFoundError,
  PaginationError,
  ResponseValidationError,
} from '@channelkit/core';
import { zoomCommerce } from '@channelkit/zoom';
import { HttpResponse, http, type RequestHandler } from 'msw';
import { describe, expect, it } from 'vitest';
import { statusOfBusinessError } from '../../src/commerce/internal/commerce-errors';
import { contextFor, recordRequests, server } from '../harness';

// Zoom's Commerce API answering what it should not: every answer is parsed before it is read, ids are checked
// before they become paths, every walk is bounded, and business errors inside a 200 are errors.

const API = 'https://api.zoom.us/v2';
const tokenHandler = http.post('https://zoom.us/oauth/token', () =>
  HttpResponse.json({ access_token: 'token-1', token_type: 'bearer', expires_in: 3600 }),
);
const catalog = http.post(`${API}/commerce/catalog`, () =>
  HttpResponse.json({
    offers: [
      {
        offer_id: '1',
        offer_name: 'Business',
        offer_type: 'Base Plan',
        offer_products: [{ price_list: [{ price_list_id: 'PL-1', billing_period: 'Month' }] }],
      },
    ],
  }),
);

function hostile(...handlers: RequestHandler[]) {
  server.use(tokenHandler, ...handlers);
  const sent = recordRequests();
  const adapter = zoomCommerce({
    accountId: 'partner',
    clientId: 'cid',
    clientSecret: 'sec',
    salesRepContactCrmNumber: 'CON-1',
    rateLimits: { light: 10_000, medium: 10_000, heavy: 10_000 },
  });
  const { context, logs } = contextFor(adapter);
  return { adapter, context, logs, sent };
}

function details(crm: string) {
  return {
    crm_account_number: crm,
    account_name: 'Acme',
    created_on_date: '2026-01-02',
    status: 'success',
    contacts: [
      { contact_crm_number: 'CON-2', first_name: 'Ada', last_name: 'Tan', company_email: 'ada@acme.example' },
    ],
    billing_address: { line_1: '1 Main St', city: 'Singapore', state: 'Singapore', country: 'SG' },
  };
}

function subscription(number: string, lines: { id: string; quantity: number }[]) {
  return {
    subscription_number: number,
    status: 'Active',
    currency: 'USD',
    auto_renew: true,
    subscription_lines: lines.map((line) => ({
      offer_price_list_id: line.id,
      quantity: line.quantity,
      status: 'Active',
    })),
  };
}

describe('zoomCommerce against a hostile Zoom', () => {
  it('turns malformed answers into ResponseValidationError naming the operation', async () => {
    const { adapter, context } = hostile(
      http.get(`${API}/commerce/accounts/ACC-1`, () => HttpResponse.json(null)),
      http.get(`${API}/commerce/deal_registrations/DR-1`, () =>
        HttpResponse.json({ deal_reg_number: 'DR-1' }),
      ),
    );

    const account = await adapter.accounts.get('ACC-1', context).catch((e: unknown) => e);
    const deal = await adapter.referrals?.get('DR-1', context).catch((e: unknown) => e);

    expect(account).toBeInstanceOf(ResponseValidationError);
    expect((account as Error).message).toContain('accounts.get (GET /commerce/accounts/ACC-1)');
    expect(deal).toBeInstanceOf(ResponseValidationError);
    expect((deal as ResponseValidationError).issues.map((issue) => issue.path)).toContain('status');
  });

  it('never puts an id Zoom returned into a path before checking it', async () => {
    const { adapter, context, sent } = hostile(
      catalog,
      http.get(`${API}/commerce/subscriptions`, () =>
        HttpResponse.json({
          subscription_list: [{ subscription_number: '../accounts/ACC-1', subscription_status: 'Active' }],
        }),
      ),
      http.get(`${API}/commerce/accounts`, () =>
        HttpResponse.json({
          page_count: 1,
          account_list: [{ crm_account_number: 'me', account_name: 'Acme' }],
        }),
      ),
    );

    const licences = await adapter.licences.get('ACC-1', context).catch((e: unknown) => e);
    const listed = await adapter.accounts
      .list({}, context)
      .collect({ limit: 10 })
      .catch((e: unknown) => e);

    expect(licences).toBeInstanceOf(ResponseValidationError);
    expect(listed).toBeInstanceOf(ResponseValidationError);
    expect(sent.some((request) => /\/accounts\/me$|\.\./.test(request.url.pathname))).toBe(false);
  });

  it('stops a listing that never ends, and a cursor that repeats', async () => {
    let page = 0;
    const { adapter } = hostile(
      http.get(`${API}/commerce/accounts`, () => {
        page += 1;
        return HttpResponse.json({
          page_count: 1_000_000,
          account_list: [{ create_reference_id: `ref-${page}`, account_name: 'Pending' }],
        });
      }),
      catalog,
      http.get(`${API}/commerce/subscriptions`, () =>
        HttpResponse.json({ next_page_token: 'same', subscription_list: [{ subscription_number: 'A-S1' }] }),
      ),
      http.get(`${API}/commerce/subscriptions/A-S1`, () =>
        HttpResponse.json(subscription('A-S1', [{ id: 'PL-1', quantity: 1 }])),
      ),
    );
    const client = createClient(adapter, { pagination: { maxPages: 5 } });

    const endless = await client.accounts
      .list({ pageSize: 1 })
      .collect({ limit: 100 })
      .catch((e: unknown) => e);
    const repeating = await client.licences.get('ACC-1').catch((e: unknown) => e);

    expect(endless).toBeInstanceOf(PaginationError);
    expect(endless).toMatchObject({ reason: 'max_pages' });
    expect(page).toBe(5);
    expect(repeating).toBeInstanceOf(PaginationError);
    expect(repeating).toMatchObject({ reason: 'repeated_cursor' });
  });

  it('maps business errors inside a 200 onto the error tree, never onto a success', async () => {
    const answer = (code: string) =>
      http.post(`${API}/commerce/deal_registration`, () =>
        HttpResponse.json({
          status: 'failure',
          errors: [{ error_code: code, error_description: `refused: ${code}` }],
        }),
      );
    const submitWith = async (code: string) => {
      const { adapter, context } = hostile(
        http.get(`${API}/commerce/accounts/ACC-1`, () => HttpResponse.json(details('ACC-1'))),
        http.get(`${API}/commerce/deal_registrations`, () =>
          HttpResponse.json({ page_count: 0, deal_registrations: [] }),
        ),
        answer(code),
      );
      return adapter.referrals
        ?.submit?.(
          {
            name: 'Deal',
            accountId: 'ACC-1',
            customer: { legalName: 'Acme', country: 'SG', industry: 'x', employeeCount: '11-50' },
            contacts: [
              {
                firstName: 'Ada',
                lastName: 'Tan',
                email: 'ada@acme.example',
                mobile: '+6591234567',
                jobTitle: 'CIO',
              },
            ],
            products: [{ code: 'Meetings', quantity: 1 }],
            estimatedValue: { amountMinor: 100, currency: 'USD' },
            expectedCloseDate: '2026-12-31',
            activities: [{ type: 'Call', date: '2026-01-01' }],
          },
          context,
        )
        .catch((e: unknown) => e);
    };

    const missing = await submitWith('END_CUSTOMER_NOT_FOUND');
    const duplicate = await submitWith('DUPLICATE_REGISTRATION');
    const other = await submitWith('INVALID_PRODUCT_GROUP');

    expect(missing).toBeInstanceOf(NotFoundError);
    expect(duplicate).toBeInstanceOf(ConflictError);
    expect(other).toBeInstanceOf(BadRequestError);
    expect(other).toMatchObject({ platformCode: 'INVALID_PRODUCT_GROUP', retryable: false });
    expect((other as Error).message).toContain('refused: INVALID_PRODUCT_GROUP');
    expect(statusOfBusinessError('ACCOUNT_PENDING')).toBe(409);
  });

  it('keeps the strings of a preview as refusals, bounded, rather than failing the call', async () => {
    const { adapter, context } = hostile(
      catalog,
      http.get(`${API}/commerce/subscriptions`, () =>
        HttpResponse.json({ subscription_list: [{ subscription_number: 'A-S1' }] }),
      ),
      http.get(`${API}/commerce/subscriptions/A-S1`, () =>
        HttpResponse.json(subscription('A-S1', [{ id: 'PL-1', quantity: 3 }])),
      ),
      http.post(`${API}/commerce/order/preview`, () =>
        HttpResponse.json({
          status: 'failure',
          errors: ['x'.repeat(5_000), '', ...Array.from({ length: 80 }, (_, n) => `reason ${n}`)],
        }),
      ),
    );

    const preview = await adapter.licences.preview?.('ACC-1', { seats: 2 }, context);

    expect(preview?.accepted).toBe(false);
    expect(preview?.refusals).toHaveLength(50);
    expect(preview?.refusals[0]).toHaveLength(2000);
  });

  it('refuses to choose between two base-plan lines, as a conflict, before any write', async () => {
    const { adapter, context, sent } = hostile(
      catalog,
      http.get(`${API}/commerce/subscriptions`, () =>
        HttpResponse.json({
          subscription_list: [{ subscription_number: 'A-S1' }, { subscription_number: 'A-S2' }],
        }),
      ),
      http.get(`${API}/commerce/subscriptions/:number`, ({ params }) =>
        HttpResponse.json(subscription(String(params.number), [{ id: 'PL-1', quantity: 2 }])),
      ),
    );

    const state = await adapter.licences.get('ACC-1', context);
    const error = await adapter.licences.set('ACC-1', { seats: 5 }, context).catch((e: unknown) => e);

    expect(state.seats.purchased).toBe(4);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toContain('A-S1: 2 of PL-1; A-S2: 2 of PL-1');
    const writes = sent.filter(
      (request) =>
        request.method === 'POST' &&
        request.url.origin === 'https://api.zoom.us' &&
        !request.url.pathname.endsWith('/catalog'),
    );
    expect(writes).toEqual([]);
  });

  it('reports an unknown registration status as in_review, keeps it as the platform status, and warns', async () => {
    const { adapter, context, logs } = hostile(
      http.get(`${API}/commerce/deal_registrations/DR-1`, () =>
        HttpResponse.json({
          deal_reg_number: 'DR-1',
          status: 'Escalated',
          end_customer: { account_name: 'Acme' },
        }),
      ),
    );

    const referral = await adapter.referrals?.get('DR-1', context);

    expect(referral).toMatchObject({ status: 'in_review', platformStatus: 'Escalated' });
    expect(logs.some((line) => line.message.includes('unknown deal registration status'))).toBe(true);
  });
});
