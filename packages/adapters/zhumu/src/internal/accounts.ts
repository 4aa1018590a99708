import { type AccountsPort, type OperationContext, paginate } from '@channelkit/core';
import type { EnterpriseAccount } from '@channelkit/types';
import { zhumuCodesOf } from '../zhumu-statuses';
import { listEnterprises, MAX_PAGE_SIZE } from './lookup';
import { toEnterpriseAccount } from './mapping';
import { provisionEnterprise } from './provision';
import { callParsed, contradiction, type ZhumuCall, type ZhumuScope } from './request';
import { zhumuEnterpriseSchema } from './wire-schemas';

const nothing = async () => ({ items: [], next: undefined });

/**
 * One enterprise call answered with the enterprise: `get`, and the status changes, which Zhumu applies as "set to"
 * (a repeat after an ambiguous failure finds the enterprise already in the new state and answers it unchanged).
 */
async function enterpriseCall(
  accountId: string,
  operation: string,
  endpoint: string,
  category: ZhumuCall['category'],
  context: OperationContext,
): Promise<EnterpriseAccount> {
  const call: ZhumuCall = {
    operation,
    endpoint,
    category,
    fields: { enterprise_id: accountId },
    idempotent: true,
  };
  const { data } = await callParsed(context, call, zhumuEnterpriseSchema);
  if (data.id !== accountId) throw contradiction(call, 'id', `asked for ${accountId}, got ${data.id}`);
  return toEnterpriseAccount(data);
}

/** The accounts port over Zhumu's `enterprise/*` endpoints. */
export function zhumuAccounts(scope: ZhumuScope): AccountsPort {
  return {
    provision: (input, context) => provisionEnterprise(scope, input, context),
    get: (accountId, context) =>
      enterpriseCall(accountId, 'accounts.get', '/enterprise/get', 'read', context),
    list: (query, context) => {
      const codes = query.status === undefined ? undefined : zhumuCodesOf(query.status);
      // No Zhumu status maps to the asked one (`provisioning`): nothing to list, and nothing to send.
      if (codes?.length === 0) return paginate<EnterpriseAccount, never>(nothing, { signal: context.signal });
      return listEnterprises(
        context,
        {
          filters: { status: codes?.join(',') },
          pageSize: query.pageSize ?? MAX_PAGE_SIZE,
          operation: 'accounts.list',
          what: 'zhumu enterprises',
        },
        toEnterpriseAccount,
      );
    },
    suspend: (accountId, context) =>
      enterpriseCall(accountId, 'accounts.suspend', '/enterprise/suspend', 'write', context),
    resume: (accountId, context) =>
      enterpriseCall(accountId, 'accounts.resume', '/enterprise/resume', 'write', context),
    close: (accountId, context) =>
      enterpriseCall(accountId, 'accounts.close', '/enterprise/cancel', 'write', context),
  };
}
