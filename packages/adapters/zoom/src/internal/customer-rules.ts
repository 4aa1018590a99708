import { checkTextLength, ValidationError } from '@channelkit/core';
import type { ProvisionAccountInput } from '@channelkit/types';

/**
 * The platforms through which Zoom serves mainland China. Zoom stopped selling directly there on 23 August 2020
 * (https://www.cnbc.com/2020/08/03/zoom-to-halt-direct-sales-of-services-to-users-in-china.html).
 */
export const MAINLAND_CHINA_PARTNERS = ['Bizconf', 'Suirui Zhumu', 'Systec Umeet'] as const;

/** Zoom's limit on `account_name`, in UTF-16 code units (the project's convention, and Zoom's way of counting). */
export const ACCOUNT_NAME_MAX = 64;

function refuse(field: string, message: string, subject = 'provision input'): ValidationError {
  return new ValidationError({
    message: `Invalid ${subject}: ${field}: ${message}`,
    issues: [{ path: field, message }],
  });
}

/**
 * Refuses a mainland-Chinese customer (`country` `'CN'`), naming the partner platforms that serve the mainland; both
 * Zoom modes check it before any request. `field` and `subject` name where the country came from, e.g.
 * `customer.country` of a `referral input`.
 */
export function checkNotMainlandChina(country: string, field: string, subject = 'provision input'): void {
  if (country !== 'CN') return;
  const [bizconf, zhumu, umeet] = MAINLAND_CHINA_PARTNERS;
  throw refuse(
    field,
    "is 'CN', but Zoom does not sell directly in mainland China: since 23 August 2020 it serves mainland " +
      `customers only through ${bizconf}, ${zhumu} and ${umeet}, the platforms that embed Zoom technology. ` +
      'Provision this customer on one of those platforms instead (companies registered in Hong Kong, Macao or ' +
      "Taiwan are outside the mainland: country 'HK', 'MO' or 'TW').",
    subject,
  );
}

/**
 * Rules of Zoom's about who it sells to and what it stores, which the shared schemas cannot know; checked at the very
 * start of provisioning, so a refused customer costs no request.
 */
export function checkCustomerForZoom(input: ProvisionAccountInput): void {
  checkNotMainlandChina(input.profile.country, 'profile.country');
  checkTextLength(input.profile.legalName, {
    max: ACCOUNT_NAME_MAX,
    field: 'profile.legalName',
    label: 'Zoom account names',
  });
}
