import { createHmac } from 'node:crypto';
import { createClient } from '@channelkit/core';
import { zhumu } from '@channelkit/zhumu';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  expectExactBytesSigned,
  expectNoAlteredBodyVerifies,
  verificationOutcome as reason,
  type SignedWebhooks,
} from '../../../../../test/adapter-support/webhook-checks';

// Zhumu's contract v1 callbacks: X-Zhumu-Signature = sha256= + hex HMAC-SHA256(api_secret, "{timestamp}.{raw body}").
// Every signature here comes from node:crypto and that formula, apart from the adapter.

const SECRET = 'zhumu-api-secret';
const NOW_S = 1_767_323_045; // 2026-01-02T11:04:05+08:00

function sign(secret: string, t: number | string, body: string | Buffer): string {
  const mac = createHmac('sha256', secret).update(Buffer.concat([Buffer.from(`${t}.`), Buffer.from(body)]));
  return `sha256=${mac.digest('hex')}`;
}

function headers(body: string | Buffer, t = NOW_S, secret = SECRET): Record<string, string> {
  return {
    'content-type': 'application/json',
    'x-zhumu-timestamp': String(t),
    'x-zhumu-signature': sign(secret, t, body),
  };
}

function client(secrets?: string[]) {
  return createClient(zhumu({ apiKey: 'partner-key', apiSecret: SECRET }), {
    webhooks: { now: () => NOW_S * 1000, ...(secrets ? { secrets } : {}) },
  }).webhooks;
}

/** The client's webhooks, with callbacks signed as Zhumu signs them, for the shared checks. */
const webhooks: SignedWebhooks = {
  verify: (body, given) => client().verify(body, given),
  signed: (body) => headers(body),
};

const approved =
  '{"event_id":"evt_7f3c","event":"enterprise.review_approved","occurred_at":"2026-01-02T11:04:05+08:00","enterprise_id":"k3j9","payload":{"status":1}}';

function callback(event: string, payload: Record<string, unknown>): string {
  return JSON.stringify({
    event_id: `evt_${event}`,
    event,
    occurred_at: '2026-01-02T11:04:05+08:00',
    enterprise_id: 'k3j9',
    payload,
  });
}

describe('Zhumu callback signatures', () => {
  it('verifies a vector computed with openssl, apart from any JavaScript', () => {
    // printf '1767323045.%s' "$BODY" | openssl dgst -sha256 -hmac 'zhumu-api-secret'
    const signature = 'sha256=4b151d1192243d29787a48a194b9ce05398cdf32408998b1e42ade8d23c4fd14';
    expect(sign(SECRET, NOW_S, approved)).toBe(signature);
    expect(
      client().verify(approved, { 'x-zhumu-timestamp': String(NOW_S), 'x-zhumu-signature': signature }),
    ).toEqual({
      kind: 'events',
      deliveryId: 'evt_7f3c',
      platformEvent: 'enterprise.review_approved',
      events: [
        {
          type: 'account.changed',
          id: 'evt_7f3c',
          partner: 'zhumu',
          occurredAt: '2026-01-02T11:04:05+08:00',
          accountId: 'k3j9',
          change: 'status_changed',
          status: 'active',
          platformEvent: 'enterprise.review_approved',
        },
      ],
    });
  });

  it('maps the enterprise events and licence.changed', () => {
    const expectations: [string, Record<string, unknown>, unknown][] = [
      ['enterprise.review_rejected', {}, { change: 'status_changed', status: 'failed' }],
      ['enterprise.locked', { status: 4 }, { change: 'status_changed', status: 'suspended' }],
      ['enterprise.cancelled', {}, { change: 'closed', status: 'closed' }],
    ];
    for (const [event, payload, expected] of expectations) {
      const body = callback(event, payload);
      const verification = client().verify(body, headers(body));
      expect(verification.kind === 'events' && verification.events[0]).toMatchObject(expected as object);
    }
    const licence = callback('licence.changed', {
      plan: 'enterprise_annual',
      seats: 50,
      seats_used: 7,
      status: 1,
    });
    const verification = client().verify(licence, headers(licence));
    expect(verification.kind === 'events' && verification.events[0]).toMatchObject({
      type: 'licence.changed',
      accountId: 'k3j9',
      current: { seats: { purchased: 50, assigned: 7 }, status: 'active' },
    });
  });

  it('verifies Chinese text and a trailing newline from the exact bytes', () => {
    const chinese = callback('enterprise.review_rejected', { reason: '营业执照模糊' });
    expectExactBytesSigned(webhooks, { chinese, plain: approved });
  });

  it('refuses tampering, replays, and accepts a rotation', () => {
    const good = headers(approved);
    expect(reason(() => client().verify(approved.replace('k3j9', 'k3j8'), good))).toBe('bad_signature');
    expect(reason(() => client().verify(approved, { ...good, 'x-zhumu-timestamp': String(NOW_S + 1) }))).toBe(
      'bad_signature',
    );
    expect(reason(() => client().verify(approved, headers(approved, NOW_S - 301)))).toBe('stale_timestamp');
    expect(reason(() => client().verify(approved, { 'x-zhumu-timestamp': String(NOW_S) }))).toBe(
      'missing_header',
    );
    expect(reason(() => client().verify(approved, { ...good, 'x-zhumu-signature': 'md5=abc' }))).toBe(
      'malformed_header',
    );
    expect(client(['new-secret', SECRET]).verify(approved, good).kind).toBe('events');
    expect(reason(() => client(['new-secret']).verify(approved, good))).toBe('bad_signature');
  });

  it('needs the secret from the client when credentials come from a provider', () => {
    const provided = createClient(zhumu({ credentials: async () => ({ apiKey: 'k', apiSecret: SECRET }) }), {
      webhooks: { now: () => NOW_S * 1000 },
    });
    expect(() => provided.webhooks.verify(approved, headers(approved))).toThrow(/webhooks\.secrets/);
    const withSecrets = createClient(
      zhumu({ credentials: async () => ({ apiKey: 'k', apiSecret: SECRET }) }),
      {
        webhooks: { now: () => NOW_S * 1000, secrets: [SECRET] },
      },
    );
    expect(withSecrets.webhooks.verify(approved, headers(approved)).kind).toBe('events');
  });

  it('never crashes nor accepts a forgery on random and truncated input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.uint8Array({ maxLength: 1024 }).map((bytes) => Buffer.from(bytes)),
        ),
        fc.dictionary(
          fc.constantFrom('x-zhumu-timestamp', 'x-zhumu-signature'),
          fc.oneof(fc.string(), fc.constant(String(NOW_S)), fc.stringMatching(/^sha256=[0-9a-f]{64}$/)),
        ),
        (body, given) => {
          expect(reason(() => client().verify(body, given))).not.toBe('accepted');
        },
      ),
      { numRuns: 1500 },
    );
    expectNoAlteredBodyVerifies(webhooks, approved);
  });
});
