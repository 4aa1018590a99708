import { ChannelError, type ChannelErrorCode } from './channel-error';

/** A webhook's signature or timestamp did not verify; do not trust its payload. */
export class WebhookVerificationError extends ChannelError {
  override readonly name: string = 'WebhookVerificationError';
  override readonly code: ChannelErrorCode = 'webhook_verification_failed';
}
