import type { Paginator } from '../pagination/paginator';

/**
 * Applies `map` to every item of a paginator, lazily, keeping its page structure: the client uses it to validate
 * each account an adapter lists as it is read, so a malformed item fails where it is met without buffering pages.
 */
export function mapPaginator<From, To>(source: Paginator<From>, map: (item: From) => To): Paginator<To> {
  async function* pages(): AsyncGenerator<readonly To[]> {
    for await (const page of source.pages()) yield page.map(map);
  }
  async function* items(): AsyncGenerator<To> {
    for await (const page of pages()) yield* page;
  }
  return {
    pages,
    [Symbol.asyncIterator]: items,
    async collect({ limit }) {
      // The source checks the limit and stops fetching once it is reached.
      return (await source.collect({ limit })).map(map);
    },
  };
}
