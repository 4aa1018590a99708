import {
  AbortError,
  byCursorToken,
  byOffset,
  byPageNumber,
  ConfigurationError,
  createHttpTransport,
  type Page,
  paginate,
} from '@channelkit/core';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

const base = 'https://api.example.test';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const all = Array.from({ length: 23 }, (_, i) => `user-${i}`);

async function drain<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe('paginate', () => {
  it('follows cursor tokens through the transport until the token is empty', async () => {
    const tokens: (string | null)[] = [];
    server.use(
      http.get(`${base}/users`, ({ request }) => {
        const token = new URL(request.url).searchParams.get('next_page_token');
        tokens.push(token);
        const start = token ? Number(token) : 0;
        const next = start + 10 < all.length ? String(start + 10) : '';
        return HttpResponse.json({ users: all.slice(start, start + 10), next_page_token: next });
      }),
    );
    const transport = createHttpTransport({ baseURL: base });
    type UsersPage = { users: string[]; next_page_token: string };
    const users = paginate(
      byCursorToken({
        fetch: async (token, signal) =>
          (
            await transport.request<UsersPage>({
              method: 'GET',
              path: '/users',
              query: { page_size: 10, next_page_token: token },
              signal,
            })
          ).data,
        items: (page) => page.users,
        next: (page) => page.next_page_token,
      }),
    );
    expect(await drain(users)).toEqual(all);
    expect(tokens).toEqual([null, '10', '20']);
  });

  it('walks page numbers until totalPages, a short page or an empty page', async () => {
    const pages: number[] = [];
    const fetchPage = async (page: number) => {
      pages.push(page);
      return { list: all.slice((page - 1) * 10, page * 10), total_pages: 3 };
    };
    expect(
      await drain(
        paginate(byPageNumber({ fetch: fetchPage, items: (r) => r.list, totalPages: (r) => r.total_pages })),
      ),
    ).toEqual(all);
    expect(pages).toEqual([1, 2, 3]);

    pages.length = 0;
    expect(
      await drain(paginate(byPageNumber({ fetch: fetchPage, items: (r) => r.list, pageSize: 10 }))),
    ).toEqual(all);
    expect(pages).toEqual([1, 2, 3]);

    pages.length = 0;
    const exact = async (page: number) => {
      pages.push(page);
      return { list: page <= 2 ? ['a', 'b'] : [] };
    };
    expect(await drain(paginate(byPageNumber({ fetch: exact, items: (r) => r.list })))).toEqual([
      'a',
      'b',
      'a',
      'b',
    ]);
    expect(pages).toEqual([1, 2, 3]);
  });

  it('walks offsets until total or a short page', async () => {
    const offsets: number[] = [];
    const fetchPage = async (offset: number, limit: number) => {
      offsets.push(offset);
      return { rows: all.slice(offset, offset + limit), total: all.length };
    };
    expect(await drain(paginate(byOffset({ fetch: fetchPage, items: (r) => r.rows, limit: 10 })))).toEqual(
      all,
    );
    expect(offsets).toEqual([0, 10, 20]);

    offsets.length = 0;
    const twenty = async (offset: number, limit: number) => {
      offsets.push(offset);
      return { rows: all.slice(0, 20).slice(offset, offset + limit), total: 20 };
    };
    expect(
      await drain(
        paginate(byOffset({ fetch: twenty, items: (r) => r.rows, limit: 10, total: (r) => r.total })),
      ),
    ).toHaveLength(20);
    expect(offsets).toEqual([0, 10]);
  });

  it('fetches lazily, one page at a time, and collect stops at the limit', async () => {
    let fetched = 0;
    const fetchPage = async (cursor: number | undefined): Promise<Page<number, number>> => {
      fetched++;
      const start = cursor ?? 0;
      return { items: [start, start + 1, start + 2], next: start + 3 }; // endless
    };
    const numbers = paginate(fetchPage);
    expect(fetched).toBe(0);
    for await (const n of numbers) {
      if (n === 1) break;
    }
    expect(fetched).toBe(1);
    fetched = 0;
    expect(await numbers.collect({ limit: 7 })).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(fetched).toBe(3);
    fetched = 0;
    const pageSizes: number[] = [];
    for await (const page of numbers.pages()) {
      pageSizes.push(page.length);
      if (pageSizes.length === 2) break;
    }
    expect(pageSizes).toEqual([3, 3]);
    expect(fetched).toBe(2);
  });

  it('validates the collect limit and the offset page size', async () => {
    expect(() => byOffset({ fetch: async () => [], items: (r: string[]) => r, limit: 0 })).toThrow(
      ConfigurationError,
    );
    const numbers = paginate(async () => ({ items: [1], next: undefined }));
    for (const limit of [0, -1, 1.5, 10_001, Number.NaN]) {
      await expect(numbers.collect({ limit })).rejects.toBeInstanceOf(ConfigurationError);
    }
    expect(await numbers.collect({ limit: 10_000 })).toEqual([1]);
  });

  it('stops with AbortError between pages once the signal aborts', async () => {
    const controller = new AbortController();
    let fetched = 0;
    const numbers = paginate(
      async (cursor: number | undefined, signal) => {
        fetched++;
        expect(signal).toBe(controller.signal);
        return { items: [cursor ?? 0], next: (cursor ?? 0) + 1 };
      },
      { signal: controller.signal },
    );
    const seen: number[] = [];
    const error = await (async () => {
      for await (const n of numbers) {
        seen.push(n);
        if (n === 1) controller.abort();
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(seen).toEqual([0, 1]);
    expect(fetched).toBe(2);
  });
});
