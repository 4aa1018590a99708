import type { ReferralStatus } from '@channelkit/types';

/** A deal registration's state as Umeet reports it (contract v1). */
export type UmeetRegistrationStatus =
  | 'pending_review'
  | 'under_review'
  | 'needs_info'
  | 'approved'
  | 'won'
  | 'lost'
  | 'rejected'
  | 'expired'
  | 'withdrawn';

/** An inbound lead's state as Umeet reports it (contract v1). */
export type UmeetLeadStatus =
  | 'offered'
  | 'accepted'
  | 'declined'
  | 'expired'
  | 'converted'
  | 'lost'
  | 'withdrawn';

/**
 * How each state of an Umeet deal registration (an outbound referral) maps onto the unified referral states, exactly
 * as the contract's table says (docs/partners/umeet.md, "Referrals"): `needs_info` (returned for changes) is
 * `action_required`, `approved` is `accepted`, `rejected` is `declined` and `withdrawn` (by the partner) is
 * `cancelled`. The mapping is one to one, so `referrals.list({ status })` filters on Umeet's side.
 */
export const UMEET_REGISTRATION_STATUSES: Readonly<Record<UmeetRegistrationStatus, ReferralStatus>> =
  Object.freeze({
    pending_review: 'submitted',
    under_review: 'in_review',
    needs_info: 'action_required',
    approved: 'accepted',
    won: 'won',
    lost: 'lost',
    rejected: 'declined',
    expired: 'expired',
    withdrawn: 'cancelled',
  });

/**
 * How each state of an Umeet lead (an inbound referral) maps onto the unified referral states, exactly as the
 * contract's table says: a lead `offered` to the partner is `submitted` (waiting for its answer), `converted` (Systec
 * recorded the sale) is `won`, and `withdrawn` (Systec took the lead back) is `cancelled`. One to one as well.
 */
export const UMEET_LEAD_STATUSES: Readonly<Record<UmeetLeadStatus, ReferralStatus>> = Object.freeze({
  offered: 'submitted',
  accepted: 'accepted',
  declined: 'declined',
  expired: 'expired',
  converted: 'won',
  lost: 'lost',
  withdrawn: 'cancelled',
});
