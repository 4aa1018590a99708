import { z } from 'zod';
import { schemaFor } from '../internal/schema-check';
import { oneOf, reportedText } from '../internal/text';
import { emailSchema } from '../primitives/email';
import { isoDateTimeSchema } from '../primitives/iso-date';
import { partnerIdSchema } from '../primitives/partner-id';
import { type AccountStatus, accountStatusSchema } from './account-status';
import type { ChannelEventBase } from './channel-event';
import { type ReferralStatus, referralStatusSchema } from './referral-status';

/**
 * What a platform reported about an account in a webhook: `created`, `updated` (fields in `changes`),
 * `status_changed` (see `status`) or `closed` (the relationship ended: the account was disassociated or deleted).
 */
export const ACCOUNT_CHANGE_KINDS = ['created', 'updated', 'status_changed', 'closed'] as const;

/** One of {@link ACCOUNT_CHANGE_KINDS}. */
export type AccountChangeKind = (typeof ACCOUNT_CHANGE_KINDS)[number];

/** The account fields a platform reports as changed, with their new values. */
export interface AccountFieldChanges {
  /** The account's display name. */
  name?: string | undefined;
  /** The owner's e-mail address. */
  ownerEmail?: string | undefined;
}

/**
 * A platform reported by webhook that an account changed. Webhooks are thin: they carry the account's id and what
 * changed, as far as the platform says, not the whole account. Read it with `client.accounts.get(accountId)` when you
 * need the rest (not after `closed`: the platform no longer shows it).
 */
export interface AccountChangedEvent extends ChannelEventBase {
  /** The event type. */
  type: 'account.changed';
  /** The platform's id of the account. */
  accountId: string;
  /** What happened, one of {@link ACCOUNT_CHANGE_KINDS}. */
  change: AccountChangeKind;
  /** The account's status after the change, when the platform reports it (`closed` for a `closed` change). */
  status?: AccountStatus | undefined;
  /** The status before the change, when the platform reports it. */
  previousStatus?: AccountStatus | undefined;
  /** The fields that changed, with their new values, when the platform reports them. */
  changes?: AccountFieldChanges | undefined;
  /** The platform's own name of the event, e.g. Zoom's `'account.disassociated'`. */
  platformEvent: string;
}

/**
 * A platform reported by webhook that a referral (a deal registration or a lead) changed state. Thin like
 * {@link AccountChangedEvent}: read the referral for the rest.
 */
export interface ReferralChangedEvent extends ChannelEventBase {
  /** The event type. */
  type: 'referral.changed';
  /** The platform's id of the referral. */
  referralId: string;
  /** The referral's status after the change, when the platform's status maps to one. */
  status?: ReferralStatus | undefined;
  /** The status before the change, when the platform reports it. */
  previousStatus?: ReferralStatus | undefined;
  /** The platform's own status, kept as given. */
  platformStatus?: string | undefined;
  /** The platform's own name of the event. */
  platformEvent: string;
}

const common = {
  id: z.string().min(1, 'must not be empty'),
  partner: partnerIdSchema,
  occurredAt: isoDateTimeSchema,
  platformEvent: reportedText(1, 200),
};

/** The object schema of {@link AccountChangedEvent}, a member of `channelEventSchema`'s discriminated union. */
export const accountChangedEventObject = z.object({
  ...common,
  type: z.literal('account.changed'),
  accountId: z.string().min(1, 'must not be empty'),
  change: oneOf(ACCOUNT_CHANGE_KINDS),
  status: accountStatusSchema.optional(),
  previousStatus: accountStatusSchema.optional(),
  changes: z
    .object({ name: reportedText(1, 1000).optional(), ownerEmail: emailSchema.optional() })
    .optional(),
});

/** The object schema of {@link ReferralChangedEvent}, a member of `channelEventSchema`'s discriminated union. */
export const referralChangedEventObject = z.object({
  ...common,
  type: z.literal('referral.changed'),
  referralId: z.string().min(1, 'must not be empty'),
  status: referralStatusSchema.optional(),
  previousStatus: referralStatusSchema.optional(),
  platformStatus: reportedText(1, 200).optional(),
});

/** Validates an {@link AccountChangedEvent}. */
export const accountChangedEventSchema = schemaFor<AccountChangedEvent>()(accountChangedEventObject);

/** Validates a {@link ReferralChangedEvent}. */
export const referralChangedEventSchema = schemaFor<ReferralChangedEvent>()(referralChangedEventObject);
