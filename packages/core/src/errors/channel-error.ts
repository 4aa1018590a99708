const brand = Symbol.for('channelkit.error');
const inspectCustom = Symbol.for('nodejs.util.inspect.custom');

/** Stable machine-readable error codes; match on these rather than on messages. */
export type ChannelErrorCode =
  | 'channel_error'
  | 'api_error'
  | 'redirect'
  | 'bad_request'
  | 'authentication_failed'
  | 'permission_denied'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'server_error'
  | 'connection_failed'
  | 'timeout'
  | 'response_too_large'
  | 'aborted'
  | 'validation_failed'
  | 'response_validation_failed'
  | 'unsupported_operation'
  | 'referral_transition_refused'
  | 'webhook_verification_failed'
  | 'sync_conflict'
  | 'configuration_error'
  | 'partially_applied'
  | 'idempotency_key_reuse'
  | 'idempotency_key_in_use'
  | 'pagination_stopped'
  | 'plan_in_use'
  | 'state_store_failed';

/** Options every channelkit error accepts. */
export interface ChannelErrorOptions {
  /** The underlying failure; always stripped of secrets before it is attached. */
  cause?: unknown;
}

/**
 * Base class of every error channelkit throws. Carries a stable `code`; `toJSON()` and `util.inspect` give
 * redacted views. Use {@link isChannelError} rather than `instanceof`, which fails across bundle copies.
 */
export class ChannelError extends Error {
  /** The error class name, stable under minification. */
  override readonly name: string = 'ChannelError';
  /** Stable machine-readable code, e.g. `rate_limited`. */
  readonly code: ChannelErrorCode = 'channel_error';

  /** Creates an error with a message that says what failed and what to do. */
  constructor(message: string, options: ChannelErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    Object.defineProperty(this, brand, { value: true });
  }

  /** A plain, redacted object for logs and JSON: name, code, message, the error's fields and its cause. */
  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = { name: this.name, code: this.code, message: this.message };
    for (const [key, value] of Object.entries(this)) {
      if (!(key in json)) json[key] = value;
    }
    if (this.cause !== undefined) json.cause = serializeCause(this.cause);
    return json;
  }

  /** Redacted rendering for `console.log` and `util.inspect`. */
  [inspectCustom](
    _depth: number,
    options: unknown,
    inspect: (value: unknown, options: unknown) => string,
  ): string {
    const { name: _name, message: _message, ...fields } = this.toJSON();
    return `${this.stack ?? `${this.name}: ${this.message}`} ${inspect(fields, options)}`;
  }
}

function serializeCause(cause: unknown): unknown {
  if (isChannelError(cause)) return cause.toJSON();
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return { name: cause.name, message: cause.message, ...(typeof code === 'string' ? { code } : {}) };
  }
  return typeof cause === 'object' ? '[object]' : String(cause);
}

/**
 * True when `value` is an error thrown by any copy of channelkit (ESM, CJS or another bundle), by brand
 * rather than `instanceof`.
 * @example
 * if (isChannelError(error) && error.code === 'not_found') return undefined;
 */
export function isChannelError(value: unknown): value is ChannelError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true;
}
