import {
  checkTimestamp,
  findSigningSecret,
  hmacSha256Hex,
  type ReferralEventBase,
  referralChangedEvent,
  type WebhookVerification,
  WebhookVerificationError,
  type WebhookVerifier,
} from '@channelkit/core';
import type { AccountChangedEvent, ChannelEvent, ReferralChangedEvent } from '@channelkit/types';
import { BIZCONF_LEAD_STATUSES, BIZCONF_OPPORTUNITY_STATUSES } from '../bizconf-referral-statuses';
import { unifiedStatus } from '../bizconf-statuses';
import { toLicenceState } from '../internal/mapping';
import {
  type BizconfCallback,
  bizconfCallbackSchema,
  enterpriseCreatedSchema,
  enterpriseStatusChangedSchema,
  leadAssignedSchema,
  leadStatusChangedSchema,
  licenceCallbackSchema,
  opportunityStatusChangedSchema,
} from './bizconf-callback-payload';

const APP_ID = 'x-bizconf-app-id';
const TIMESTAMP = 'x-bizconf-timestamp';
const NONCE = 'x-bizconf-nonce';
const SIGNATURE = 'x-bizconf-signature';

function header(headers: { get(name: string): string | undefined }, name: string): string {
  const value = headers.get(name);
  if (value === undefined || value === '') {
    throw new WebhookVerificationError(
      `The ${name} header is missing; Bizconf signs every callback with it.`,
      {
        reason: 'missing_header',
      },
    );
  }
  return value;
}

function malformed(name: string, expected: string): WebhookVerificationError {
  return new WebhookVerificationError(`The ${name} header must be ${expected}.`, {
    reason: 'malformed_header',
  });
}

/** Beijing time `yyyy-MM-dd HH:mm:ss` as an RFC 3339 timestamp with its +08:00 offset. */
function occurredAt(occurTime: string): string {
  return `${occurTime.replace(' ', 'T')}+08:00`;
}

/** The referral callbacks of contract v1, each read as a `referral.changed` through its kind's status table. */
const REFERRAL_CALLBACKS = new Map<string, (base: ReferralEventBase, data: unknown) => ReferralChangedEvent>([
  [
    'OPPORTUNITY_STATUS_CHANGED',
    (base, data) =>
      referralChangedEvent(base, opportunityStatusChangedSchema.parse(data), BIZCONF_OPPORTUNITY_STATUSES),
  ],
  [
    'LEAD_ASSIGNED',
    (base, data) => referralChangedEvent(base, leadAssignedSchema.parse(data), BIZCONF_LEAD_STATUSES),
  ],
  [
    'LEAD_STATUS_CHANGED',
    (base, data) => referralChangedEvent(base, leadStatusChangedSchema.parse(data), BIZCONF_LEAD_STATUSES),
  ],
]);

function toChannelEvents(callback: BizconfCallback): ChannelEvent[] {
  const base = {
    id: callback.eventId,
    partner: 'bizconf',
    occurredAt: occurredAt(callback.occurTime),
    platformEvent: callback.eventType,
  } as const;
  switch (callback.eventType) {
    case 'ENTERPRISE_CREATED': {
      const data = enterpriseCreatedSchema.parse(callback.data);
      return [{ ...base, type: 'account.changed', accountId: data.enterpriseId, change: 'created' }];
    }
    case 'ENTERPRISE_STATUS_CHANGED': {
      const data = enterpriseStatusChangedSchema.parse(callback.data);
      const event: AccountChangedEvent = {
        ...base,
        type: 'account.changed',
        accountId: data.enterpriseId,
        change: data.status === 'CANCELLED' ? 'closed' : 'status_changed',
        status: unifiedStatus(data.status),
      };
      if (data.previousStatus) event.previousStatus = unifiedStatus(data.previousStatus);
      return [event];
    }
    case 'LICENCE_CHANGED':
    case 'LICENCE_RENEWED': {
      const data = licenceCallbackSchema.parse(callback.data);
      return [
        {
          ...base,
          type: 'licence.changed',
          accountId: data.enterpriseId,
          current: toLicenceState(data.enterpriseId, data.licence),
        },
      ];
    }
    // TASK_FAILED names no enterprise (none was created): `accounts.provision` reports the failure when it polls.
    default: {
      const referral = REFERRAL_CALLBACKS.get(callback.eventType);
      return referral ? [referral(base, callback.data)] : [];
    }
  }
}

/**
 * Bizconf's signed callbacks (contract v1): `X-Bizconf-Signature` is the lower-case hex HMAC-SHA256, keyed with the
 * application secret, of `<X-Bizconf-Timestamp>\n<X-Bizconf-Nonce>\n<raw body>` (timestamp in milliseconds), sent
 * with the application's `X-Bizconf-App-Id`. Enterprise events map to `account.changed`, licence events to
 * `licence.changed`, opportunity and lead events to `referral.changed`; the answer Bizconf expects is
 * `{ code: 0, msg: 'success' }`.
 */
export function bizconfWebhooks(appId: string, secrets: readonly string[]): WebhookVerifier {
  return {
    scheme: 'bizconf-hmac-sha256',
    acknowledgement: { code: 0, msg: 'success' },
    secrets: () => secrets,
    verify(rawBody, headers, context): WebhookVerification {
      const app = header(headers, APP_ID);
      const timestamp = header(headers, TIMESTAMP);
      const nonce = header(headers, NONCE);
      const signature = header(headers, SIGNATURE);
      if (!/^\d{1,15}$/.test(timestamp)) throw malformed('X-Bizconf-Timestamp', 'Unix milliseconds');
      if (!/^[A-Za-z0-9]{16,64}$/.test(nonce))
        throw malformed('X-Bizconf-Nonce', '16 to 64 letters and digits');
      if (!/^[0-9a-f]{64}$/.test(signature))
        throw malformed('X-Bizconf-Signature', '64 lower-case hex digits');
      const message = Buffer.concat([Buffer.from(`${timestamp}\n${nonce}\n`, 'utf8'), rawBody]);
      const secret = findSigningSecret(context.secrets, (key) => hmacSha256Hex(key, message), signature);
      // The application id is compared too: a callback for another application is not this client's.
      if (secret === undefined || app !== appId) {
        throw new WebhookVerificationError(
          app === appId
            ? "The X-Bizconf-Signature does not match the body, timestamp and nonce with any configured secret: the request was altered, or the secret is not the application's."
            : 'The callback is signed for another Bizconf application (X-Bizconf-App-Id).',
          { reason: 'bad_signature' },
        );
      }
      checkTimestamp(Number(timestamp), context);
      let body: unknown;
      try {
        body = JSON.parse(
          Buffer.from(rawBody.buffer, rawBody.byteOffset, rawBody.byteLength).toString('utf8'),
        );
      } catch {
        throw new WebhookVerificationError('The Bizconf callback is not JSON.', { reason: 'malformed_body' });
      }
      const callback = bizconfCallbackSchema.safeParse(body);
      if (!callback.success) {
        const issue = callback.error.issues[0];
        throw new WebhookVerificationError(
          `The Bizconf callback is malformed: ${issue?.path.join('.') || '(root)'} ${issue?.message ?? ''}`.trim(),
          { reason: 'malformed_body' },
        );
      }
      try {
        return {
          kind: 'events',
          deliveryId: callback.data.eventId,
          platformEvent: callback.data.eventType,
          events: toChannelEvents(callback.data),
        };
      } catch {
        throw new WebhookVerificationError(
          `The Bizconf ${callback.data.eventType} callback lacks the fields contract v1 gives it.`,
          { reason: 'malformed_body' },
        );
      }
    },
  };
}
