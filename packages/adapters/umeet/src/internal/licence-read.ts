import type { OperationContext } from '@channelkit/core';
import { accountPath, exchangeParsed } from './request';
import { type UmeetLicence, umeetLicenceSchema } from './wire-schemas';

/** A licence as read, with what a conditional write needs. */
export interface LicenceRead {
  licence: UmeetLicence;
  /** The `ETag` header as sent (checked where a write needs it). */
  etag: string | undefined;
  /** The path it was read from. */
  path: string;
}

/** `GET /accounts/{id}/licence`, validated. */
export async function readLicence(
  accountId: string,
  operation: string,
  context: OperationContext,
): Promise<LicenceRead> {
  const path = accountPath(accountId, '/licence');
  const answer = await exchangeParsed(context, { operation, method: 'GET', path }, umeetLicenceSchema);
  return { licence: answer.data, etag: answer.headers.etag, path };
}
