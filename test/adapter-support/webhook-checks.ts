// Checks every adapter's webhook verification must pass, whatever its signature scheme: the signature covers the exact
// bytes of the body, no altered or truncated body verifies, and a signed body that is not what the contract describes
// is refused as malformed. Each platform's verify test calls them with its client and its own signing (computed with
// node:crypto from the platform's formula, apart from the adapter).
import { WebhookVerificationError } from '@channelkit/core';
import fc from 'fast-check';
import { expect } from 'vitest';

/** `accepted`, or the reason of the `WebhookVerificationError` that `run` throws; any other error is rethrown. */
export function verificationOutcome(run: () => unknown): string {
  try {
    run();
    return 'accepted';
  } catch (error) {
    if (error instanceof WebhookVerificationError) return error.reason;
    throw error;
  }
}

/** One platform's webhooks, as the checks drive them. */
export interface SignedWebhooks {
  /** Verifies a delivery, as `client.webhooks.verify` does. */
  verify(body: string | Buffer, headers: Record<string, string>): { kind: string };
  /** Headers that sign `body` correctly, now, with the client's secret. */
  signed(body: string | Buffer): Record<string, string>;
}

/**
 * The signature covers the body's exact bytes: Chinese text verifies from its UTF-8 bytes and not from the bytes of
 * another encoding, and a trailing newline verifies only when it was signed.
 */
export function expectExactBytesSigned(
  webhooks: SignedWebhooks,
  bodies: { chinese: string; plain: string },
): void {
  const { verify, signed } = webhooks;
  const { chinese, plain } = bodies;
  expect(verify(Buffer.from(chinese), signed(chinese)).kind).toBe('events');
  expect(verificationOutcome(() => verify(chinese, signed(Buffer.from(chinese, 'latin1'))))).toBe(
    'bad_signature',
  );
  expect(verify(`${plain}\n`, signed(`${plain}\n`)).kind).toBe('events');
  expect(verificationOutcome(() => verify(plain, signed(`${plain}\n`)))).toBe('bad_signature');
}

/** Under the headers signed for `body`, no copy of it with one byte altered, and no truncation of it, verifies. */
export function expectNoAlteredBodyVerifies(webhooks: SignedWebhooks, body: string): void {
  const good = webhooks.signed(body);
  fc.assert(
    fc.property(fc.nat({ max: body.length - 1 }), fc.integer({ min: 1, max: 255 }), (at, xor) => {
      const bytes = Buffer.from(body);
      bytes[at] = (bytes[at] ?? 0) ^ xor;
      expect(verificationOutcome(() => webhooks.verify(bytes, good))).not.toBe('accepted');
      expect(verificationOutcome(() => webhooks.verify(Buffer.from(body).subarray(0, at), good))).not.toBe(
        'accepted',
      );
    }),
    { numRuns: 1000 },
  );
}

/**
 * Each event, signed correctly, is refused as `malformed_body`; a failure names the event's type and data.
 * `bodyOf` writes an event of `type` with `data` in the platform's envelope.
 */
export function expectMalformedEvents(
  webhooks: SignedWebhooks,
  events: readonly (readonly [type: string, data: Record<string, unknown>])[],
  bodyOf: (type: string, data: Record<string, unknown>) => string,
): void {
  for (const [type, data] of events) {
    const body = bodyOf(type, data);
    const reason = verificationOutcome(() => webhooks.verify(body, webhooks.signed(body)));
    expect({ type, data, reason }).toEqual({ type, data, reason: 'malformed_body' });
  }
}
