import {
  byCursorToken,
  ConfigurationError,
  createHttpTransport,
  DEFAULT_PAGINATION_BOUNDS,
  type PaginateOptions,
  PaginationError,
  paginate,
} from '@channelkit/core';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

// Hostile platforms: each answers GET /users with pages that would keep a naive walk going forever.
const base = 'https://hostile.test/v2';
const server = setupServer();
const tokens: (string | null)[] = [];
server.events.on('request:start', ({ request }) =>
  tokens.push(new URL(request.url).searchParams.get('next_page_token')),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  tokens.length = 0;
  vi.useRealTimers();
});

/**
 * Time as the walk measures it (`performance.now()`), moved only by the test: a page or the consumer "takes" the
 * milliseconds the test says, so the budget is spent exactly where the test expects on any machine.
 */
function useVirtualClock(): (ms: number) => void {
  vi.useFakeTimers({ toFake: ['performance'] });
  return (ms) => vi.advanceTimersByTime(ms);
}
afterAll(() => server.close());

type UsersPage = { users: string[]; next_page_token?: string };

function users(options: PaginateOptions = {}) {
  const transport = createHttpTransport({ baseURL: base, platform: 'hostile' });
  return paginate(
    byCursorToken({
      fetch: async (token, signal) =>
        (
          await transport.request<UsersPage>({
            method: 'GET',
            path: '/users',
            query: { next_page_token: token },
            signal,
          })
        ).data,
      items: (page) => page.users,
      next: (page) => page.next_page_token,
    }),
    { what: 'hostile users', ...options },
  );
}

function serve(answer: (token: string | null, page: number) => UsersPage | Promise<UsersPage>) {
  let page = 0;
  server.use(
    http.get(`${base}/users`, async ({ request }) => {
      page += 1;
      return HttpResponse.json(await answer(new URL(request.url).searchParams.get('next_page_token'), page));
    }),
  );
}

async function walk<T>(iterable: AsyncIterable<T>) {
  const seen: T[] = [];
  const error = await (async () => {
    for await (const item of iterable) seen.push(item);
  })().catch((failure: unknown) => failure);
  return { seen, error };
}

describe('every walk over pages is bounded', () => {
  it('stops a platform that keeps offering new pages at maxPages, after yielding what it fetched', async () => {
    serve((_, page) => ({ users: [`user-${page}`], next_page_token: `token-${page}` }));

    const { seen, error } = await walk(users({ maxPages: 5 }));

    expect(error).toBeInstanceOf(PaginationError);
    expect(error).toMatchObject({
      code: 'pagination_stopped',
      reason: 'max_pages',
      pages: 5,
      limit: 5,
      message: expect.stringMatching(/hostile users after 5 pages.*pagination\.maxPages/),
    });
    expect(seen).toEqual(['user-1', 'user-2', 'user-3', 'user-4', 'user-5']);
    expect(tokens).toHaveLength(5);
  });

  it('finishes a listing of exactly maxPages pages', async () => {
    serve((_, page) => ({
      users: [`user-${page}`],
      ...(page < 3 ? { next_page_token: `token-${page}` } : {}),
    }));
    const { seen, error } = await walk(users({ maxPages: 3 }));
    expect(error).toBeUndefined();
    expect(seen).toHaveLength(3);
  });

  it('stops at once on a token that repeats the one it was fetched with', async () => {
    serve(() => ({ users: ['same-user'], next_page_token: 'same' }));
    const { error } = await walk(users());
    expect(error).toMatchObject({ reason: 'repeated_cursor', pages: 2 });
    expect((error as Error).message).toMatch(/page cursor it had already given/);
    expect(tokens).toEqual([null, 'same']);
  });

  it('stops on a cycle of tokens', async () => {
    serve((token) => ({ users: [`after-${token}`], next_page_token: token === 'a' ? 'b' : 'a' }));
    const { error } = await walk(users());
    expect(error).toMatchObject({ reason: 'repeated_cursor', pages: 3 });
    expect(tokens).toEqual([null, 'a', 'b']);
  });

  it('stops on an empty page that still offers another', async () => {
    serve((_, page) => ({ users: [], next_page_token: `token-${page}` }));
    const { error } = await walk(users());
    expect(error).toMatchObject({ reason: 'empty_page', pages: 1 });
    expect(tokens).toHaveLength(1);
  });

  it('stops once fetching has taken longer than maxDurationMs', async () => {
    const spend = useVirtualClock();
    serve((_, page) => {
      spend(30); // each page takes 30 ms to arrive
      return { users: [`user-${page}`], next_page_token: `token-${page}` };
    });
    const { seen, error } = await walk(users({ maxDurationMs: 50 }));
    expect(error).toMatchObject({ reason: 'max_duration', limit: 50, pages: 2 });
    // 30 ms after the first page, 60 ms after the second: the budget of 50 ms is spent, and no third is asked for.
    expect(seen).toEqual(['user-1', 'user-2']);
    expect(tokens).toHaveLength(2);
  });

  it('does not count the time the consumer spends between pages', async () => {
    const spend = useVirtualClock();
    serve((_, page) => {
      spend(100);
      return { users: [`user-${page}`], ...(page < 3 ? { next_page_token: `token-${page}` } : {}) };
    });
    const seen: string[] = [];
    // 300 ms of fetching fits in 500; the 750 ms the consumer spends on top would not.
    for await (const user of users({ maxDurationMs: 500 })) {
      seen.push(user);
      spend(250);
    }
    expect(seen).toHaveLength(3);
  });

  it('applies the default bounds when none are given', async () => {
    let fetched = 0;
    const endless = paginate(async (cursor: number | undefined) => {
      fetched += 1;
      return { items: [cursor ?? 0], next: (cursor ?? 0) + 1 };
    });
    const { error } = await walk(endless);
    expect(error).toMatchObject({ reason: 'max_pages', limit: DEFAULT_PAGINATION_BOUNDS.maxPages });
    expect(fetched).toBe(DEFAULT_PAGINATION_BOUNDS.maxPages);
    expect(DEFAULT_PAGINATION_BOUNDS).toEqual({ maxPages: 1_000, maxDurationMs: 300_000 });
  });

  it('refuses bounds out of range, naming the option', () => {
    const fetchPage = async () => ({ items: [], next: undefined });
    for (const maxPages of [0, -1, 2.5, Number.NaN]) {
      expect(() => paginate(fetchPage, { maxPages })).toThrow(ConfigurationError);
      expect(() => paginate(fetchPage, { maxPages })).toThrow(/pagination\.maxPages/);
    }
    for (const maxDurationMs of [0, -5, Number.POSITIVE_INFINITY, 86_400_001]) {
      expect(() => paginate(fetchPage, { maxDurationMs })).toThrow(/pagination\.maxDurationMs/);
    }
  });
});
