import { NotFoundError, type OperationContext } from '@channelkit/core';
import { findListedAccount } from './lookup';
import { accountPath, sendParsed, type ZoomScope } from './request';
import { type ZoomAccountDetails, type ZoomListedAccount, zoomAccountDetailsSchema } from './wire-schemas';

/** `GET /accounts/{id}`, validated; `operation` names the calling operation in errors. */
export function readZoomAccount(
  accountId: string,
  operation: string,
  context: OperationContext,
): Promise<ZoomAccountDetails> {
  return sendParsed(
    context,
    'light',
    { operation, method: 'GET', path: accountPath(accountId) },
    zoomAccountDetailsSchema,
  );
}

/** What Zoom knows of one sub-account: its details and its entry in the list, which alone carries its name. */
export interface NamedZoomAccount {
  details: ZoomAccountDetails;
  listed: ZoomListedAccount;
}

/**
 * One sub-account with its name. `GET /accounts/{id}` (Light) answers first, so an unknown id costs one request and
 * ends in `NotFoundError` (code 2001); then the pages of `GET /accounts` (Medium, 300 sub-accounts each) are read
 * until the account's entry, the only answer that names it. An account the list no longer shows was disassociated
 * in between: `NotFoundError` too.
 */
export async function readNamedAccount(
  scope: ZoomScope,
  accountId: string,
  operation: string,
  context: OperationContext,
): Promise<NamedZoomAccount> {
  const details = await readZoomAccount(accountId, operation, context);
  const listed = await findListedAccount(context, details.id, `${operation} name lookup`);
  if (listed) return { details, listed };
  throw new NotFoundError({
    status: 404,
    platform: 'zoom',
    request: { method: 'GET', url: `${scope.baseUrl}/accounts`, headers: {} },
    requestId: undefined,
    message:
      `Zoom sub-account ${accountId} is not among the master's sub-accounts (GET /accounts): it was disassociated ` +
      'while it was being read.',
  });
}
