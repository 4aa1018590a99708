import { ConfigurationError } from '../errors/configuration-error';
import { abortErrorFrom } from '../transport/sleep';

/** One page: its items and the cursor of the next page (`undefined` on the last page). */
export interface Page<TItem, TCursor> {
  /** Items of this page. */
  items: readonly TItem[];
  /** Cursor of the next page; `undefined` when this is the last one. */
  next: TCursor | undefined;
}

/** Fetches the page at `cursor` (`undefined` for the first page). */
export type FetchPage<TItem, TCursor> = (
  cursor: TCursor | undefined,
  signal?: AbortSignal,
) => Promise<Page<TItem, TCursor>>;

/** Options of {@link Paginator.collect}. */
export interface CollectOptions {
  /** Maximum number of items to collect: a positive integer up to 10 000. Stops fetching once reached. */
  limit: number;
}

/** Lazily iterates items across pages; every iteration starts again from the first page. */
export interface Paginator<T> extends AsyncIterable<T> {
  /** Iterates whole pages. */
  pages(): AsyncIterable<readonly T[]>;
  /** Collects up to `limit` items into an array (a bound is required: listings can be huge). */
  collect(options: CollectOptions): Promise<T[]>;
}

/** Options of {@link paginate}. */
export interface PaginateOptions {
  /** Stops the iteration (rejecting with `AbortError`) and is passed to every page fetch. */
  signal?: AbortSignal | undefined;
}

const maxCollect = 10_000;

/**
 * Turns a page fetcher into an async iterable of items. Fetches one page at a time, only when the previous
 * one has been consumed, so memory stays constant however long the listing.
 * @example
 * for await (const user of paginate(byCursorToken({ fetch, items: (r) => r.users, next: (r) => r.next_page_token }))) {
 *   console.log(user.email);
 * }
 */
export function paginate<TItem, TCursor>(
  fetchPage: FetchPage<TItem, TCursor>,
  options: PaginateOptions = {},
): Paginator<TItem> {
  const { signal } = options;
  return paginatorOf(async function* pages() {
    let cursor: TCursor | undefined;
    do {
      if (signal?.aborted) throw abortErrorFrom(signal);
      const page = await fetchPage(cursor, signal);
      yield page.items;
      cursor = page.next;
    } while (cursor !== undefined);
  });
}

/**
 * A paginator over whatever `pages` yields, one page at a time; `paginate` and the client (which validates each
 * listed item) both build on it, so iteration and `collect` behave the same everywhere.
 */
export function paginatorOf<TItem>(pages: () => AsyncIterable<readonly TItem[]>): Paginator<TItem> {
  async function* items(): AsyncGenerator<TItem> {
    for await (const page of pages()) yield* page;
  }
  return {
    pages,
    [Symbol.asyncIterator]: items,
    async collect({ limit }) {
      if (!Number.isInteger(limit) || limit <= 0 || limit > maxCollect) {
        throw new ConfigurationError({
          option: 'limit',
          problem: `must be an integer from 1 to ${maxCollect} (got ${limit}); iterate with for await for more`,
        });
      }
      const out: TItem[] = [];
      for await (const item of items()) {
        out.push(item);
        if (out.length === limit) break;
      }
      return out;
    },
  };
}
