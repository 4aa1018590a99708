import { createHmac } from 'node:crypto';
import { createClient } from '@channelkit/core';
import { UMEET_LEAD_STATUSES, UMEET_REGISTRATION_STATUSES, umeet } from '@channelkit/umeet';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  expectExactBytesSigned,
  expectMalformedEvents,
  expectNoAlteredBodyVerifies,
  verificationOutcome as reason,
  type SignedWebhooks,
} from '../../../../../test/adapter-support/webhook-checks';
import { LICENCE_EVENT_DATA } from './licence-sample';

// Umeet's contract v1: Umeet-Signature: t=<seconds>,v1=<hex HMAC-SHA256 of "{t}.{raw body}">. Every signature here is
// computed with node:crypto from that formula, apart from the adapter.

const SECRET = 'whsec_umeet_endpoint_secret';
const NOW_S = 1_767_225_600; // 2026-01-01T00:00:00Z
const credentials = { clientId: 'partner-1', clientSecret: 'oauth-secret' };

function sign(secret: string, t: number | string, body: string | Buffer): string {
  return createHmac('sha256', secret)
    .update(Buffer.concat([Buffer.from(`${t}.`), Buffer.from(body)]))
    .digest('hex');
}

function headers(body: string | Buffer, t = NOW_S, secrets = [SECRET]) {
  return {
    'content-type': 'application/json',
    'umeet-signature': [`t=${t}`, ...secrets.map((secret) => `v1=${sign(secret, t, body)}`)].join(','),
  };
}

function client(webhookSecret: string | string[] = SECRET, toleranceMs?: number) {
  return createClient(umeet({ ...credentials, webhookSecret }), {
    webhooks: { now: () => NOW_S * 1000, ...(toleranceMs ? { toleranceMs } : {}) },
  }).webhooks;
}

/** The client's webhooks, with events signed as Umeet signs them, for the shared checks. */
const webhooks: SignedWebhooks = {
  verify: (body, given) => client().verify(body, given),
  signed: (body) => headers(body),
};

/** An event of `type` with `data` in Umeet's envelope. */
const eventBody = (type: string, data: Record<string, unknown>) =>
  JSON.stringify({ id: 'evt_bad', type, created_at: '2026-01-01T00:00:00Z', data });

const activated = JSON.stringify({
  id: 'evt_000000000001',
  type: 'account.activated',
  created_at: '2026-01-01T08:00:00+08:00',
  data: { account_id: 'acc_1', status: 'active', previous_status: 'pending_verification' },
});

describe('Umeet webhook signatures', () => {
  it('verifies a vector computed with openssl, apart from any JavaScript', () => {
    // printf '%s' '1767225600.{"id":"evt_1","type":"account.suspended","created_at":"2026-01-01T00:00:00Z","data":{"account_id":"acc_9"}}' \
    //   | openssl dgst -sha256 -hmac 'whsec_umeet_endpoint_secret'
    const body =
      '{"id":"evt_1","type":"account.suspended","created_at":"2026-01-01T00:00:00Z","data":{"account_id":"acc_9"}}';
    const v1 = 'a8e1288bef473768d186a3041a54c4e6a23603362e93bab575d2b790a0e3c70f';
    expect(sign(SECRET, NOW_S, body)).toBe(v1);
    const verification = client().verify(body, { 'umeet-signature': `t=${NOW_S},v1=${v1}` });
    expect(verification).toEqual({
      kind: 'events',
      deliveryId: 'evt_1',
      platformEvent: 'account.suspended',
      events: [
        {
          type: 'account.changed',
          id: 'evt_1',
          partner: 'umeet',
          occurredAt: '2026-01-01T00:00:00Z',
          accountId: 'acc_9',
          change: 'status_changed',
          status: 'suspended',
          platformEvent: 'account.suspended',
        },
      ],
    });
  });

  it('maps every account event and licence.updated', () => {
    const cases: [string, Record<string, unknown>, Record<string, unknown>][] = [
      [
        'account.provisioned',
        { account_id: 'a', status: 'provisioning' },
        { change: 'created', status: 'provisioning' },
      ],
      ['account.activated', { account_id: 'a' }, { change: 'status_changed', status: 'active' }],
      ['account.rejected', { account_id: 'a' }, { change: 'status_changed', status: 'failed' }],
      [
        'account.resumed',
        { account_id: 'a', previous_status: 'suspended' },
        { status: 'active', previousStatus: 'suspended' },
      ],
      ['account.terminated', { account_id: 'a' }, { change: 'closed', status: 'closed' }],
    ];
    for (const [type, data, expected] of cases) {
      const body = JSON.stringify({ id: `evt_${type}`, type, created_at: '2026-01-01T00:00:00Z', data });
      const verification = client().verify(body, headers(body));
      expect(verification.kind === 'events' && verification.events[0]).toMatchObject({
        type: 'account.changed',
        accountId: 'a',
        ...expected,
      });
    }
    const licence = JSON.stringify({
      id: 'evt_licence',
      type: 'licence.updated',
      created_at: '2026-01-01T00:00:00Z',
      data: LICENCE_EVENT_DATA,
    });
    const verification = client().verify(licence, headers(licence));
    expect(verification.kind === 'events' && verification.events).toEqual([
      expect.objectContaining({
        type: 'licence.changed',
        accountId: 'acc_7',
        current: expect.objectContaining({ seats: { purchased: 40, assigned: 12, cap: 100, pending: 0 } }),
      }),
    ]);
    const other = JSON.stringify({
      id: 'evt_x',
      type: 'meeting.ended',
      created_at: '2026-01-01T00:00:00Z',
      data: {},
    });
    expect(client().verify(other, headers(other))).toMatchObject({ kind: 'events', events: [] });
    // An event named like a member of every object is unknown too, not a lookup of the prototype.
    for (const type of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const body = JSON.stringify({
        id: `evt_${type}`,
        type,
        created_at: '2026-01-01T00:00:00Z',
        data: { account_id: 'a' },
      });
      expect(client().verify(body, headers(body))).toMatchObject({ kind: 'events', events: [] });
    }
  });

  it('verifies referral events from vectors computed with openssl, apart from any JavaScript', () => {
    // printf '1767225600.%s' "$BODY" | openssl dgst -sha256 -hmac 'whsec_umeet_endpoint_secret'
    const approved =
      '{"id":"evt_000000000042","type":"deal_registration.status_changed","created_at":"2026-01-01T00:00:00Z","data":{"deal_registration_id":"dr_0a1b2c3d4e5f6g7h","status":"approved","previous_status":"under_review","status_reason":null}}';
    const declined =
      '{"id":"evt_000000000043","type":"lead.status_changed","created_at":"2026-01-01T00:00:00Z","data":{"lead_id":"lead_9z8y7x6w5v4u3t2s","status":"declined","previous_status":"offered","status_reason":"客户在我们的服务区域之外"}}';
    const vectors = [
      [approved, '731b126d1d18dc6464a2e84d0f19ac35ab05f4d1efd3df62e2dcfec913d8b588'],
      [declined, '3a4b028850cbe354714f112a1f1c294c006572c6bc448e043a2296dcd9c854ef'],
    ] as const;
    for (const [body, v1] of vectors) expect(sign(SECRET, NOW_S, body)).toBe(v1);
    const verify = ([body, v1]: readonly [string, string]) =>
      client().verify(Buffer.from(body, 'utf8'), { 'umeet-signature': `t=${NOW_S},v1=${v1}` });
    expect(verify(vectors[0])).toEqual({
      kind: 'events',
      deliveryId: 'evt_000000000042',
      platformEvent: 'deal_registration.status_changed',
      events: [
        {
          type: 'referral.changed',
          id: 'evt_000000000042',
          partner: 'umeet',
          occurredAt: '2026-01-01T00:00:00Z',
          referralId: 'dr_0a1b2c3d4e5f6g7h',
          status: 'accepted',
          previousStatus: 'in_review',
          platformStatus: 'approved',
          platformEvent: 'deal_registration.status_changed',
        },
      ],
    });
    expect(verify(vectors[1])).toMatchObject({
      deliveryId: 'evt_000000000043',
      events: [
        {
          type: 'referral.changed',
          referralId: 'lead_9z8y7x6w5v4u3t2s',
          status: 'declined',
          previousStatus: 'submitted',
          platformStatus: 'declined',
          platformEvent: 'lead.status_changed',
        },
      ],
    });
    // The reason is signed too: another one (a single Chinese character changed) no longer verifies.
    const altered = declined.replace('区域', '地区');
    expect(
      reason(() => client().verify(altered, { 'umeet-signature': `t=${NOW_S},v1=${vectors[1][1]}` })),
    ).toBe('bad_signature');
  });

  it('maps every registration and lead status through the contract’s status tables', () => {
    const events = (type: string, data: Record<string, unknown>) => {
      const body = JSON.stringify({ id: `evt_${type}`, type, created_at: '2026-01-01T00:00:00Z', data });
      const verification = client().verify(body, headers(body));
      return verification.kind === 'events' ? verification.events : [];
    };
    for (const [platformStatus, status] of Object.entries(UMEET_REGISTRATION_STATUSES)) {
      expect(
        events('deal_registration.status_changed', {
          deal_registration_id: 'dr_0000000000000001',
          status: platformStatus,
          previous_status: 'pending_review',
        }),
      ).toEqual([
        expect.objectContaining({
          referralId: 'dr_0000000000000001',
          status,
          previousStatus: 'submitted',
          platformStatus,
        }),
      ]);
    }
    for (const [platformStatus, status] of Object.entries(UMEET_LEAD_STATUSES)) {
      expect(
        events('lead.status_changed', {
          lead_id: 'lead_0000000000000002',
          status: platformStatus,
          previous_status: 'accepted',
          status_reason: null,
        }),
      ).toEqual([
        expect.objectContaining({
          referralId: 'lead_0000000000000002',
          status,
          previousStatus: 'accepted',
          platformStatus,
        }),
      ]);
    }
    expect(
      events('lead.offered', {
        lead_id: 'lead_0000000000000003',
        status: 'offered',
        respond_by: '2026-01-08',
      }),
    ).toEqual([
      {
        type: 'referral.changed',
        id: 'evt_lead.offered',
        partner: 'umeet',
        occurredAt: '2026-01-01T00:00:00Z',
        referralId: 'lead_0000000000000003',
        status: 'submitted',
        platformStatus: 'offered',
        platformEvent: 'lead.offered',
      },
    ]);
  });

  it('refuses a signed referral event that is not what contract v1 describes, as malformed', () => {
    const malformed: [string, Record<string, unknown>][] = [
      ['deal_registration.status_changed', { status: 'approved', previous_status: 'under_review' }],
      ['deal_registration.status_changed', { deal_registration_id: 'dr_1', status: 'approved' }],
      [
        'deal_registration.status_changed',
        { deal_registration_id: 'dr_1', status: 'APPROVED', previous_status: 'under_review' },
      ],
      [
        'deal_registration.status_changed',
        { deal_registration_id: 'lead_1', status: 'approved', previous_status: 'under_review' },
      ],
      [
        'deal_registration.status_changed',
        { deal_registration_id: 'dr_1/../x', status: 'approved', previous_status: 'under_review' },
      ],
      [
        'deal_registration.status_changed',
        { deal_registration_id: 'dr_1', status: 'converted', previous_status: 'approved' },
      ],
      ['lead.offered', { lead_id: 'dr_1', status: 'offered' }],
      ['lead.offered', { lead_id: 'lead_1' }],
      ['lead.offered', { lead_id: 'lead_1', status: 'offered', respond_by: 'next week' }],
      ['lead.status_changed', { lead_id: 'lead_1', status: 'converted' }],
      ['lead.status_changed', { lead_id: ['lead_1'], status: 'converted', previous_status: 'accepted' }],
      [
        'lead.status_changed',
        { lead_id: 'lead_1', status: 'converted', previous_status: 'accepted', status_reason: {} },
      ],
    ];
    expectMalformedEvents(webhooks, malformed, eventBody);
  });

  it('verifies Chinese text from its UTF-8 bytes, and a trailing newline only with it', () => {
    const chinese = JSON.stringify({
      id: 'evt_cn',
      type: 'account.provisioned',
      created_at: '2026-01-01T00:00:00Z',
      data: { account_id: '上海示例-1', status: 'provisioning' },
    });
    expectExactBytesSigned(webhooks, { chinese, plain: activated });
  });

  it('refuses a tampered body, timestamp or signature, and a replay outside the window', () => {
    const good = headers(activated);
    expect(reason(() => client().verify(activated.replace('acc_1', 'acc_2'), good))).toBe('bad_signature');
    const moved = { 'umeet-signature': good['umeet-signature'].replace(`t=${NOW_S}`, `t=${NOW_S + 1}`) };
    expect(reason(() => client().verify(activated, moved))).toBe('bad_signature');
    const flipped = good['umeet-signature'].replace(/.$/, (last) => (last === '0' ? '1' : '0'));
    expect(reason(() => client().verify(activated, { 'umeet-signature': flipped }))).toBe('bad_signature');
    expect(reason(() => client().verify(activated, headers(activated, NOW_S - 301)))).toBe('stale_timestamp');
    expect(reason(() => client().verify(activated, headers(activated, NOW_S + 301)))).toBe('stale_timestamp');
    expect(client().verify(activated, headers(activated, NOW_S - 299)).kind).toBe('events');
    expect(client(SECRET, 900_000).verify(activated, headers(activated, NOW_S - 600)).kind).toBe('events');
  });

  it('accepts rotation on both sides: several v1 in the header, several secrets in the client', () => {
    // Umeet rotating: one v1 per secret; the receiver knows only the new one.
    expect(client().verify(activated, headers(activated, NOW_S, ['old-secret', SECRET])).kind).toBe('events');
    // The receiver rotating: it accepts the old and the new.
    expect(client(['new-secret', SECRET]).verify(activated, headers(activated)).kind).toBe('events');
    expect(reason(() => client(['new-secret']).verify(activated, headers(activated)))).toBe('bad_signature');
  });

  it('refuses missing and malformed headers', () => {
    const v1 = sign(SECRET, NOW_S, activated);
    const bad = [
      '',
      'v1=abc',
      `t=${NOW_S}`,
      `t=now,v1=${v1}`,
      `t=${NOW_S},t=${NOW_S},v1=${v1}`,
      `v1=${v1}`,
      'garbage',
    ];
    expect(reason(() => client().verify(activated, {}))).toBe('missing_header');
    for (const header of bad.slice(1)) {
      expect({
        header,
        reason: reason(() => client().verify(activated, { 'umeet-signature': header })),
      }).toEqual({
        header,
        reason: 'malformed_header',
      });
    }
    // Entries of other schemes are ignored, as in Stripe's.
    expect(client().verify(activated, { 'umeet-signature': `t=${NOW_S},v0=zzz,v1=${v1}` }).kind).toBe(
      'events',
    );
  });

  it('never crashes nor accepts a forgery on random and truncated input', () => {
    const good = headers(activated);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.uint8Array({ maxLength: 1024 }).map((bytes) => Buffer.from(bytes)),
        ),
        fc.oneof(
          fc.string(),
          fc.nat({ max: good['umeet-signature'].length }).map((n) => good['umeet-signature'].slice(0, n)),
        ),
        (body, header) => {
          const outcome = reason(() => client().verify(body, { 'umeet-signature': header }));
          expect(outcome).not.toBe('accepted');
        },
      ),
      { numRuns: 1500 },
    );
    expectNoAlteredBodyVerifies(webhooks, activated);
  });
});
