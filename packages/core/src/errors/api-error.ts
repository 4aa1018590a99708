import { ChannelError, type ChannelErrorCode } from './channel-error';
import type { RequestSummary } from './request-summary';

/** One field-level problem reported by the platform. */
export interface ApiErrorDetail {
  /** The offending field, when the platform names one. */
  field?: string | undefined;
  /** What is wrong with it. */
  message: string;
}

/** Options of {@link ApiError} and its subclasses. */
export interface ApiErrorOptions {
  /** HTTP status the error is classified by (the platform's status for envelope errors). */
  status: number;
  /** Platform name, e.g. `zoom`. */
  platform: string;
  /** The request that failed, redacted. */
  request: RequestSummary;
  /** Request path as the caller wrote it, for the message; defaults to the URL's path. */
  path?: string | undefined;
  /** The platform's own error code. */
  platformCode?: string | number | undefined;
  /** The platform's error message. */
  platformMessage?: string | undefined;
  /** The platform's request id, for support tickets. */
  requestId?: string | undefined;
  /** Whether repeating the request may succeed. Defaults by status (429 and 5xx). */
  retryable?: boolean | undefined;
  /** Field-level details. */
  details?: readonly ApiErrorDetail[] | undefined;
  /** Replaces the generated message (must already be free of secrets). */
  message?: string | undefined;
  /** The underlying failure, free of secrets. */
  cause?: unknown;
}

/**
 * The platform answered with an error. Message format:
 * `zoom 404 GET /accounts/abc: Account does not exist (code 2001)`, followed by what to do when there is advice.
 */
export class ApiError extends ChannelError {
  override readonly name: string = 'ApiError';
  override readonly code: ChannelErrorCode = 'api_error';
  /** HTTP status (or the platform's status for envelope errors). */
  readonly status: number;
  /** Platform name, e.g. `zoom`. */
  readonly platform: string;
  /** The platform's own error code, if any. */
  readonly platformCode: string | number | undefined;
  /** The platform's error message, if any. */
  readonly platformMessage: string | undefined;
  /** The platform's request id, if it sent one. */
  readonly requestId: string | undefined;
  /** Whether repeating the request may succeed. */
  readonly retryable: boolean;
  /** Field-level details reported by the platform. */
  readonly details: readonly ApiErrorDetail[];
  /** The failed request, with secrets redacted. */
  readonly request: RequestSummary;

  /** Creates an API error; prefer the status-specific subclasses. */
  constructor(options: ApiErrorOptions, advice?: string) {
    super(options.message ?? formatApiErrorMessage(options, advice), { cause: options.cause });
    this.status = options.status;
    this.platform = options.platform;
    this.platformCode = options.platformCode;
    this.platformMessage = options.platformMessage;
    this.requestId = options.requestId;
    this.retryable = options.retryable ?? (options.status === 429 || options.status >= 500);
    this.details = options.details ?? [];
    this.request = options.request;
  }
}

function formatApiErrorMessage(options: ApiErrorOptions, advice: string | undefined): string {
  const path = options.path ?? pathOf(options.request.url);
  let message = `${options.platform} ${options.status} ${options.request.method} ${path}`;
  message += `: ${options.platformMessage ?? 'request failed'}`;
  if (options.platformCode !== undefined) message += ` (code ${options.platformCode})`;
  const details = (options.details ?? []).map((d) => (d.field ? `${d.field}: ${d.message}` : d.message));
  if (details.length > 0) message += ` [${details.join('; ')}]`;
  if (options.requestId) message += ` (request id ${options.requestId})`;
  return advice ? `${message}. ${advice}` : message;
}

function pathOf(url: string): string {
  const match = /^[a-z][a-z\d+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(url);
  return match?.[1] || url;
}

/** 400 or 422: the platform rejected the request's content. */
export class BadRequestError extends ApiError {
  override readonly name: string = 'BadRequestError';
  override readonly code: ChannelErrorCode = 'bad_request';
  /** Creates the error; the message lists the platform's field details. */
  constructor(options: ApiErrorOptions) {
    super(options, 'Check the request parameters against the platform documentation');
  }
}

/** 401: the credentials were rejected (or the token endpoint refused them). */
export class AuthenticationError extends ApiError {
  override readonly name: string = 'AuthenticationError';
  override readonly code: ChannelErrorCode = 'authentication_failed';
  /** Creates the error; the message tells to check the credentials. */
  constructor(options: ApiErrorOptions) {
    super(options, 'Check clientId/clientSecret (or the API key) and that they belong to this platform');
  }
}

/** 403: authenticated, but not allowed to do this. */
export class PermissionError extends ApiError {
  override readonly name: string = 'PermissionError';
  override readonly code: ChannelErrorCode = 'permission_denied';
  /** Creates the error; the message tells to check scopes and account permissions. */
  constructor(options: ApiErrorOptions) {
    super(options, "Check the app's scopes and the account's permissions");
  }
}

/** 404: the resource does not exist (or is not visible to these credentials). */
export class NotFoundError extends ApiError {
  override readonly name: string = 'NotFoundError';
  override readonly code: ChannelErrorCode = 'not_found';
  /** Creates the error. */
  constructor(options: ApiErrorOptions) {
    super(options);
  }
}

/** 409: the request conflicts with the resource's current state. */
export class ConflictError extends ApiError {
  override readonly name: string = 'ConflictError';
  override readonly code: ChannelErrorCode = 'conflict';
  /** Creates the error; the message tells to read the current state first. */
  constructor(options: ApiErrorOptions) {
    super(options, 'Read the current state before retrying');
  }
}

/** Options of {@link RateLimitError}. */
export interface RateLimitErrorOptions extends ApiErrorOptions {
  /** How long the platform asked to wait (`Retry-After`), in milliseconds. */
  retryAfterMs?: number | undefined;
}

/** 429: throttled by the platform, still after the transport's retries. The request was not processed. */
export class RateLimitError extends ApiError {
  override readonly name: string = 'RateLimitError';
  override readonly code: ChannelErrorCode = 'rate_limited';
  /** How long the platform asked to wait, in milliseconds, when it said. */
  readonly retryAfterMs: number | undefined;
  /** Creates the error; the message tells to lower `rateLimit` or retry later. */
  constructor(options: RateLimitErrorOptions) {
    super(options, 'Lower the rateLimit option or retry later');
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** 5xx: the platform failed. For writes, the change may or may not have happened (see `isAmbiguousFailure`). */
export class ServerError extends ApiError {
  override readonly name: string = 'ServerError';
  override readonly code: ChannelErrorCode = 'server_error';
  /** Creates the error; the message tells to retry later. */
  constructor(options: ApiErrorOptions) {
    super(options, 'The platform failed; retry later');
  }
}

/** Builds the {@link ApiError} subclass that matches `options.status`. */
export function createApiError(options: RateLimitErrorOptions): ApiError {
  const { status } = options;
  if (status === 400 || status === 422) return new BadRequestError(options);
  if (status === 401) return new AuthenticationError(options);
  if (status === 403) return new PermissionError(options);
  if (status === 404) return new NotFoundError(options);
  if (status === 409) return new ConflictError(options);
  if (status === 429) return new RateLimitError(options);
  if (status >= 500) return new ServerError(options);
  return new ApiError(options);
}
