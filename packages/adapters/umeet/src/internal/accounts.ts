import { type AccountsPort, type OperationContext, PartiallyAppliedError } from '@channelkit/core';
import type { EnterpriseAccount } from '@channelkit/types';
import { MAX_PAGE_SIZE, umeetStatusOf, walkAccounts } from './list-accounts';
import { toEnterpriseAccount } from './mapping';
import { provisionAccount } from './provision';
import { readUmeetAccount } from './read-account';
import { accountPath, describe, exchange, idempotencyHeaderKey, isCode, parseAnswer } from './request';
import type { UmeetScope } from './scope';
import { umeetAccountSchema } from './wire-schemas';

type Action = 'suspend' | 'resume' | 'terminate';

/**
 * `POST /accounts/{id}/{action}`, with an `Idempotency-Key` derived from the operation's key for this step. Umeet
 * answers the account as the action left it; an action that changes nothing (suspending a suspended account)
 * answers it unchanged, so repeating one is harmless.
 */
async function act(
  accountId: string,
  action: Action,
  operation: string,
  context: OperationContext,
): Promise<EnterpriseAccount> {
  const path = accountPath(accountId, `/${action}`);
  const answer = await exchange(context, {
    method: 'POST',
    path,
    idempotencyKey: idempotencyHeaderKey(context.idempotencyKey, action),
  });
  try {
    return toEnterpriseAccount(
      parseAnswer(umeetAccountSchema, answer.data, operation, { method: 'POST', path }),
    );
  } catch (unreadable) {
    // The change was made: an unreadable answer must not report it as a failure. The account itself says how it is.
    context.logger.warn('umeet: the answer to an account change was unreadable; reading the account', {
      accountId,
      action,
      error: describe(unreadable),
    });
    try {
      return toEnterpriseAccount(await readUmeetAccount(accountId, operation, context));
    } catch (error) {
      if (isCode(error, 'aborted')) throw error;
      throw new PartiallyAppliedError({
        platform: 'umeet',
        operation,
        resourceId: accountId,
        applied: [`${action} account ${accountId}`],
        remaining: ['a readable answer describing the account'],
        advice: `Read it with accounts.get('${accountId}') to see its state before changing it again.`,
        cause: unreadable,
      });
    }
  }
}

/** The accounts port over contract v1. */
export function umeetAccounts(scope: UmeetScope): AccountsPort {
  return {
    provision: (input, context) => provisionAccount(scope, input, context),
    get: async (accountId, context) =>
      toEnterpriseAccount(await readUmeetAccount(accountId, 'accounts.get', context)),
    // Umeet serves at most 200 accounts a page: a larger pageSize is fetched in pages of 200.
    list: (query, context) =>
      walkAccounts(
        context,
        {
          status: query.status === undefined ? undefined : umeetStatusOf(query.status),
          pageSize: Math.min(query.pageSize ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE),
        },
        toEnterpriseAccount,
      ),
    suspend: (accountId, context) => act(accountId, 'suspend', 'accounts.suspend', context),
    resume: (accountId, context) => act(accountId, 'resume', 'accounts.resume', context),
    close: (accountId, context) => act(accountId, 'terminate', 'accounts.close', context),
  };
}
