import { checkTextLength } from '@channelkit/core';
import type { ProvisionAccountInput } from '@channelkit/types';

/** Contract v1's limits the shared schemas cannot know, in UTF-16 code units (as Umeet counts them). */
export const UMEET_LIMITS = {
  /** `name`: the enterprise's legal name. */
  name: 100,
  /** `admin.first_name` and `admin.last_name`. */
  adminName: 50,
  /** `external_id`: the partner's reference. */
  externalId: 64,
} as const;

/** Refuses what Umeet would refuse for its length, before anything is sent, naming the field. */
export function checkUmeetLimits(input: ProvisionAccountInput): void {
  checkTextLength(input.profile.legalName, {
    max: UMEET_LIMITS.name,
    field: 'profile.legalName',
    label: 'Umeet enterprise names',
  });
  checkTextLength(input.admin.firstName, {
    max: UMEET_LIMITS.adminName,
    field: 'admin.firstName',
    label: 'Umeet administrator names',
  });
  checkTextLength(input.admin.lastName, {
    max: UMEET_LIMITS.adminName,
    field: 'admin.lastName',
    label: 'Umeet administrator names',
  });
  if (input.externalId !== undefined) {
    checkTextLength(input.externalId, {
      max: UMEET_LIMITS.externalId,
      field: 'externalId',
      label: 'Umeet external ids',
    });
  }
}
