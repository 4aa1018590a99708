import {
  byPageNumber,
  type OperationContext,
  type Paginator,
  type ParamValue,
  paginate,
} from '@channelkit/core';
import { callParsed, contradiction, type ZhumuCall } from './request';
import { type ZhumuEnterprise, type ZhumuEnterprisePage, zhumuEnterprisePageSchema } from './wire-schemas';

/** Zhumu's largest page of `enterprise/list`. */
export const MAX_PAGE_SIZE = 300;

/** The filters `enterprise/list` takes. */
export interface EnterpriseFilters {
  /** Exact Unified Social Credit Code. */
  credit_code?: string | undefined;
  /** Administrator e-mail, compared case-insensitively by Zhumu. */
  admin_email?: string | undefined;
  /** Status codes, comma-separated. */
  status?: string | undefined;
}

/** Statuses in which an enterprise holds its credit code: all but rejected (2) and cancelled (5). */
const HOLDING_STATUSES = new Set([0, 1, 3, 4]);

/**
 * Every enterprise matching `filters`, mapped by `map`, lazily, page by page (`page_number`/`page_size`). Each page
 * is validated before it is read, and must be the page asked for with no more entries than asked for; the walk ends
 * at `page_count` or on a short page, and is bounded by the client's `pagination` option.
 */
export function listEnterprises<T>(
  context: OperationContext,
  options: { filters: EnterpriseFilters; pageSize: number; operation: string; what: string },
  map: (enterprise: ZhumuEnterprise) => T,
): Paginator<T> {
  const { filters, pageSize, operation } = options;
  const fetchPage = byPageNumber<T, ZhumuEnterprisePage>({
    fetch: async (page) => {
      const call: ZhumuCall = {
        operation,
        endpoint: '/enterprise/list',
        category: 'read',
        fields: { ...(filters as Record<string, ParamValue>), page_number: page, page_size: pageSize },
        idempotent: true,
      };
      const { data } = await callParsed(context, call, zhumuEnterprisePageSchema);
      // A server that ignores page_number would answer page 1 for ever; one that ignores page_size, unbounded pages.
      if (data.page_number !== page) {
        throw contradiction(call, 'page_number', `asked for page ${page}, got page ${data.page_number}`);
      }
      if (data.enterprises.length > pageSize) {
        throw contradiction(
          call,
          'enterprises',
          `asked for at most ${pageSize} entries, got ${data.enterprises.length}`,
        );
      }
      return data;
    },
    items: (page) => page.enterprises.map(map),
    totalPages: (page) => page.page_count,
    pageSize,
  });
  return paginate(fetchPage, { ...context.pagination, signal: context.signal, what: options.what });
}

/**
 * The enterprise that holds `creditCode` on Zhumu, if any: the natural key of a mainland company (one enterprise
 * per Unified Social Credit Code, until it is rejected or cancelled). Entries that do not carry the code asked for
 * are ignored, in case a server ignores the filter. Bounded like every walk.
 */
export async function findHolderOfCreditCode(
  context: OperationContext,
  creditCode: string,
  operation: string,
): Promise<ZhumuEnterprise | undefined> {
  const wanted = creditCode.toUpperCase();
  const found = listEnterprises(
    context,
    { filters: { credit_code: wanted }, pageSize: MAX_PAGE_SIZE, operation, what: 'zhumu enterprises' },
    (enterprise) => enterprise,
  );
  for await (const enterprise of found) {
    if (enterprise.credit_code.toUpperCase() === wanted && HOLDING_STATUSES.has(enterprise.status)) {
      return enterprise;
    }
  }
  return undefined;
}

/** The live enterprise whose administrator is `email`, if any (Zhumu compares e-mails case-insensitively). */
export async function findByAdminEmail(
  context: OperationContext,
  email: string,
  operation: string,
): Promise<ZhumuEnterprise | undefined> {
  const wanted = email.trim().toLowerCase();
  const found = listEnterprises(
    context,
    { filters: { admin_email: email }, pageSize: MAX_PAGE_SIZE, operation, what: 'zhumu enterprises' },
    (enterprise) => enterprise,
  );
  for await (const enterprise of found) {
    if (enterprise.admin_email.trim().toLowerCase() === wanted && HOLDING_STATUSES.has(enterprise.status)) {
      return enterprise;
    }
  }
  return undefined;
}
