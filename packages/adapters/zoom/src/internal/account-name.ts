import { checkTextLength } from '@channelkit/core';
import type { ProvisionAccountInput } from '@channelkit/types';

/** Zoom's limit on `account_name`, in UTF-16 code units (the project's convention, and Zoom's way of counting). */
export const ACCOUNT_NAME_MAX = 64;

/**
 * Zoom's limits on what it stores, which the shared schemas cannot know; checked at the very start of provisioning,
 * so a refused name costs no request. Who Zoom sells to is `ZOOM_CUSTOMER_POLICY`, which the client checks.
 */
export function checkZoomAccountName(input: ProvisionAccountInput): void {
  checkTextLength(input.profile.legalName, {
    max: ACCOUNT_NAME_MAX,
    field: 'profile.legalName',
    label: 'Zoom account names',
  });
}
