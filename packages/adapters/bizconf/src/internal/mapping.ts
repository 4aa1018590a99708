import {
  type EnterpriseAccount,
  type EnterpriseProfile,
  enterpriseProfileSchema,
  isUnifiedSocialCreditCode,
  type LicenceState,
} from '@channelkit/types';
import { unifiedStatus } from '../bizconf-statuses';
import { rfc3339FromBeijing } from './beijing-time';
import type { BizconfEnterprise, BizconfLicence } from './wire-schemas';

/**
 * What Bizconf knows of the customer, as a profile: all of it when it passes the profile's rules, else only the
 * country and a valid credit code, so that one odd record never makes a listing fail.
 */
function profileOf(enterprise: BizconfEnterprise): Partial<EnterpriseProfile> {
  const { address } = enterprise;
  const candidate = {
    legalName: enterprise.enterpriseName,
    creditCode: enterprise.creditCode ?? undefined,
    country: 'CN',
    industry: enterprise.industry ?? undefined,
    employeeCount: enterprise.scale ?? undefined,
    website: enterprise.website ?? undefined,
    address:
      address?.city && address.detail
        ? {
            line1: address.detail,
            city: address.city,
            region: address.province ?? undefined,
            postalCode: address.postcode ?? undefined,
            country: 'CN',
          }
        : undefined,
  };
  const parsed = enterpriseProfileSchema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  const code = enterprise.creditCode;
  return code && isUnifiedSocialCreditCode(code) ? { country: 'CN', creditCode: code } : { country: 'CN' };
}

/** Maps an enterprise to the domain; its status through `BIZCONF_STATUS_MAPPING`. */
export function toEnterpriseAccount(enterprise: BizconfEnterprise): EnterpriseAccount {
  const account: EnterpriseAccount = {
    partner: 'bizconf',
    id: enterprise.enterpriseId,
    name: enterprise.enterpriseName,
    status: unifiedStatus(enterprise.status),
    externalRefs: {},
    profile: profileOf(enterprise),
    owner: {
      email: enterprise.admin.email,
      ...(enterprise.admin.givenName ? { firstName: enterprise.admin.givenName } : {}),
      ...(enterprise.admin.familyName ? { lastName: enterprise.admin.familyName } : {}),
    },
    createdAt: rfc3339FromBeijing(enterprise.createTime),
  };
  if (enterprise.externalId) account.externalId = enterprise.externalId;
  if (enterprise.updateTime) account.updatedAt = rfc3339FromBeijing(enterprise.updateTime);
  return account;
}

/**
 * Maps an annual licence: `seats` are purchased, `usedSeats` assigned, and a decrease scheduled for the renewal is
 * `pending` (the seat count of the next term).
 */
export function toLicenceState(accountId: string, licence: BizconfLicence): LicenceState {
  const state: LicenceState = {
    accountId,
    partner: 'bizconf',
    plan: licence.planCode,
    seats: { purchased: licence.seats, assigned: licence.usedSeats },
    term: { start: licence.termStart, end: licence.termEnd },
    autoRenew: licence.autoRenew,
    commitment: 'annual',
    status: licence.status === 'ACTIVE' ? 'active' : 'expired',
  };
  if (licence.renewalSeats !== null && licence.renewalSeats !== undefined) {
    state.seats.pending = licence.renewalSeats;
  }
  return state;
}
