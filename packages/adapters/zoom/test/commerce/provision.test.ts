import {
  AbortError,
  ConflictError,
  createClient,
  PartiallyAppliedError,
  ValidationError,
} from '@channelkit/core';
import { ZOOM_COMMERCE_SANDBOX_PRICE_LISTS } from '@channelkit/sandbox';
import { describe, expect, it } from 'vitest';
import {
  bodyOf,
  commerceInput,
  commerceSandboxed,
  PLAN,
  sentTo,
  testSettings,
  withKey,
} from './commerce-harness';

describe('zoomCommerce: provisioning an end customer', () => {
  it('creates the account, follows its creation, and orders the seats under a purchase order derived from the key', async () => {
    const { adapter, context, sent, commerce } = commerceSandboxed();

    const account = await adapter.accounts.provision(commerceInput(), context);

    expect(bodyOf(sentTo(sent, 'POST', '/commerce/account')[0])).toEqual({
      account_name: 'Acme Pte. Ltd.',
      employee_count: '51-250',
      website: 'https://www.acme.example',
      currency: 'USD',
      contacts: [
        {
          first_name: 'Ada',
          last_name: 'Tan',
          job_title: 'IT Manager',
          company_email: 'ada@acme.example',
          business_phone: '+6591234567',
          primary_role: 'Admin',
        },
      ],
      billing_address: {
        line_1: '1 Raffles Place, #20-01',
        city: 'Singapore',
        postal_code: '048616',
        state: 'Singapore',
        country: 'SG',
      },
    });
    // Zoom answered "submitted": the adapter followed the create reference until the CRM number came.
    const reference = commerce.listCustomers()[0]?.createReferenceId;
    expect(sent.some((request) => request.url.searchParams.get('create_reference_id') === reference)).toBe(
      true,
    );
    const order = bodyOf<{ header: { po_number: string }; create_subscriptions: unknown[] }>(
      sentTo(sent, 'POST', '/commerce/order')[0],
    );
    expect(order.header.po_number).toMatch(/^CK-[0-9A-F]{21}$/);
    expect(order.create_subscriptions).toEqual([
      {
        end_customer_crm_account_number: account.id,
        sold_to_crm_contact_number: commerce.listCustomers()[0]?.contacts[0]?.crmNumber,
        initial_term: { term_type: 'TERMED', term_period: 12 },
        currency: 'USD',
        auto_renew: true,
        add_offers: [{ offer_price_list_id: PLAN, quantity: 10 }],
      },
    ]);
    expect(account).toMatchObject({
      partner: 'zoom',
      id: commerce.listCustomers()[0]?.crmAccountNumber,
      name: 'Acme Pte. Ltd.',
      status: 'active',
      externalId: 'crm-42',
      externalRefs: {
        createReferenceId: reference,
        zoomAccountNumber: expect.any(String),
        creationStatus: 'success',
      },
      owner: { email: 'ada@acme.example', firstName: 'Ada', lastName: 'Tan' },
      profile: {
        country: 'SG',
        employeeCount: '51-250',
        address: { region: 'Singapore', postalCode: '048616' },
      },
    });
    expect(account.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
    expect(commerce.listSubscriptions()).toMatchObject([{ lines: [{ priceListId: PLAN, quantity: 10 }] }]);
  });

  it('refuses a mainland-Chinese customer before any request, naming the partner platforms', async () => {
    const { adapter, sent } = commerceSandboxed();
    const input = commerceInput();

    // Zoom's customer policy, as data the client checks (the same rule as the Master Account mode's).
    const error = await createClient(adapter)
      .accounts.provision({
        ...input,
        profile: { ...input.profile, country: 'CN', creditCode: '91310000MA1FL4B24G' },
      })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'profile.country' });
    expect((error as Error).message).toContain('Bizconf, Suirui Zhumu and Systec Umeet');
    expect(sent).toHaveLength(0);
  });

  it.each([
    [
      'profile.website',
      (i: ReturnType<typeof commerceInput>) => ({ ...i, profile: { ...i.profile, website: undefined } }),
    ],
    [
      'profile.address',
      (i: ReturnType<typeof commerceInput>) => ({ ...i, profile: { ...i.profile, address: undefined } }),
    ],
    [
      'profile.address.region',
      (i: ReturnType<typeof commerceInput>) => ({
        ...i,
        profile: {
          ...i.profile,
          address: { line1: '1 Raffles Place', city: 'Singapore', postalCode: '048616', country: 'SG' },
        },
      }),
    ],
    [
      'admin.jobTitle',
      (i: ReturnType<typeof commerceInput>) => ({ ...i, admin: { ...i.admin, jobTitle: undefined } }),
    ],
    [
      'admin.email',
      (i: ReturnType<typeof commerceInput>) => ({ ...i, admin: { ...i.admin, email: 'ada@gmail.com' } }),
    ],
  ])('refuses what Zoom would refuse (%s) before any request', async (field, change) => {
    const { adapter, context, sent } = commerceSandboxed();

    const error = await adapter.accounts.provision(change(commerceInput()), context).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe(field);
    expect(sent).toHaveLength(0);
  });

  it('refuses an add-on as plan, and seats without any plan, before any write', async () => {
    const { adapter, context, writes } = commerceSandboxed({ commerce: { defaultPlan: undefined } });

    const addOn = await adapter.accounts
      .provision(commerceInput({ plan: ZOOM_COMMERCE_SANDBOX_PRICE_LISTS.largeMeetingsMonthly }), context)
      .catch((e: unknown) => e);
    const none = await adapter.accounts.provision(commerceInput(), context).catch((e: unknown) => e);

    expect(addOn).toBeInstanceOf(ValidationError);
    expect(addOn).toMatchObject({ field: 'plan' });
    expect((addOn as Error).message).toContain('not a base-plan price list');
    expect((addOn as Error).message).toContain(PLAN);
    expect(none).toMatchObject({ field: 'plan' });
    expect((none as Error).message).toContain('defaultPlan');
    expect(writes()).toHaveLength(0);
  });

  it('creates no second account and no second order when both answers are lost after the writes', async () => {
    const { adapter, context, sandbox, commerce, sent } = commerceSandboxed();
    sandbox.faults.add({
      method: 'POST',
      path: '/v2/commerce/account',
      when: 'after',
      times: 1,
      fault: { kind: 'reset' },
    });
    sandbox.faults.add({
      method: 'POST',
      path: '/v2/commerce/order',
      when: 'after',
      times: 1,
      fault: { kind: 'server_error', status: 503 },
    });

    const account = await adapter.accounts.provision(commerceInput(), context);

    expect(commerce.listCustomers()).toHaveLength(1);
    expect(commerce.listOrders()).toHaveLength(1);
    expect(sentTo(sent, 'POST', '/commerce/account')).toHaveLength(1);
    expect(sentTo(sent, 'POST', '/commerce/order')).toHaveLength(1);
    // The lost order was found again by its purchase order number.
    const lookup = sent.find((request) => request.url.pathname === '/v2/commerce/orders');
    expect(lookup?.url.searchParams.get('po_number')).toBe(commerce.listOrders()[0]?.poNumber);
    expect(lookup?.url.searchParams.get('page_num')).toBe('1');
    expect(account.id).toBe(commerce.listCustomers()[0]?.crmAccountNumber);
  });

  it('finds an existing customer by name and country, and counts its subscription as done', async () => {
    const { adapter, context, commerce, sent } = commerceSandboxed();
    await adapter.accounts.provision(commerceInput(), context);
    const before = sent.length;

    const again = await adapter.accounts.provision(
      commerceInput({ profile: { ...commerceInput().profile, legalName: 'ACME  pte. ltd.' } }),
      withKey(context, 'another-call'),
    );

    expect(commerce.listCustomers()).toHaveLength(1);
    expect(commerce.listOrders()).toHaveLength(1);
    expect(again.id).toBe(commerce.listCustomers()[0]?.crmAccountNumber);
    expect(
      sent
        .slice(before)
        .filter((request) => request.method === 'POST' && !request.url.pathname.endsWith('/catalog')),
    ).toEqual([]);
  });

  it('refuses other seats for a customer that already has a subscription, as a conflict', async () => {
    const { adapter, context, commerce } = commerceSandboxed();
    await adapter.accounts.provision(commerceInput(), context);

    const error = await adapter.accounts
      .provision(commerceInput({ seats: 20 }), withKey(context, 'other'))
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toContain('already subscribes 10 seats');
    expect((error as Error).message).toContain('licences.set');
    expect(commerce.listOrders()).toHaveLength(1);
  });

  it('stops with PartiallyAppliedError when the order keeps failing, and finishes on a repeat with the same key', async () => {
    const { adapter, commerce, sandbox, sent } = commerceSandboxed();
    const client = createClient(adapter, { maxRetries: 0 });
    // Every order attempt fails before Zoom processes it (each one is looked up by its purchase order first).
    sandbox.faults.add({
      method: 'POST',
      path: '/v2/commerce/order',
      times: 3,
      fault: { kind: 'server_error', status: 500 },
    });
    const input = commerceInput();

    const error = await client.accounts
      .provision(input, { idempotencyKey: 'crm-42-provision' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartiallyAppliedError);
    const crm = commerce.listCustomers()[0]?.crmAccountNumber;
    expect(error).toMatchObject({ resourceId: crm, remaining: [`order 10 seats of ${PLAN}`] });
    expect((error as Error).message).toContain('creates no other');
    expect(sentTo(sent, 'POST', '/commerce/order')).toHaveLength(3);

    const account = await client.accounts.provision(input, { idempotencyKey: 'crm-42-provision' });
    expect(account.id).toBe(crm);
    expect(commerce.listCustomers()).toHaveLength(1);
    expect(commerce.listSubscriptions()).toHaveLength(1);
    expect(sentTo(sent, 'POST', '/commerce/account')).toHaveLength(1);
  });

  it('resumes a provision whose account was still pending at the deadline, without creating another', async () => {
    const { adapter, commerce } = commerceSandboxed({
      sandbox: { zoom: { commerce: { pendingAccountLookups: 1000 } } },
      commerce: { accountCreationTimeoutMs: 0 },
    });
    const client = createClient(adapter, { retry: testSettings.retry });
    const input = commerceInput();

    const pending = await client.accounts
      .provision(input, { idempotencyKey: 'slow' })
      .catch((e: unknown) => e);

    expect(pending).toBeInstanceOf(PartiallyAppliedError);
    const reference = commerce.listCustomers()[0]?.createReferenceId;
    expect(pending).toMatchObject({
      resourceId: reference,
      remaining: ['Zoom completing the account creation', `order 10 seats of ${PLAN}`],
    });
    expect((pending as Error).message).toContain('commerce.account_status_changed');

    commerce.completeAccountCreation(reference as string);
    const account = await client.accounts.provision(input, { idempotencyKey: 'slow' });

    expect(account.id).toBe(commerce.listCustomers()[0]?.crmAccountNumber);
    expect(commerce.listCustomers()).toHaveLength(1);
    expect(commerce.listSubscriptions()).toHaveLength(1);
  });

  it('stops following a pending creation when the signal aborts', async () => {
    const { adapter, context } = commerceSandboxed({
      sandbox: { zoom: { commerce: { pendingAccountLookups: 1000 } } },
    });
    const controller = new AbortController();
    const started = adapter.accounts.provision(commerceInput(), { ...context, signal: controller.signal });
    setTimeout(() => controller.abort(), 20);

    await expect(started).rejects.toBeInstanceOf(AbortError);
  });
});
