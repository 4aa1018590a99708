import type { Capabilities } from '@channelkit/types';
import { ChannelError, type ChannelErrorCode } from './channel-error';

/** Options of {@link UnsupportedOperationError}. */
export interface UnsupportedOperationErrorOptions {
  /** Platform name, e.g. `zhumu`. */
  platform: string;
  /** The operation asked for, e.g. `accounts.suspend`. */
  operation: string;
  /** What the platform's adapter does support, when known: the client passes its `capabilities`. */
  capabilities?: Capabilities | undefined;
}

/**
 * The platform has no way to do this operation; nothing was sent. `capabilities` says, as data, what the adapter
 * supports instead. Check `client.capabilities` before calling.
 * @example
 * if (isChannelError(error) && error.code === 'unsupported_operation') {
 *   console.log((error as UnsupportedOperationError).capabilities?.referrals);
 * }
 */
export class UnsupportedOperationError extends ChannelError {
  override readonly name: string = 'UnsupportedOperationError';
  override readonly code: ChannelErrorCode = 'unsupported_operation';
  /** Platform name. */
  readonly platform: string;
  /** The operation asked for. */
  readonly operation: string;
  /** What the platform's adapter supports, as data (the client's `capabilities`), when known. */
  readonly capabilities: Capabilities | undefined;

  /** Creates the error. */
  constructor(options: UnsupportedOperationErrorOptions) {
    super(
      `${options.platform} does not support ${options.operation}; check client.capabilities before calling it`,
    );
    this.platform = options.platform;
    this.operation = options.operation;
    this.capabilities = options.capabilities;
  }
}
