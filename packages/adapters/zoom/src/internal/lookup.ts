import { byCursorToken, type OperationContext, type Paginator, paginate } from '@channelkit/core';
import { sendParsed } from './request';
import { type ZoomAccount, zoomAccountListPageSchema } from './wire-schemas';

/** Zoom's largest page size for `GET /accounts`. */
export const MAX_PAGE_SIZE = 300;

/**
 * Every sub-account of the master, mapped by `map`, lazily, page by page. Each page is validated before it is read;
 * the walk is bounded by the client's `pagination` option (pages and time), and a repeated or endless token stops it
 * with a `PaginationError`.
 */
export function listZoomAccounts<T>(
  context: OperationContext,
  pageSize: number,
  map: (account: ZoomAccount) => T,
  operation = 'accounts.list',
): Paginator<T> {
  const fetchPage = byCursorToken({
    fetch: (cursor) =>
      sendParsed(
        context,
        'medium',
        {
          operation,
          method: 'GET',
          path: '/accounts',
          query: { page_size: pageSize, next_page_token: cursor },
        },
        zoomAccountListPageSchema,
      ),
    items: (page) => (page.accounts ?? []).map(map),
    // Zoom ends the list with an empty token rather than omitting it; byCursorToken treats both as the end.
    next: (page) => page.next_page_token,
  });
  return paginate(fetchPage, { ...context.pagination, signal: context.signal, what: 'zoom sub-accounts' });
}

/**
 * Finds the sub-account owned by `email` (Zoom compares emails case-insensitively). Zoom's `GET /accounts` has no
 * filter by owner email (nor any search), so this walks the pages, at most the client's `pagination` bounds; it runs
 * only to resolve an ambiguous or conflicting create.
 */
export async function findAccountByOwnerEmail(
  context: OperationContext,
  email: string,
): Promise<ZoomAccount | undefined> {
  const wanted = email.trim().toLowerCase();
  const accounts = listZoomAccounts(
    context,
    MAX_PAGE_SIZE,
    (account) => account,
    'accounts.provision owner lookup',
  );
  for await (const account of accounts) {
    if (account.owner_email.trim().toLowerCase() === wanted) return account;
  }
  return undefined;
}
