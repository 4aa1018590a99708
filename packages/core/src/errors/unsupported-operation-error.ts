import { ChannelError, type ChannelErrorCode } from './channel-error';

/** Options of {@link UnsupportedOperationError}. */
export interface UnsupportedOperationErrorOptions {
  /** Platform name, e.g. `zhumu`. */
  platform: string;
  /** The operation asked for, e.g. `accounts.suspend`. */
  operation: string;
}

/** The platform has no way to do this operation. Check `client.capabilities` before calling. */
export class UnsupportedOperationError extends ChannelError {
  override readonly name: string = 'UnsupportedOperationError';
  override readonly code: ChannelErrorCode = 'unsupported_operation';
  /** Platform name. */
  readonly platform: string;
  /** The operation asked for. */
  readonly operation: string;

  /** Creates the error. */
  constructor(options: UnsupportedOperationErrorOptions) {
    super(
      `${options.platform} does not support ${options.operation}; check client.capabilities before calling it`,
    );
    this.platform = options.platform;
    this.operation = options.operation;
  }
}
