import { createHmac } from 'node:crypto';
import {
  ConfigurationError,
  createClient,
  isChannelError,
  UnsupportedOperationError,
  WebhookVerificationError,
} from '@channelkit/core';
import { zoom, zoomCommerce } from '@channelkit/zoom';
import { describe, expect, it } from 'vitest';
import { zoomBody, zoomHeaders, zoomSign } from './zoom-signature';

const SECRET = 'zoom-secret-token';
const NOW_S = 1_700_000_000;
const credentials = { accountId: 'master1', clientId: 'id', clientSecret: 'client-secret' };

function client(
  options: { secrets?: string[]; now?: number; toleranceMs?: number; token?: string | string[] } = {},
) {
  return createClient(zoom({ ...credentials, webhookSecretToken: options.token ?? SECRET }), {
    webhooks: {
      ...(options.secrets ? { secrets: options.secrets } : {}),
      ...(options.toleranceMs ? { toleranceMs: options.toleranceMs } : {}),
      now: () => (options.now ?? NOW_S) * 1000,
    },
  }).webhooks;
}

function refusal(run: () => unknown): WebhookVerificationError {
  try {
    run();
  } catch (error) {
    if (error instanceof WebhookVerificationError) return error;
    throw error;
  }
  throw new Error('expected the delivery to be refused');
}

const created = zoomBody('account.created', { id: 'sub_abc', owner_id: 'own1', email: 'owner@example.cn' });

describe('Zoom webhook signatures', () => {
  it('verifies a vector computed with openssl, apart from any JavaScript', () => {
    // printf '%s' 'v0:1700000000:<body>' | openssl dgst -sha256 -hmac 'zoom-secret-token'
    const signature = 'v0=2c40a6bd5ffc4fdc446137e8b42ffe23fd7eb1f3d642b59b3d262e1cc84bd306';
    expect(zoomSign(SECRET, NOW_S, created)).toBe(signature);
    const verification = client().verify(created, {
      'x-zm-request-timestamp': String(NOW_S),
      'x-zm-signature': signature,
    });
    expect(verification).toEqual({
      kind: 'events',
      deliveryId: 'account.created:1700000000000:master1:sub_abc',
      platformEvent: 'account.created',
      events: [
        {
          type: 'account.changed',
          id: 'account.created:1700000000000:master1:sub_abc',
          partner: 'zoom',
          occurredAt: '2023-11-14T22:13:20.000Z',
          accountId: 'sub_abc',
          change: 'created',
          changes: { ownerEmail: 'owner@example.cn' },
          platformEvent: 'account.created',
        },
      ],
    });
  });

  it('verifies a body with Chinese text from its UTF-8 bytes, as a Buffer or a string', () => {
    const body = zoomBody('account.updated', { id: 'sub_abc', account_name: '上海示例信息技术有限公司' });
    const headers = zoomHeaders(SECRET, NOW_S, body);
    for (const raw of [Buffer.from(body, 'utf8'), body, new Uint8Array(Buffer.from(body, 'utf8'))]) {
      const verification = client().verify(raw, headers);
      expect(verification.kind === 'events' && verification.events[0]).toMatchObject({
        type: 'account.changed',
        change: 'updated',
        changes: { name: '上海示例信息技术有限公司' },
      });
    }
    // The same text signed as Latin-1 bytes is another message.
    const latin1 = zoomHeaders(SECRET, NOW_S, Buffer.from(body, 'latin1'));
    expect(refusal(() => client().verify(body, latin1)).reason).toBe('bad_signature');
  });

  it('verifies a body with a trailing newline, and only with it', () => {
    const body = `${created}\n`;
    const headers = zoomHeaders(SECRET, NOW_S, body);
    expect(client().verify(body, headers).kind).toBe('events');
    expect(refusal(() => client().verify(created, headers)).reason).toBe('bad_signature');
    expect(refusal(() => client().verify(`${body}\n`, headers)).reason).toBe('bad_signature');
  });

  it('refuses a tampered body, timestamp or signature', () => {
    const headers = zoomHeaders(SECRET, NOW_S, created);
    const body = created.replace('sub_abc', 'sub_abd');
    expect(refusal(() => client().verify(body, headers)).reason).toBe('bad_signature');
    const timestamp = { ...headers, 'x-zm-request-timestamp': String(NOW_S + 1) };
    expect(refusal(() => client().verify(created, timestamp)).reason).toBe('bad_signature');
    const last = headers['x-zm-signature'].at(-1) === '0' ? '1' : '0';
    const signature = { ...headers, 'x-zm-signature': headers['x-zm-signature'].slice(0, -1) + last };
    expect(refusal(() => client().verify(created, signature)).reason).toBe('bad_signature');
    const otherSecret = zoomHeaders('another-secret', NOW_S, created);
    expect(refusal(() => client().verify(created, otherSecret)).reason).toBe('bad_signature');
  });

  it('refuses a replay outside the tolerance, in either direction, and accepts one inside', () => {
    const at = (seconds: number) => zoomHeaders(SECRET, seconds, created);
    expect(client().verify(created, at(NOW_S - 299)).kind).toBe('events');
    expect(client().verify(created, at(NOW_S + 299)).kind).toBe('events');
    const old = refusal(() => client().verify(created, at(NOW_S - 301)));
    expect(old.reason).toBe('stale_timestamp');
    expect(old.message).toMatch(/301 s old/);
    expect(refusal(() => client().verify(created, at(NOW_S + 301))).reason).toBe('stale_timestamp');
    // A delivery a day old, perfectly signed, is a replay.
    expect(refusal(() => client().verify(created, at(NOW_S - 86_400))).reason).toBe('stale_timestamp');
    expect(client({ toleranceMs: 600_000 }).verify(created, at(NOW_S - 599)).kind).toBe('events');
  });

  it('accepts every secret of a rotation and answers the challenge with the one that signed it', () => {
    const rotating = client({ token: ['new-secret', 'old-secret'] });
    expect(rotating.verify(created, zoomHeaders('old-secret', NOW_S, created)).kind).toBe('events');
    expect(rotating.verify(created, zoomHeaders('new-secret', NOW_S, created)).kind).toBe('events');
    expect(refusal(() => rotating.verify(created, zoomHeaders(SECRET, NOW_S, created))).reason).toBe(
      'bad_signature',
    );
    // The client's option takes precedence over the adapter's.
    const overridden = client({ secrets: ['client-secret-1'] });
    expect(overridden.verify(created, zoomHeaders('client-secret-1', NOW_S, created)).kind).toBe('events');
    expect(refusal(() => overridden.verify(created, zoomHeaders(SECRET, NOW_S, created))).reason).toBe(
      'bad_signature',
    );
    const challenge = JSON.stringify({ event: 'endpoint.url_validation', payload: { plainToken: 'abc' } });
    expect(rotating.verify(challenge, zoomHeaders('old-secret', NOW_S, challenge))).toEqual({
      kind: 'challenge',
      response: {
        status: 200,
        body: {
          plainToken: 'abc',
          encryptedToken: createHmac('sha256', 'old-secret').update('abc').digest('hex'),
        },
      },
    });
  });

  it('answers the URL validation challenge with the hex HMAC-SHA256 of the plain token', () => {
    const body = JSON.stringify({
      payload: { plainToken: 'qgg8vlvZRS6UYooatFL8Aw' },
      event_ts: 1_654_503_849_680,
      event: 'endpoint.url_validation',
    });
    const verification = client().verify(body, zoomHeaders(SECRET, NOW_S, body));
    // printf '%s' 'qgg8vlvZRS6UYooatFL8Aw' | openssl dgst -sha256 -hmac 'zoom-secret-token'
    expect(verification).toEqual({
      kind: 'challenge',
      response: {
        status: 200,
        body: {
          plainToken: 'qgg8vlvZRS6UYooatFL8Aw',
          encryptedToken: 'd9e0d764a78494688ba3f2d5c0ed4ca311394b4834d959759213424d2df961e3',
        },
      },
    });
    // An unsigned challenge is not answered: the endpoint is no oracle for the secret.
    expect(
      refusal(() =>
        client().verify(body, { 'x-zm-request-timestamp': String(NOW_S), 'x-zm-signature': 'v0=00' }),
      ).reason,
    ).toBe('malformed_header');
  });

  it('maps account.disassociated to a closed account and acknowledges events it does not map', () => {
    const gone = zoomBody('account.disassociated', {
      id: 'sub_abc',
      owner_id: 'own1',
      owner_email: 'o@example.cn',
    });
    const verification = client().verify(gone, zoomHeaders(SECRET, NOW_S, gone));
    expect(verification.kind === 'events' && verification.events).toEqual([
      expect.objectContaining({
        type: 'account.changed',
        accountId: 'sub_abc',
        change: 'closed',
        status: 'closed',
      }),
    ]);
    const meeting = zoomBody('meeting.started', { id: 123456789, uuid: 'u', host_id: 'h' });
    expect(client().verify(meeting, zoomHeaders(SECRET, NOW_S, meeting))).toEqual({
      kind: 'events',
      deliveryId: 'meeting.started:1700000000000:master1:123456789',
      platformEvent: 'meeting.started',
      events: [],
    });
  });

  it('maps commerce.account_status_changed in the Partner Commerce mode, by the CRM account number', () => {
    const commerce = createClient(zoomCommerce({ ...credentials, webhookSecretToken: SECRET }), {
      webhooks: { now: () => NOW_S * 1000 },
    }).webhooks;
    expect(commerce).toBeDefined();
    const body = JSON.stringify({
      event: 'commerce.account_status_changed',
      event_ts: 1_700_000_000_000,
      event_id: '3f1e2d4c-0000-4000-8000-000000000001',
      payload: {
        account_id: 'master1',
        account: { create_reference_id: 'ref-9', crm_account_number: 'ACC-0042', status: 'failure' },
      },
    });
    const verification = commerce.verify(body, zoomHeaders(SECRET, NOW_S, body));
    expect(verification).toMatchObject({
      kind: 'events',
      deliveryId: '3f1e2d4c-0000-4000-8000-000000000001',
      events: [
        { type: 'account.changed', accountId: 'ACC-0042', change: 'status_changed', status: 'failed' },
      ],
    });
  });

  it('acknowledges commerce.deal_registration_status_changed without an event, whatever its payload holds', () => {
    // Zoom announced the event (changelog of 2026-02-10) without a payload schema to map from; the docs promise it is
    // acknowledged and nothing is emitted, so a deal registration is followed with referrals.get() and list().
    const commerce = createClient(zoomCommerce({ ...credentials, webhookSecretToken: SECRET }), {
      webhooks: { now: () => NOW_S * 1000 },
    }).webhooks;
    for (const payload of [
      { account_id: 'master1' },
      { account_id: 'master1', object: { id: 'DR-0042', status: 'Approved' } },
      { account_id: 'master1', deal_registration: { deal_reg_number: 'DR-0042', status: 'Approved' } },
    ]) {
      const body = JSON.stringify({
        event: 'commerce.deal_registration_status_changed',
        event_ts: 1_700_000_000_000,
        payload,
      });
      expect(commerce.verify(body, zoomHeaders(SECRET, NOW_S, body))).toMatchObject({
        kind: 'events',
        platformEvent: 'commerce.deal_registration_status_changed',
        events: [],
      });
    }
  });

  it('refuses missing, repeated and malformed headers', () => {
    const headers = zoomHeaders(SECRET, NOW_S, created);
    const { 'x-zm-signature': _signature, ...noSignature } = headers;
    const { 'x-zm-request-timestamp': _timestamp, ...noTimestamp } = headers;
    expect(refusal(() => client().verify(created, noSignature)).reason).toBe('missing_header');
    expect(refusal(() => client().verify(created, noTimestamp)).reason).toBe('missing_header');
    expect(refusal(() => client().verify(created, {})).message).toMatch(/x-zm-signature header is missing/);
    const twice = { ...headers, 'x-zm-signature': [headers['x-zm-signature'], headers['x-zm-signature']] };
    expect(refusal(() => client().verify(created, twice)).reason).toBe('malformed_header');
    const text = { ...headers, 'x-zm-request-timestamp': 'yesterday' };
    expect(refusal(() => client().verify(created, text)).reason).toBe('malformed_header');
    // Header names are matched whatever their case, and Fetch Headers work too.
    const upper = {
      'X-Zm-Signature': headers['x-zm-signature'],
      'X-ZM-Request-Timestamp': headers['x-zm-request-timestamp'],
    };
    expect(client().verify(created, upper).kind).toBe('events');
    expect(client().verify(created, new Headers(headers)).kind).toBe('events');
  });

  it('refuses a signed body that is not a Zoom event', () => {
    for (const body of ['not json', '[]', '{"event":"account.created"}', zoomBody('account.created', {})]) {
      expect(refusal(() => client().verify(body, zoomHeaders(SECRET, NOW_S, body))).reason).toBe(
        'malformed_body',
      );
    }
  });

  it('refuses a parsed body with how to get the raw one in Express, Fastify and Node', () => {
    const error = refusal(() =>
      client().verify(JSON.parse(created) as never, zoomHeaders(SECRET, NOW_S, created)),
    );
    expect(error.reason).toBe('parsed_body');
    expect(error.message).toMatch(/express\.raw\(/);
    expect(error.message).toMatch(/Fastify.*parseAs: 'buffer'/);
    expect(error.message).toMatch(/plain Node.*Buffer\.concat/);
  });

  it('needs a secret, and never shows one in errors or their serialised forms', () => {
    const without = createClient(zoom(credentials));
    expect(() => without.webhooks.verify(created, zoomHeaders(SECRET, NOW_S, created))).toThrow(
      ConfigurationError,
    );
    const headers = zoomHeaders(SECRET, NOW_S - 10_000, created);
    const errors = [
      refusal(() => client().verify(created, headers)),
      refusal(() => client().verify(`${created} `, zoomHeaders(SECRET, NOW_S, created))),
    ];
    for (const error of errors) {
      expect(isChannelError(error)).toBe(true);
      const shown = `${error.message} ${JSON.stringify(error)} ${String(error.stack)}`;
      expect(shown).not.toContain(SECRET);
      expect(shown).not.toContain(headers['x-zm-signature'].slice(3));
      expect(shown).not.toContain('owner@example.cn');
    }
  });

  it('reports webhooks as unsupported for an adapter without a scheme', () => {
    const adapter = zoom(credentials);
    const { webhooks: _webhooks, ...withoutWebhooks } = adapter;
    const plain = createClient(withoutWebhooks);
    expect(() => plain.webhooks.verify(created, {})).toThrow(UnsupportedOperationError);
  });
});
