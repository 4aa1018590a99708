import {
  byPageNumber,
  type OperationContext,
  type Paginator,
  paginate,
  ResponseValidationError,
} from '@channelkit/core';
import type { BizconfEnterpriseStatus } from '../bizconf-statuses';
import { exchange } from './request';
import { type BizconfEnterprise, enterprisePageSchema } from './wire-schemas';

/** The largest page of `GET /enterprises`. */
export const MAX_PAGE_SIZE = 100;

/** Filters of `GET /enterprises`. */
export interface EnterpriseFilter {
  status?: BizconfEnterpriseStatus | undefined;
  creditCode?: string | undefined;
}

/**
 * Every enterprise matching `filter`, mapped by `map`, lazily, page by page (`pageNo` from 1). Each page is validated
 * before it is read, including that it is the page asked for; the walk ends at the last page by `total`, or on a short
 * page, and is bounded by the client's `pagination` option.
 */
export function listEnterprises<T>(
  context: OperationContext,
  filter: EnterpriseFilter,
  pageSize: number,
  map: (enterprise: BizconfEnterprise) => T,
  operation = 'accounts.list',
): Paginator<T> {
  const schema = enterprisePageSchema(pageSize);
  const fetchPage = byPageNumber({
    fetch: async (pageNo) => {
      const { data } = await exchange(
        context,
        'query',
        {
          operation,
          method: 'GET',
          path: '/enterprises',
          query: { pageNo, pageSize, status: filter.status, creditCode: filter.creditCode },
        },
        schema,
      );
      if (data.pageNo !== pageNo) {
        const message = `must be the page asked for (${pageNo}), not ${data.pageNo}`;
        throw new ResponseValidationError(
          `bizconf returned an unexpected response to ${operation} (GET /enterprises): pageNo: ${message}. ` +
            'The platform API may have changed; upgrade channelkit or report it',
          { platform: 'bizconf', operation: `${operation} (GET /enterprises)` },
          [{ path: 'data.pageNo', message }],
        );
      }
      return data;
    },
    items: (page) => page.list.map(map),
    totalPages: (page) => Math.ceil(page.total / pageSize),
    pageSize,
  });
  return paginate(fetchPage, { ...context.pagination, signal: context.signal, what: 'bizconf enterprises' });
}

/** States in which a credit code holds its one live account (cancelled and rejected ones free it). */
const LIVE: readonly BizconfEnterpriseStatus[] = ['REVIEWING', 'NORMAL', 'FROZEN'];

/** The live enterprise of a credit code, found through the listing's `creditCode` filter. */
export async function findLiveEnterprise(
  context: OperationContext,
  creditCode: string,
): Promise<BizconfEnterprise | undefined> {
  const enterprises = listEnterprises(
    context,
    { creditCode },
    MAX_PAGE_SIZE,
    (enterprise) => enterprise,
    'accounts.provision credit-code lookup',
  );
  for await (const enterprise of enterprises) {
    if (enterprise.creditCode === creditCode && LIVE.includes(enterprise.status)) return enterprise;
  }
  return undefined;
}
