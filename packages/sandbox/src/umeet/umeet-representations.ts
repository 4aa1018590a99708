import { calendarDate, timestamp } from './umeet-http';
import type { AccountRecord, OperationRecord, UmeetStore } from './umeet-store';

/** How contract v1 writes an account. */
export function accountJson(account: AccountRecord) {
  const { admin, address } = account;
  return {
    id: account.id,
    enterprise_number: account.enterpriseNumber,
    name: account.name,
    credit_code: account.creditCode,
    country: account.country,
    industry: account.industry,
    employee_count: account.employeeCount,
    website: account.website ?? null,
    address: address ?? null,
    admin: {
      first_name: admin.firstName,
      last_name: admin.lastName,
      email: admin.email,
      mobile: admin.mobile,
      ...(admin.jobTitle === undefined ? {} : { job_title: admin.jobTitle }),
    },
    external_id: account.externalId ?? null,
    status: account.status,
    status_reason: account.statusReason ?? null,
    suspended_by: account.suspendedBy ?? null,
    created_at: timestamp(account.createdAt),
    updated_at: timestamp(account.updatedAt),
  };
}

/** The strong entity tag of an account's licence: it changes with every change of the licence. */
export function licenceTag(account: AccountRecord): string {
  return `"lic-${account.id.slice(4, 10)}-${account.licence.version}"`;
}

/** The first and last day of the calendar month (UTC) around `now`: flexible seats are billed monthly in arrears. */
function billingPeriod(now: number) {
  const date = new Date(now);
  const start = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
  const end = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0);
  return { start: calendarDate(start), end: calendarDate(end) };
}

/** How contract v1 writes a licence. */
export function licenceJson(account: AccountRecord, now: number) {
  const { licence } = account;
  return {
    account_id: account.id,
    plan: licence.plan,
    commitment: 'flexible',
    seats: { purchased: licence.purchased, assigned: licence.assigned, cap: licence.cap },
    billing_period: billingPeriod(now),
    auto_renew: licence.status === 'active',
    status: licence.status,
    updated_at: timestamp(licence.updatedAt),
  };
}

/** The state of a provisioning operation, which follows its account's provisioning. */
export function operationState(
  store: UmeetStore,
  account: AccountRecord,
): 'running' | 'succeeded' | 'failed' {
  if (store.settings.now() < account.provisionedAt) return 'running';
  return account.failure ? 'failed' : 'succeeded';
}

/** Seconds until the operation may have finished, for `Retry-After`. */
export function secondsUntilProvisioned(store: UmeetStore, account: AccountRecord): number {
  const remaining = account.provisionedAt - store.settings.now();
  return Number.isFinite(remaining) ? Math.max(0, Math.ceil(remaining / 1000)) : 5;
}

/** How contract v1 writes a provisioning operation. */
export function operationJson(store: UmeetStore, operation: OperationRecord, account: AccountRecord) {
  const status = operationState(store, account);
  return {
    id: operation.id,
    kind: 'account.create',
    status,
    account_id: account.id,
    error: status === 'failed' ? (account.failure ?? null) : null,
    created_at: timestamp(operation.createdAt),
    updated_at: timestamp(status === 'running' ? operation.createdAt : account.provisionedAt),
  };
}
