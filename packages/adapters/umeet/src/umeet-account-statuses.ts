import type { AccountStatus } from '@channelkit/types';

/** An account's state as Umeet reports it (contract v1). */
export type UmeetAccountStatus =
  | 'provisioning'
  | 'pending_verification'
  | 'active'
  | 'suspended'
  | 'terminated'
  | 'rejected';

/**
 * How each Umeet account state maps to channelkit's `AccountStatus`, exactly as the contract's status table says
 * (docs/partners/umeet.md): `terminated` (closed by the partner) is `closed`, `rejected` (the business licence failed
 * verification, or provisioning failed) is `failed`, and the others keep their names. The mapping is one to one, so
 * `accounts.list({ status })` filters on Umeet's side.
 */
export const UMEET_ACCOUNT_STATUSES: Readonly<Record<UmeetAccountStatus, AccountStatus>> = Object.freeze({
  provisioning: 'provisioning',
  pending_verification: 'pending_verification',
  active: 'active',
  suspended: 'suspended',
  terminated: 'closed',
  rejected: 'failed',
});
