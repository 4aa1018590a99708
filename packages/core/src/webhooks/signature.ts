import { createHmac, timingSafeEqual } from 'node:crypto';
import { WebhookVerificationError } from '../errors/webhook-verification-error';
import type { WebhookVerifyContext } from './webhook-verifier';

/**
 * HMAC-SHA256 of `message` with `secret`, as lowercase hex: the digest most platforms sign webhooks with.
 * @example
 * hmacSha256Hex('secret', 'v0:1700000000:{}'); // '…64 hex digits…'
 */
export function hmacSha256Hex(secret: string, message: string | Uint8Array): string {
  return createHmac('sha256', secret).update(message).digest('hex');
}

/**
 * Whether two signatures are equal, compared in constant time so that the time taken reveals nothing about how much
 * of a forged signature was right. Signatures of different lengths are unequal (their length is no secret).
 */
export function signaturesMatch(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The secret among `secrets` whose signature (`sign(secret)`) matches `given`, or `undefined`: during a rotation a
 * delivery signed with the previous secret still verifies. Every secret is tried, so the time taken does not reveal
 * which one matched.
 */
export function findSigningSecret(
  secrets: readonly string[],
  sign: (secret: string) => string,
  given: string,
): string | undefined {
  let found: string | undefined;
  for (const secret of secrets)
    if (signaturesMatch(sign(secret), given) && found === undefined) found = secret;
  return found;
}

/**
 * Parses a timestamp header of whole seconds since the epoch (as Zoom and Stripe-style schemes send it) into
 * milliseconds; throws `WebhookVerificationError` (`malformed_header`) naming the header otherwise.
 */
export function parseEpochSeconds(header: string, value: string): number {
  if (!/^\d{1,12}$/.test(value)) {
    throw new WebhookVerificationError(`The ${header} header must be whole seconds since the epoch.`, {
      reason: 'malformed_header',
    });
  }
  return Number(value) * 1000;
}

/**
 * Refuses a signed timestamp further than `context.toleranceMs` from `context.now` in either direction: an old one is
 * a replay (or a delivery held back too long), one in the future a clock far off. Call it after the signature held.
 */
export function checkTimestamp(timestampMs: number, context: WebhookVerifyContext): void {
  const skewMs = context.now - timestampMs;
  if (Math.abs(skewMs) > context.toleranceMs) {
    const direction = skewMs > 0 ? 'old' : 'in the future';
    throw new WebhookVerificationError(
      `The delivery's timestamp is ${Math.round(Math.abs(skewMs) / 1000)} s ${direction}, outside the tolerance of ${Math.round(context.toleranceMs / 1000)} s: refused as a possible replay. Check the server's clock if every delivery is refused.`,
      { reason: 'stale_timestamp' },
    );
  }
}
