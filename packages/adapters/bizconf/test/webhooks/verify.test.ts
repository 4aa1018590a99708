import { createHmac } from 'node:crypto';
import { BIZCONF_LEAD_STATUSES, BIZCONF_OPPORTUNITY_STATUSES, bizconf } from '@channelkit/bizconf';
import { createClient } from '@channelkit/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  expectExactBytesSigned,
  expectMalformedEvents,
  expectNoAlteredBodyVerifies,
  verificationOutcome as reason,
  type SignedWebhooks,
} from '../../../../../test/adapter-support/webhook-checks';
import { LICENCE_SAMPLE } from './licence-sample';

// Bizconf's contract v1 callbacks: X-Bizconf-Signature = hex HMAC-SHA256(app secret, "<timestamp>\n<nonce>\n<raw body>"),
// timestamp in milliseconds. Every signature here comes from node:crypto and that formula, apart from the adapter.

const APP_ID = 'partner-app';
const SECRET = 'bizconf-app-secret';
const NOW_MS = 1_768_471_200_000; // 2026-01-15 18:00:00 Beijing time
const NONCE = 'abcdef0123456789abcdef';

function sign(secret: string, timestamp: number | string, nonce: string, body: string | Buffer): string {
  return createHmac('sha256', secret)
    .update(Buffer.concat([Buffer.from(`${timestamp}\n${nonce}\n`), Buffer.from(body)]))
    .digest('hex');
}

function headers(
  body: string | Buffer,
  at = NOW_MS,
  secret = SECRET,
  appId = APP_ID,
): Record<string, string> {
  return {
    'content-type': 'application/json',
    'x-bizconf-app-id': appId,
    'x-bizconf-timestamp': String(at),
    'x-bizconf-nonce': NONCE,
    'x-bizconf-signature': sign(secret, at, NONCE, body),
  };
}

function client(secrets?: string[]) {
  return createClient(
    bizconf({ appId: APP_ID, appSecret: SECRET, baseUrl: 'https://openapi.bizconf.example' }),
    {
      webhooks: { now: () => NOW_MS, ...(secrets ? { secrets } : {}) },
    },
  ).webhooks;
}

/** The client's webhooks, with callbacks signed as Bizconf signs them, for the shared checks. */
const webhooks: SignedWebhooks = {
  verify: (body, given) => client().verify(body, given),
  signed: (body) => headers(body),
};

const frozen =
  '{"eventId":"EVT1","eventType":"ENTERPRISE_STATUS_CHANGED","occurTime":"2026-01-15 18:00:00","data":{"enterpriseId":"E20260115000001","status":"FROZEN","previousStatus":"NORMAL"}}';

function callback(eventType: string, data: Record<string, unknown>): string {
  return JSON.stringify({ eventId: `EVT-${eventType}`, eventType, occurTime: '2026-01-15 18:00:00', data });
}

/** The events of a callback signed correctly. */
function events(body: string) {
  const verification = client().verify(body, headers(body));
  return verification.kind === 'events' ? verification.events : [];
}

const licence = LICENCE_SAMPLE;

describe('Bizconf callback signatures', () => {
  it('verifies a vector computed with openssl, apart from any JavaScript', () => {
    // printf '1768471200000\nabcdef0123456789abcdef\n%s' "$BODY" | openssl dgst -sha256 -hmac 'bizconf-app-secret'
    const signature = '90f5a5473636330d75b7cb042d1aeecfa541058167b0e22682521aa3a3b2fb40';
    expect(sign(SECRET, NOW_MS, NONCE, frozen)).toBe(signature);
    expect(client().verify(frozen, { ...headers(frozen), 'x-bizconf-signature': signature })).toEqual({
      kind: 'events',
      deliveryId: 'EVT1',
      platformEvent: 'ENTERPRISE_STATUS_CHANGED',
      events: [
        {
          type: 'account.changed',
          id: 'EVT1',
          partner: 'bizconf',
          occurredAt: '2026-01-15T18:00:00+08:00',
          accountId: 'E20260115000001',
          change: 'status_changed',
          status: 'suspended',
          previousStatus: 'active',
          platformEvent: 'ENTERPRISE_STATUS_CHANGED',
        },
      ],
    });
  });

  it('maps every callback of contract v1', () => {
    const cases: [string, Record<string, unknown>, unknown[]][] = [
      [
        'ENTERPRISE_CREATED',
        { taskId: 'T1', bizNo: 'B1', enterpriseId: 'E1' },
        [expect.objectContaining({ type: 'account.changed', accountId: 'E1', change: 'created' })],
      ],
      [
        'ENTERPRISE_STATUS_CHANGED',
        { enterpriseId: 'E1', status: 'CANCELLED', previousStatus: 'FROZEN' },
        [expect.objectContaining({ change: 'closed', status: 'closed', previousStatus: 'suspended' })],
      ],
      [
        'LICENCE_CHANGED',
        { enterpriseId: 'E1', licence },
        [
          expect.objectContaining({
            type: 'licence.changed',
            accountId: 'E1',
            current: expect.objectContaining({
              seats: { purchased: 50, assigned: 12 },
              commitment: 'annual',
            }),
          }),
        ],
      ],
      [
        'LICENCE_RENEWED',
        { enterpriseId: 'E1', licence: { ...licence, renewalSeats: 40 } },
        [
          expect.objectContaining({
            type: 'licence.changed',
            current: expect.objectContaining({ seats: { purchased: 50, assigned: 12, pending: 40 } }),
          }),
        ],
      ],
      ['constructor', { enterpriseId: 'E1' }, []],
      ['__proto__', { leadId: 'LD1', status: 'ASSIGNED' }, []],
      [
        'TASK_FAILED',
        { taskId: 'T2', bizNo: 'B2', failCode: 'CREDIT_CODE_INVALID', failReason: '统一社会信用代码无效' },
        [],
      ],
    ];
    for (const [type, data, events] of cases) {
      const body = callback(type, data);
      const verification = client().verify(body, headers(body));
      expect({ type, events: verification.kind === 'events' && verification.events }).toEqual({
        type,
        events,
      });
    }
  });

  it('verifies referral callbacks from vectors computed with openssl, apart from any JavaScript', () => {
    // printf '1768471200000\nabcdef0123456789abcdef\n%s' "$BODY" | openssl dgst -sha256 -hmac 'bizconf-app-secret'
    const approved =
      '{"eventId":"EVT0000000000000042","eventType":"OPPORTUNITY_STATUS_CHANGED","occurTime":"2026-01-15 18:00:00","data":{"opportunityId":"OPP20260115004217","bizNo":"ck0123456789abcdef01","status":"APPROVED","previousStatus":"REVIEWING","reason":null}}';
    const lost =
      '{"eventId":"EVT0000000000000043","eventType":"LEAD_STATUS_CHANGED","occurTime":"2026-01-15 18:00:00","data":{"leadId":"LD20260115000731","status":"LOST","previousStatus":"FOLLOWING","reason":"客户已选择其他供应商"}}';
    const vectors = [
      [approved, '018c69c656098109ae6341aa855564a1ebf958e15c039387628aba34d7a57c1b'],
      [lost, 'd11f2d69111ba2b86d956375624aa0389c652d1f54283a13a7ba79ca7ca9ed9c'],
    ] as const;
    for (const [body, signature] of vectors) expect(sign(SECRET, NOW_MS, NONCE, body)).toBe(signature);
    const verify = ([body, signature]: readonly [string, string]) =>
      client().verify(Buffer.from(body, 'utf8'), { ...headers(body), 'x-bizconf-signature': signature });
    expect(verify(vectors[0])).toEqual({
      kind: 'events',
      deliveryId: 'EVT0000000000000042',
      platformEvent: 'OPPORTUNITY_STATUS_CHANGED',
      events: [
        {
          type: 'referral.changed',
          id: 'EVT0000000000000042',
          partner: 'bizconf',
          occurredAt: '2026-01-15T18:00:00+08:00',
          referralId: 'OPP20260115004217',
          status: 'accepted',
          previousStatus: 'in_review',
          platformStatus: 'APPROVED',
          platformEvent: 'OPPORTUNITY_STATUS_CHANGED',
        },
      ],
    });
    expect(verify(vectors[1])).toMatchObject({
      deliveryId: 'EVT0000000000000043',
      events: [
        {
          type: 'referral.changed',
          referralId: 'LD20260115000731',
          status: 'lost',
          previousStatus: 'accepted',
          platformStatus: 'LOST',
          platformEvent: 'LEAD_STATUS_CHANGED',
        },
      ],
    });
    // The reason is signed too: another one (a single Chinese character changed) no longer verifies.
    expect(
      reason(() =>
        client().verify(lost.replace('其他', '其它'), {
          ...headers(lost),
          'x-bizconf-signature': vectors[1][1],
        }),
      ),
    ).toBe('bad_signature');
  });

  it('maps every opportunity and lead state through the contract’s status tables', () => {
    for (const [platformStatus, status] of Object.entries(BIZCONF_OPPORTUNITY_STATUSES)) {
      const body = callback('OPPORTUNITY_STATUS_CHANGED', {
        opportunityId: 'OPP20260115000001',
        status: platformStatus,
        previousStatus: 'PENDING',
        reason: null,
      });
      expect(events(body)).toEqual([
        expect.objectContaining({
          referralId: 'OPP20260115000001',
          status,
          previousStatus: 'submitted',
          platformStatus,
        }),
      ]);
    }
    for (const [platformStatus, status] of Object.entries(BIZCONF_LEAD_STATUSES)) {
      const body = callback('LEAD_STATUS_CHANGED', {
        leadId: 'LD20260115000002',
        status: platformStatus,
        previousStatus: 'ASSIGNED',
      });
      expect(events(body)).toEqual([
        expect.objectContaining({
          referralId: 'LD20260115000002',
          status,
          previousStatus: 'submitted',
          platformStatus,
        }),
      ]);
    }
    const assigned = callback('LEAD_ASSIGNED', {
      leadId: 'LD20260115000003',
      status: 'ASSIGNED',
      deadline: '2026-01-22',
    });
    const [event] = events(assigned);
    expect(event).toEqual({
      type: 'referral.changed',
      id: 'EVT-LEAD_ASSIGNED',
      partner: 'bizconf',
      occurredAt: '2026-01-15T18:00:00+08:00',
      referralId: 'LD20260115000003',
      status: 'submitted',
      platformStatus: 'ASSIGNED',
      platformEvent: 'LEAD_ASSIGNED',
    });
  });

  it('refuses a signed referral callback that is not what contract v1 describes, as malformed', () => {
    const malformed: [string, Record<string, unknown>][] = [
      ['OPPORTUNITY_STATUS_CHANGED', { status: 'APPROVED', previousStatus: 'REVIEWING' }],
      ['OPPORTUNITY_STATUS_CHANGED', { opportunityId: 'OPP1', status: 'APPROVED' }],
      [
        'OPPORTUNITY_STATUS_CHANGED',
        { opportunityId: 'OPP1', status: 'approved', previousStatus: 'REVIEWING' },
      ],
      [
        'OPPORTUNITY_STATUS_CHANGED',
        { opportunityId: 'LD1', status: 'APPROVED', previousStatus: 'REVIEWING' },
      ],
      [
        'OPPORTUNITY_STATUS_CHANGED',
        { opportunityId: '../OPP1', status: 'APPROVED', previousStatus: 'PENDING' },
      ],
      [
        'OPPORTUNITY_STATUS_CHANGED',
        { opportunityId: 'OPP1', status: 'FOLLOWING', previousStatus: 'PENDING' },
      ],
      ['LEAD_ASSIGNED', { leadId: 'OPP1', status: 'ASSIGNED' }],
      ['LEAD_ASSIGNED', { leadId: 'LD1' }],
      ['LEAD_ASSIGNED', { leadId: 'LD1', status: 'ASSIGNED', deadline: '22 January' }],
      ['LEAD_STATUS_CHANGED', { leadId: 'LD1', status: 'DEAL' }],
      ['LEAD_STATUS_CHANGED', { leadId: 42, status: 'DEAL', previousStatus: 'FOLLOWING' }],
      ['LEAD_STATUS_CHANGED', { leadId: 'LD1', status: 'DEAL', previousStatus: 'FOLLOWING', reason: 7 }],
    ];
    expectMalformedEvents(webhooks, malformed, callback);
  });

  it('verifies Chinese text from its UTF-8 bytes, and a trailing newline only with it', () => {
    const chinese = callback('TASK_FAILED', {
      taskId: 'T',
      bizNo: 'B',
      failCode: 'X',
      failReason: '营业执照已过期',
    });
    expectExactBytesSigned(webhooks, { chinese, plain: frozen });
  });

  it('refuses tampering of the body, timestamp, nonce, signature or application, and replays', () => {
    const good = headers(frozen);
    expect(reason(() => client().verify(frozen.replace('FROZEN', 'NORMAL'), good))).toBe('bad_signature');
    expect(
      reason(() => client().verify(frozen, { ...good, 'x-bizconf-timestamp': String(NOW_MS + 1) })),
    ).toBe('bad_signature');
    expect(
      reason(() => client().verify(frozen, { ...good, 'x-bizconf-nonce': 'abcdef0123456789abcdee' })),
    ).toBe('bad_signature');
    const flipped = good['x-bizconf-signature']?.replace(/.$/, (last) => (last === '0' ? '1' : '0')) ?? '';
    expect(reason(() => client().verify(frozen, { ...good, 'x-bizconf-signature': flipped }))).toBe(
      'bad_signature',
    );
    expect(reason(() => client().verify(frozen, headers(frozen, NOW_MS, SECRET, 'another-app')))).toBe(
      'bad_signature',
    );
    expect(reason(() => client().verify(frozen, headers(frozen, NOW_MS - 300_001)))).toBe('stale_timestamp');
    expect(reason(() => client().verify(frozen, headers(frozen, NOW_MS + 300_001)))).toBe('stale_timestamp');
    expect(client().verify(frozen, headers(frozen, NOW_MS - 299_000)).kind).toBe('events');
  });

  it('accepts several secrets during a rotation', () => {
    expect(client(['new-secret', SECRET]).verify(frozen, headers(frozen)).kind).toBe('events');
    expect(client(['new-secret', SECRET]).verify(frozen, headers(frozen, NOW_MS, 'new-secret')).kind).toBe(
      'events',
    );
    expect(reason(() => client(['new-secret']).verify(frozen, headers(frozen)))).toBe('bad_signature');
  });

  it('refuses missing and malformed headers', () => {
    const good = headers(frozen);
    for (const name of Object.keys(good).filter((key) => key.startsWith('x-bizconf'))) {
      const { [name]: _left, ...without } = good;
      expect({ name, reason: reason(() => client().verify(frozen, without)) }).toEqual({
        name,
        reason: 'missing_header',
      });
    }
    for (const [name, value] of [
      ['x-bizconf-timestamp', '2026-01-15'],
      ['x-bizconf-nonce', 'short'],
      ['x-bizconf-nonce', 'has spaces in it, sixteen+'],
      ['x-bizconf-signature', 'ABC'],
    ] as const) {
      expect({
        name,
        value,
        reason: reason(() => client().verify(frozen, { ...good, [name]: value })),
      }).toEqual({
        name,
        value,
        reason: 'malformed_header',
      });
    }
  });

  it('never crashes nor accepts a forgery on random and truncated input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.uint8Array({ maxLength: 1024 }).map((bytes) => Buffer.from(bytes)),
        ),
        fc.dictionary(
          fc.constantFrom(
            'x-bizconf-app-id',
            'x-bizconf-timestamp',
            'x-bizconf-nonce',
            'x-bizconf-signature',
          ),
          fc.oneof(
            fc.string(),
            fc.constantFrom(APP_ID, String(NOW_MS), NONCE),
            fc.stringMatching(/^[0-9a-f]{64}$/),
          ),
        ),
        (body, given) => {
          expect(reason(() => client().verify(body, given))).not.toBe('accepted');
        },
      ),
      { numRuns: 1500 },
    );
    expectNoAlteredBodyVerifies(webhooks, frozen);
  });
});
