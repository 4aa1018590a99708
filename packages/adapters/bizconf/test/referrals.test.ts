import { readFileSync } from 'node:fs';
import {
  BIZCONF_CAPABILITIES,
  BIZCONF_LEAD_STATUSES,
  BIZCONF_OPPORTUNITY_STATUSES,
  type BizconfOptions,
  bizconf,
} from '@channelkit/bizconf';
import {
  ConflictError,
  createClient,
  ResponseValidationError,
  UnsupportedOperationError,
  ValidationError,
} from '@channelkit/core';
import type { ReferralInput } from '@channelkit/types';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { describeDuplicateReferralCases } from '../../../../test/adapter-support/duplicate-referral-cases';
import { API, CREDENTIALS, fastClient, type SentRequest, sandboxed, sentTo, server } from './harness';

const page = readFileSync(new URL('../../../../docs/partners/bizconf.md', import.meta.url), 'utf8');

/** The rows of the table under `### heading`, as cells without backticks. */
function subTable(heading: string): string[][] {
  const start = page.indexOf(`\n### ${heading}\n`);
  expect(start, `the page has a subsection ${heading}`).toBeGreaterThan(-1);
  const rest = page.slice(start + 1);
  const end = rest.search(/\n##+ /);
  return (end < 0 ? rest : rest.slice(0, end))
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*-/.test(line))
    .slice(1)
    .map((line) =>
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim().replaceAll('`', '')),
    );
}

function dealInput(overrides: Partial<ReferralInput> = {}): ReferralInput {
  return {
    name: '上海示例信息技术有限公司 – 200 席',
    customer: {
      legalName: '上海示例信息技术有限公司',
      creditCode: '91310000MA1FL4B24G',
      country: 'CN',
      industry: '软件和信息技术服务业',
      employeeCount: '51-250',
      address: { line1: '世纪大道 100 号', city: '上海', region: '上海市', country: 'CN' },
    },
    contacts: [{ firstName: '伟', lastName: '王', email: 'wang.wei@example.cn', mobile: '+8613800138000' }],
    products: [{ code: 'STANDARD', quantity: 200 }],
    estimatedValue: { amountMinor: 1_800_000, currency: 'CNY' },
    expectedCloseDate: '2026-09-30',
    externalId: 'crm-deal-77',
    ...overrides,
  };
}

function world(options: { adapter?: BizconfOptions; now?: () => number } = {}) {
  const setup = sandboxed({
    // A sandbox clock set back (to age registrations) must still accept this machine's signatures.
    ...(options.now ? { platform: { clockSkewMs: 3 * 24 * 60 * 60 * 1000 } } : {}),
    ...(options.adapter ? { adapter: options.adapter } : {}),
    ...(options.now ? { sandbox: { now: options.now } } : {}),
    client: fastClient,
  });
  const creates = () => sentTo(setup.sent, 'POST', '/opportunities');
  const writes = (from = 0) => setup.sent.slice(from).filter((request) => request.method === 'POST');
  return { ...setup, creates, writes };
}

const bodyOf = (request: SentRequest | undefined) => request?.json as Record<string, unknown> | undefined;

describe('the contract tables', () => {
  it('maps every opportunity status exactly as docs/partners/bizconf.md says', () => {
    const rows = subTable('Opportunity status mapping').map(([bizconfStatus, , unified]) => [
      bizconfStatus,
      unified,
    ]);
    expect(Object.fromEntries(rows)).toEqual(BIZCONF_OPPORTUNITY_STATUSES);
  });

  it('maps every lead status exactly as docs/partners/bizconf.md says', () => {
    const rows = subTable('Lead status mapping').map(([bizconfStatus, , unified]) => [
      bizconfStatus,
      unified,
    ]);
    expect(Object.fromEntries(rows)).toEqual(BIZCONF_LEAD_STATUSES);
  });

  it('declares referrals both ways, without won and lost', () => {
    expect(BIZCONF_CAPABILITIES.referrals).toMatchObject({ outbound: true, inbound: true, markWon: false });
  });
});

describe('opportunities (outbound)', () => {
  it('registers with a bizNo, in Bizconf’s fields, and maps the answer', async () => {
    const { client, sent } = world();

    const referral = await client.referrals.submit(dealInput(), { idempotencyKey: 'crm-deal-77-submit' });

    const body = bodyOf(sentTo(sent, 'POST', '/opportunities')[0]);
    expect(body?.bizNo).toMatch(/^ck[0-9a-f]{40}$/);
    expect(body).toMatchObject({
      opportunityName: '上海示例信息技术有限公司 – 200 席',
      customer: {
        name: '上海示例信息技术有限公司',
        creditCode: '91310000MA1FL4B24G',
        province: '上海市',
        scale: '51-250',
      },
      contacts: [{ familyName: '王', givenName: '伟', mobile: '13800138000' }],
      products: [{ productCode: 'STANDARD', quantity: 200 }],
      estimatedAmount: 1_800_000,
      currency: 'CNY',
      externalId: 'crm-deal-77',
    });
    expect(referral).toMatchObject({
      partner: 'bizconf',
      direction: 'outbound',
      status: 'submitted',
      platformStatus: 'PENDING',
      customer: { legalName: '上海示例信息技术有限公司', country: 'CN' },
      contacts: [{ firstName: '伟', lastName: '王', phone: '+8613800138000' }],
      estimatedValue: { amountMinor: 1_800_000, currency: 'CNY' },
      externalRefs: { creditCode: '91310000MA1FL4B24G' },
    });
    expect(referral.id).toMatch(/^OPP\d+$/);
  });

  it('refuses what Bizconf would refuse before anything is sent', async () => {
    const { client, sent } = world();
    const usd = await client.referrals
      .submit(dealInput({ estimatedValue: { amountMinor: 100, currency: 'USD' } }))
      .catch((error: unknown) => error);
    const foreignMobile = await client.referrals
      .submit(
        dealInput({
          contacts: [{ firstName: 'A', lastName: 'B', email: 'a@example.com', mobile: '+6591234567' }],
        }),
      )
      .catch((error: unknown) => error);

    expect(usd).toBeInstanceOf(ValidationError);
    expect(usd).toMatchObject({ field: 'estimatedValue.currency' });
    expect(foreignMobile).toMatchObject({ field: 'contacts[0].mobile' });
    expect(sent).toEqual([]);
  });

  it('follows the reviewers, updates, resubmits and withdraws', async () => {
    const { client, controls } = world();
    const referral = await client.referrals.submit(dealInput());

    controls.referrals.reviewOpportunity(referral.id, 'RETURNED', '请补充决策人信息');
    const returned = await client.referrals.get(referral.id);
    const resubmitted = await client.referrals.resubmit(referral.id, { decisionMakerMet: true });
    const updated = await client.referrals.update(referral.id, {
      products: [{ code: 'PREMIUM', quantity: 50 }],
    });
    controls.referrals.reviewOpportunity(referral.id, 'APPROVED');
    const approved = await client.referrals.get(referral.id);
    const cancelled = await client.referrals.cancel(referral.id, { reason: '客户预算取消' });

    expect(returned).toMatchObject({ status: 'action_required', reason: '请补充决策人信息' });
    expect(resubmitted.status).toBe('submitted');
    expect(updated.products).toEqual([{ code: 'PREMIUM', quantity: 50 }]);
    expect(approved.status).toBe('accepted');
    expect(approved.expiresOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      platformStatus: 'WITHDRAWN',
      reason: '客户预算取消',
    });
  });

  it('refuses to accept its own opportunity before any write', async () => {
    const { client, writes } = world();
    const referral = await client.referrals.submit(dealInput());
    const before = writes().length;

    const refused = await client.referrals.accept(referral.id).catch((error: unknown) => error);

    expect(refused).toBeInstanceOf(UnsupportedOperationError);
    expect(writes().length).toBe(before);
  });

  it('reports a state Bizconf refuses as ConflictError', async () => {
    const { client, controls } = world();
    const referral = await client.referrals.submit(dealInput());
    // Bizconf closes the deal between the client's read and its write.
    let once = true;
    server.events.on('request:end', ({ request }) => {
      if (once && request.method === 'GET' && request.url.includes(`/opportunities/${referral.id}`)) {
        once = false;
        controls.referrals.reviewOpportunity(referral.id, 'WON');
      }
    });

    const failure = await client.referrals.cancel(referral.id).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ConflictError);
    expect(failure).toMatchObject({ platformCode: 40903 });
  });
});

describe('leads (inbound)', () => {
  function assigned() {
    const setup = world();
    const lead = setup.controls.referrals.createLead({
      customer: { name: '杭州示例科技有限公司', province: '浙江省', industry: 'software', scale: '251-500' },
      contacts: [{ familyName: '李', givenName: '芳', email: 'li.fang@example.cn', mobile: '13900139000' }],
      products: [{ productCode: 'PREMIUM', quantity: 300 }],
      estimatedAmount: 3_000_000,
    });
    return { ...setup, lead };
  }

  it('lists and reads assigned leads as inbound submitted referrals', async () => {
    const { client, lead } = assigned();

    const inbound = await client.referrals
      .list({ direction: 'inbound', status: 'submitted' })
      .collect({ limit: 100 });
    const read = await client.referrals.get(lead.leadId);

    expect(inbound.map((referral) => referral.id)).toEqual([lead.leadId]);
    expect(read).toMatchObject({
      direction: 'inbound',
      status: 'submitted',
      platformStatus: 'ASSIGNED',
      customer: { legalName: '杭州示例科技有限公司', country: 'CN', employeeCount: '251-500' },
      contacts: [{ email: 'li.fang@example.cn', phone: '+8613900139000' }],
      products: [{ code: 'PREMIUM', quantity: 300 }],
      estimatedValue: { amountMinor: 3_000_000, currency: 'CNY' },
      expiresOn: lead.deadline,
    });
  });

  it('accepts a lead, and Bizconf records the deal as won', async () => {
    const { client, controls, lead } = assigned();

    const accepted = await client.referrals.accept(lead.leadId);
    controls.referrals.setLeadStatus(lead.leadId, 'DEAL');

    expect(accepted).toMatchObject({ status: 'accepted', platformStatus: 'FOLLOWING' });
    expect((await client.referrals.get(lead.leadId)).status).toBe('won');
  });

  it('declines a lead by rejecting it, with the reason', async () => {
    const { client, sent, lead } = assigned();

    const declined = await client.referrals.decline(lead.leadId, { reason: '超出服务区域' });

    expect(bodyOf(sentTo(sent, 'POST', `/leads/${lead.leadId}/reject`)[0])).toEqual({
      reason: '超出服务区域',
    });
    expect(declined).toMatchObject({ status: 'declined', platformStatus: 'REFUSED', reason: '超出服务区域' });
  });

  it('refuses to update or cancel a lead before any write', async () => {
    const { client, writes, lead } = assigned();

    const update = await client.referrals
      .update(lead.leadId, { notes: 'x' })
      .catch((error: unknown) => error);
    const cancel = await client.referrals.cancel(lead.leadId).catch((error: unknown) => error);

    expect(update).toBeInstanceOf(UnsupportedOperationError);
    expect(cancel).toBeInstanceOf(UnsupportedOperationError);
    expect(writes()).toEqual([]);
  });
});

describe('no duplicate opportunities', () => {
  describeDuplicateReferralCases({
    noun: 'opportunity',
    dealInput,
    world: ({ duplicateWindowMs, now } = {}) => {
      const setup = world({
        ...(duplicateWindowMs === undefined
          ? {}
          : { adapter: { referralDuplicateWindowMs: duplicateWindowMs } }),
        ...(now ? { now } : {}),
      });
      return {
        client: setup.client,
        sandbox: setup.sandbox,
        submissions: setup.creates,
        registered: () => setup.controls.referrals.listOpportunities().map((item) => item.opportunityId),
        decline: (id) => setup.controls.referrals.reviewOpportunity(id, 'REJECTED'),
        anotherClient: () =>
          createClient(bizconf({ ...CREDENTIALS, baseUrl: API.replace('/openapi/v1', '') }), fastClient),
      };
    },
    submitRequest: { method: 'POST', path: '/openapi/v1/opportunities' },
    serverErrorStatus: 500,
    repeatMarker: (request) => bodyOf(request)?.bizNo,
  });

  it('finds the opportunity by its bizNo when the same key is repeated without the look-up', async () => {
    const { client, controls } = world({ adapter: { referralDuplicateWindowMs: 0 } });
    const other = createClient(
      bizconf({ ...CREDENTIALS, baseUrl: API.replace('/openapi/v1', ''), referralDuplicateWindowMs: 0 }),
      fastClient,
    );

    const first = await client.referrals.submit(dealInput(), { idempotencyKey: 'crm-deal-77' });
    // Another process (its own idempotency store) repeats the call with the same key.
    const again = await other.referrals.submit(dealInput(), { idempotencyKey: 'crm-deal-77' });
    const third = createClient(
      bizconf({ ...CREDENTIALS, baseUrl: API.replace('/openapi/v1', ''), referralDuplicateWindowMs: 0 }),
      fastClient,
    );
    const conflict = await third.referrals
      .submit(dealInput({ name: '改过的名字' }), { idempotencyKey: 'crm-deal-77' })
      .catch((error: unknown) => error);

    expect(again.id).toBe(first.id);
    expect(conflict).toMatchObject({ name: 'ConflictError', platformCode: 40902 });
    expect(controls.referrals.listOpportunities()).toHaveLength(1);
  });
});

describe('hostile answers', () => {
  function opportunity(overrides: Record<string, unknown> = {}) {
    return {
      opportunityId: 'OPP20260301000001',
      status: 'PENDING',
      opportunityName: 'Deal',
      customer: { name: '上海示例信息技术有限公司' },
      contacts: [],
      products: [{ productCode: 'STANDARD', quantity: 1 }],
      createTime: '2026-03-01 16:00:00',
      ...overrides,
    };
  }

  async function readWith(data: Record<string, unknown>) {
    server.use(
      http.get(
        `${API}/opportunities/:id`,
        () =>
          new HttpResponse(JSON.stringify({ code: 0, msg: 'success', data }), {
            headers: { 'content-type': 'application/json' },
          }),
      ),
    );
    const client = createClient(
      bizconf({ ...CREDENTIALS, baseUrl: API.replace('/openapi/v1', '') }),
      fastClient,
    );
    return client.referrals.get('OPP20260301000001').catch((error: unknown) => error);
  }

  it.each([
    ['an unknown status', { status: 'MAYBE' }, 'status'],
    ['an id that would change a path', { opportunityId: 'OPP1/../../enterprises' }, 'opportunityId'],
    ['a time in another format', { createTime: '2026-03-01T16:00:00Z' }, 'createTime'],
    ['another currency', { currency: 'USD', estimatedAmount: 5 }, 'currency'],
  ])('refuses an opportunity with %s', async (_what, overrides, field) => {
    const failure = await readWith(opportunity(overrides));
    expect(failure).toBeInstanceOf(ResponseValidationError);
    expect(String((failure as Error).message)).toContain(field);
  });

  it('refuses an id Bizconf never issues before any request', async () => {
    const { client, sent } = world();
    const failure = await client.referrals.get('dr_123').catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: 'ValidationError', field: 'referralId' });
    expect(sent).toEqual([]);
  });
});
