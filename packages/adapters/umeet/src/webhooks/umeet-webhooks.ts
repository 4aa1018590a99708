import {
  checkTimestamp,
  hmacSha256Hex,
  type ReferralEventBase,
  referralChangedEvent,
  signaturesMatch,
  toWebhookSecrets,
  type WebhookVerification,
  WebhookVerificationError,
  type WebhookVerifier,
} from '@channelkit/core';
import type {
  AccountChangedEvent,
  AccountChangeKind,
  AccountStatus,
  ChannelEvent,
  LicenceChangedEvent,
  ReferralChangedEvent,
} from '@channelkit/types';
import { toLicenceState } from '../internal/mapping';
import { umeetLicenceSchema } from '../internal/wire-schemas';
import { UMEET_ACCOUNT_STATUSES } from '../umeet-account-statuses';
import { UMEET_LEAD_STATUSES, UMEET_REGISTRATION_STATUSES } from '../umeet-referral-statuses';
import {
  type UmeetEvent,
  umeetAccountEventDataSchema,
  umeetEventSchema,
  umeetLeadEventDataSchema,
  umeetLeadOfferedDataSchema,
  umeetRegistrationEventDataSchema,
} from './umeet-webhook-payload';

const HEADER = 'umeet-signature';
/** More `v1=` entries than any rotation needs is a malformed header, not work to do. */
const MAX_SIGNATURES = 8;

/**
 * The account events of contract v1: what changed, and the status they imply when `data.status` is absent. A map, so
 * that an event named like an `Object` member (`constructor`) is an unknown event, not a lookup of the prototype.
 */
const ACCOUNT_EVENTS = new Map<string, { change: AccountChangeKind; status: AccountStatus }>([
  ['account.provisioned', { change: 'created', status: 'provisioning' }],
  ['account.activated', { change: 'status_changed', status: 'active' }],
  ['account.rejected', { change: 'status_changed', status: 'failed' }],
  ['account.suspended', { change: 'status_changed', status: 'suspended' }],
  ['account.resumed', { change: 'status_changed', status: 'active' }],
  ['account.terminated', { change: 'closed', status: 'closed' }],
]);

/** The referral events of contract v1, each read as a `referral.changed` through its kind's status table. */
const REFERRAL_EVENTS = new Map<string, (base: ReferralEventBase, data: unknown) => ReferralChangedEvent>([
  [
    'deal_registration.status_changed',
    (base, data) =>
      referralChangedEvent(base, umeetRegistrationEventDataSchema.parse(data), UMEET_REGISTRATION_STATUSES),
  ],
  [
    'lead.offered',
    (base, data) => referralChangedEvent(base, umeetLeadOfferedDataSchema.parse(data), UMEET_LEAD_STATUSES),
  ],
  [
    'lead.status_changed',
    (base, data) => referralChangedEvent(base, umeetLeadEventDataSchema.parse(data), UMEET_LEAD_STATUSES),
  ],
]);

function malformed(message: string): WebhookVerificationError {
  return new WebhookVerificationError(
    `The Umeet-Signature header ${message}; expected t=<unix seconds>,v1=<hex>.`,
    {
      reason: 'malformed_header',
    },
  );
}

/** Parses `t=<seconds>,v1=<hex>[,v1=<hex>...]`; other schemes' entries (`v0=`, ...) are ignored, as Stripe's are. */
function parseSignatureHeader(value: string): { timestamp: string; signatures: string[] } {
  let timestamp: string | undefined;
  const signatures: string[] = [];
  for (const part of value.split(',')) {
    const at = part.indexOf('=');
    if (at <= 0) throw malformed('has an entry without a name');
    const name = part.slice(0, at).trim();
    const entry = part.slice(at + 1).trim();
    if (name === 't') {
      if (timestamp !== undefined) throw malformed('has two timestamps');
      if (!/^\d{1,12}$/.test(entry)) throw malformed('has a timestamp that is not whole seconds');
      timestamp = entry;
    } else if (name === 'v1') {
      if (!/^[0-9a-f]{64}$/.test(entry))
        throw malformed('has a v1 signature that is not 64 lower-case hex digits');
      signatures.push(entry);
    }
  }
  if (timestamp === undefined) throw malformed('has no timestamp');
  if (signatures.length === 0) throw malformed('has no v1 signature');
  if (signatures.length > MAX_SIGNATURES) throw malformed(`has more than ${MAX_SIGNATURES} signatures`);
  return { timestamp, signatures };
}

function toChannelEvents(event: UmeetEvent): ChannelEvent[] {
  const base = {
    id: event.id,
    partner: 'umeet',
    occurredAt: event.created_at,
    platformEvent: event.type,
  } as const;
  const known = ACCOUNT_EVENTS.get(event.type);
  if (known) {
    const data = umeetAccountEventDataSchema.parse(event.data);
    const mapped: AccountChangedEvent = {
      ...base,
      type: 'account.changed',
      accountId: data.account_id,
      change: known.change,
      status: data.status ? UMEET_ACCOUNT_STATUSES[data.status] : known.status,
    };
    if (data.previous_status) mapped.previousStatus = UMEET_ACCOUNT_STATUSES[data.previous_status];
    return [mapped];
  }
  if (event.type === 'licence.updated') {
    const accountId = event.data.account_id;
    if (accountId === undefined) throw new TypeError('licence.updated without data.account_id');
    const licence: LicenceChangedEvent = {
      ...base,
      type: 'licence.changed',
      accountId,
      current: toLicenceState(accountId, umeetLicenceSchema.parse(event.data)),
    };
    return [licence];
  }
  const referral = REFERRAL_EVENTS.get(event.type);
  return referral ? [referral(base, event.data)] : [];
}

/**
 * Systec Umeet's webhook scheme (contract v1): `Umeet-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "{t}.{raw body}">`, one `v1=` per secret while Umeet rotates; account events map to `account.changed`,
 * `licence.updated` (the licence as `GET /accounts/{id}/licence` answers it, in `data`) to `licence.changed`,
 * `deal_registration.status_changed`, `lead.offered` and `lead.status_changed` to `referral.changed`.
 */
export function umeetWebhooks(secrets: readonly string[]): WebhookVerifier {
  return {
    scheme: 'umeet-v1',
    secrets: () => secrets,
    verify(rawBody, headers, context): WebhookVerification {
      const header = headers.get(HEADER);
      if (header === undefined || header === '') {
        throw new WebhookVerificationError(
          'The Umeet-Signature header is missing; Umeet signs every event.',
          {
            reason: 'missing_header',
          },
        );
      }
      const { timestamp, signatures } = parseSignatureHeader(header);
      const message = Buffer.concat([Buffer.from(`${timestamp}.`, 'utf8'), rawBody]);
      let verified = false;
      for (const secret of context.secrets) {
        const expected = hmacSha256Hex(secret, message);
        for (const signature of signatures) if (signaturesMatch(expected, signature)) verified = true;
      }
      if (!verified) {
        throw new WebhookVerificationError(
          "No v1 signature of the Umeet-Signature header matches the body and timestamp with any configured secret: the request was altered, or the secret is not the endpoint's.",
          { reason: 'bad_signature' },
        );
      }
      checkTimestamp(Number(timestamp) * 1000, context);
      let body: unknown;
      try {
        body = JSON.parse(
          Buffer.from(rawBody.buffer, rawBody.byteOffset, rawBody.byteLength).toString('utf8'),
        );
      } catch {
        throw new WebhookVerificationError('The Umeet event is not JSON.', { reason: 'malformed_body' });
      }
      const event = umeetEventSchema.safeParse(body);
      if (!event.success) {
        const issue = event.error.issues[0];
        throw new WebhookVerificationError(
          `The Umeet event is malformed: ${issue?.path.join('.') || '(root)'} ${issue?.message ?? ''}`.trim(),
          { reason: 'malformed_body' },
        );
      }
      try {
        return {
          kind: 'events',
          deliveryId: event.data.id,
          platformEvent: event.data.type,
          events: toChannelEvents(event.data),
        };
      } catch {
        throw new WebhookVerificationError(
          `The Umeet ${event.data.type} event lacks the fields contract v1 gives it.`,
          {
            reason: 'malformed_body',
          },
        );
      }
    },
  };
}

/** The secrets given to `umeet()`: the `webhookSecret` option (several while rotating), else `UMEET_WEBHOOK_SECRET`. */
export function umeetWebhookSecrets(
  option: string | readonly string[] | undefined,
  env: NodeJS.ProcessEnv,
): readonly string[] {
  const value = option ?? env.UMEET_WEBHOOK_SECRET?.trim();
  return toWebhookSecrets(value === '' ? undefined : value, 'webhookSecret');
}
