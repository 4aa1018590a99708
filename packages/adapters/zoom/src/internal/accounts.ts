import { type AccountsPort, isChannelError, paginate } from '@channelkit/core';
import type { EnterpriseAccount } from '@channelkit/types';
import { listZoomAccounts } from './lookup';
import { toEnterpriseAccount } from './mapping';
import { provisionAccount } from './provision';
import { readNamedAccount } from './read-account';
import { accountPath, exchange, type ZoomScope } from './request';

/** Zoom's default page size is 30; the largest page means the fewest (Medium-labelled) requests. */
const DEFAULT_PAGE_SIZE = 300;

const nothing = async () => ({ items: [], next: undefined });

/** The accounts port over Zoom's Master Account API. */
export function zoomAccounts(scope: ZoomScope): AccountsPort {
  return {
    provision: (input, context) => provisionAccount(scope, input, context),
    // GET /accounts/{id} names no account: the name comes from the account's entry in GET /accounts.
    get: async (accountId, context) => {
      const { details, listed } = await readNamedAccount(scope, accountId, 'accounts.get', context);
      return toEnterpriseAccount({ ...listed, owner_id: details.owner_id });
    },
    // Zoom cannot filter by status and lists only usable sub-accounts, which all map to 'active'.
    list: (query, context) =>
      query.status !== undefined && query.status !== 'active'
        ? paginate<EnterpriseAccount, never>(nothing, { signal: context.signal })
        : listZoomAccounts(context, query.pageSize ?? DEFAULT_PAGE_SIZE, toEnterpriseAccount),
    // Zoom has no delete: DELETE disassociates the sub-account from the master, which then no longer sees it.
    close: async (accountId, context) => {
      const { details, listed } = await readNamedAccount(scope, accountId, 'accounts.close', context);
      const account = toEnterpriseAccount({ ...listed, owner_id: details.owner_id });
      try {
        await exchange(context, 'light', { method: 'DELETE', path: accountPath(accountId) });
      } catch (error) {
        // A retried DELETE whose first attempt went through finds the account already gone: that is closed too.
        if (!(isChannelError(error) && error.code === 'not_found')) throw error;
        context.logger.info('zoom: sub-account already disassociated', { accountId });
      }
      context.logger.info('zoom: sub-account disassociated from the master', { accountId });
      return { ...account, status: 'closed' };
    },
  };
}
