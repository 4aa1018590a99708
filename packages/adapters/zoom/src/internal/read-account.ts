import type { OperationContext } from '@channelkit/core';
import { accountPath, sendParsed } from './request';
import { type ZoomAccount, zoomAccountSchema } from './wire-schemas';

/** `GET /accounts/{id}`, validated; `operation` names the calling operation in errors. */
export function readZoomAccount(
  accountId: string,
  operation: string,
  context: OperationContext,
): Promise<ZoomAccount> {
  return sendParsed(
    context,
    'light',
    { operation, method: 'GET', path: accountPath(accountId) },
    zoomAccountSchema,
  );
}
