import { type AccountsPort, type OperationContext, paginatorOf } from '@channelkit/core';
import type { EnterpriseAccount } from '@channelkit/types';
import type { BasePlanCatalog } from './catalog';
import { provisionCommerceAccount } from './commerce-provision';
import type { CommerceScope } from './commerce-scope';
import { readEndCustomer, walkAccounts } from './end-customers';
import { toEnterpriseAccount } from './mapping';

/** Details read at once while listing: list entries lack the creation date and the contacts. */
const DETAIL_CONCURRENCY = 8;
const DEFAULT_PAGE_SIZE = 100;

async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  map: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await map(items[index] as T);
    }
  });
  await Promise.all(workers);
  return results;
}

/** The accounts port over Zoom's Partner Commerce API: end customers, keyed by their CRM account number. */
export function commerceAccounts(scope: CommerceScope, catalog: BasePlanCatalog): AccountsPort {
  return {
    provision: (input, context) => provisionCommerceAccount(scope, catalog, input, context),
    get: async (accountId, context) =>
      toEnterpriseAccount(await readEndCustomer(accountId, context, 'accounts.get')),
    // Each page of `GET /commerce/accounts` is followed by the details of its accounts (Light requests, eight at a
    // time): list entries have no creation date and no contacts. Creations still pending (no CRM number yet) are not
    // listed: they cannot be read until Zoom has created them. Zoom cannot filter by status; the filter is applied here.
    list: (query, context: OperationContext) => {
      const raw = walkAccounts(context, {}, 'accounts.list', query.pageSize ?? DEFAULT_PAGE_SIZE);
      return paginatorOf<EnterpriseAccount>(async function* pages() {
        for await (const page of raw.pages()) {
          const ready = page.flatMap((entry) => (entry.crm_account_number ? [entry.crm_account_number] : []));
          const accounts = await mapLimited(ready, DETAIL_CONCURRENCY, async (crm) =>
            toEnterpriseAccount(await readEndCustomer(crm, context, 'accounts.list')),
          );
          yield query.status === undefined
            ? accounts
            : accounts.filter((account) => account.status === query.status);
        }
      });
    },
  };
}
