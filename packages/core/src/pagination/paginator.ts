import { ConfigurationError } from '../errors/configuration-error';
import { PaginationError } from '../errors/pagination-error';
import { abortErrorFrom } from '../transport/sleep';
import { type PaginationBounds, resolvePaginationBounds } from './pagination-bounds';

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
export interface PaginateOptions extends Partial<PaginationBounds> {
  /** Stops the iteration (rejecting with `AbortError`) and is passed to every page fetch. */
  signal?: AbortSignal | undefined;
  /** What is listed, for error messages, e.g. `zoom sub-accounts`. */
  what?: string | undefined;
}

const maxCollect = 10_000;

/**
 * Turns a page fetcher into an async iterable of items. Fetches one page at a time, only when the previous
 * one has been consumed, so memory stays constant however long the listing.
 *
 * Every walk is bounded, whatever the platform answers: at most `maxPages` pages and `maxDurationMs` spent fetching
 * (defaults in `DEFAULT_PAGINATION_BOUNDS`); a cursor the walk has already followed, or an empty page that still
 * offers another, stops it too. Each ends the walk with a `PaginationError` once the items already fetched have been
 * yielded. Bounds out of range throw `ConfigurationError` at once.
 * @example
 * for await (const user of paginate(byCursorToken({ fetch, items: (r) => r.users, next: (r) => r.next_page_token }))) {
 *   console.log(user.email);
 * }
 */
export function paginate<TItem, TCursor>(
  fetchPage: FetchPage<TItem, TCursor>,
  options: PaginateOptions = {},
): Paginator<TItem> {
  const { signal, what } = options;
  const { maxPages, maxDurationMs } = resolvePaginationBounds(options);
  return paginatorOf(async function* pages() {
    let cursor: TCursor | undefined;
    let fetched = 0;
    let fetchingMs = 0;
    // Cursors already followed: at most maxPages of them, so memory stays bounded.
    const followed = new Set<unknown>();
    do {
      if (signal?.aborted) throw abortErrorFrom(signal);
      if (fetched >= maxPages) {
        throw new PaginationError({ reason: 'max_pages', pages: fetched, what, limit: maxPages });
      }
      if (fetchingMs >= maxDurationMs) {
        throw new PaginationError({ reason: 'max_duration', pages: fetched, what, limit: maxDurationMs });
      }
      const startedAt = performance.now();
      const page = await fetchPage(cursor, signal);
      fetchingMs += performance.now() - startedAt;
      fetched += 1;
      yield page.items;
      const next = page.next;
      if (next !== undefined) {
        // A page that brings nothing yet offers another could go on forever; a cursor already followed, loops.
        if (page.items.length === 0) {
          throw new PaginationError({ reason: 'empty_page', pages: fetched, what });
        }
        const key = cursorKey(next);
        if (followed.has(key)) {
          throw new PaginationError({ reason: 'repeated_cursor', pages: fetched, what });
        }
        followed.add(key);
      }
      cursor = next;
    } while (cursor !== undefined);
  });
}

/** Cursors are usually strings or numbers; anything else is compared by its JSON form. */
function cursorKey(cursor: unknown): unknown {
  return typeof cursor === 'object' && cursor !== null ? JSON.stringify(cursor) : cursor;
}

/**
 * A paginator over whatever `pages` yields, one page at a time; `paginate` and the client (which validates each
 * listed item) both build on it, so iteration and `collect` behave the same everywhere. Adapters use it to map or
 * filter the pages of a bounded `paginate` walk (a filtered page may be empty) without a second set of bounds.
 * @example
 * const raw = paginate(fetchPage, { ...context.pagination, signal: context.signal });
 * return paginatorOf(async function* () {
 *   for await (const page of raw.pages()) yield page.filter((item) => item.active).map(toDomain);
 * });
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
