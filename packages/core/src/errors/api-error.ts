import { MAX_DETAIL_CHARS, MAX_DETAILS, MAX_MESSAGE_CHARS, truncate } from '../internal/truncate';
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
 * What the platform sent is kept bounded: `platformMessage` at most 2048 characters, `platformCode`, `requestId`
 * and each detail's `field` and `message` at most 500, at most 50 `details`; whatever is cut says
 * `... (truncated N characters)` (or `N more details omitted`).
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
    const bounded = boundApiErrorOptions(options);
    super(
      bounded.message === undefined
        ? formatApiErrorMessage(bounded, advice)
        : truncate(bounded.message, 4 * MAX_MESSAGE_CHARS),
      { cause: bounded.cause },
    );
    this.status = bounded.status;
    this.platform = bounded.platform;
    this.platformCode = bounded.platformCode;
    this.platformMessage = bounded.platformMessage;
    this.requestId = bounded.requestId;
    this.retryable = bounded.retryable ?? (bounded.status === 429 || bounded.status >= 500);
    this.details = bounded.details ?? [];
    this.request = bounded.request;
  }
}

// Whatever a platform sends is cut to a few KB before it becomes part of an error.
function boundApiErrorOptions(options: ApiErrorOptions): ApiErrorOptions {
  const text = (value: string | undefined, max: number) =>
    value === undefined ? undefined : truncate(value, max);
  let details = options.details?.slice(0, MAX_DETAILS).map((detail) => ({
    ...(detail.field === undefined ? {} : { field: truncate(String(detail.field), MAX_DETAIL_CHARS) }),
    message: truncate(String(detail.message), MAX_DETAIL_CHARS),
  }));
  const omitted = (options.details?.length ?? 0) - MAX_DETAILS;
  if (details !== undefined && omitted > 0)
    details = [...details, { message: `${omitted} more details omitted` }];
  return {
    ...options,
    path: text(options.path, MAX_MESSAGE_CHARS),
    platformCode:
      typeof options.platformCode === 'string'
        ? truncate(options.platformCode, MAX_DETAIL_CHARS)
        : options.platformCode,
    platformMessage: text(options.platformMessage, MAX_MESSAGE_CHARS),
    requestId: text(options.requestId, MAX_DETAIL_CHARS),
    details,
  };
}

function formatApiErrorMessage(options: ApiErrorOptions, advice: string | undefined): string {
  const path = options.path ?? pathOf(options.request.url);
  let message = `${options.platform} ${options.status} ${options.request.method} ${path}`;
  message += `: ${options.platformMessage ?? 'request failed'}`;
  if (options.platformCode !== undefined) message += ` (code ${options.platformCode})`;
  const details = (options.details ?? []).map((d) => (d.field ? `${d.field}: ${d.message}` : d.message));
  if (details.length > 0) message += ` [${truncate(details.join('; '), MAX_MESSAGE_CHARS)}]`;
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

/** Options of {@link RedirectError}. */
export interface RedirectErrorOptions extends ApiErrorOptions {
  /** Where the platform redirected to: absolute, redacted; `undefined` when it sent no `Location`. */
  location?: string | undefined;
  /** The base URL that avoids the redirect, when the redirect kept the request's path below the base. */
  suggestedBaseURL?: string | undefined;
}

/**
 * 3xx: the platform redirected, and channelkit never follows a redirect (every request carries credentials that
 * must not travel to another URL, and a repeated write must not be sent twice). Usually the base URL is wrong,
 * e.g. `http://` where the platform wants `https://`; the message names the request, the redacted `Location` and
 * the base URL to use. Never retryable.
 */
export class RedirectError extends ApiError {
  override readonly name: string = 'RedirectError';
  override readonly code: ChannelErrorCode = 'redirect';
  /** Where the platform redirected to (absolute, redacted), when it said. */
  readonly location: string | undefined;
  /** The base URL that avoids the redirect, when it can be derived from `location`. */
  readonly suggestedBaseURL: string | undefined;

  /** Creates the error; the message says where the request was redirected and which base URL to set. */
  constructor(options: RedirectErrorOptions) {
    const location =
      options.location === undefined ? undefined : truncate(options.location, MAX_MESSAGE_CHARS);
    super({ ...options, retryable: false, message: options.message ?? redirectMessage(options, location) });
    this.location = location;
    this.suggestedBaseURL = options.suggestedBaseURL;
  }
}

function redirectMessage(options: RedirectErrorOptions, location: string | undefined): string {
  const path = options.path ?? pathOf(options.request.url);
  const head = `${options.platform} ${options.status} ${options.request.method} ${path}`;
  const what =
    location === undefined
      ? `the server answered ${options.status} without a Location header`
      : `the server redirected ${options.request.method} ${options.request.url} to ${location}`;
  const advice =
    options.suggestedBaseURL !== undefined
      ? `set the base URL to ${options.suggestedBaseURL}`
      : location === undefined
        ? 'check that the base URL is the API URL the platform documents'
        : 'check that the base URL is the API URL the platform documents and request it directly';
  return `${head}: ${what}. Redirects are never followed, because requests carry credentials: ${advice}`;
}

/** Options accepted by {@link createApiError}: those of every subclass it may build. */
export type CreateApiErrorOptions = RateLimitErrorOptions &
  Pick<RedirectErrorOptions, 'location' | 'suggestedBaseURL'>;

/** Builds the {@link ApiError} subclass that matches `options.status` (3xx gives a {@link RedirectError}). */
export function createApiError(options: CreateApiErrorOptions): ApiError {
  const { status } = options;
  if (status >= 300 && status < 400) return new RedirectError(options);
  if (status === 400 || status === 422) return new BadRequestError(options);
  if (status === 401) return new AuthenticationError(options);
  if (status === 403) return new PermissionError(options);
  if (status === 404) return new NotFoundError(options);
  if (status === 409) return new ConflictError(options);
  if (status === 429) return new RateLimitError(options);
  if (status >= 500) return new ServerError(options);
  return new ApiError(options);
}
