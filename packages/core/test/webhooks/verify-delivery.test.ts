import { createHmac } from 'node:crypto';
import {
  ConfigurationError,
  checkTimestamp,
  createClient,
  findSigningSecret,
  hmacSha256Hex,
  type PartnerAdapter,
  signaturesMatch,
  toWebhookSecrets,
  WebhookVerificationError,
  type WebhookVerifier,
} from '@channelkit/core';
import { describe, expect, it } from 'vitest';
import { testAdapter } from '../client/test-platform';

// The client's side of verification, with verifiers written here: whatever an adapter's verifier does, a delivery
// that does not verify is a WebhookVerificationError, and what passes is a valid channel event of this platform.

function clientWith(verify: WebhookVerifier['verify'], secrets: readonly string[] = ['s3cret']) {
  const adapter: PartnerAdapter = {
    ...testAdapter(),
    webhooks: { scheme: 'test', secrets: () => secrets, verify },
  };
  return createClient(adapter).webhooks;
}

const event = {
  type: 'account.changed',
  id: 'evt_1',
  partner: 'test-platform',
  occurredAt: '2026-01-01T00:00:00Z',
  accountId: 'acc_1',
  change: 'created',
  platformEvent: 'account.created',
} as const;

function reasonOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof WebhookVerificationError) return error.reason;
    throw error;
  }
  return 'accepted';
}

describe('client.webhooks.verify around an adapter verifier', () => {
  it('turns a verifier that throws anything else into malformed_body, with the cause kept', () => {
    const webhooks = clientWith(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'id')");
    });
    let caught: unknown;
    try {
      webhooks.verify('{}', {});
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(WebhookVerificationError);
    expect((caught as WebhookVerificationError).reason).toBe('malformed_body');
    expect((caught as Error).cause).toBeInstanceOf(TypeError);
  });

  it('refuses events that are not valid channel events, or that name another platform', () => {
    const partner = testAdapter().partner;
    const valid = { ...event, partner };
    const deliver = (events: unknown[]) =>
      clientWith(() => ({ kind: 'events', deliveryId: 'd1', platformEvent: 'x', events: events as never }));
    expect(reasonOf(() => deliver([valid]).verify('{}', {}))).toBe('accepted');
    expect(reasonOf(() => deliver([{ ...valid, occurredAt: 'yesterday' }]).verify('{}', {}))).toBe(
      'malformed_body',
    );
    expect(reasonOf(() => deliver([{ ...valid, type: 'account.exploded' }]).verify('{}', {}))).toBe(
      'malformed_body',
    );
    expect(reasonOf(() => deliver([{ ...valid, partner: 'zoom' }]).verify('{}', {}))).toBe('malformed_body');
  });

  it('hands the verifier the raw bytes, every secret, the tolerance and the clock', () => {
    let seen:
      | { body: string; secrets: readonly string[]; toleranceMs: number; header: string | undefined }
      | undefined;
    const adapter: PartnerAdapter = {
      ...testAdapter(),
      webhooks: {
        scheme: 'test',
        verify: (raw, headers, context) => {
          seen = {
            body: Buffer.from(raw).toString('utf8'),
            secrets: context.secrets,
            toleranceMs: context.toleranceMs,
            header: headers.get('X-Signature'),
          };
          return { kind: 'challenge', response: { status: 200, body: { ok: true } } };
        },
      },
    };
    const webhooks = createClient(adapter, {
      webhooks: { secrets: ['new', 'old'], toleranceMs: 60_000 },
    }).webhooks;
    webhooks.verify(Buffer.from('中文\n'), { 'x-signature': 'abc' });
    expect(seen).toEqual({ body: '中文\n', secrets: ['new', 'old'], toleranceMs: 60_000, header: 'abc' });
  });

  it('needs a secret from the client or the adapter', () => {
    const webhooks = clientWith(
      () => ({ kind: 'events', deliveryId: 'd', platformEvent: 'x', events: [] }),
      [],
    );
    expect(() => webhooks.verify('{}', {})).toThrow(ConfigurationError);
    expect(() => createClient(testAdapter(), { webhooks: { secrets: [''] } })).toThrow(
      /webhooks\.secrets\[0\]/,
    );
    expect(() => createClient(testAdapter(), { webhooks: { toleranceMs: 0 } })).toThrow(
      /webhooks\.toleranceMs/,
    );
    expect(toWebhookSecrets('one', 'secret')).toEqual(['one']);
  });
});

describe('signature helpers', () => {
  it('hmacSha256Hex is the hex HMAC-SHA256 of node:crypto', () => {
    expect(hmacSha256Hex('key', 'message')).toBe(createHmac('sha256', 'key').update('message').digest('hex'));
  });

  it('signaturesMatch compares exactly, and differing lengths are unequal', () => {
    expect(signaturesMatch('abc', 'abc')).toBe(true);
    expect(signaturesMatch('abc', 'abd')).toBe(false);
    expect(signaturesMatch('abc', 'abcd')).toBe(false);
    expect(signaturesMatch('', '')).toBe(true);
  });

  it('findSigningSecret finds the secret that signed, the first of equals', () => {
    const sign = (secret: string) => hmacSha256Hex(secret, 'm');
    expect(findSigningSecret(['a', 'b', 'c'], sign, sign('b'))).toBe('b');
    expect(findSigningSecret(['a', 'b'], sign, sign('z'))).toBeUndefined();
  });

  it('checkTimestamp accepts the edges of the window and refuses beyond them', () => {
    const context = { partner: 'p', secrets: [], toleranceMs: 1000, now: 10_000 };
    expect(() => checkTimestamp(9_000, context)).not.toThrow();
    expect(() => checkTimestamp(11_000, context)).not.toThrow();
    expect(reasonOf(() => checkTimestamp(8_999, context))).toBe('stale_timestamp');
    expect(reasonOf(() => checkTimestamp(11_001, context))).toBe('stale_timestamp');
  });
});
