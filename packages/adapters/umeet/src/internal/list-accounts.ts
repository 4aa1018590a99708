import {
  byOffset,
  type OperationContext,
  type Paginator,
  paginate,
  ResponseValidationError,
} from '@channelkit/core';
import type { AccountStatus } from '@channelkit/types';
import { UMEET_ACCOUNT_STATUSES, type UmeetAccountStatus } from '../umeet-account-statuses';
import { exchangeParsed } from './request';
import { type UmeetAccount, umeetAccountPageSchema } from './wire-schemas';

/** The largest page `GET /accounts` serves (contract v1). */
export const MAX_PAGE_SIZE = 200;

/** Channelkit's status to Umeet's: the contract's table read backwards (it is one to one). */
const TO_UMEET = Object.fromEntries(
  Object.entries(UMEET_ACCOUNT_STATUSES).map(([umeet, unified]) => [unified, umeet]),
) as Record<AccountStatus, UmeetAccountStatus>;

/** Umeet's name for a channelkit status. */
export function umeetStatusOf(status: AccountStatus): UmeetAccountStatus {
  return TO_UMEET[status];
}

/** What one walk over `GET /accounts` asks for. */
export interface AccountQuery {
  status?: UmeetAccountStatus | undefined;
  adminEmail?: string | undefined;
  pageSize: number;
}

function mismatch(operation: string, field: string, message: string): ResponseValidationError {
  return new ResponseValidationError(
    `umeet returned an unexpected response to ${operation} (GET /accounts): ${field} ${message}. The platform API ` +
      'may have changed; report it',
    { platform: 'umeet', operation: `${operation} (GET /accounts)` },
    [{ path: field, message }],
  );
}

/**
 * Accounts page by page (`offset`/`limit`, in creation order), mapped by `map`, lazily. A page must echo the offset and
 * limit asked for and hold at most `limit` items: a platform that quietly served smaller pages would otherwise end
 * the walk early. The walk stops at a short page or once `total` is reached, and is bounded by the client's
 * `pagination` option.
 */
export function walkAccounts<T>(
  context: OperationContext,
  query: AccountQuery,
  map: (account: UmeetAccount) => T,
  operation = 'accounts.list',
): Paginator<T> {
  const limit = Math.min(query.pageSize, MAX_PAGE_SIZE);
  const fetchPage = byOffset({
    limit,
    fetch: async (offset, size) => {
      const { data: page } = await exchangeParsed(
        context,
        {
          operation,
          method: 'GET',
          path: '/accounts',
          query: { offset, limit: size, status: query.status, admin_email: query.adminEmail },
        },
        umeetAccountPageSchema,
      );
      if (page.offset !== offset)
        throw mismatch(operation, 'offset', `is ${page.offset}, not the ${offset} asked for`);
      if (page.limit !== size)
        throw mismatch(operation, 'limit', `is ${page.limit}, not the ${size} asked for`);
      if (page.items.length > size) {
        throw mismatch(
          operation,
          'items',
          `holds ${page.items.length} accounts, more than the limit of ${size}`,
        );
      }
      return page;
    },
    items: (page) => page.items.map(map),
    total: (page) => page.total,
  });
  return paginate(fetchPage, { ...context.pagination, signal: context.signal, what: 'umeet accounts' });
}

/**
 * The account of this partner whose administrator is `email` (Umeet compares emails case-insensitively), if it is
 * live: terminated and rejected accounts release their admin email.
 */
export async function findLiveAccountByAdminEmail(
  context: OperationContext,
  email: string,
): Promise<UmeetAccount | undefined> {
  const found = walkAccounts(
    context,
    { adminEmail: email, pageSize: MAX_PAGE_SIZE },
    (account) => account,
    'accounts.provision admin lookup',
  );
  const wanted = email.trim().toLowerCase();
  for await (const account of found) {
    if (account.status === 'terminated' || account.status === 'rejected') continue;
    if (account.admin.email.trim().toLowerCase() === wanted) return account;
  }
  return undefined;
}
