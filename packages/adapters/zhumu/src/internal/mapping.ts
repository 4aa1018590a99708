import {
  type EnterpriseAccount,
  employeeCountBandSchema,
  isUnifiedSocialCreditCode,
  type LicenceState,
  type PartialEnterpriseProfile,
  type PostalAddress,
  websiteSchema,
} from '@channelkit/types';
import { zhumuStatusRow } from '../zhumu-statuses';
import type { ZhumuEnterprise, ZhumuLicence } from './wire-schemas';

/** Plans whose seat count is capped, and the cap (channelkit's Zhumu contract v1). */
export const PLAN_SEAT_LIMITS: Readonly<Record<string, number>> = Object.freeze({ trial: 10 });

const LICENCE_STATUSES = { 1: 'active', 2: 'expired', 3: 'cancelled' } as const;

// Zhumu's contract writes timestamps in RFC 3339 with +08:00; older answers (and Zhumu's console exports) use
// `YYYY-MM-DD HH:mm:ss` in Beijing time, which is read as such rather than refused.
const BEIJING_LOCAL = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})$/;

/** An RFC 3339 timestamp: as given, or a Beijing-time `YYYY-MM-DD HH:mm:ss` with its `+08:00` offset. */
export function toTimestamp(value: string): string {
  const local = BEIJING_LOCAL.exec(value.trim());
  return local ? `${local[1]}T${local[2]}+08:00` : value;
}

function present(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

/**
 * What Zhumu knows of the customer's profile. Descriptive fields (employee band, website, address) are kept only when
 * they satisfy channelkit's schemas: an enterprise edited in Zhumu's console may hold values the domain does not
 * know, which must not make the account unreadable.
 */
function profileOf(enterprise: ZhumuEnterprise): PartialEnterpriseProfile {
  const profile: PartialEnterpriseProfile = { legalName: enterprise.name, country: 'CN' };
  if (isUnifiedSocialCreditCode(enterprise.credit_code)) profile.creditCode = enterprise.credit_code;
  const industry = present(enterprise.industry);
  if (industry !== undefined && industry.length <= 100) profile.industry = industry;
  const band = employeeCountBandSchema.safeParse(enterprise.employee_count);
  if (band.success) profile.employeeCount = band.data;
  const website = websiteSchema.safeParse(present(enterprise.website));
  if (website.success) profile.website = website.data;
  const line1 = present(enterprise.address);
  const city = present(enterprise.city);
  if (line1 !== undefined && city !== undefined) {
    const address: PostalAddress = { line1, city, country: 'CN' };
    const region = present(enterprise.province);
    if (region !== undefined) address.region = region;
    const postalCode = present(enterprise.postal_code);
    if (postalCode !== undefined) address.postalCode = postalCode;
    profile.address = address;
  }
  return profile;
}

/** Maps an enterprise to the domain; its status through `ZHUMU_ENTERPRISE_STATUSES`, nothing else. */
export function toEnterpriseAccount(enterprise: ZhumuEnterprise): EnterpriseAccount {
  // The wire schema admits only codes of the table, so the row exists.
  const row = zhumuStatusRow(enterprise.status);
  if (row === undefined) throw new RangeError(`Unmapped Zhumu enterprise status ${enterprise.status}.`);
  const account: EnterpriseAccount = {
    partner: 'zhumu',
    id: enterprise.id,
    name: enterprise.name,
    status: row.status,
    externalRefs: {},
    profile: profileOf(enterprise),
    owner: { email: enterprise.admin_email },
    createdAt: toTimestamp(enterprise.created_at),
  };
  const firstName = present(enterprise.admin_first_name);
  const lastName = present(enterprise.admin_last_name);
  if (account.owner && firstName !== undefined) account.owner.firstName = firstName;
  if (account.owner && lastName !== undefined) account.owner.lastName = lastName;
  const externalId = present(enterprise.external_id);
  if (externalId !== undefined) account.externalId = externalId;
  const updatedAt = present(enterprise.updated_at);
  if (updatedAt !== undefined) account.updatedAt = toTimestamp(updatedAt);
  return account;
}

/** `trial` is a trial; every other plan is billed monthly and may change at any time (contract v1). */
export function commitmentOf(plan: string): LicenceState['commitment'] {
  return plan === 'trial' ? 'trial' : 'monthly';
}

/** Maps a licence to the domain: seats and seats in use, the plan's cap, term and status. */
export function toLicenceState(accountId: string, licence: ZhumuLicence): LicenceState {
  const state: LicenceState = {
    accountId,
    partner: 'zhumu',
    plan: licence.plan,
    seats: { purchased: licence.seats, assigned: licence.seats_used },
    commitment: commitmentOf(licence.plan),
  };
  if (licence.seat_limit !== undefined && licence.seat_limit !== null) state.seats.cap = licence.seat_limit;
  const start = present(licence.start_date);
  if (start !== undefined) {
    const end = present(licence.end_date);
    state.term = end === undefined ? { start } : { start, end };
  }
  if (typeof licence.auto_renew === 'boolean') state.autoRenew = licence.auto_renew;
  if (licence.status !== undefined && licence.status !== null)
    state.status = LICENCE_STATUSES[licence.status];
  return state;
}
