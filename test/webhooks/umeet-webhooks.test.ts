import { createClient, type Logger } from '@channelkit/core';
import { type RunningSandbox, startSandbox, umeetSandboxPlatform } from '@channelkit/sandbox';
import { mainlandChinaCustomer } from '@channelkit/sandbox/conformance';
import type { ReferralChangedEvent } from '@channelkit/types';
import { umeet } from '@channelkit/umeet';
import { afterEach, describe, expect, it } from 'vitest';
import { mainlandDeal, referralLine } from './mainland-deal';
import { emitted, receive } from './webhook-receiver';

// End to end over HTTP: the sandbox's Umeet signs its events (Umeet-Signature t=,v1=) and delivers them, with
// duplicates, reordering and retries, to a real node handler.

const SECRET = 'umeet-endpoint-secret';
const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function setUp(target: Record<string, unknown> = {}, secret = SECRET) {
  const receiver = await receive(
    createClient(umeet({ clientId: 'n/a', clientSecret: 'n/a', webhookSecret: SECRET }), { logger: quiet }),
  );
  closers.push(receiver.close);
  const hosted = umeetSandboxPlatform();
  const running: RunningSandbox = await startSandbox({
    platforms: [hosted],
    webhooks: { umeet: { url: receiver.url, secret, retryDelaysMs: [5, 5], ...target } },
  });
  closers.push(() => running.close());
  const env = running.environment();
  const platform = createClient(
    umeet({
      clientId: env.UMEET_CLIENT_ID,
      clientSecret: env.UMEET_CLIENT_SECRET,
      baseUrl: env.UMEET_API_URL,
      tokenUrl: env.UMEET_TOKEN_URL,
    }),
    { logger: quiet },
  );
  return { receiver, running, platform, controls: running.sandbox.controls(hosted) };
}

describe('Umeet webhooks from the sandbox to a node handler', () => {
  it('delivers an account lifecycle and a licence change as typed events, each once', async () => {
    const { receiver, running, platform } = await setUp({ duplicateRate: 0.5, outOfOrderRate: 0.3 });
    const account = await platform.accounts.provision(mainlandChinaCustomer(1, 10));
    await platform.licences.set(account.id, { seats: 25 });
    await platform.accounts.suspend(account.id);
    await platform.accounts.resume(account.id);
    await platform.accounts.close(account.id);
    await platform.accounts.list().collect({ limit: 5 }); // one more request: the sandbox notices the last change
    await running.sandbox.webhooks.settled();
    await emitted(receiver.events, 7);
    const seen = receiver.events.map((event) =>
      event.type === 'account.changed'
        ? `${event.change}:${event.status ?? ''}`
        : event.type === 'licence.changed'
          ? `licence:${event.current.seats.purchased}:${event.current.status}`
          : event.type,
    );
    expect([...seen].sort()).toEqual(
      [
        'closed:closed',
        'created:active',
        'licence:25:active',
        'licence:25:cancelled',
        'status_changed:active',
        'status_changed:active',
        'status_changed:suspended',
      ].sort(),
    );
    expect(new Set(receiver.events.map((event) => event.id)).size).toBe(receiver.events.length);
    for (const event of receiver.events) expect(event).toMatchObject({ partner: 'umeet' });
    expect(
      receiver.events.every((event) => event.type !== 'account.changed' || event.accountId === account.id),
    ).toBe(true);
  });

  it('delivers a referral lifecycle, a deal registration and leads, as typed referral.changed events, each once', async () => {
    const { receiver, running, platform, controls } = await setUp({
      duplicateRate: 0.5,
      outOfOrderRate: 0.3,
    });
    const review = async (
      id: string,
      status: Parameters<typeof controls.referrals.reviewRegistration>[1],
    ) => {
      controls.referrals.reviewRegistration(
        id,
        status,
        status === 'needs_info' ? 'Budget missing' : undefined,
      );
      return platform.referrals.get(id); // the next request: the sandbox notices the reviewer's move
    };
    // Outbound: the partner registers a deal; Systec's reviewers take it, ask for more, approve it, and it is lost.
    const deal = await platform.referrals.submit(mainlandDeal('business'));
    expect(deal).toMatchObject({ direction: 'outbound', status: 'submitted' });
    expect((await review(deal.id, 'under_review')).status).toBe('in_review');
    expect((await review(deal.id, 'needs_info')).status).toBe('action_required');
    expect((await platform.referrals.resubmit(deal.id, { notes: 'Budget confirmed' })).status).toBe(
      'submitted',
    );
    expect((await review(deal.id, 'approved')).status).toBe('accepted');
    expect((await review(deal.id, 'lost')).status).toBe('lost');
    // Inbound: Systec offers two leads; the partner accepts one, which converts, and declines the other.
    const offer = (name: string) =>
      controls.referrals.createLead({
        customer: { name, region: '北京市' },
        products: [{ code: 'enterprise', quantity: 60 }],
      }).id;
    const won = offer('北京示例科技有限公司');
    const declined = offer('广州示例贸易有限公司');
    expect((await platform.referrals.accept(won)).status).toBe('accepted');
    expect((await platform.referrals.decline(declined, { reason: 'Outside our region' })).status).toBe(
      'declined',
    );
    controls.referrals.setLeadStatus(won, 'converted');
    expect((await platform.referrals.get(won)).status).toBe('won');

    await running.sandbox.webhooks.settled();
    await emitted(receiver.events, 10); // no account changed here: every event is a referral's
    await new Promise((resolve) => setImmediate(resolve)); // room for a copy that should not be there
    const referrals = receiver.events.filter(
      (event): event is ReferralChangedEvent => event.type === 'referral.changed',
    );
    // Deliveries may arrive in any order; each change arrives once, typed, with the statuses before and after.
    expect(referrals.map(referralLine).sort()).toEqual(
      [
        `${deal.id} submitted → in_review (under_review, deal_registration.status_changed)`,
        `${deal.id} in_review → action_required (needs_info, deal_registration.status_changed)`,
        `${deal.id} action_required → submitted (pending_review, deal_registration.status_changed)`,
        `${deal.id} submitted → accepted (approved, deal_registration.status_changed)`,
        `${deal.id} accepted → lost (lost, deal_registration.status_changed)`,
        `${won} - → submitted (offered, lead.offered)`,
        `${won} submitted → accepted (accepted, lead.status_changed)`,
        `${won} accepted → won (converted, lead.status_changed)`,
        `${declined} - → submitted (offered, lead.offered)`,
        `${declined} submitted → declined (declined, lead.status_changed)`,
      ].sort(),
    );
    expect(receiver.events).toHaveLength(10);
    expect(new Set(receiver.events.map((event) => event.id)).size).toBe(receiver.events.length);
    for (const event of referrals) expect(event).toMatchObject({ partner: 'umeet' });
    // The sandbox did send copies, and every attempt was answered.
    const attempts = running.sandbox.webhooks.deliveries.filter((delivery) =>
      /^(deal_registration|lead)\./.test(delivery.event),
    );
    expect(attempts.some((delivery) => delivery.duplicate)).toBe(true);
    for (const delivery of attempts) expect([200, 409]).toContain(delivery.status);
  });

  it('retries failed deliveries and gives up on a wrong secret', async () => {
    const { receiver, running, platform } = await setUp({}, 'not-the-endpoint-secret');
    await platform.accounts.provision(mainlandChinaCustomer(2, 5));
    await running.sandbox.webhooks.settled();
    const attempts = running.sandbox.webhooks.deliveries.filter(
      (delivery) => delivery.event === 'account.provisioned',
    );
    expect(attempts.map((delivery) => [delivery.attempt, delivery.status])).toEqual([
      [1, 401],
      [2, 401],
      [3, 401],
    ]);
    expect(receiver.events).toEqual([]);
  });
});
