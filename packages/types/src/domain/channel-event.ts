import { z } from 'zod';
import { isoDateTimeSchema } from '../primitives/iso-date';
import { partnerIdSchema } from '../primitives/partner-id';
import { enterpriseAccountSchema } from './enterprise-account';
import { licenceStateSchema } from './licence-state';
import { referralSchema } from './referral';
import { referralStatusSchema } from './referral-status';

/** Every event type, in the order of {@link channelEventSchema}'s members. */
export const CHANNEL_EVENT_TYPES = [
  'account.provisioned',
  'account.activated',
  'account.suspended',
  'account.closed',
  'licence.changed',
  'referral.received',
  'referral.updated',
] as const;

const common = {
  /** Stable id of the event: the same change reported twice carries the same id, so use it to de-duplicate. */
  id: z.string().min(1, 'must not be empty'),
  /** The platform the event comes from. */
  partner: partnerIdSchema,
  /** When the change happened on the platform. */
  occurredAt: isoDateTimeSchema,
};

function accountEvent<const T extends (typeof CHANNEL_EVENT_TYPES)[number]>(type: T) {
  return z.object({
    ...common,
    /** The event type. */
    type: z.literal(type),
    /** The account after the change. */
    account: enterpriseAccountSchema,
  });
}

/**
 * Something that changed on a platform, discriminated by `type`. Every event has `id`, `partner` and `occurredAt`;
 * account events carry the `account`, `licence.changed` the `current` (and when known `previous`) licence state,
 * referral events the `referral`.
 *
 * @example
 * ```ts
 * const event = channelEventSchema.parse(payload);
 * if (event.type === 'referral.updated') console.log(event.previousStatus, '→', event.referral.status);
 * ```
 */
export const channelEventSchema = z.discriminatedUnion('type', [
  accountEvent('account.provisioned'),
  accountEvent('account.activated'),
  accountEvent('account.suspended'),
  accountEvent('account.closed'),
  z.object({
    ...common,
    /** The event type. */
    type: z.literal('licence.changed'),
    /** The platform's id of the account. */
    accountId: z.string().min(1, 'must not be empty'),
    /** The licences before the change, when the platform reports them. */
    previous: licenceStateSchema.optional(),
    /** The licences after the change. */
    current: licenceStateSchema,
  }),
  z.object({
    ...common,
    /** The event type. */
    type: z.literal('referral.received'),
    /** The referral as received. */
    referral: referralSchema,
  }),
  z.object({
    ...common,
    /** The event type. */
    type: z.literal('referral.updated'),
    /** The referral after the change. */
    referral: referralSchema,
    /** The state before the change, when the platform reports it. */
    previousStatus: referralStatusSchema.optional(),
  }),
]);

/** Something that changed on a platform. */
export type ChannelEvent = z.infer<typeof channelEventSchema>;

/** The `type` of a {@link ChannelEvent}, e.g. `'account.activated'`. */
export type ChannelEventType = ChannelEvent['type'];

/** The member of {@link ChannelEvent} with the given `type`. */
export type ChannelEventOf<T extends ChannelEventType> = Extract<
  ChannelEvent,
  {
    /** The event type to pick. */
    type: T;
  }
>;
