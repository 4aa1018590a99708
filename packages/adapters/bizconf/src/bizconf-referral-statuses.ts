import type { ReferralStatus } from '@channelkit/types';

/** An opportunity's (deal registration's) state on Bizconf (contract v1). */
export type BizconfOpportunityStatus =
  | 'PENDING'
  | 'REVIEWING'
  | 'RETURNED'
  | 'APPROVED'
  | 'WON'
  | 'LOST'
  | 'REJECTED'
  | 'EXPIRED'
  | 'WITHDRAWN';

/** A lead's state on Bizconf (contract v1). */
export type BizconfLeadStatus =
  | 'ASSIGNED'
  | 'FOLLOWING'
  | 'REFUSED'
  | 'EXPIRED'
  | 'DEAL'
  | 'LOST'
  | 'RECALLED';

/**
 * How each state of a Bizconf opportunity (an outbound referral, 商机报备) maps onto the unified referral states,
 * exactly as the contract's table says (docs/partners/bizconf.md, "Referrals"): `PENDING` (待审核) is `submitted`,
 * `RETURNED` (退回补充) `action_required`, `APPROVED` (报备成功) `accepted`, `REJECTED` (报备驳回) `declined` and
 * `WITHDRAWN` (已撤回) `cancelled`. One to one, so `referrals.list({ status })` filters on Bizconf's side.
 */
export const BIZCONF_OPPORTUNITY_STATUSES: Readonly<Record<BizconfOpportunityStatus, ReferralStatus>> =
  Object.freeze({
    PENDING: 'submitted',
    REVIEWING: 'in_review',
    RETURNED: 'action_required',
    APPROVED: 'accepted',
    WON: 'won',
    LOST: 'lost',
    REJECTED: 'declined',
    EXPIRED: 'expired',
    WITHDRAWN: 'cancelled',
  });

/**
 * How each state of a Bizconf lead (an inbound referral, 线索) maps onto the unified referral states, exactly as the
 * contract's table says: `ASSIGNED` (待跟进) is `submitted`, `FOLLOWING` (跟进中) `accepted`, `REFUSED` (已拒绝)
 * `declined`, `DEAL` (已成交) `won` and `RECALLED` (已收回) `cancelled`. One to one as well.
 */
export const BIZCONF_LEAD_STATUSES: Readonly<Record<BizconfLeadStatus, ReferralStatus>> = Object.freeze({
  ASSIGNED: 'submitted',
  FOLLOWING: 'accepted',
  REFUSED: 'declined',
  EXPIRED: 'expired',
  DEAL: 'won',
  LOST: 'lost',
  RECALLED: 'cancelled',
});
