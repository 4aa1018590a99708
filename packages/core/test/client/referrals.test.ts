import {
  type ClientEventMap,
  createClient,
  IdempotencyKeyReuseError,
  isChannelError,
  PartiallyAppliedError,
  ReferralTransitionError,
  ResponseValidationError,
  UnsupportedOperationError,
  ValidationError,
} from '@channelkit/core';
import {
  MAINLAND_CHINA_ENTERPRISE_POLICY,
  NO_REFERRAL_CAPABILITIES,
  type Referral,
  type ReferralInput,
} from '@channelkit/types';
import { describe, expect, it } from 'vitest';
import { customer, received, requestLines, startPlatform, testAdapter, testClient } from './test-platform';

function referralInput(n: number): ReferralInput {
  return {
    name: `Example ${n} – 20 seats`,
    customer: {
      legalName: `Example ${n} Pte. Ltd.`,
      country: 'SG',
      industry: 'software',
      employeeCount: '51-250',
    },
    contacts: [{ firstName: 'Ada', lastName: 'Tan', email: `ada-${n}@example.com`, mobile: '+6591234567' }],
    products: [{ code: 'meetings', quantity: 20 }],
    estimatedValue: { amountMinor: 200_000, currency: 'SGD' },
    expectedCloseDate: '2026-09-30',
  };
}

function writes(): string[] {
  return requestLines().filter((line) => !line.startsWith('GET '));
}

describe('client.referrals', () => {
  it('submits a referral, validated before sending, and emits referral.submitted', async () => {
    const platform = startPlatform();
    const { client } = testClient();
    const events: ClientEventMap['referral.submitted'][] = [];
    client.on('referral.submitted', (event) => events.push(event));

    const referral = await client.referrals.submit(
      { ...referralInput(1), externalId: 'crm-deal-1' },
      { idempotencyKey: 'deal-1-submit' },
    );

    expect(referral).toMatchObject({
      id: 'r-1',
      status: 'submitted',
      platformStatus: 'SUBMITTED',
      externalId: 'crm-deal-1',
      products: [{ code: 'meetings', quantity: 20 }],
    });
    expect(events.map((event) => [event.id, event.referral.id])).toEqual([
      ['umeet:referral.submitted:deal-1-submit', 'r-1'],
    ]);
    expect(platform.referrals.size).toBe(1);
  });

  it('refuses invalid input naming the field, and sends nothing', async () => {
    startPlatform();
    const { client } = testClient();
    const input = referralInput(2);

    const noContact = await client.referrals.submit({ ...input, contacts: [] }).catch((e: unknown) => e);
    const badDate = await client.referrals
      .submit({ ...input, expectedCloseDate: '2026-02-30' })
      .catch((e: unknown) => e);
    const badId = await client.referrals.get('../accounts').catch((e: unknown) => e);

    expect(noContact).toBeInstanceOf(ValidationError);
    expect((noContact as ValidationError).field).toBe('contacts');
    expect((badDate as ValidationError).field).toBe('expectedCloseDate');
    expect((badId as ValidationError).field).toBe('referralId');
    expect((badId as Error).message).toContain('referral');
    expect(received).toHaveLength(0);
  });

  it('replays a submit repeated with the same key, and refuses the key with another input', async () => {
    const platform = startPlatform();
    const { client } = testClient();

    const first = await client.referrals.submit(referralInput(3), { idempotencyKey: 'deal-3' });
    const sent = requestLines();
    const again = await client.referrals.submit(referralInput(3), { idempotencyKey: 'deal-3' });
    const reused = await client.referrals
      .submit(referralInput(4), { idempotencyKey: 'deal-3' })
      .catch((e: unknown) => e);

    expect(again).toEqual(first);
    expect(requestLines()).toEqual(sent);
    expect(reused).toBeInstanceOf(IdempotencyKeyReuseError);
    expect(platform.referrals.size).toBe(1);
  });

  it('moves a referral along the transition table and emits referral.updated with the previous state', async () => {
    startPlatform();
    const { client } = testClient();
    const referral = await client.referrals.submit(referralInput(5));
    const events: ClientEventMap['referral.updated'][] = [];
    client.on('referral.updated', (event) => events.push(event));

    const accepted = await client.referrals.accept(referral.id);
    const won = await client.referrals.markWon(referral.id, { reason: 'Signed on 2 June' });

    expect([accepted.status, won.status]).toEqual(['accepted', 'won']);
    expect(events.map((event) => [event.previousStatus, event.referral.status])).toEqual([
      ['submitted', 'accepted'],
      ['accepted', 'won'],
    ]);
    expect(won.reason).toBe('Signed on 2 June');
  });

  it('refuses an illegal transition with both states named, after reading and before any write', async () => {
    const platform = startPlatform();
    const { client } = testClient();
    const referral = await client.referrals.submit(referralInput(6));
    const events: unknown[] = [];
    client.on('referral.updated', (event) => events.push(event));
    received.length = 0;

    const refused = await client.referrals.markWon(referral.id).catch((e: unknown) => e);

    expect(refused).toBeInstanceOf(ReferralTransitionError);
    expect(refused).toMatchObject({
      code: 'referral_transition_refused',
      from: 'submitted',
      to: 'won',
      referralId: referral.id,
      operation: 'referrals.markWon',
      allowed: ['in_review', 'accepted', 'declined', 'cancelled'],
    });
    expect((refused as Error).message).toContain('is submitted');
    expect((refused as Error).message).toContain('moving it to won is not allowed');
    expect(requestLines()).toEqual([`GET /referrals/${referral.id}`]);
    expect(writes()).toEqual([]);
    expect(events).toEqual([]);
    expect(platform.referrals.get(referral.id)?.state).toBe('submitted');
  });

  it('refuses to update a referral in a final state, and requires a change', async () => {
    const platform = startPlatform();
    const { client } = testClient();
    const referral = await client.referrals.submit(referralInput(7));
    const stored = platform.referrals.get(referral.id);
    if (stored) stored.state = 'declined';
    received.length = 0;

    const refused = await client.referrals.update(referral.id, { name: 'Renamed' }).catch((e: unknown) => e);
    const empty = await client.referrals.update(referral.id, {}).catch((e: unknown) => e);

    expect(refused).toBeInstanceOf(ReferralTransitionError);
    expect(refused).toMatchObject({ from: 'declined', to: undefined, allowed: [] });
    expect((refused as Error).message).toContain('a final state');
    expect(empty).toBeInstanceOf(ValidationError);
    expect(writes()).toEqual([]);
  });

  it('updates an open referral and returns what the platform reports', async () => {
    startPlatform();
    const { client } = testClient();
    const referral = await client.referrals.submit(referralInput(8));

    const updated = await client.referrals.update(referral.id, {
      products: [{ code: 'meetings', quantity: 40 }],
    });

    expect(updated.products).toEqual([{ code: 'meetings', quantity: 40 }]);
    expect(writes()).toEqual(['POST /referrals', `PATCH /referrals/${referral.id}`]);
  });

  it('returns a referral already in the state asked for without a write or an event', async () => {
    startPlatform();
    const { client } = testClient();
    const referral = await client.referrals.submit(referralInput(9));
    await client.referrals.accept(referral.id);
    const events: unknown[] = [];
    client.on('referral.updated', (event) => events.push(event));
    received.length = 0;

    const again = await client.referrals.accept(referral.id);

    expect(again.status).toBe('accepted');
    expect(writes()).toEqual([]);
    expect(events).toEqual([]);
  });

  it('resubmits a returned referral with its changes', async () => {
    const platform = startPlatform();
    const { client } = testClient();
    const referral = await client.referrals.submit(referralInput(10));
    const stored = platform.referrals.get(referral.id);
    if (stored) stored.state = 'action_required';

    const resubmitted = await client.referrals.resubmit(referral.id, { name: 'Example 10 – 25 seats' });

    expect(resubmitted).toMatchObject({ status: 'submitted', name: 'Example 10 – 25 seats' });
  });

  it('lists referrals validated page by page, filtered', async () => {
    startPlatform();
    const { client } = testClient();
    const first = await client.referrals.submit(referralInput(11));
    await client.referrals.submit(referralInput(12));
    await client.referrals.accept(first.id);

    const accepted = await client.referrals.list({ status: 'accepted' }).collect({ limit: 10 });
    const all = await client.referrals.list().collect({ limit: 10 });

    expect(accepted.map((referral) => referral.id)).toEqual([first.id]);
    expect(all).toHaveLength(2);
  });

  it('refuses a malformed referral from the adapter with ResponseValidationError', async () => {
    const platform = startPlatform();
    const { client } = testClient();
    const referral = await client.referrals.submit(referralInput(13));
    // The test adapter maps what it gets without checking; the client must catch the unknown state.
    platform.referralAnswer = { ...platform.referrals.get(referral.id), state: 'somewhere' };

    const read = await client.referrals.get(referral.id).catch((e: unknown) => e);

    expect(read).toBeInstanceOf(ResponseValidationError);
    expect((read as Error).message).toContain('referrals.get');
    platform.referralAnswer = undefined;
    const accepted = await client.referrals.accept(referral.id);
    expect(accepted.status).toBe('accepted');
  });

  it('reports a lifecycle write whose answer is malformed as applied, naming the referral', async () => {
    startPlatform();
    const adapter = testAdapter();
    const referrals = adapter.referrals;
    if (!referrals?.transition) throw new Error('the test adapter has transitions');
    const transition = referrals.transition.bind(referrals);
    const client = createClient({
      ...adapter,
      referrals: {
        ...referrals,
        get: referrals.get.bind(referrals),
        // An adapter bug the client must catch: a state outside the unified ones.
        transition: async (current, move, context) =>
          ({ ...(await transition(current, move, context)), status: 'nowhere' }) as unknown as Referral,
      },
    });
    const referral = await client.referrals.submit(referralInput(14));

    const failure = await client.referrals.accept(referral.id).catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(PartiallyAppliedError);
    expect(failure).toMatchObject({ resourceId: referral.id, operation: 'referrals.accept' });
  });

  it('throws UnsupportedOperationError with the capabilities as data on a platform without referrals', async () => {
    startPlatform();
    const adapter = testAdapter();
    const client = createClient({
      ...adapter,
      capabilities: { ...adapter.capabilities, referrals: NO_REFERRAL_CAPABILITIES },
      referrals: undefined,
    });

    const calls = [
      client.referrals.submit(referralInput(15)),
      client.referrals.get('r-1'),
      client.referrals.update('r-1', { name: 'x' }),
      client.referrals.accept('r-1'),
      client.referrals.resubmit('r-1'),
    ];
    const failures = await Promise.all(calls.map((call) => call.catch((e: unknown) => e)));
    const listing = (() => {
      try {
        client.referrals.list();
        return undefined;
      } catch (error) {
        return error;
      }
    })();

    for (const failure of [...failures, listing]) {
      expect(failure).toBeInstanceOf(UnsupportedOperationError);
      expect(
        isChannelError(failure) && (failure as UnsupportedOperationError).capabilities?.referrals,
      ).toEqual(NO_REFERRAL_CAPABILITIES);
    }
    expect((failures[0] as Error).message).toContain('referrals.submit');
    expect(received).toHaveLength(0);
  });

  it("refuses a referral whose customer is outside the platform's market, before any request", async () => {
    startPlatform();
    const client = createClient({
      ...testAdapter(),
      displayName: 'Systec Umeet',
      customerPolicy: MAINLAND_CHINA_ENTERPRISE_POLICY,
    });

    const refused = await client.referrals.submit(referralInput(16)).catch((e: unknown) => e);
    // No credit code and no mainland mobile: referrals are checked for the market only.
    const mainland = referralInput(17);
    const accepted = await client.referrals.submit({
      ...mainland,
      customer: { ...mainland.customer, legalName: '上海示例有限公司', country: 'CN' },
    });

    expect(refused).toBeInstanceOf(ValidationError);
    expect(refused).toMatchObject({ field: 'customer.country' });
    expect((refused as Error).message).toContain('Invalid referral input for Systec Umeet');
    expect(accepted.status).toBe('submitted');
    expect(requestLines()).toEqual(['POST /referrals']);
  });

  it('refuses a lifecycle call the platform declares unsupported, even when the adapter has the method', async () => {
    startPlatform();
    const adapter = testAdapter();
    const client = createClient({
      ...adapter,
      capabilities: {
        ...adapter.capabilities,
        referrals: { ...adapter.capabilities.referrals, cancel: false },
      },
    });

    const failure = await client.referrals.cancel('r-1').catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(UnsupportedOperationError);
    expect((failure as Error).message).toContain('referrals.cancel');
    expect(received).toHaveLength(0);
  });
});

describe('client.licences.preview', () => {
  it("returns the platform's figures without changing anything", async () => {
    const platform = startPlatform();
    const { client } = testClient();
    const account = await client.accounts.provision(customer(20, 10));

    const preview = await client.licences.preview(account.id, { seats: 12 });
    const refused = await client.licences.preview(account.id, { seats: 600 });

    expect(preview).toMatchObject({
      before: { seats: 10 },
      after: { seats: 12 },
      accepted: true,
      charges: { monthlyRecurring: { amountMinor: 2_000, currency: 'CNY' } },
    });
    expect(refused).toMatchObject({ accepted: false, refusals: ['at most 500 seats per account'] });
    expect(platform.accounts.get(account.id)?.seats).toBe(10);
  });

  it('is unsupported, with the capabilities as data, where the platform cannot preview', async () => {
    startPlatform();
    const adapter = testAdapter();
    const client = createClient({
      ...adapter,
      capabilities: { ...adapter.capabilities, licences: { get: true, set: true, preview: false } },
    });

    const failure = await client.licences.preview('a-1', { seats: 3 }).catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(UnsupportedOperationError);
    expect((failure as UnsupportedOperationError).capabilities?.licences.preview).toBe(false);
    expect(received).toHaveLength(0);
  });
});
