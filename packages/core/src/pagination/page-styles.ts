import { ConfigurationError } from '../errors/configuration-error';
import type { FetchPage } from './paginator';

/** Options of {@link byCursorToken}. */
export interface CursorTokenOptions<TItem, TResponse> {
  /** Fetches the page for `token` (`undefined` for the first page). */
  fetch: (token: string | undefined, signal?: AbortSignal) => Promise<TResponse>;
  /** The items of a response. */
  items: (response: TResponse) => readonly TItem[];
  /**
   * The next page's token; empty, `null` or `undefined` ends the listing. A token already given is not followed:
   * `paginate` stops with a `PaginationError`.
   */
  next: (response: TResponse) => string | null | undefined;
}

/**
 * Page fetcher for cursor-token APIs (e.g. Zoom's `next_page_token`).
 * @example
 * paginate(byCursorToken({
 *   fetch: (token, signal) => transport.request<UsersPage>({ method: 'GET', path: '/users', query: { next_page_token: token }, signal }).then((r) => r.data),
 *   items: (page) => page.users,
 *   next: (page) => page.next_page_token,
 * }));
 */
export function byCursorToken<TItem, TResponse>(
  options: CursorTokenOptions<TItem, TResponse>,
): FetchPage<TItem, string> {
  return async (token, signal) => {
    const response = await options.fetch(token, signal);
    const next = options.next(response);
    // A repeated token is passed on, not taken as the end: `paginate` refuses it loudly, where silently ending would
    // truncate the listing (and a lookup would wrongly conclude that what it looks for does not exist).
    return { items: options.items(response), next: next ? next : undefined };
  };
}

/** Options of {@link byPageNumber}. */
export interface PageNumberOptions<TItem, TResponse> {
  /** Fetches page number `page`. */
  fetch: (page: number, signal?: AbortSignal) => Promise<TResponse>;
  /** The items of a response. */
  items: (response: TResponse) => readonly TItem[];
  /** Total number of pages, when the API reports it. */
  totalPages?: ((response: TResponse) => number | undefined) | undefined;
  /** Page size: a shorter page is the last one. */
  pageSize?: number | undefined;
  /** Number of the first page. @default 1 */
  firstPage?: number | undefined;
}

/**
 * Page fetcher for page-number APIs. Stops on an empty page, a page shorter than `pageSize`, or when the page
 * number reaches `totalPages`.
 */
export function byPageNumber<TItem, TResponse>(
  options: PageNumberOptions<TItem, TResponse>,
): FetchPage<TItem, number> {
  const first = options.firstPage ?? 1;
  return async (cursor, signal) => {
    const page = cursor ?? first;
    const response = await options.fetch(page, signal);
    const items = options.items(response);
    const totalPages = options.totalPages?.(response);
    const last =
      items.length === 0 ||
      (options.pageSize !== undefined && items.length < options.pageSize) ||
      (totalPages !== undefined && page - first + 1 >= totalPages);
    return { items, next: last ? undefined : page + 1 };
  };
}

/** Options of {@link byOffset}. */
export interface OffsetOptions<TItem, TResponse> {
  /** Fetches `limit` items starting at `offset`. */
  fetch: (offset: number, limit: number, signal?: AbortSignal) => Promise<TResponse>;
  /** The items of a response. */
  items: (response: TResponse) => readonly TItem[];
  /** Page size requested with every fetch; a shorter page is the last one. */
  limit: number;
  /** Total number of items, when the API reports it. */
  total?: ((response: TResponse) => number | undefined) | undefined;
}

/** Page fetcher for offset/limit APIs. Stops on a short page or when the offset reaches `total`. */
export function byOffset<TItem, TResponse>(
  options: OffsetOptions<TItem, TResponse>,
): FetchPage<TItem, number> {
  if (!Number.isInteger(options.limit) || options.limit <= 0) {
    throw new ConfigurationError({
      option: 'limit',
      problem: `must be a positive integer page size (got ${options.limit})`,
    });
  }
  return async (cursor, signal) => {
    const offset = cursor ?? 0;
    const response = await options.fetch(offset, options.limit, signal);
    const items = options.items(response);
    const next = offset + items.length;
    const total = options.total?.(response);
    const last = items.length === 0 || items.length < options.limit || (total !== undefined && next >= total);
    return { items, next: last ? undefined : next };
  };
}
