import { ChannelError, type ChannelErrorCode, type ChannelErrorOptions } from './channel-error';

/**
 * Why a webhook delivery was refused:
 * - `missing_header`: a header the platform's scheme needs (signature, timestamp) is absent or empty.
 * - `malformed_header`: a header is present but not in the scheme's format.
 * - `bad_signature`: no configured secret produces the signature (tampered body, timestamp or signature, or a wrong secret).
 * - `stale_timestamp`: the signed timestamp is outside the tolerance window (a replay, or a clock far off).
 * - `malformed_body`: the signature holds but the body is not the platform's event format.
 * - `parsed_body`: the body was handed over already parsed; verification needs the raw bytes.
 * - `body_too_large`: the body is larger than the handler's limit.
 */
export type WebhookVerificationReason =
  | 'missing_header'
  | 'malformed_header'
  | 'bad_signature'
  | 'stale_timestamp'
  | 'malformed_body'
  | 'parsed_body'
  | 'body_too_large';

/** Options of {@link WebhookVerificationError}. */
export interface WebhookVerificationErrorOptions extends ChannelErrorOptions {
  /** Why the delivery was refused. */
  reason: WebhookVerificationReason;
}

/**
 * A webhook's signature or timestamp did not verify, or its body could not be read; do not trust its payload. `reason`
 * says why, as data. The message never contains a secret, a signature or the body.
 */
export class WebhookVerificationError extends ChannelError {
  override readonly name: string = 'WebhookVerificationError';
  override readonly code: ChannelErrorCode = 'webhook_verification_failed';
  /** Why the delivery was refused. */
  readonly reason: WebhookVerificationReason;

  /** Creates the error. */
  constructor(message: string, options: WebhookVerificationErrorOptions) {
    super(message, options);
    this.reason = options.reason;
  }
}
