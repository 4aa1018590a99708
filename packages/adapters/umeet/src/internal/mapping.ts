import type { EnterpriseAccount, LicenceState, PartialEnterpriseProfile } from '@channelkit/types';
import { UMEET_ACCOUNT_STATUSES } from '../umeet-account-statuses';
import type { UmeetAccount, UmeetLicence } from './wire-schemas';

function present(value: string | null | undefined): value is string {
  return value !== undefined && value !== null && value !== '';
}

function profileOf(account: UmeetAccount): PartialEnterpriseProfile {
  const profile: PartialEnterpriseProfile = { legalName: account.name };
  if (present(account.credit_code)) profile.creditCode = account.credit_code;
  if (present(account.country)) profile.country = account.country;
  if (present(account.industry)) profile.industry = account.industry;
  if (account.employee_count) profile.employeeCount = account.employee_count;
  if (present(account.website)) profile.website = account.website;
  const address = account.address;
  if (address) {
    profile.address = { line1: address.line1, city: address.city, country: address.country };
    if (present(address.line2)) profile.address.line2 = address.line2;
    if (present(address.region)) profile.address.region = address.region;
    if (present(address.postal_code)) profile.address.postalCode = address.postal_code;
  }
  return profile;
}

/** Maps an Umeet account to the domain; the status through {@link UMEET_ACCOUNT_STATUSES}, the contract's table. */
export function toEnterpriseAccount(account: UmeetAccount): EnterpriseAccount {
  const externalRefs: Record<string, string> = {};
  if (present(account.enterprise_number)) externalRefs.enterpriseNumber = account.enterprise_number;
  const owner: NonNullable<EnterpriseAccount['owner']> = { email: account.admin.email };
  if (present(account.admin.first_name)) owner.firstName = account.admin.first_name;
  if (present(account.admin.last_name)) owner.lastName = account.admin.last_name;
  const result: EnterpriseAccount = {
    partner: 'umeet',
    id: account.id,
    name: account.name,
    status: UMEET_ACCOUNT_STATUSES[account.status],
    externalRefs,
    profile: profileOf(account),
    owner,
    createdAt: account.created_at,
  };
  if (present(account.external_id)) result.externalId = account.external_id;
  if (present(account.updated_at)) result.updatedAt = account.updated_at;
  return result;
}

/**
 * Maps an Umeet licence to the domain. Seats are flexible: `purchased` moves freely between `assigned` and `cap`, and
 * a change takes effect when Umeet answers it, so no seat is ever pending.
 */
export function toLicenceState(accountId: string, licence: UmeetLicence): LicenceState {
  const state: LicenceState = {
    accountId,
    partner: 'umeet',
    plan: licence.plan,
    seats: {
      purchased: licence.seats.purchased,
      assigned: licence.seats.assigned,
      cap: licence.seats.cap,
      pending: 0,
    },
    commitment: 'flexible',
    status: licence.status,
  };
  if (licence.billing_period) {
    state.term = { start: licence.billing_period.start, end: licence.billing_period.end };
  }
  if (typeof licence.auto_renew === 'boolean') state.autoRenew = licence.auto_renew;
  return state;
}
