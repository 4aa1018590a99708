import { byCursorToken, type OperationContext, type Paginator, paginate } from '@channelkit/core';
import { send } from './request';
import type { ZoomAccount, ZoomAccountListPage } from './wire-types';

/** Zoom's largest page size for `GET /accounts`. */
export const MAX_PAGE_SIZE = 300;

/** Every sub-account of the master, mapped by `map`, lazily, page by page. */
export function listZoomAccounts<T>(
  context: OperationContext,
  pageSize: number,
  map: (account: ZoomAccount) => T,
): Paginator<T> {
  const fetchPage = byCursorToken({
    fetch: (cursor) =>
      send<ZoomAccountListPage>(context, 'medium', {
        method: 'GET',
        path: '/accounts',
        query: { page_size: pageSize, next_page_token: cursor },
      }),
    items: (page) => (page.accounts ?? []).map(map),
    // Zoom ends the list with an empty token rather than omitting it; byCursorToken treats both as the end.
    next: (page) => page.next_page_token,
  });
  return paginate(fetchPage, { signal: context.signal });
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
