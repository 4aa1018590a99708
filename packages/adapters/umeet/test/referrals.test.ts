import {
  createClient,
  ResponseValidationError,
  UnsupportedOperationError,
  ValidationError,
} from '@channelkit/core';
import type { ReferralInput } from '@channelkit/types';
import {
  UMEET_CAPABILITIES,
  UMEET_LEAD_STATUSES,
  UMEET_REGISTRATION_STATUSES,
  type UmeetOptions,
  umeet,
} from '@channelkit/umeet';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { describeDuplicateReferralCases } from '../../../../test/adapter-support/duplicate-referral-cases';
import { codeSpans, contractSubTable } from './contract-doc';
import { API, apiCalls, sandboxed, server, TOKEN_URL } from './harness';

const FAST = { retry: { maxRetries: 2, baseDelayMs: 5, maxDelayMs: 20 } };

function dealInput(overrides: Partial<ReferralInput> = {}): ReferralInput {
  return {
    name: '上海示例信息技术有限公司 – 250 席',
    customer: {
      legalName: '上海示例信息技术有限公司',
      creditCode: '91310000MA1FL4B24G',
      country: 'CN',
      industry: '软件和信息技术服务业',
      employeeCount: '51-250',
    },
    contacts: [{ firstName: '伟', lastName: '王', email: 'wang.wei@example.cn', mobile: '+8613800138000' }],
    products: [{ code: 'business', quantity: 250 }],
    estimatedValue: { amountMinor: 2_500_000, currency: 'CNY' },
    expectedCloseDate: '2026-09-30',
    externalId: 'crm-deal-981',
    ...overrides,
  };
}

function world(options: { umeet?: UmeetOptions; now?: () => number } = {}) {
  const setup = sandboxed({
    ...(options.umeet ? { umeet: options.umeet } : {}),
    ...(options.now ? { sandbox: { now: options.now } } : {}),
  });
  const client = createClient(setup.adapter, FAST);
  const posts = () => apiCalls(setup.sent).filter((call) => call === 'POST /deal-registrations');
  return { ...setup, client, posts };
}

describe('the contract tables', () => {
  it('maps every deal registration status exactly as docs/partners/umeet.md says', () => {
    const rows = contractSubTable('Deal registration status mapping').map((cells) => [
      codeSpans(cells[0] ?? '')[0],
      codeSpans(cells[1] ?? '')[0],
    ]);
    expect(Object.fromEntries(rows)).toEqual(UMEET_REGISTRATION_STATUSES);
  });

  it('maps every lead status exactly as docs/partners/umeet.md says', () => {
    const rows = contractSubTable('Lead status mapping').map((cells) => [
      codeSpans(cells[0] ?? '')[0],
      codeSpans(cells[1] ?? '')[0],
    ]);
    expect(Object.fromEntries(rows)).toEqual(UMEET_LEAD_STATUSES);
  });

  it('declares what the partner can do and nothing more', () => {
    expect(UMEET_CAPABILITIES.referrals).toMatchObject({
      outbound: true,
      inbound: true,
      accept: true,
      decline: true,
      cancel: true,
      markWon: false,
      markLost: false,
    });
  });
});

describe('deal registrations (outbound)', () => {
  it('submits with an Idempotency-Key and maps the registration', async () => {
    const { client, sent, controls } = world();

    const referral = await client.referrals.submit(dealInput(), { idempotencyKey: 'crm-deal-981-submit' });

    const post = sent.find(
      (request) => request.method === 'POST' && request.url.pathname === '/v1/deal-registrations',
    );
    expect(post?.headers.get('idempotency-key')).toBe('crm-deal-981-submit');
    expect(post?.json).toMatchObject({
      name: '上海示例信息技术有限公司 – 250 席',
      customer: { name: '上海示例信息技术有限公司', credit_code: '91310000MA1FL4B24G', country: 'CN' },
      products: [{ code: 'business', quantity: 250 }],
      estimated_value: { amount_minor: 2_500_000, currency: 'CNY' },
      external_id: 'crm-deal-981',
    });
    expect(referral).toMatchObject({
      partner: 'umeet',
      direction: 'outbound',
      status: 'submitted',
      platformStatus: 'pending_review',
      externalId: 'crm-deal-981',
      externalRefs: { creditCode: '91310000MA1FL4B24G' },
      estimatedValue: { amountMinor: 2_500_000, currency: 'CNY' },
    });
    expect(referral.id).toMatch(/^dr_/);
    expect(controls.referrals.listRegistrations()).toHaveLength(1);
  });

  it('follows the reviewers: approved, then won, with the protection date', async () => {
    const { client, controls } = world();
    const referral = await client.referrals.submit(dealInput());

    controls.referrals.reviewRegistration(referral.id, 'approved');
    const approved = await client.referrals.get(referral.id);
    controls.referrals.reviewRegistration(referral.id, 'won');
    const won = await client.referrals.get(referral.id);

    expect(approved).toMatchObject({ status: 'accepted', platformStatus: 'approved' });
    expect(approved.expiresOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(won.status).toBe('won');
    expect((await client.referrals.list({ status: 'won' }).collect({ limit: 100 })).map((r) => r.id)).toEqual(
      [referral.id],
    );
  });

  it('withdraws a registration on cancel, with the reason', async () => {
    const { client, controls } = world();
    const referral = await client.referrals.submit(dealInput());

    const cancelled = await client.referrals.cancel(referral.id, { reason: '客户改用其他方案' });

    expect(cancelled).toMatchObject({
      status: 'cancelled',
      platformStatus: 'withdrawn',
      reason: '客户改用其他方案',
    });
    expect(controls.referrals.listRegistrations()[0]?.status).toBe('withdrawn');
  });

  it('refuses to accept its own registration, before any write', async () => {
    const { client, sent } = world();
    const referral = await client.referrals.submit(dealInput());
    const before = sent.length;

    const refused = await client.referrals.accept(referral.id).catch((error: unknown) => error);

    expect(refused).toBeInstanceOf(UnsupportedOperationError);
    expect(apiCalls(sent.slice(before))).toEqual([`GET /deal-registrations/${referral.id}`]);
  });
});

describe('leads (inbound)', () => {
  function offered() {
    const setup = world();
    const lead = setup.controls.referrals.createLead({
      customer: {
        name: '杭州示例科技有限公司',
        region: '浙江',
        industry: 'software',
        employeeCount: '251-500',
      },
      contacts: [{ firstName: '芳', lastName: '李', email: 'li.fang@example.cn', mobile: '+8613900139000' }],
      products: [{ code: 'enterprise', quantity: 300 }],
      estimatedValue: { amountMinor: 3_000_000, currency: 'CNY' },
    });
    return { ...setup, lead };
  }

  it('lists offered leads as inbound submitted referrals and reads one', async () => {
    const { client, lead } = offered();

    const inbound = await client.referrals.list({ direction: 'inbound' }).collect({ limit: 100 });
    const read = await client.referrals.get(lead.id);

    expect(inbound.map((referral) => referral.id)).toEqual([lead.id]);
    expect(read).toMatchObject({
      partner: 'umeet',
      direction: 'inbound',
      status: 'submitted',
      platformStatus: 'offered',
      customer: { legalName: '杭州示例科技有限公司', country: 'CN', employeeCount: '251-500' },
      products: [{ code: 'enterprise', quantity: 300 }],
      contacts: [{ email: 'li.fang@example.cn', phone: '+8613900139000' }],
    });
    expect(read.expiresOn).toBe(lead.respond_by);
    expect(await client.referrals.list({ direction: 'outbound' }).collect({ limit: 100 })).toEqual([]);
  });

  it('accepts a lead, and Systec records the sale as won', async () => {
    const { client, controls, lead } = offered();

    const accepted = await client.referrals.accept(lead.id);
    controls.referrals.setLeadStatus(lead.id, 'converted');

    expect(accepted).toMatchObject({ status: 'accepted', platformStatus: 'accepted' });
    expect(accepted.decidedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await client.referrals.get(lead.id)).status).toBe('won');
  });

  it('declines a lead with a reason', async () => {
    const { client, sent, lead } = offered();

    const declined = await client.referrals.decline(lead.id, { reason: '不在我们的服务区域' });

    const post = sent.find((request) => request.url.pathname.endsWith('/decline'));
    expect(post?.json).toEqual({ reason: '不在我们的服务区域' });
    expect(declined).toMatchObject({ status: 'declined', reason: '不在我们的服务区域' });
  });

  it('refuses to update or cancel a lead, and to decline an accepted one, before any write', async () => {
    const { client, sent, lead } = offered();
    await client.referrals.accept(lead.id);
    const before = sent.length;

    const update = await client.referrals.update(lead.id, { notes: 'x' }).catch((error: unknown) => error);
    const cancel = await client.referrals.cancel(lead.id).catch((error: unknown) => error);
    const decline = await client.referrals.decline(lead.id).catch((error: unknown) => error);

    expect(update).toBeInstanceOf(UnsupportedOperationError);
    expect(cancel).toBeInstanceOf(UnsupportedOperationError);
    expect(decline).toMatchObject({ name: 'ReferralTransitionError', from: 'accepted', to: 'declined' });
    expect(apiCalls(sent.slice(before)).every((call) => call.startsWith('GET '))).toBe(true);
  });

  it('lets an unanswered lead expire after its respond-by date', async () => {
    let now = Date.parse('2026-03-01T08:00:00Z');
    const setup = world({ now: () => now });
    const lead = setup.controls.referrals.createLead({
      customer: { name: '南京示例有限公司' },
      products: [{ code: 'business', quantity: 20 }],
      respondWithinDays: 2,
    });
    now += 3 * 24 * 60 * 60 * 1000;

    expect((await setup.client.referrals.get(lead.id)).status).toBe('expired');
  });
});

describe('no duplicate registrations', () => {
  describeDuplicateReferralCases({
    noun: 'registration',
    dealInput,
    world: ({ duplicateWindowMs, now } = {}) => {
      const setup = world({
        ...(duplicateWindowMs === undefined
          ? {}
          : { umeet: { referralDuplicateWindowMs: duplicateWindowMs } }),
        ...(now ? { now } : {}),
      });
      return {
        client: setup.client,
        sandbox: setup.sandbox,
        submissions: () =>
          setup.sent.filter(
            (request) => request.method === 'POST' && request.url.pathname === '/v1/deal-registrations',
          ),
        registered: () => setup.controls.referrals.listRegistrations().map((registration) => registration.id),
        decline: (id) => setup.controls.referrals.reviewRegistration(id, 'rejected'),
        anotherClient: () =>
          createClient(
            umeet({
              clientId: setup.controls.credentials.clientId,
              clientSecret: setup.controls.credentials.clientSecret,
            }),
            FAST,
          ),
      };
    },
    submitRequest: { method: 'POST', path: '/v1/deal-registrations' },
    serverErrorStatus: 503,
    repeatMarker: (request) => request.headers.get('idempotency-key'),
  });

  it('matches the customer by credit code, and by name ignoring case, spacing and full-width forms', async () => {
    const { client, posts } = world();
    const first = await client.referrals.submit(dealInput());

    const byCode = await client.referrals.submit(
      dealInput({ customer: { ...dealInput().customer, legalName: '上海示例（集团）' } }),
    );
    const noCode = dealInput().customer;
    const { creditCode: _code, ...withoutCode } = noCode;
    const byName = await client.referrals.submit(
      dealInput({ customer: { ...withoutCode, legalName: ' 上海示例信息技术有限公司 ' } }),
    );

    expect([byCode.id, byName.id]).toEqual([first.id, first.id]);
    expect(posts()).toHaveLength(1);
  });

  it('honours a shorter window, and 0 turns the look-up off', async () => {
    let now = Date.now() - 2 * 60 * 60 * 1000;
    const hour = world({ now: () => now, umeet: { referralDuplicateWindowMs: 60 * 60 * 1000 } });
    const old = await hour.client.referrals.submit(dealInput());
    now = Date.now();
    expect((await hour.client.referrals.submit(dealInput())).id).not.toBe(old.id);

    const off = world({ umeet: { referralDuplicateWindowMs: 0 } });
    await off.client.referrals.submit(dealInput());
    await off.client.referrals.submit(dealInput());
    expect(apiCalls(off.sent).filter((call) => call.startsWith('GET /deal-registrations'))).toEqual([]);
    expect(off.posts()).toHaveLength(2);
  });
});

describe('hostile answers', () => {
  const token = http.post(TOKEN_URL, () =>
    HttpResponse.json({ access_token: 'token-referrals-1', token_type: 'Bearer', expires_in: 3600 }),
  );

  function registration(overrides: Record<string, unknown> = {}) {
    return {
      id: 'dr_0000000000000001',
      status: 'pending_review',
      name: 'Deal',
      customer: { name: '上海示例信息技术有限公司', country: 'CN' },
      contacts: [],
      products: [{ code: 'business', quantity: 1 }],
      created_at: '2026-03-01T08:00:00Z',
      ...overrides,
    };
  }

  async function readWith(body: Record<string, unknown>) {
    server.use(
      token,
      http.get(
        `${API}/deal-registrations/:id`,
        () => new HttpResponse(JSON.stringify(body), { headers: { 'content-type': 'application/json' } }),
      ),
    );
    const client = createClient(umeet({ clientId: 'id', clientSecret: 'secret-referrals-0123' }), FAST);
    return client.referrals.get('dr_0000000000000001').catch((error: unknown) => error);
  }

  it.each([
    ['an unknown status', { status: 'approved_maybe' }, 'status'],
    ['an id that would change a path', { id: 'dr_1/../../accounts' }, 'id'],
    ['an id of another kind', { id: 'lead_0000000000000001' }, 'id'],
    ['a product without a quantity', { products: [{ code: 'business' }] }, 'products'],
  ])('refuses a registration with %s', async (_what, overrides, field) => {
    const failure = await readWith(registration(overrides));
    expect(failure).toBeInstanceOf(ResponseValidationError);
    expect(String((failure as Error).message)).toContain(field);
  });

  it('refuses an id Umeet never issues before any request', async () => {
    const { client, sent } = world();
    const failure = await client.referrals.get('opp_123').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ValidationError);
    expect(failure).toMatchObject({ field: 'referralId' });
    expect(apiCalls(sent)).toEqual([]);
  });

  it('refuses a listing page that does not echo its offset', async () => {
    server.use(
      token,
      http.get(`${API}/deal-registrations`, () =>
        HttpResponse.json({ items: [registration()], total: 5, offset: 3, limit: 200 }),
      ),
      http.get(`${API}/leads`, () => HttpResponse.json({ items: [], total: 0, offset: 0, limit: 200 })),
    );
    const client = createClient(umeet({ clientId: 'id', clientSecret: 'secret-referrals-0123' }), FAST);
    const failure = await client.referrals
      .list()
      .collect({ limit: 100 })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ResponseValidationError);
  });
});
