import { ChannelError, type ChannelErrorCode } from './channel-error';

/** Options of {@link IdempotencyKeyReuseError}. */
export interface IdempotencyKeyReuseErrorOptions {
  /** The caller's idempotency key. */
  idempotencyKey: string;
  /** The operation it was passed to now, e.g. `accounts.provision`. */
  operation: string;
  /** The operation it was first used for (the same one when only the input differs). */
  firstOperation: string;
}

/**
 * An idempotency key was reused with a different input or for another operation. Nothing was sent: a key stands for
 * one intended change, and the store remembers which (as Stripe does). Use a new key for a new change.
 */
export class IdempotencyKeyReuseError extends ChannelError {
  override readonly name: string = 'IdempotencyKeyReuseError';
  override readonly code: ChannelErrorCode = 'idempotency_key_reuse';
  /** The reused key. */
  readonly idempotencyKey: string;
  /** The operation it was passed to now. */
  readonly operation: string;
  /** The operation it was first used for. */
  readonly firstOperation: string;

  /** Creates the error; the message names the key, both operations and what to do. */
  constructor(options: IdempotencyKeyReuseErrorOptions) {
    const what =
      options.firstOperation === options.operation
        ? `was already used for ${options.operation} with a different input`
        : `was already used for ${options.firstOperation}, not ${options.operation}`;
    super(
      `Idempotency key ${JSON.stringify(options.idempotencyKey)} ${what}; nothing was sent. A key stands for one ` +
        'change: repeat that change with the same input, or use a new key (e.g. your CRM id plus the action) for a new one.',
    );
    this.idempotencyKey = options.idempotencyKey;
    this.operation = options.operation;
    this.firstOperation = options.firstOperation;
  }
}
