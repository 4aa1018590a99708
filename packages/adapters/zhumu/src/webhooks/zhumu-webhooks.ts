import {
  checkTimestamp,
  findSigningSecret,
  hmacSha256Hex,
  parseEpochSeconds,
  type WebhookVerification,
  WebhookVerificationError,
  type WebhookVerifier,
} from '@channelkit/core';
import type { AccountChangedEvent, AccountChangeKind, AccountStatus, ChannelEvent } from '@channelkit/types';
import { z } from 'zod';
import { toLicenceState } from '../internal/mapping';
import { zhumuLicenceSchema } from '../internal/wire-schemas';
import { zhumuStatusRow } from '../zhumu-statuses';

const TIMESTAMP = 'x-zhumu-timestamp';
const SIGNATURE = 'x-zhumu-signature';
const id = z.string().min(1).max(200);

/** A Zhumu callback (contract v1): `{ event_id, event, occurred_at, enterprise_id, payload }`. */
const callbackSchema = z.looseObject({
  event_id: id,
  event: z.string().min(1).max(200),
  occurred_at: z.iso.datetime({ offset: true }),
  enterprise_id: id,
  payload: z.looseObject({ status: z.number().int().optional() }).optional(),
});

type ZhumuCallback = z.infer<typeof callbackSchema>;

/** The enterprise events of contract v1: what changed, and the status they imply without `payload.status`. */
const ENTERPRISE_EVENTS: Readonly<Record<string, { change: AccountChangeKind; status: AccountStatus }>> = {
  'enterprise.review_approved': { change: 'status_changed', status: 'active' },
  'enterprise.review_rejected': { change: 'status_changed', status: 'failed' },
  'enterprise.suspended': { change: 'status_changed', status: 'suspended' },
  'enterprise.locked': { change: 'status_changed', status: 'suspended' },
  'enterprise.resumed': { change: 'status_changed', status: 'active' },
  'enterprise.cancelled': { change: 'closed', status: 'closed' },
};

function toChannelEvents(callback: ZhumuCallback): ChannelEvent[] {
  const base = {
    id: callback.event_id,
    partner: 'zhumu',
    occurredAt: callback.occurred_at,
    platformEvent: callback.event,
  } as const;
  const known = ENTERPRISE_EVENTS[callback.event];
  if (known) {
    const code = callback.payload?.status;
    const event: AccountChangedEvent = {
      ...base,
      type: 'account.changed',
      accountId: callback.enterprise_id,
      change: known.change,
      status: (code === undefined ? undefined : zhumuStatusRow(code)?.status) ?? known.status,
    };
    return [event];
  }
  if (callback.event === 'licence.changed') {
    const licence = zhumuLicenceSchema.parse({ enterprise_id: callback.enterprise_id, ...callback.payload });
    return [
      {
        ...base,
        type: 'licence.changed',
        accountId: callback.enterprise_id,
        current: toLicenceState(callback.enterprise_id, licence),
      },
    ];
  }
  return [];
}

/**
 * Suirui Zhumu's callbacks (contract v1): `X-Zhumu-Signature: sha256=` and the hex HMAC-SHA256, keyed with the
 * partner's `api_secret`, of `{X-Zhumu-Timestamp}.{raw body}` (seconds). Enterprise events map to `account.changed`,
 * `licence.changed` (its `payload` the licence as `enterprise/licence/get` answers it) to `licence.changed`.
 */
export function zhumuWebhooks(secrets: readonly string[]): WebhookVerifier {
  return {
    scheme: 'zhumu-sha256',
    secrets: () => secrets,
    verify(rawBody, headers, context): WebhookVerification {
      const timestamp = headers.get(TIMESTAMP);
      const signature = headers.get(SIGNATURE);
      for (const [name, value] of [
        [TIMESTAMP, timestamp],
        [SIGNATURE, signature],
      ] as const) {
        if (value === undefined || value === '') {
          throw new WebhookVerificationError(`The ${name} header is missing; Zhumu signs every callback.`, {
            reason: 'missing_header',
          });
        }
      }
      if (!/^sha256=[0-9a-f]{64}$/.test(signature ?? '')) {
        throw new WebhookVerificationError('The X-Zhumu-Signature header is not sha256= and 64 hex digits.', {
          reason: 'malformed_header',
        });
      }
      const seconds = timestamp ?? '';
      const timestampMs = parseEpochSeconds('X-Zhumu-Timestamp', seconds);
      const message = Buffer.concat([Buffer.from(`${seconds}.`, 'utf8'), rawBody]);
      const secret = findSigningSecret(
        context.secrets,
        (key) => `sha256=${hmacSha256Hex(key, message)}`,
        signature ?? '',
      );
      if (secret === undefined) {
        throw new WebhookVerificationError(
          "The X-Zhumu-Signature does not match the body and timestamp with any configured secret: the request was altered, or the secret is not the partner's api_secret.",
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
        throw new WebhookVerificationError('The Zhumu callback is not JSON.', { reason: 'malformed_body' });
      }
      const callback = callbackSchema.safeParse(body);
      if (!callback.success) {
        const issue = callback.error.issues[0];
        throw new WebhookVerificationError(
          `The Zhumu callback is malformed: ${issue?.path.join('.') || '(root)'} ${issue?.message ?? ''}`.trim(),
          { reason: 'malformed_body' },
        );
      }
      try {
        return {
          kind: 'events',
          deliveryId: callback.data.event_id,
          platformEvent: callback.data.event,
          events: toChannelEvents(callback.data),
        };
      } catch {
        throw new WebhookVerificationError(
          `The Zhumu ${callback.data.event} callback lacks the fields contract v1 gives it.`,
          {
            reason: 'malformed_body',
          },
        );
      }
    },
  };
}
