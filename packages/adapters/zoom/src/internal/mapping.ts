import type { EnterpriseAccount, LicenceState } from '@channelkit/types';
import type { ZoomAccountDetails, ZoomListedAccount, ZoomPlanBase, ZoomPlanUsage } from './wire-schemas';

/** What the adapter knows of a sub-account: its id, owner and creation time, its name, perhaps its number. */
export type ZoomAccountFacts = Pick<ZoomListedAccount, 'id' | 'account_name' | 'owner_email' | 'created_at'> &
  Partial<Pick<ZoomListedAccount, 'account_number'>> &
  Partial<Pick<ZoomAccountDetails, 'owner_id'>>;

/**
 * Maps a sub-account to the domain. Its name comes from `GET /accounts` (or from the provisioning input that set
 * it): `GET /accounts/{id}` does not carry one.
 */
export function toEnterpriseAccount(account: ZoomAccountFacts): EnterpriseAccount {
  const externalRefs: Record<string, string> = {};
  if (account.owner_id) externalRefs.ownerId = account.owner_id;
  if (
    account.account_number !== undefined &&
    account.account_number !== null &&
    account.account_number !== ''
  ) {
    externalRefs.accountNumber = String(account.account_number);
  }
  return {
    partner: 'zoom',
    id: account.id,
    name: account.account_name,
    // A sub-account the master can see is usable: Zoom reports no other state for it.
    status: 'active',
    externalRefs,
    owner: { email: account.owner_email },
    createdAt: account.created_at,
  };
}

/** `*yearly` plan types are annual commitments, `trial` is a trial, everything else renews monthly. */
export function commitmentOf(planType: string): LicenceState['commitment'] {
  if (planType === 'trial') return 'trial';
  return /yearly|annual/i.test(planType) ? 'annual' : 'monthly';
}

/**
 * Combines `GET /plans` (term, status) and `GET /plans/usage` (assigned, pending) into a licence state. `plan` may
 * carry only `type` and `hosts`, when that is all that is known (what a `PUT` established).
 */
export function toLicenceState(
  accountId: string,
  plan: Pick<ZoomPlanBase, 'type' | 'hosts'> & Partial<ZoomPlanBase>,
  usage: ZoomPlanUsage | null | undefined,
): LicenceState {
  const state: LicenceState = {
    accountId,
    partner: 'zoom',
    plan: plan.type,
    seats: { purchased: plan.hosts, assigned: usage?.usage ?? 0, pending: usage?.pending ?? 0 },
    commitment: commitmentOf(plan.type),
  };
  if (plan.service_effective_date) {
    state.term = plan.next_invoice_date
      ? { start: plan.service_effective_date, end: plan.next_invoice_date }
      : { start: plan.service_effective_date };
  }
  if (plan.status) state.status = plan.status;
  return state;
}
