import { ChannelError, type ChannelErrorCode } from './channel-error';

/** Options of {@link StateStoreError}. */
export interface StateStoreErrorOptions {
  /** What failed and what to do. */
  message: string;
  /** Where the store keeps its state, e.g. the journal file's path. */
  location?: string | undefined;
  /** The underlying failure. */
  cause?: unknown;
}

/**
 * A state store cannot be used: its journal file is damaged or belongs to something else, it is locked by another
 * process, a write to it failed, or its lock was taken over. The message says which, and what to do. A store that
 * failed to write refuses every later call, so that nothing goes on without its record.
 */
export class StateStoreError extends ChannelError {
  override readonly name: string = 'StateStoreError';
  override readonly code: ChannelErrorCode = 'state_store_failed';
  /** Where the store keeps its state, when it has a place. */
  readonly location: string | undefined;

  /** Creates the error. */
  constructor(options: StateStoreErrorOptions) {
    super(options.message, { cause: options.cause });
    this.location = options.location;
  }
}
