import type { OperationContext } from '@channelkit/core';
import { accountPath, exchangeParsed } from './request';
import { type UmeetAccount, umeetAccountSchema } from './wire-schemas';

/** `GET /accounts/{id}`, validated; `operation` names the calling operation in errors. */
export async function readUmeetAccount(
  accountId: string,
  operation: string,
  context: OperationContext,
): Promise<UmeetAccount> {
  const answer = await exchangeParsed(
    context,
    { operation, method: 'GET', path: accountPath(accountId) },
    umeetAccountSchema,
  );
  return answer.data;
}
