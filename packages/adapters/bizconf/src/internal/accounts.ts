import { type AccountsPort, type OperationContext, paginate } from '@channelkit/core';
import type { EnterpriseAccount } from '@channelkit/types';
import { bizconfStatus } from '../bizconf-statuses';
import { listEnterprises, MAX_PAGE_SIZE } from './lookup';
import { toEnterpriseAccount } from './mapping';
import { provisionAccount } from './provision';
import { enterpriseCall } from './read-enterprise';
import type { BizconfScope } from './request';

const nothing = async () => ({ items: [], next: undefined });

const ACTIONS = {
  suspend: { action: 'freeze', done: 'frozen' },
  resume: { action: 'unfreeze', done: 'unfrozen' },
  close: { action: 'cancel', done: 'cancelled' },
} as const;

/** The accounts port over the Bizconf contract's enterprises. */
export function bizconfAccounts(scope: BizconfScope): AccountsPort {
  const change =
    (operation: keyof typeof ACTIONS) => async (accountId: string, context: OperationContext) => {
      const { action, done } = ACTIONS[operation];
      const enterprise = await enterpriseCall(context, {
        operation: `accounts.${operation}`,
        enterpriseId: accountId,
        action,
      });
      context.logger.info(`bizconf: enterprise ${done}`, { accountId });
      return toEnterpriseAccount(enterprise);
    };
  return {
    provision: (input, context) => provisionAccount(scope, input, context),
    get: async (accountId, context) =>
      toEnterpriseAccount(
        await enterpriseCall(context, { operation: 'accounts.get', enterpriseId: accountId }),
      ),
    list: (query, context) => {
      // `provisioning` is a task still running: no enterprise exists in that state.
      if (query.status === 'provisioning') {
        return paginate<EnterpriseAccount, never>(nothing, { signal: context.signal });
      }
      const status = query.status === undefined ? undefined : bizconfStatus(query.status);
      // Bizconf pages hold at most 100 enterprises; a larger page size is asked for in pages of 100.
      const pageSize = Math.min(query.pageSize ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
      return listEnterprises(context, { status }, pageSize, toEnterpriseAccount);
    },
    suspend: change('suspend'),
    resume: change('resume'),
    close: change('close'),
  };
}
