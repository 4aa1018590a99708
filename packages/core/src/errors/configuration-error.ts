import { ChannelError, type ChannelErrorCode } from './channel-error';

/** Options of {@link ConfigurationError}. */
export interface ConfigurationErrorOptions {
  /** The option at fault, e.g. `clientSecret`. */
  option: string;
  /** What is wrong, e.g. `is missing` or `must be a positive number of milliseconds (got 0)`. @default 'is missing' */
  problem?: string | undefined;
  /** The environment variable that can supply the option, e.g. `ZOOM_CLIENT_SECRET`. */
  env?: string | undefined;
  /** Replaces the generated message; it should still name the option. */
  message?: string | undefined;
}

/**
 * Bad options, thrown synchronously when a client, transport or strategy is built. The message names the option
 * and, when one exists, the environment variable, e.g.
 * `clientSecret is missing: pass the clientSecret option or set the ZOOM_CLIENT_SECRET environment variable`.
 */
export class ConfigurationError extends ChannelError {
  override readonly name: string = 'ConfigurationError';
  override readonly code: ChannelErrorCode = 'configuration_error';
  /** The option at fault. */
  readonly option: string;
  /** The environment variable that can supply it, if any. */
  readonly env: string | undefined;

  /** Creates the error. */
  constructor(options: ConfigurationErrorOptions) {
    const problem = options.problem ?? 'is missing';
    super(
      options.message ??
        (options.env
          ? `${options.option} ${problem}: pass the ${options.option} option or set the ${options.env} environment variable`
          : `${options.option} ${problem}`),
    );
    this.option = options.option;
    this.env = options.env;
  }
}
