import {
  type ChannelClient,
  type ClientEventMap,
  type ClientOptions,
  ReferralTransitionError,
  UnsupportedOperationError,
} from '@channelkit/core';
import {
  canTransitionReferral,
  REFERRAL_ACTIONS,
  type ReferralAction,
  type ReferralStatus,
} from '@channelkit/types';
import { describe, expect, it } from 'vitest';
import type { ConformanceTarget, ConformanceWorld, ConformanceWorldOptions } from './conformance-target';

/** What the referral tests share with the rest of the suite. */
export interface ReferralSuiteContext<Connection> {
  readonly target: ConformanceTarget<Connection>;
  open(options?: ConformanceWorldOptions): Promise<ConformanceWorld<Connection>>;
  clientFor(world: ConformanceWorld<Connection>, options?: ClientOptions): ChannelClient;
  writesSent(world: ConformanceWorld<Connection>): number;
}

const ACTIONS = Object.keys(REFERRAL_ACTIONS) as ReferralAction[];

/** Calls a lifecycle action by name, with no input. */
function act(client: ChannelClient, action: ReferralAction, id: string) {
  return action === 'resubmit' ? client.referrals.resubmit(id) : client.referrals[action](id);
}

/**
 * The referral part of the conformance suite, for platforms whose adapter submits referrals and whose profile says
 * how (`profile.referrals`): submission under idempotency keys and ambiguous failures, reading and listing, the
 * transition table enforced before any write, and the lifecycle calls the adapter supports.
 */
export function describeReferralConformance<Connection>(suite: ReferralSuiteContext<Connection>): void {
  const { target, open, clientFor, writesSent } = suite;
  const profile = target.platform.referrals;
  if (profile === undefined) return;
  const referrals = profile;

  async function submitted(n: number) {
    const world = await open();
    const client = clientFor(world);
    if (!client.capabilities.referrals.outbound) return undefined;
    const referral = await client.referrals.submit(referrals.input(n));
    return { world, client, referral };
  }

  describe('referrals', () => {
    it('submits a referral once per idempotency key, and emits referral.submitted', async () => {
      const world = await open();
      const client = clientFor(world);
      if (!client.capabilities.referrals.outbound) return;
      const events: ClientEventMap['referral.submitted'][] = [];
      client.on('referral.submitted', (event) => events.push(event));
      const input = referrals.input(1);

      const first = await client.referrals.submit(input, { idempotencyKey: 'deal-1-submit' });
      const again = await client.referrals.submit(input, { idempotencyKey: 'deal-1-submit' });

      expect(again).toEqual(first);
      expect(first).toMatchObject({
        partner: target.platform.partner,
        direction: 'outbound',
        status: 'submitted',
      });
      expect(first.platformStatus.length).toBeGreaterThan(0);
      expect(events.map((event) => event.referral.id)).toEqual([first.id]);
      const listed = await client.referrals.list({ status: 'submitted' }).collect({ limit: 1000 });
      expect(
        listed.filter((referral) => referral.name === input.name).map((referral) => referral.id),
      ).toEqual([first.id]);
    });

    it('registers exactly one referral when the submission succeeds but the answer is lost', async () => {
      const world = await open();
      const client = clientFor(world);
      if (!client.capabilities.referrals.outbound) return;
      // The first deal creates the customer's account, so that only the second registration meets the fault.
      const first = referrals.input(2);
      await client.referrals.submit(first);
      const input = { ...first, name: `${first.name} (second deal)` };
      world.sandbox.faults.add({
        ...referrals.submitRequest,
        when: 'after',
        times: 1,
        fault: { kind: 'server_error', status: 503 },
      });

      const referral = await client.referrals.submit(input);

      const listed = await client.referrals.list({}).collect({ limit: 1000 });
      expect(listed.filter((listedReferral) => listedReferral.name === input.name).map((r) => r.id)).toEqual([
        referral.id,
      ]);
    });

    it('reads a referral with its contacts and products', async () => {
      const setup = await submitted(4);
      if (!setup) return;
      const { client, referral } = setup;

      const read = await client.referrals.get(referral.id);

      expect(read.id).toBe(referral.id);
      expect(read.products).toEqual(referrals.input(4).products);
      expect(read.contacts.map((contact) => contact.email)).toEqual(
        referrals.input(4).contacts.map((contact) => contact.email),
      );
    });

    it('refuses a move the transition table does not allow, naming both states, before any write', async () => {
      const setup = await submitted(5);
      if (!setup) return;
      const { world, client, referral } = setup;
      referrals.review(world.sandbox, referral.id, 'accepted');
      const illegal = ACTIONS.filter(
        (action) =>
          client.capabilities.referrals[action] &&
          !canTransitionReferral('accepted', REFERRAL_ACTIONS[action]),
      );
      const writesBefore = writesSent(world);
      const events: unknown[] = [];
      client.on('referral.updated', (event) => events.push(event));

      for (const action of illegal) {
        const refused = await act(client, action, referral.id).catch((error: unknown) => error);
        expect(refused, action).toBeInstanceOf(ReferralTransitionError);
        expect(refused).toMatchObject({ from: 'accepted', to: REFERRAL_ACTIONS[action] });
      }

      expect(writesSent(world)).toBe(writesBefore);
      expect(events).toEqual([]);
      expect((await client.referrals.get(referral.id)).status).toBe('accepted');
    });

    it('refuses to update a referral in a final state before any write', async () => {
      const setup = await submitted(6);
      if (!setup?.client.capabilities.referrals.update) return;
      const { world, client, referral } = setup;
      referrals.review(world.sandbox, referral.id, 'declined');
      const writesBefore = writesSent(world);

      const refused = await client.referrals
        .update(referral.id, { expectedCloseDate: '2027-01-31' })
        .catch((error: unknown) => error);

      expect(refused).toBeInstanceOf(ReferralTransitionError);
      expect(refused).toMatchObject({ from: 'declined', to: undefined });
      expect(writesSent(world)).toBe(writesBefore);
    });

    it('updates an open referral and emits referral.updated', async () => {
      const setup = await submitted(7);
      if (!setup?.client.capabilities.referrals.update) return;
      const { client, referral } = setup;
      const events: ClientEventMap['referral.updated'][] = [];
      client.on('referral.updated', (event) => events.push(event));
      const products = [{ code: referrals.input(7).products[0]?.code ?? 'product', quantity: 321 }];

      const updated = await client.referrals.update(referral.id, {
        products,
        expectedCloseDate: '2027-01-31',
      });

      expect(updated.products).toEqual(products);
      expect(updated.expectedCloseDate).toBe('2027-01-31');
      expect(events.map((event) => [event.referral.id, event.previousStatus])).toEqual([
        [referral.id, 'submitted'],
      ]);
    });

    it('resubmits a referral the platform returned for changes', async () => {
      const setup = await submitted(8);
      if (!setup?.client.capabilities.referrals.resubmit) return;
      const { world, client, referral } = setup;
      referrals.review(world.sandbox, referral.id, 'action_required');
      expect((await client.referrals.get(referral.id)).status).toBe('action_required');

      const resubmitted = await client.referrals.resubmit(referral.id, { notes: 'Decision maker met' });

      expect(resubmitted.status).toBe('submitted');
    });

    it('refuses the lifecycle calls it lacks without sending anything', async () => {
      const world = await open();
      const client = clientFor(world);
      const lacking = ACTIONS.filter((action) => !client.capabilities.referrals[action]);
      for (const action of lacking) {
        const failure = await act(client, action, 'any-referral').catch((error: unknown) => error);
        expect(failure, action).toBeInstanceOf(UnsupportedOperationError);
      }
      expect(world.sandbox.requests).toHaveLength(0);
    });

    it('lists referrals by unified state', async () => {
      const setup = await submitted(9);
      if (!setup) return;
      const { world, client, referral } = setup;
      const states: ReferralStatus[] = ['accepted'];
      referrals.review(world.sandbox, referral.id, 'accepted');

      for (const status of states) {
        const listed = await client.referrals.list({ status }).collect({ limit: 1000 });
        expect(listed.map((item) => item.id)).toContain(referral.id);
        expect(listed.every((item) => item.status === status)).toBe(true);
      }
      const submittedOnes = await client.referrals.list({ status: 'submitted' }).collect({ limit: 1000 });
      expect(submittedOnes.map((item) => item.id)).not.toContain(referral.id);
    });
  });
}
