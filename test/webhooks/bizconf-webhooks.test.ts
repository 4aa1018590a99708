import { bizconf } from '@channelkit/bizconf';
import { createClient, type Logger } from '@channelkit/core';
import {
  BIZCONF_SANDBOX_CREDENTIALS,
  bizconfSandboxPlatform,
  type RunningSandbox,
  signBizconfCallback,
  startSandbox,
} from '@channelkit/sandbox';
import { mainlandChinaCustomer, mainlandCreditCode } from '@channelkit/sandbox/conformance';
import type { ProvisionAccountInput, ReferralChangedEvent } from '@channelkit/types';
import { afterEach, describe, expect, it } from 'vitest';
import { mainlandDeal, referralLine } from './mainland-deal';
import { emitted, receive } from './webhook-receiver';

// End to end over HTTP: the sandbox's Bizconf signs its callbacks (X-Bizconf-Signature over timestamp, nonce and
// body) and delivers them, with duplicates, reordering and retries, to a real node handler.

const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

function customer(n: number, seats: number): ProvisionAccountInput {
  const input = mainlandChinaCustomer(n, seats);
  return { ...input, profile: { ...input.profile, creditCode: mainlandCreditCode(n) } };
}

async function setUp(
  target: Record<string, unknown> = {},
  secret: string = BIZCONF_SANDBOX_CREDENTIALS.appSecret,
) {
  // The receiving side needs the application's id and secret only; it never calls Bizconf.
  const receiver = await receive(
    createClient(bizconf({ ...BIZCONF_SANDBOX_CREDENTIALS, baseUrl: 'https://openapi.bizconf.example' }), {
      logger: quiet,
    }),
  );
  closers.push(receiver.close);
  const hosted = bizconfSandboxPlatform({ provisioningDelayMs: 0 });
  const running: RunningSandbox = await startSandbox({
    platforms: [hosted],
    webhooks: { bizconf: { url: receiver.url, secret, retryDelaysMs: [5, 5], ...target } },
  });
  closers.push(() => running.close());
  const env = running.environment();
  const platform = createClient(
    bizconf({ appId: env.BIZCONF_APP_ID, appSecret: env.BIZCONF_APP_SECRET, baseUrl: env.BIZCONF_BASE_URL }),
    { logger: quiet },
  );
  return { receiver, running, platform, controls: running.sandbox.controls(hosted) };
}

describe('Bizconf callbacks from the sandbox to a node handler', () => {
  it('delivers an enterprise lifecycle and a licence change as typed events, each once', async () => {
    const { receiver, running, platform } = await setUp({ duplicateRate: 0.5, outOfOrderRate: 0.3 });
    const account = await platform.accounts.provision(customer(1, 10));
    await platform.licences.set(account.id, { seats: 25 });
    await platform.accounts.suspend(account.id);
    await platform.accounts.resume(account.id);
    await platform.accounts.close(account.id);
    await running.sandbox.webhooks.settled();
    const kinds = () =>
      receiver.events.map((event) =>
        event.type === 'account.changed'
          ? `${event.change}:${event.status ?? ''}`
          : event.type === 'licence.changed'
            ? `licence:${event.current.seats.purchased}`
            : event.type,
      );
    await emitted(receiver.events, 5);
    expect(kinds()).toContain('created:');
    expect(kinds()).toContain('licence:25');
    expect(kinds()).toContain('status_changed:suspended');
    expect(kinds()).toContain('status_changed:active');
    expect(kinds()).toContain('closed:closed');
    expect(new Set(receiver.events.map((event) => event.id)).size).toBe(receiver.events.length);
    expect(receiver.events.every((event) => event.partner === 'bizconf')).toBe(true);
    // Every attempt was answered 200 (duplicates included) or 409 (a copy in flight), and none failed.
    for (const delivery of running.sandbox.webhooks.deliveries) expect([200, 409]).toContain(delivery.status);
  });

  it('delivers a referral lifecycle, a deal registration and a lead, as typed referral.changed events, each once', async () => {
    const { receiver, running, platform, controls } = await setUp({
      duplicateRate: 0.5,
      outOfOrderRate: 0.3,
    });
    const review = async (id: string, status: Parameters<typeof controls.referrals.reviewOpportunity>[1]) => {
      controls.referrals.reviewOpportunity(id, status, status === 'RETURNED' ? '请补充客户预算' : undefined);
      return platform.referrals.get(id); // the next request: the sandbox notices the reviewer's move
    };
    // Outbound: the partner registers a deal; Bizconf's reviewers take it, return it, approve it, and it is won.
    const deal = await platform.referrals.submit(mainlandDeal('STANDARD'));
    expect(deal).toMatchObject({ direction: 'outbound', status: 'submitted' });
    expect((await review(deal.id, 'REVIEWING')).status).toBe('in_review');
    expect((await review(deal.id, 'RETURNED')).status).toBe('action_required');
    expect((await platform.referrals.resubmit(deal.id, { notes: '预算已确认' })).status).toBe('submitted');
    expect((await review(deal.id, 'APPROVED')).status).toBe('accepted');
    expect((await review(deal.id, 'WON')).status).toBe('won');
    // Inbound: Bizconf assigns a lead; the partner accepts it; Bizconf records it lost.
    const { leadId } = controls.referrals.createLead({
      customer: { name: '北京示例科技有限公司', creditCode: mainlandCreditCode(3), province: '北京市' },
      products: [{ productCode: 'PREMIUM', quantity: 80 }],
    });
    const [offered] = await platform.referrals.list({ direction: 'inbound' }).collect({ limit: 10 });
    expect(offered).toMatchObject({ id: leadId, status: 'submitted' });
    expect((await platform.referrals.accept(leadId)).status).toBe('accepted');
    controls.referrals.setLeadStatus(leadId, 'LOST', '客户选择了其他方案');
    expect((await platform.referrals.get(leadId)).status).toBe('lost');

    await running.sandbox.webhooks.settled();
    const referrals = () =>
      receiver.events.filter((event): event is ReferralChangedEvent => event.type === 'referral.changed');
    await emitted(receiver.events, 8); // no account changed here: every event is a referral's
    await new Promise((resolve) => setImmediate(resolve)); // room for a copy that should not be there
    // Deliveries may arrive in any order; each change arrives once, typed, with the statuses before and after.
    expect(referrals().map(referralLine).sort()).toEqual(
      [
        `${deal.id} submitted → in_review (REVIEWING, OPPORTUNITY_STATUS_CHANGED)`,
        `${deal.id} in_review → action_required (RETURNED, OPPORTUNITY_STATUS_CHANGED)`,
        `${deal.id} action_required → submitted (PENDING, OPPORTUNITY_STATUS_CHANGED)`,
        `${deal.id} submitted → accepted (APPROVED, OPPORTUNITY_STATUS_CHANGED)`,
        `${deal.id} accepted → won (WON, OPPORTUNITY_STATUS_CHANGED)`,
        `${leadId} - → submitted (ASSIGNED, LEAD_ASSIGNED)`,
        `${leadId} submitted → accepted (FOLLOWING, LEAD_STATUS_CHANGED)`,
        `${leadId} accepted → lost (LOST, LEAD_STATUS_CHANGED)`,
      ].sort(),
    );
    expect(receiver.events).toHaveLength(8);
    expect(new Set(receiver.events.map((event) => event.id)).size).toBe(receiver.events.length);
    expect(referrals().every((event) => event.partner === 'bizconf')).toBe(true);
    // The sandbox did send copies, and every attempt was answered.
    const attempts = running.sandbox.webhooks.deliveries.filter((delivery) =>
      /^(OPPORTUNITY|LEAD)_/.test(delivery.event),
    );
    expect(attempts.some((delivery) => delivery.duplicate)).toBe(true);
    for (const delivery of attempts) expect([200, 409]).toContain(delivery.status);
  });

  it("answers Bizconf's expected acknowledgement, and refuses a callback signed with another secret", async () => {
    const { receiver } = await setUp();
    const body = JSON.stringify({
      eventId: 'EVT-manual',
      eventType: 'ENTERPRISE_CREATED',
      occurTime: '2026-01-15 10:00:00',
      data: { enterpriseId: 'E1' },
    });
    const post = (appSecret: string) =>
      fetch(receiver.url, {
        method: 'POST',
        headers: signBizconfCallback(body, { appId: BIZCONF_SANDBOX_CREDENTIALS.appId, appSecret }),
        body,
      });
    const accepted = await post(BIZCONF_SANDBOX_CREDENTIALS.appSecret);
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toEqual({ code: 0, msg: 'success' });
    expect((await post('a-guessed-secret')).status).toBe(401);
    await emitted(receiver.events, 1);
    expect(receiver.events).toHaveLength(1);
  });

  it('retries failed deliveries on the schedule and gives up on a wrong secret', async () => {
    const { receiver, running, platform } = await setUp({}, 'not-the-app-secret');
    await platform.accounts.provision(customer(2, 5));
    await running.sandbox.webhooks.settled();
    const created = running.sandbox.webhooks.deliveries.filter(
      (delivery) => delivery.event === 'ENTERPRISE_CREATED',
    );
    expect(created.map((delivery) => [delivery.attempt, delivery.status])).toEqual([
      [1, 401],
      [2, 401],
      [3, 401],
    ]);
    expect(receiver.events).toEqual([]);
  });
});
