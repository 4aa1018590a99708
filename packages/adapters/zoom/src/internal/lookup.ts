import { byCursorToken, type OperationContext, type Paginator, paginate } from '@channelkit/core';
import { sendParsed } from './request';
import { type ZoomListedAccount, zoomAccountListPageSchema } from './wire-schemas';

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
  map: (account: ZoomListedAccount) => T,
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
): Promise<ZoomListedAccount | undefined> {
  const wanted = email.trim().toLowerCase();
  return findInList(
    context,
    (account) => account.owner_email.trim().toLowerCase() === wanted,
    'accounts.provision owner lookup',
  );
}

/**
 * The entry of `GET /accounts` for one sub-account: the only answer of Zoom's Master Account API that carries a
 * sub-account's name. `GET /accounts` cannot be filtered by id either, so this walks the pages in the same bounded way.
 */
export function findListedAccount(
  context: OperationContext,
  accountId: string,
  operation: string,
): Promise<ZoomListedAccount | undefined> {
  return findInList(context, (account) => account.id === accountId, operation);
}

async function findInList(
  context: OperationContext,
  matches: (account: ZoomListedAccount) => boolean,
  operation: string,
): Promise<ZoomListedAccount | undefined> {
  for await (const account of listZoomAccounts(context, MAX_PAGE_SIZE, (listed) => listed, operation)) {
    if (matches(account)) return account;
  }
  return undefined;
}
