import type { AccountStatus } from '@channelkit/types';

/** An enterprise's state as Bizconf reports it in `status` (its Chinese label in `statusDesc`). */
export type BizconfEnterpriseStatus = 'REVIEWING' | 'NORMAL' | 'FROZEN' | 'CANCELLED' | 'REJECTED';

/** One row of {@link BIZCONF_STATUS_MAPPING}. */
export interface BizconfStatusMapping {
  /** Bizconf's `status`. */
  readonly bizconf: BizconfEnterpriseStatus;
  /** Bizconf's `statusDesc`, in Chinese. */
  readonly label: string;
  /** The unified status it maps to. */
  readonly status: AccountStatus;
  /** What it means. */
  readonly meaning: string;
}

/**
 * How Bizconf's enterprise states map onto the unified account statuses, one to one, as the contract's status table
 * says. `provisioning` has no Bizconf state: it is the time a provisioning task runs, before the enterprise exists.
 */
export const BIZCONF_STATUS_MAPPING: readonly BizconfStatusMapping[] = Object.freeze([
  {
    bizconf: 'REVIEWING',
    label: '审核中',
    status: 'pending_verification',
    meaning: "Bizconf is reviewing the customer's qualifications (business licence)",
  },
  { bizconf: 'NORMAL', label: '正常', status: 'active', meaning: 'usable' },
  {
    bizconf: 'FROZEN',
    label: '冻结',
    status: 'suspended',
    meaning: 'frozen by `accounts.suspend` or by Bizconf',
  },
  {
    bizconf: 'CANCELLED',
    label: '注销',
    status: 'closed',
    meaning: 'cancelled by `accounts.close`; stays readable',
  },
  {
    bizconf: 'REJECTED',
    label: '审核驳回',
    status: 'failed',
    meaning: 'the qualification review was rejected',
  },
]);

const byBizconf = new Map(BIZCONF_STATUS_MAPPING.map((row) => [row.bizconf, row.status]));
const byUnified = new Map(BIZCONF_STATUS_MAPPING.map((row) => [row.status, row.bizconf]));

/** The unified status of a Bizconf state. */
export function unifiedStatus(status: BizconfEnterpriseStatus): AccountStatus {
  return byBizconf.get(status) as AccountStatus;
}

/** The Bizconf state of a unified status, `undefined` for `provisioning` (no enterprise exists yet). */
export function bizconfStatus(status: AccountStatus): BizconfEnterpriseStatus | undefined {
  return byUnified.get(status);
}
