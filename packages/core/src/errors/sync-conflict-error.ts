import { ChannelError, type ChannelErrorCode } from './channel-error';

/** Local and platform state disagree in a way a sync cannot resolve on its own. */
export class SyncConflictError extends ChannelError {
  override readonly name: string = 'SyncConflictError';
  override readonly code: ChannelErrorCode = 'sync_conflict';
}
