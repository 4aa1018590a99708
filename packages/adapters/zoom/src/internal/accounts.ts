import type { AccountsPort, OperationContext } from '@channelkit/core';
import type { EnterpriseAccount } from '@channelkit/types';
import { listZoomAccounts } from './lookup';
import { toEnterpriseAccount } from './mapping';
import { provisionAccount } from './provision';
import { accountPath, send, type ZoomScope } from './request';
import type { ZoomAccount } from './wire-types';

/** Zoom's default page size is 30; the largest page means the fewest (Medium-labelled) requests. */
const DEFAULT_PAGE_SIZE = 300;

async function getAccount(accountId: string, context: OperationContext): Promise<EnterpriseAccount> {
  const account = await send<ZoomAccount>(context, 'light', { method: 'GET', path: accountPath(accountId) });
  return toEnterpriseAccount(account);
}

async function* listAccounts(
  pageSize: number,
  context: OperationContext,
): AsyncGenerator<EnterpriseAccount, void, undefined> {
  for await (const account of listZoomAccounts(context, pageSize)) yield toEnterpriseAccount(account);
}

async function* nothing(): AsyncGenerator<EnterpriseAccount, void, undefined> {}

/** The accounts port over Zoom's Master Account API. */
export function zoomAccounts(scope: ZoomScope): AccountsPort {
  return {
    provision: (input, context) => provisionAccount(scope, input, context),
    get: getAccount,
    // Zoom cannot filter by status and lists only usable sub-accounts, which all map to 'active'.
    list: (query, context) =>
      query.status !== undefined && query.status !== 'active'
        ? nothing()
        : listAccounts(query.pageSize ?? DEFAULT_PAGE_SIZE, context),
    // Zoom has no delete: DELETE disassociates the sub-account from the master, which then no longer sees it.
    close: async (accountId, context) => {
      const account = await getAccount(accountId, context);
      await send(context, 'light', { method: 'DELETE', path: accountPath(accountId) });
      context.logger.info('zoom: sub-account disassociated from the master', { accountId });
      return { ...account, status: 'closed' };
    },
  };
}
