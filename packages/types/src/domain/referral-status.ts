import { oneOf } from '../internal/text';

/** Every state of a deal referral, from draft to a terminal outcome. */
export const REFERRAL_STATUSES = [
  'draft',
  'submitted',
  'in_review',
  'action_required',
  'accepted',
  'won',
  'lost',
  'declined',
  'expired',
  'cancelled',
] as const;

/** A referral's state, one of {@link REFERRAL_STATUSES}. */
export const referralStatusSchema = oneOf(REFERRAL_STATUSES);

/** A referral's state. */
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/**
 * The states a referral may move to from each state. `won`, `lost`, `declined`, `expired` and `cancelled` are
 * terminal; no state moves to itself.
 */
export const REFERRAL_TRANSITIONS: Readonly<Record<ReferralStatus, readonly ReferralStatus[]>> = {
  draft: ['submitted', 'cancelled'],
  submitted: ['in_review', 'accepted', 'declined', 'cancelled'],
  in_review: ['action_required', 'accepted', 'declined', 'expired', 'cancelled'],
  action_required: ['in_review', 'submitted', 'declined', 'expired', 'cancelled'],
  accepted: ['won', 'lost', 'expired', 'cancelled'],
  won: [],
  lost: [],
  declined: [],
  expired: [],
  cancelled: [],
};

/** Tells whether a referral may move from one state to another, per {@link REFERRAL_TRANSITIONS}. */
export function canTransitionReferral(from: ReferralStatus, to: ReferralStatus): boolean {
  return REFERRAL_TRANSITIONS[from].includes(to);
}

/** Tells whether a referral's state is final (`won`, `lost`, `declined`, `expired`, `cancelled`): nothing moves it on. */
export function isFinalReferralStatus(status: ReferralStatus): boolean {
  return REFERRAL_TRANSITIONS[status].length === 0;
}
