import { ChannelError, type ChannelErrorCode } from './channel-error';
import type { RequestSummary } from './request-summary';

/** Options of {@link ConnectionError} and {@link TimeoutError}. */
export interface NetworkErrorOptions {
  /** Platform name, e.g. `zoom`. */
  platform: string;
  /** The request that failed, redacted. */
  request: RequestSummary;
  /** Request path as the caller wrote it, for the message. */
  path?: string | undefined;
  /** The underlying failure, free of secrets. */
  cause?: unknown;
}

/** Options of {@link ConnectionError}. */
export interface ConnectionErrorOptions extends NetworkErrorOptions {
  /** The system error code, e.g. `ECONNREFUSED`. */
  errorCode?: string | undefined;
  /** False when the failure certainly happened before the request was sent (refused, DNS); true otherwise. */
  mayHaveReachedServer: boolean;
}

/** No usable HTTP response: refused, reset, DNS failure and the like. */
export class ConnectionError extends ChannelError {
  override readonly name: string = 'ConnectionError';
  override readonly code: ChannelErrorCode = 'connection_failed';
  /** Platform name. */
  readonly platform: string;
  /** The system error code, e.g. `ECONNRESET`, when known. */
  readonly errorCode: string | undefined;
  /** False only when the request certainly never left (connection refused, DNS failure). */
  readonly mayHaveReachedServer: boolean;
  /** The failed request, with secrets redacted. */
  readonly request: RequestSummary;

  /** Creates the error; the message names the system error and what to check. */
  constructor(options: ConnectionErrorOptions) {
    const what = `${options.platform} ${options.request.method} ${options.path ?? options.request.url}`;
    const code = options.errorCode ? ` (${options.errorCode})` : '';
    const advice = options.mayHaveReachedServer
      ? 'the request may or may not have been processed'
      : 'the request was not sent; check baseURL and network access';
    super(`${what}: connection failed${code}; ${advice}`, { cause: options.cause });
    this.platform = options.platform;
    this.errorCode = options.errorCode;
    this.mayHaveReachedServer = options.mayHaveReachedServer;
    this.request = options.request;
  }
}

/** Options of {@link TimeoutError}. */
export interface TimeoutErrorOptions extends NetworkErrorOptions {
  /** The per-attempt timeout that expired, in milliseconds. */
  timeoutMs: number;
}

/** An attempt got no complete response within `timeoutMs`. The request may or may not have been processed. */
export class TimeoutError extends ChannelError {
  override readonly name: string = 'TimeoutError';
  override readonly code: ChannelErrorCode = 'timeout';
  /** Platform name. */
  readonly platform: string;
  /** The per-attempt timeout that expired, in milliseconds. */
  readonly timeoutMs: number;
  /** The failed request, with secrets redacted. */
  readonly request: RequestSummary;

  /** Creates the error; the message says the outcome is unknown and how to raise the timeout. */
  constructor(options: TimeoutErrorOptions) {
    super(
      `${options.platform} ${options.request.method} ${options.path ?? options.request.url}: no response within ` +
        `${options.timeoutMs} ms; the request may or may not have been processed (raise timeoutMs if the platform is slow)`,
      { cause: options.cause },
    );
    this.platform = options.platform;
    this.timeoutMs = options.timeoutMs;
    this.request = options.request;
  }
}

/** The caller's `AbortSignal` fired; nothing further is sent. */
export class AbortError extends ChannelError {
  override readonly name: string = 'AbortError';
  override readonly code: ChannelErrorCode = 'aborted';
  /** Creates the error; `cause` is the signal's reason. */
  constructor(message = 'The operation was aborted', options: { cause?: unknown } = {}) {
    super(message, options);
  }
}
