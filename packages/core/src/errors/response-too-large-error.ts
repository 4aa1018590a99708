import { ChannelError, type ChannelErrorCode } from './channel-error';
import type { RequestSummary } from './request-summary';

/** Options of {@link ResponseTooLargeError}. */
export interface ResponseTooLargeErrorOptions {
  /** Platform name, e.g. `zoom`. */
  platform: string;
  /** The request whose answer was too large, redacted. */
  request: RequestSummary;
  /** Request path as the caller wrote it, for the message. */
  path?: string | undefined;
  /** The limit that was exceeded, in bytes (the `maxResponseBytes` option of the client or transport). */
  limitBytes: number;
}

/**
 * The response body was larger than `maxResponseBytes` (an option of `createClient` and `createHttpTransport`,
 * default 10 MiB), counted after
 * decompression: reading stopped at the limit and the response was discarded. Not retryable; the platform did
 * answer, so a write may have been applied (`isAmbiguousFailure` is true).
 */
export class ResponseTooLargeError extends ChannelError {
  override readonly name: string = 'ResponseTooLargeError';
  override readonly code: ChannelErrorCode = 'response_too_large';
  /** Platform name. */
  readonly platform: string;
  /** The limit that was exceeded, in bytes. */
  readonly limitBytes: number;
  /** The request whose answer was too large, with secrets redacted. */
  readonly request: RequestSummary;
  /** Always false: the same request would get the same answer. */
  readonly retryable = false;

  /** Creates the error; the message names the limit and the option that raises it. */
  constructor(options: ResponseTooLargeErrorOptions) {
    super(
      `${options.platform} ${options.request.method} ${options.path ?? options.request.url}: the response was ` +
        `larger than maxResponseBytes (${options.limitBytes} bytes), so reading stopped there and it was ` +
        'discarded; the platform did answer, so a write may have been applied. Raise the maxResponseBytes option ' +
        '(of createClient, or of createHttpTransport) if the platform legitimately sends more',
    );
    this.platform = options.platform;
    this.limitBytes = options.limitBytes;
    this.request = options.request;
  }
}
