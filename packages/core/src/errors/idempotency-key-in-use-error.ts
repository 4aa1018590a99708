import { ChannelError, type ChannelErrorCode } from './channel-error';

/** Options of {@link IdempotencyKeyInUseError}. */
export interface IdempotencyKeyInUseErrorOptions {
  /** The caller's idempotency key. */
  idempotencyKey: string;
  /** The operation asked for, e.g. `accounts.provision`. */
  operation: string;
}

/**
 * Another call with the same idempotency key and input is still running in another process (or another client
 * sharing the idempotency store). Nothing was sent; retry after a while to get its result. Calls in the same client
 * wait for each other instead.
 */
export class IdempotencyKeyInUseError extends ChannelError {
  override readonly name: string = 'IdempotencyKeyInUseError';
  override readonly code: ChannelErrorCode = 'idempotency_key_in_use';
  /** The key in use. */
  readonly idempotencyKey: string;
  /** The operation asked for. */
  readonly operation: string;
  /** Always true: the same call succeeds (or replays the result) once the running one has finished. */
  readonly retryable = true;

  /** Creates the error. */
  constructor(options: IdempotencyKeyInUseErrorOptions) {
    super(
      `${options.operation} with idempotency key ${JSON.stringify(options.idempotencyKey)} is still running ` +
        'elsewhere (another process or client sharing the idempotency store); nothing was sent. Retry later to get ' +
        'its result.',
    );
    this.idempotencyKey = options.idempotencyKey;
    this.operation = options.operation;
  }
}
