import { checkTextLength, type ParamValue } from '@channelkit/core';
import type { ProvisionAccountInput } from '@channelkit/types';
import { invalidField } from './errors';
import { PLAN_SEAT_LIMITS } from './mapping';

/** Zhumu's limits on what it stores, in UTF-16 code units (channelkit's Zhumu contract v1). */
export const ZHUMU_LIMITS = {
  name: 100,
  adminName: 32,
  industry: 50,
  website: 200,
  region: 50,
  address: 200,
  externalId: 64,
} as const;

const POSTAL_CODE = /^\d{6}$/;

function limit(value: string | undefined, max: number, field: string, label: string): void {
  if (value !== undefined) checkTextLength(value, { max, field, label: `Zhumu ${label}` });
}

/**
 * The `enterprise/create` form of a provision input, after Zhumu's own rules are checked: the lengths it stores, a
 * six-digit postal code on a mainland address, and the seat limit of a capped plan. The client has already checked
 * the customer against `MAINLAND_CHINA_ENTERPRISE_POLICY` (mainland, corporate, mainland mobile, CNY), so the mobile
 * is `+86` and 11 digits, sent without the country code as Zhumu takes it.
 */
export function enterpriseCreateForm(
  input: ProvisionAccountInput,
  defaultPlan: string,
): Record<string, ParamValue> {
  const { profile, admin } = input;
  limit(profile.legalName, ZHUMU_LIMITS.name, 'profile.legalName', 'enterprise names');
  limit(admin.firstName, ZHUMU_LIMITS.adminName, 'admin.firstName', 'administrator names');
  limit(admin.lastName, ZHUMU_LIMITS.adminName, 'admin.lastName', 'administrator names');
  limit(profile.industry, ZHUMU_LIMITS.industry, 'profile.industry', 'industries');
  limit(profile.website, ZHUMU_LIMITS.website, 'profile.website', 'web sites');
  limit(input.externalId, ZHUMU_LIMITS.externalId, 'externalId', 'partner references (external_id)');
  if (profile.creditCode === undefined) {
    // The customer policy refuses this before the adapter runs; kept so the form is never sent without its key.
    throw invalidField('profile.creditCode', 'is required: Zhumu identifies enterprises by it.');
  }

  const address = profile.address;
  let street: string | undefined;
  if (address !== undefined) {
    if (address.country !== 'CN') {
      throw invalidField(
        'profile.address.country',
        `is '${address.country}', but Zhumu stores mainland addresses only (it has no country field): give the registered address in mainland China, or leave the address out.`,
      );
    }
    street = address.line2 === undefined ? address.line1 : `${address.line1} ${address.line2}`;
    limit(street, ZHUMU_LIMITS.address, 'profile.address.line1', 'addresses (line1 and line2 together)');
    limit(address.city, ZHUMU_LIMITS.region, 'profile.address.city', 'city names');
    limit(address.region, ZHUMU_LIMITS.region, 'profile.address.region', 'province names');
    if (address.postalCode !== undefined && !POSTAL_CODE.test(address.postalCode)) {
      throw invalidField(
        'profile.address.postalCode',
        `is '${address.postalCode}', but Zhumu takes mainland postal codes of 6 digits, e.g. '200120'.`,
      );
    }
  }

  const plan = input.plan ?? defaultPlan;
  const cap = PLAN_SEAT_LIMITS[plan];
  if (input.seats !== undefined && cap !== undefined && input.seats > cap) {
    throw invalidField(
      'seats',
      `Zhumu's ${plan} plan allows at most ${cap} seats; asked for ${input.seats}.`,
    );
  }

  return {
    name: profile.legalName,
    credit_code: profile.creditCode,
    admin_email: admin.email,
    admin_first_name: admin.firstName,
    admin_last_name: admin.lastName,
    admin_mobile: admin.mobile.replace(/^\+86/, ''),
    industry: profile.industry,
    employee_count: profile.employeeCount,
    website: profile.website,
    province: address?.region,
    city: address?.city,
    address: street,
    postal_code: address?.postalCode,
    external_id: input.externalId,
    plan,
    seats: input.seats,
  };
}
