import { type OperationContext, type Paginator, paginate } from '@channelkit/core';
import { send } from './request';
import type { ZoomAccount, ZoomAccountListPage } from './wire-types';

/** Zoom's largest page size for `GET /accounts`. */
export const MAX_PAGE_SIZE = 300;

/** Fetches one page of sub-accounts. */
export function fetchAccountPage(
  context: OperationContext,
  pageSize: number,
  cursor: string | undefined,
): Promise<ZoomAccountListPage> {
  return send<ZoomAccountListPage>(context, 'medium', {
    method: 'GET',
    path: '/accounts',
    query: { page_size: pageSize, next_page_token: cursor },
  });
}

/** Every sub-account of the master, mapped by `map`, lazily, page by page. */
export function listZoomAccounts<T>(
  context: OperationContext,
  pageSize: number,
  map: (account: ZoomAccount) => T,
): Paginator<T> {
  return paginate<T, string>(
    async (cursor) => {
      const page = await fetchAccountPage(context, pageSize, cursor);
      // Zoom ends the list with an empty token rather than omitting it.
      return { items: (page.accounts ?? []).map(map), next: page.next_page_token || undefined };
    },
    { signal: context.signal },
  );
}

/**
 * Finds the sub-account owned by `email` (Zoom compares emails case-insensitively). Zoom has no search by email,
 * so this walks every page; it runs only to resolve an ambiguous or conflicting create.
 */
export async function findAccountByOwnerEmail(
  context: OperationContext,
  email: string,
): Promise<ZoomAccount | undefined> {
  const wanted = email.trim().toLowerCase();
  for await (const account of listZoomAccounts(context, MAX_PAGE_SIZE, (account) => account)) {
    if (account.owner_email.trim().toLowerCase() === wanted) return account;
  }
  return undefined;
}
