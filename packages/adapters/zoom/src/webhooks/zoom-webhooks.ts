import {
  checkTimestamp,
  findSigningSecret,
  hmacSha256Hex,
  parseEpochSeconds,
  toWebhookSecrets,
  type WebhookVerification,
  WebhookVerificationError,
  type WebhookVerifier,
} from '@channelkit/core';
import { zoomChannelEvents, zoomDeliveryId } from './zoom-webhook-events';
import { zoomEnvelopeSchema, zoomUrlValidationSchema } from './zoom-webhook-payload';

const SIGNATURE = 'x-zm-signature';
const TIMESTAMP = 'x-zm-request-timestamp';

function required(value: string | undefined, header: string): string {
  if (value === undefined || value === '') {
    throw new WebhookVerificationError(
      `The ${header} header is missing; Zoom sends it with every notification.`,
      {
        reason: 'missing_header',
      },
    );
  }
  return value;
}

/**
 * Zoom's webhook scheme. `x-zm-signature` is `v0=` and the hex HMAC-SHA256, keyed with the app's secret token, of
 * `v0:{x-zm-request-timestamp}:{raw body}`; the timestamp is in seconds. The `endpoint.url_validation` challenge
 * (signed the same way) is answered `{ plainToken, encryptedToken }`, the token's hex HMAC-SHA256 with the secret that
 * verified the request. Account events map to `account.changed`; other events to none.
 */
export function zoomWebhooks(secrets: readonly string[]): WebhookVerifier {
  return {
    scheme: 'zoom-v0',
    secrets: () => secrets,
    verify(rawBody, headers, context): WebhookVerification {
      const signature = required(headers.get(SIGNATURE), SIGNATURE);
      const timestamp = required(headers.get(TIMESTAMP), TIMESTAMP);
      if (!/^v0=[0-9a-f]{64}$/i.test(signature)) {
        throw new WebhookVerificationError(`The ${SIGNATURE} header is not v0= followed by 64 hex digits.`, {
          reason: 'malformed_header',
        });
      }
      const timestampMs = parseEpochSeconds(TIMESTAMP, timestamp);
      // The bytes as received: decoding and re-encoding could change them, and the signature with them.
      const message = Buffer.concat([Buffer.from(`v0:${timestamp}:`, 'utf8'), rawBody]);
      const secret = findSigningSecret(
        context.secrets,
        (key) => `v0=${hmacSha256Hex(key, message)}`,
        signature.toLowerCase(),
      );
      if (secret === undefined) {
        throw new WebhookVerificationError(
          "The x-zm-signature does not match the body and timestamp with any configured secret token: the request was altered, or the secret token is not the app's.",
          { reason: 'bad_signature' },
        );
      }
      checkTimestamp(timestampMs, context);
      let body: unknown;
      try {
        body = JSON.parse(
          Buffer.from(rawBody.buffer, rawBody.byteOffset, rawBody.byteLength).toString('utf8'),
        );
      } catch {
        throw new WebhookVerificationError('The Zoom notification is not JSON.', {
          reason: 'malformed_body',
        });
      }
      const challenge = zoomUrlValidationSchema.safeParse(body);
      if (challenge.success) {
        const { plainToken } = challenge.data.payload;
        return {
          kind: 'challenge',
          response: { status: 200, body: { plainToken, encryptedToken: hmacSha256Hex(secret, plainToken) } },
        };
      }
      const envelope = zoomEnvelopeSchema.safeParse(body);
      if (!envelope.success) {
        const issue = envelope.error.issues[0];
        throw new WebhookVerificationError(
          `The Zoom notification is not an event: ${issue?.path.join('.') || '(root)'} ${issue?.message ?? ''}`.trim(),
          { reason: 'malformed_body' },
        );
      }
      let events: WebhookVerification & { kind: 'events' };
      try {
        events = {
          kind: 'events',
          deliveryId: zoomDeliveryId(envelope.data),
          platformEvent: envelope.data.event,
          events: zoomChannelEvents(envelope.data),
        };
      } catch {
        throw new WebhookVerificationError(
          `The Zoom ${envelope.data.event} notification lacks the fields Zoom documents for it.`,
          { reason: 'malformed_body' },
        );
      }
      return events;
    },
  };
}

/**
 * The secret tokens given to `zoom()`: the `webhookSecretToken` option (one, or several newest first during a
 * rotation), else `ZOOM_WEBHOOK_SECRET_TOKEN`.
 */
export function zoomWebhookSecrets(
  option: string | readonly string[] | undefined,
  env: NodeJS.ProcessEnv,
): readonly string[] {
  const value = option ?? env.ZOOM_WEBHOOK_SECRET_TOKEN?.trim();
  return toWebhookSecrets(value === '' ? undefined : value, 'webhookSecretToken');
}
