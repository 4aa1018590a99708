import type { ReferralStatus } from '@channelkit/types';

/**
 * How Zoom's deal registration statuses map onto the unified referral states. Zoom's reference does not enumerate
 * the values; these are the states of its partner portal, and the reasons its detail answer carries
 * (`status_detail.return_reason`, `denied_reason`, `revoke_reason`). An approved registration whose opportunity is
 * closed (`opportunity_stage` `Closed Won` or `Closed Lost`) is `won` or `lost`. Statuses are compared ignoring case.
 */
export const ZOOM_DEAL_STATUS_MAP: Readonly<Record<string, ReferralStatus>> = Object.freeze({
  draft: 'draft',
  submitted: 'submitted',
  'in review': 'in_review',
  'under review': 'in_review',
  'pending approval': 'in_review',
  returned: 'action_required',
  approved: 'accepted',
  denied: 'declined',
  rejected: 'declined',
  expired: 'expired',
  revoked: 'cancelled',
  cancelled: 'cancelled',
  withdrawn: 'cancelled',
});

/** The statuses `GET /commerce/deal_registrations` is asked for, one listing each (its `status` is required). */
export const ZOOM_DEAL_LIST_STATUSES = [
  'Submitted',
  'In Review',
  'Returned',
  'Approved',
  'Denied',
  'Expired',
  'Revoked',
] as const;

/** The unified state of a registration; an unknown status is `in_review` (Zoom is still deciding). */
export function unifiedDealStatus(
  status: string,
  opportunityStage: string | null | undefined,
): { status: ReferralStatus; known: boolean } {
  const mapped = ZOOM_DEAL_STATUS_MAP[status.trim().toLowerCase()];
  if (mapped === undefined) return { status: 'in_review', known: false };
  if (mapped === 'accepted') {
    const stage = opportunityStage?.trim().toLowerCase();
    if (stage === 'closed won') return { status: 'won', known: true };
    if (stage === 'closed lost') return { status: 'lost', known: true };
  }
  return { status: mapped, known: true };
}

/** The Zoom statuses to list for a unified state (`accepted`, `won` and `lost` are all `Approved` at Zoom). */
export function zoomStatusesFor(status: ReferralStatus | undefined): readonly string[] {
  if (status === undefined) return ZOOM_DEAL_LIST_STATUSES;
  return ZOOM_DEAL_LIST_STATUSES.filter((raw) => {
    const unified = ZOOM_DEAL_STATUS_MAP[raw.toLowerCase()];
    return unified === status || (unified === 'accepted' && (status === 'won' || status === 'lost'));
  });
}
