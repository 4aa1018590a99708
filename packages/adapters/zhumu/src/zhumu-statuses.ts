import type { AccountStatus } from '@channelkit/types';

/** One of Zhumu's enterprise status codes and the channelkit status it maps to. */
export interface ZhumuStatusMapping {
  /** Zhumu's code, the `status` field of an enterprise. */
  readonly code: number;
  /** channelkit's name for the code. */
  readonly name: string;
  /** Zhumu's own (Chinese) name for it. */
  readonly label: string;
  /** The channelkit status. */
  readonly status: AccountStatus;
  /** What it means for the customer. */
  readonly meaning: string;
}

/**
 * Zhumu's enterprise statuses and how they map onto channelkit's, as data: the adapter maps with this table and
 * nothing else, and the contract (docs/partners/zhumu.md) prints the same table. Zhumu creates an enterprise in the
 * create call itself, so no code maps to `provisioning`; a code outside the table is a `ResponseValidationError`.
 */
export const ZHUMU_ENTERPRISE_STATUSES: readonly ZhumuStatusMapping[] = Object.freeze([
  Object.freeze({
    code: 0,
    name: 'pending_review',
    label: '待审核',
    status: 'pending_verification',
    meaning: 'Zhumu is reviewing the business licence; the administrator can sign in once it is approved',
  }),
  Object.freeze({
    code: 1,
    name: 'active',
    label: '正常',
    status: 'active',
    meaning: 'in service',
  }),
  Object.freeze({
    code: 2,
    name: 'rejected',
    label: '审核未通过',
    status: 'failed',
    meaning: 'the review was rejected (`status_reason` says why); the credit code is free for a new create',
  }),
  Object.freeze({
    code: 3,
    name: 'suspended',
    label: '已停用',
    status: 'suspended',
    meaning: 'suspended by the partner (`accounts.suspend`); `accounts.resume` lifts it',
  }),
  Object.freeze({
    code: 4,
    name: 'locked',
    label: '已锁定',
    status: 'suspended',
    meaning:
      'locked by Zhumu (e.g. compliance); only Zhumu can unlock it, `accounts.resume` fails with code 2004',
  }),
  Object.freeze({
    code: 5,
    name: 'cancelled',
    label: '已注销',
    status: 'closed',
    meaning: 'cancelled (`accounts.close`); still readable, the credit code is free again',
  }),
] satisfies ZhumuStatusMapping[]);

const byCode = new Map(ZHUMU_ENTERPRISE_STATUSES.map((row) => [row.code, row]));

/** The mapping row of a Zhumu status code, `undefined` for a code outside the table. */
export function zhumuStatusRow(code: number): ZhumuStatusMapping | undefined {
  return byCode.get(code);
}

/** The Zhumu codes that map to a channelkit status (none for `provisioning`). */
export function zhumuCodesOf(status: AccountStatus): number[] {
  return ZHUMU_ENTERPRISE_STATUSES.filter((row) => row.status === status).map((row) => row.code);
}
