import { oneOf } from '../internal/text';

/** Every lifecycle state of an enterprise account, across platforms. */
export const ACCOUNT_STATUSES = [
  'provisioning',
  'pending_verification',
  'active',
  'suspended',
  'closed',
  'failed',
] as const;

/** An account's lifecycle state, one of {@link ACCOUNT_STATUSES}. */
export const accountStatusSchema = oneOf(ACCOUNT_STATUSES);

/** An account's lifecycle state. */
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];
