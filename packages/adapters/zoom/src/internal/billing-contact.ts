import { ValidationError, type ValidationIssue } from '@channelkit/core';
import type { ProvisionAccountInput } from '@channelkit/types';
import type { ZoomContact } from './wire-schemas';

const WHY =
  "is required to provision with seats: Zoom's plan subscription (POST /accounts/{id}/plans) needs a billing " +
  'contact with a street address, city, state and postal code';

/**
 * The billing contact of the plan subscription, from the admin and the profile's address. Zoom's published schema
 * requires every contact field but `apt`, so an input that cannot fill them is refused here, before any request, with
 * a `ValidationError` naming the input field to add (Zoom would refuse the subscription after the account exists).
 */
export function billingContactOf(input: ProvisionAccountInput): ZoomContact {
  const { admin, profile } = input;
  const { address } = profile;
  const issues: ValidationIssue[] = [];
  if (!address) {
    issues.push({
      path: 'profile.address',
      message: `${WHY}: add profile.address with line1, city, region and postalCode`,
    });
  } else {
    if (!address.region) {
      issues.push({
        path: 'profile.address.region',
        message: `${WHY} (contact.state): add the province, state or region`,
      });
    }
    if (!address.postalCode) {
      issues.push({
        path: 'profile.address.postalCode',
        message: `${WHY} (contact.zip): add the postal code`,
      });
    }
  }
  if (!address?.region || !address.postalCode) {
    const described = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    throw new ValidationError({ message: `Invalid provision input: ${described}`, issues });
  }
  const contact: ZoomContact = {
    first_name: admin.firstName,
    last_name: admin.lastName,
    email: admin.email,
    phone_number: admin.mobile,
    address: address.line1,
    city: address.city,
    state: address.region,
    zip: address.postalCode,
    country: address.country,
  };
  // Zoom's contact has a field for the second line: the apartment or suite.
  if (address.line2) contact.apt = address.line2;
  return contact;
}
