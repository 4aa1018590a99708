import { NotFoundError, ValidationError } from '@channelkit/core';
import { ZOOM_COMMERCE_SANDBOX_PRICE_LISTS, ZOOM_SANDBOX_CREDENTIALS } from '@channelkit/sandbox';
import { describe, expect, it } from 'vitest';
import { bodyOf, commerceInput, commerceSandboxed, PLAN, sentTo, withKey } from './commerce-harness';

const { businessAnnual, largeMeetingsMonthly } = ZOOM_COMMERCE_SANDBOX_PRICE_LISTS;

async function provisioned(options: Parameters<typeof commerceSandboxed>[0] = {}, seats = 10) {
  const world = commerceSandboxed(options);
  const account = await world.adapter.accounts.provision(commerceInput({ seats }), world.context);
  return { ...world, accountId: account.id };
}

describe('zoomCommerce: licences', () => {
  it('reads seats as the quantities of base-plan lines, never counting add-ons, and reports no usage', async () => {
    const { adapter, context, accountId, commerce, sandbox } = await provisioned();
    // An add-on line on the same subscription: Zoom's lines carry no offer type, the catalog says it is no seat.
    const subscription = commerce.listSubscriptions()[0]?.number as string;
    const response = await sandbox.handle(
      new Request('https://api.zoom.us/v2/commerce/order', {
        method: 'POST',
        headers: { authorization: `Bearer ${await tokenOf(sandbox)}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          header: { order_date: '2026-01-15' },
          amend_subscriptions: [
            {
              subscription_number: subscription,
              add_add_ons: [{ offer_price_list_id: largeMeetingsMonthly, quantity: 3 }],
            },
          ],
        }),
      }),
    );
    expect((response as Response).status).toBe(201);

    const state = await adapter.licences.get(accountId, context);

    expect(state).toMatchObject({
      accountId,
      partner: 'zoom',
      plan: PLAN,
      seats: { purchased: 10 },
      commitment: 'annual',
      autoRenew: true,
      status: 'active',
    });
    expect(state.seats.assigned).toBeUndefined();
    expect(state.term?.start).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(state.term?.end).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('changes seats with an amendment order (update_offers), previewed first, under a derived purchase order', async () => {
    const { adapter, context, accountId, sent, commerce } = await provisioned();

    const state = await adapter.licences.set(accountId, { seats: 12 }, withKey(context, 'set-12'));

    const preview = bodyOf<{ amend_subscriptions: unknown[] }>(
      sentTo(sent, 'POST', '/commerce/order/preview')[0],
    );
    const amendment = bodyOf<{ header: { po_number: string }; amend_subscriptions: unknown[] }>(
      sentTo(sent, 'POST', '/commerce/order')[1],
    );
    const subscription = commerce.listSubscriptions()[0]?.number;
    expect(amendment.amend_subscriptions).toEqual([
      {
        subscription_number: subscription,
        update_offers: [
          { offer_price_list_id: PLAN, quantity: 12, start_date: expect.stringMatching(/^\d{4}-/) },
        ],
      },
    ]);
    expect(preview.amend_subscriptions).toEqual(amendment.amend_subscriptions);
    expect(amendment.header.po_number).toMatch(/^CK-/);
    expect(state.seats.purchased).toBe(12);
    expect(commerce.listSubscriptions()[0]).toMatchObject({ version: 2, lines: [{ quantity: 12 }] });
  });

  it('moves to another base plan with upgrade_offers', async () => {
    const { adapter, context, accountId, sent } = await provisioned();

    const state = await adapter.licences.set(accountId, { seats: 10, plan: businessAnnual }, context);

    const amendment = bodyOf<{ amend_subscriptions: { upgrade_offers: unknown[] }[] }>(
      sentTo(sent, 'POST', '/commerce/order')[1],
    );
    expect(amendment.amend_subscriptions[0]?.upgrade_offers).toEqual([
      {
        old_offer_price_list_id: PLAN,
        new_offer_price_list_id: businessAnnual,
        quantity: 10,
        start_date: expect.any(String),
      },
    ]);
    expect(state).toMatchObject({ plan: businessAnnual, seats: { purchased: 10 } });
  });

  it('sends nothing when the seats are already as asked', async () => {
    const { adapter, context, accountId, writes } = await provisioned();
    const before = writes().length;

    await adapter.licences.set(accountId, { seats: 10 }, context);

    expect(writes()).toHaveLength(before);
  });

  it("refuses fewer seats than the customer's licensed users with Zoom's own words, before any order", async () => {
    const { adapter, context, accountId, commerce, writes } = await provisioned();
    commerce.assignSeats(accountId, 8);
    const before = writes().length;

    const error = await adapter.licences.set(accountId, { seats: 7 }, context).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'seats' });
    expect((error as Error).message).toContain('licensed users (8)');
    expect((error as Error).message).toContain('Nothing was ordered');
    expect(writes()).toHaveLength(before);
    expect(commerce.listSubscriptions()[0]?.lines[0]?.quantity).toBe(10);
  });

  it('refuses an add-on as the new plan before any write', async () => {
    const { adapter, context, accountId, writes } = await provisioned();
    const before = writes().length;

    const error = await adapter.licences
      .set(accountId, { seats: 10, plan: largeMeetingsMonthly }, context)
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ name: 'ValidationError', field: 'plan' });
    expect(writes()).toHaveLength(before);
  });

  it('amends exactly once when the order succeeds but its answer is lost', async () => {
    const { adapter, context, accountId, sandbox, commerce } = await provisioned();
    sandbox.faults.add({
      method: 'POST',
      path: '/v2/commerce/order',
      when: 'after',
      times: 1,
      fault: { kind: 'reset' },
    });

    const state = await adapter.licences.set(accountId, { seats: 15 }, withKey(context, 'set-15'));

    expect(state.seats.purchased).toBe(15);
    expect(commerce.listOrders()).toHaveLength(2);
    expect(commerce.listSubscriptions()[0]?.version).toBe(2);
  });

  it("previews a change with the platform's own figures, in minor units, and its refusals", async () => {
    const { adapter, context, accountId, commerce, writes } = await provisioned();
    const before = writes().length;

    const up = await adapter.licences.preview?.(accountId, { seats: 12 }, context);
    commerce.assignSeats(accountId, 9);
    const below = await adapter.licences.preview?.(accountId, { seats: 8 }, context);
    const same = await adapter.licences.preview?.(accountId, { seats: 10 }, context);

    expect(up).toMatchObject({
      accountId,
      before: { plan: PLAN, seats: 10 },
      after: { plan: PLAN, seats: 12 },
      accepted: true,
      refusals: [],
      // 2 more seats at 18.33 USD a month; 12 months of term.
      charges: {
        monthlyRecurring: { amountMinor: 3_666, currency: 'USD' },
        contractValue: { amountMinor: 43_992, currency: 'USD' },
        discountPercent: 0,
      },
    });
    expect(below).toMatchObject({
      accepted: false,
      refusals: [expect.stringContaining('licensed users (9)')],
    });
    expect(below?.charges.monthlyRecurring).toEqual({ amountMinor: 0, currency: 'USD' });
    expect(same).toMatchObject({ accepted: true, charges: {} });
    expect(writes()).toHaveLength(before);
  });

  it('reports an account without a base plan, and an unknown one, as NotFoundError', async () => {
    const { adapter, context, accountId } = await provisioned();
    const bare = commerceSandboxed();
    const noSeats = await bare.adapter.accounts.provision(commerceInput({ seats: undefined }), bare.context);

    const missing = await bare.adapter.licences.get(noSeats.id, bare.context).catch((e: unknown) => e);
    const unknown = await adapter.licences.get('ACC-9999999', context).catch((e: unknown) => e);

    expect(missing).toBeInstanceOf(NotFoundError);
    expect((missing as Error).message).toContain('no active subscription with a base plan');
    expect(unknown).toBeInstanceOf(NotFoundError);
    expect(accountId).not.toBe('ACC-9999999');
  });
});

/** A sandbox access token, to place orders the adapter does not (an add-on). */
async function tokenOf(sandbox: { handle(request: Request): Promise<unknown> }): Promise<string> {
  const { accountId, clientId, clientSecret } = ZOOM_SANDBOX_CREDENTIALS;
  const basic = Buffer.from(`${clientId}:${clientSecret}`).toString('base64');
  const response = (await sandbox.handle(
    new Request(`https://zoom.us/oauth/token?grant_type=account_credentials&account_id=${accountId}`, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}` },
    }),
  )) as Response;
  return ((await response.json()) as { access_token: string }).access_token;
}
