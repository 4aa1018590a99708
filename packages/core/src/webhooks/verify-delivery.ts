import { channelEventSchema, type PartnerId } from '@channelkit/types';
import { ConfigurationError } from '../errors/configuration-error';
import { UnsupportedOperationError } from '../errors/unsupported-operation-error';
import { WebhookVerificationError } from '../errors/webhook-verification-error';
import { rawBodyOf } from './raw-body';
import { headerReader, type WebhookRequestHeaders } from './webhook-headers';
import type { WebhookSettings } from './webhook-options';
import type { WebhookVerification, WebhookVerifier } from './webhook-verifier';

/** What {@link verifyDelivery} needs from the client. */
export interface DeliveryVerification {
  /** The platform. */
  partner: PartnerId;
  /** The adapter's verifier, absent when the platform has no webhooks. */
  verifier: WebhookVerifier | undefined;
  /** The client's webhook settings. */
  settings: WebhookSettings;
}

/**
 * Verifies one delivery with the adapter's scheme and the client's secrets, clock and tolerance, then validates every
 * event it maps to. Anything unexpected from the verifier becomes a `WebhookVerificationError`: a hostile body must
 * never crash the server, nor pass as verified.
 */
export function verifyDelivery(
  { partner, verifier, settings }: DeliveryVerification,
  body: unknown,
  headers: WebhookRequestHeaders,
): WebhookVerification {
  if (verifier === undefined)
    throw new UnsupportedOperationError({ platform: partner, operation: 'webhooks' });
  const rawBody = rawBodyOf(body);
  const reader = headerReader(headers);
  const secrets = settings.secrets.length > 0 ? settings.secrets : (verifier.secrets?.() ?? []);
  if (secrets.length === 0) {
    throw new ConfigurationError({
      option: 'webhooks.secrets',
      problem: `is missing: pass the webhook secret to createClient(adapter, { webhooks: { secrets } }) or to the ${partner} adapter's factory`,
    });
  }
  let verification: WebhookVerification;
  try {
    verification = verifier.verify(rawBody, reader, {
      partner,
      secrets,
      toleranceMs: settings.toleranceMs,
      now: settings.now(),
    });
  } catch (error) {
    if (error instanceof WebhookVerificationError) throw error;
    throw new WebhookVerificationError(`The ${partner} webhook could not be read.`, {
      reason: 'malformed_body',
      cause: error,
    });
  }
  if (verification.kind === 'events') {
    verification.events.forEach((event, index) => {
      const checked = channelEventSchema.safeParse(event);
      if (!checked.success) {
        const issue = checked.error.issues[0];
        throw new WebhookVerificationError(
          `The ${partner} webhook's event ${index} is not a valid channel event: ${issue?.path.join('.') || '(root)'} ${issue?.message ?? ''}`.trim(),
          { reason: 'malformed_body' },
        );
      }
      if (event.partner !== partner) {
        throw new WebhookVerificationError(`The webhook's event ${index} names another platform.`, {
          reason: 'malformed_body',
        });
      }
    });
  }
  return verification;
}
