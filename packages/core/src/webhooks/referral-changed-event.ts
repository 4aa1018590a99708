import type { ChannelEventBase, ReferralChangedEvent, ReferralStatus } from '@channelkit/types';

/** What every event of a verified delivery carries besides its own fields: id, partner, time and the platform's event name. */
export type ReferralEventBase = ChannelEventBase & {
  /** The platform's own name of the event. */
  platformEvent: string;
};

/** What a platform's referral webhook says, in the platform's own terms, for {@link referralChangedEvent}. */
export interface PlatformReferralChange<PlatformStatus extends string> {
  /** The platform's id of the referral (a deal registration or a lead). */
  referralId: string;
  /** The platform's status after the change. */
  status: PlatformStatus;
  /** The platform's status before the change, when the webhook reports it. */
  previousStatus?: PlatformStatus | undefined;
}

/**
 * The `referral.changed` event of a verified referral webhook, for adapters: `status` and `previousStatus` are the
 * platform's statuses mapped through the adapter's status table (the same table its `referrals.get` maps with), and
 * `platformStatus` is the platform's status as given.
 *
 * @example
 * ```ts
 * import { referralChangedEvent } from '@channelkit/core';
 *
 * const event = referralChangedEvent(
 *   { id: 'evt_1', partner: 'umeet', occurredAt: '2026-03-01T08:00:00Z', platformEvent: 'deal_registration.status_changed' },
 *   { referralId: 'dr_0123456789abcdef', status: 'approved', previousStatus: 'under_review' },
 *   { approved: 'accepted', under_review: 'in_review' },
 * );
 * // event.status === 'accepted', event.previousStatus === 'in_review', event.platformStatus === 'approved'
 * ```
 */
export function referralChangedEvent<PlatformStatus extends string>(
  base: ReferralEventBase,
  change: PlatformReferralChange<PlatformStatus>,
  statuses: Readonly<Record<PlatformStatus, ReferralStatus>>,
): ReferralChangedEvent {
  const event: ReferralChangedEvent = {
    ...base,
    type: 'referral.changed',
    referralId: change.referralId,
    status: statuses[change.status],
    platformStatus: change.status,
  };
  if (change.previousStatus !== undefined) event.previousStatus = statuses[change.previousStatus];
  return event;
}
