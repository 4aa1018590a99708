import { checkTextLength } from '@channelkit/core';
import type { ProvisionAccountInput } from '@channelkit/types';
import { invalidField } from './errors';

/** Seats per enterprise in the Bizconf contract. */
export const MAX_SEATS = 100_000;

/** The create body of `POST /enterprises` (a request body: built, not parsed). */
export interface CreateEnterpriseBody {
  bizNo: string;
  enterpriseName: string;
  creditCode: string;
  industry: string;
  scale: string;
  website?: string;
  address?: { province?: string; city: string; detail: string; postcode?: string };
  admin: { familyName: string; givenName: string; email: string; mobile: string; jobTitle?: string };
  planCode: string;
  seats?: number;
  externalId?: string;
}

const label = (what: string) => `Bizconf ${what}`;

/**
 * Bizconf's limits on what it stores, which the shared schemas cannot know, checked before anything is sent (lengths
 * in UTF-16 code units, as Bizconf counts them). Who Bizconf serves (mainland corporate customers, CNY) is the
 * customer policy, which the client has checked already.
 */
export function checkProvisionInput(input: ProvisionAccountInput): void {
  const { profile, admin } = input;
  checkTextLength(profile.legalName, {
    max: 100,
    field: 'profile.legalName',
    label: label('enterprise names'),
  });
  checkTextLength(profile.industry, { max: 50, field: 'profile.industry', label: label('industries') });
  checkTextLength(admin.lastName, { max: 50, field: 'admin.lastName', label: label('family names') });
  checkTextLength(admin.firstName, { max: 50, field: 'admin.firstName', label: label('given names') });
  if (admin.jobTitle !== undefined) {
    checkTextLength(admin.jobTitle, { max: 50, field: 'admin.jobTitle', label: label('job titles') });
  }
  if (profile.website !== undefined) {
    checkTextLength(profile.website, { max: 200, field: 'profile.website', label: label('web sites') });
  }
  if (input.externalId !== undefined) {
    checkTextLength(input.externalId, { max: 64, field: 'externalId', label: label('external ids') });
  }
  const address = profile.address;
  if (address !== undefined) {
    if (address.country !== 'CN') {
      throw invalidField(
        'profile.address.country',
        `is '${address.country}', but Bizconf records a mainland address ('CN'): give the registered address in ` +
          'mainland China, or leave the address out.',
      );
    }
    checkTextLength(detailOf(address), {
      max: 200,
      field: 'profile.address.line1',
      label: label('street addresses (line1 and line2 together)'),
    });
    checkTextLength(address.city, { max: 50, field: 'profile.address.city', label: label('cities') });
    if (address.region !== undefined) {
      checkTextLength(address.region, {
        max: 50,
        field: 'profile.address.region',
        label: label('provinces'),
      });
    }
  }
  if (input.seats !== undefined && input.seats > MAX_SEATS) {
    throw invalidField('seats', `Bizconf licenses at most ${MAX_SEATS} seats per enterprise; ask for fewer.`);
  }
}

function detailOf(address: { line1: string; line2?: string | undefined }): string {
  return address.line2 === undefined ? address.line1 : `${address.line1} ${address.line2}`;
}

/**
 * The create body. The client has checked the customer policy, so the credit code is present and the mobile is a
 * mainland one, sent as Bizconf wants it: 11 digits without `+86`.
 */
export function createBody(
  input: ProvisionAccountInput,
  bizNo: string,
  defaultPlan: string,
): CreateEnterpriseBody {
  const { profile, admin, externalId, seats } = input;
  const body: CreateEnterpriseBody = {
    bizNo,
    enterpriseName: profile.legalName,
    creditCode: profile.creditCode ?? '',
    industry: profile.industry,
    scale: profile.employeeCount,
    admin: {
      familyName: admin.lastName,
      givenName: admin.firstName,
      email: admin.email,
      mobile: admin.mobile.replace(/^\+86/, ''),
      ...(admin.jobTitle === undefined ? {} : { jobTitle: admin.jobTitle }),
    },
    planCode: input.plan ?? defaultPlan,
  };
  if (profile.website !== undefined) body.website = profile.website;
  if (profile.address !== undefined) {
    const { address } = profile;
    body.address = {
      city: address.city,
      detail: detailOf(address),
      ...(address.region === undefined ? {} : { province: address.region }),
      ...(address.postalCode === undefined ? {} : { postcode: address.postalCode }),
    };
  }
  if (seats !== undefined) body.seats = seats;
  if (externalId !== undefined) body.externalId = externalId;
  return body;
}
