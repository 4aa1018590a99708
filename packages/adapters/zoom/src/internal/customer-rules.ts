import { checkTextLength, ValidationError } from '@channelkit/core';
import type { ProvisionAccountInput } from '@channelkit/types';

/**
 * The platforms through which Zoom serves mainland China. Zoom stopped selling directly there on 23 August 2020
 * (https://www.cnbc.com/2020/08/03/zoom-to-halt-direct-sales-of-services-to-users-in-china.html).
 */
export const MAINLAND_CHINA_PARTNERS = ['Bizconf', 'Suirui Zhumu', 'Systec Umeet'] as const;

/** Zoom's limit on `account_name`, in UTF-16 code units (the project's convention, and Zoom's way of counting). */
export const ACCOUNT_NAME_MAX = 64;

function refuse(field: string, message: string): ValidationError {
  return new ValidationError({
    message: `Invalid provision input: ${field}: ${message}`,
    issues: [{ path: field, message }],
  });
}

/**
 * Rules of Zoom's about who it sells to and what it stores, which the shared schemas cannot know; checked at the very
 * start of provisioning, so a refused customer costs no request.
 */
export function checkCustomerForZoom(input: ProvisionAccountInput): void {
  if (input.profile.country === 'CN') {
    const [bizconf, zhumu, umeet] = MAINLAND_CHINA_PARTNERS;
    throw refuse(
      'profile.country',
      "is 'CN', but Zoom does not sell directly in mainland China: since 23 August 2020 it serves mainland " +
        `customers only through ${bizconf}, ${zhumu} and ${umeet}, the platforms that embed Zoom technology. ` +
        'Provision this customer on one of those platforms instead (companies registered in Hong Kong, Macao or ' +
        "Taiwan are outside the mainland: country 'HK', 'MO' or 'TW').",
    );
  }
  checkTextLength(input.profile.legalName, {
    max: ACCOUNT_NAME_MAX,
    field: 'profile.legalName',
    label: 'Zoom account names',
  });
}
