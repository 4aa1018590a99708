/** A minimal logger; pino, winston and `console` all fit. Messages never contain secrets. */
export interface Logger {
  /** Detailed diagnostics. */
  debug(message: string, fields?: Record<string, unknown>): void;
  /** Notable decisions, e.g. a create resolved by lookup. */
  info(message: string, fields?: Record<string, unknown>): void;
  /** Something went wrong but the operation continues. */
  warn(message: string, fields?: Record<string, unknown>): void;
  /** An operation failed. */
  error(message: string, fields?: Record<string, unknown>): void;
}

/** A logger that discards everything: the default, so the SDK prints nothing unless asked. */
export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
};
