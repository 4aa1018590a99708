import type { AuthStrategy } from '../auth/auth-strategy';
import type { ApiErrorDetail } from '../errors/api-error';
import type { SharedRateLimit } from './shared-rate-limit';

/** HTTP methods the transport sends. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A query-string or form value; `undefined` entries are dropped before sending. */
export type ParamValue = string | number | boolean | undefined;

/** One logical request; the transport may send it several times (retries), always with the same idempotency key. */
export interface TransportRequest {
  /** HTTP method. */
  method: HttpMethod;
  /** Path relative to the transport's `baseURL` (e.g. `/accounts/abc`), or an absolute URL. */
  path: string;
  /** Query parameters. */
  query?: Record<string, ParamValue> | undefined;
  /** JSON body. Mutually exclusive with `form`. */
  body?: unknown;
  /** `application/x-www-form-urlencoded` body. Mutually exclusive with `body`. */
  form?: Record<string, ParamValue> | undefined;
  /** Extra headers. */
  headers?: Record<string, string> | undefined;
  /**
   * Makes a POST/PATCH safe to retry: sent in the transport's `idempotencyHeader` (when it has one) and
   * reused for every attempt. When omitted and `idempotencyHeader` is set, one is generated per logical request.
   */
  idempotencyKey?: string | undefined;
  /**
   * Declares the request safe to repeat although its method is not (e.g. a POST that only reads, or a
   * write the adapter resolves by reading before writing again).
   * @default true for GET/PUT/DELETE, false for POST/PATCH
   */
  idempotent?: boolean | undefined;
  /** Cancels the request, including any waiting for a retry or for the rate limiter. */
  signal?: AbortSignal | undefined;
  /** Per-attempt timeout in milliseconds (at most 2^31 - 1); overrides the transport default. */
  timeoutMs?: number | undefined;
  /** Rate-limit category (e.g. Zoom's `light`/`medium`/`heavy`). @default 'default' */
  category?: string | undefined;
  /** Set to `false` to send without the auth strategy (e.g. the token request itself). @default true */
  authenticate?: boolean | undefined;
  /** Per-request retry override; `false` disables retries for this request. */
  retry?: false | Partial<RetryOptions> | undefined;
}

/** A successful response. */
export interface TransportResponse<T = unknown> {
  /** HTTP status. */
  status: number;
  /** Response headers, names lower-cased. */
  headers: Record<string, string>;
  /** Parsed body (JSON when the server sent JSON, else text; `undefined` when empty). */
  data: T;
  /** The platform's request id, from the header named by `requestIdHeader`, if present. */
  requestId: string | undefined;
}

/** Retry policy: capped exponential backoff with full jitter. */
export interface RetryOptions {
  /** Retries after the first attempt. @default 3 */
  maxRetries: number;
  /** Base delay of the backoff, in milliseconds; at most 2^31 - 1. @default 500 */
  baseDelayMs: number;
  /**
   * Upper bound of one backoff delay, and of a honoured `Retry-After` (a longer one is waited only this long), in
   * milliseconds; at most 2^31 - 1 (about 24.8 days, the longest delay Node's timers support). @default 30000
   */
  maxDelayMs: number;
}

/** What a platform's error body says, as read by the adapter's {@link ErrorParser}. */
export interface PlatformErrorInfo {
  /** The status to classify by, when the platform reports errors with HTTP 200 (envelope errors). */
  status?: number | undefined;
  /** The platform's own error code, e.g. Zoom's `2001`. */
  code?: string | number | undefined;
  /** The platform's message. */
  message?: string | undefined;
  /** Field-level details, e.g. Zoom's `errors[]`. */
  details?: readonly ApiErrorDetail[] | undefined;
  /** Overrides the status-based retry decision. */
  retryable?: boolean | undefined;
  /** The credentials were rejected as expired: the auth strategy is invalidated and the request retried once. */
  expiredCredentials?: boolean | undefined;
}

/**
 * Reads a platform's error from a response. Called for every 4xx and 5xx response, and for 2xx responses too so
 * that envelope-style platforms (HTTP 200 carrying a business error) can report one; return `undefined` for
 * success. Not called for a 3xx, which always fails with `RedirectError`.
 */
export type ErrorParser = (response: {
  status: number;
  headers: Record<string, string>;
  data: unknown;
}) => PlatformErrorInfo | undefined;

/** Options of {@link createHttpTransport}. */
export interface HttpTransportOptions {
  /** Base URL every relative path is resolved against, e.g. `https://api.zoom.us/v2`. */
  baseURL: string;
  /** Platform name used in error messages and events, e.g. `zoom`. @default 'http' */
  platform?: string | undefined;
  /**
   * Per-attempt timeout in milliseconds, covering the whole response (a body that arrives byte by byte forever
   * still times out); never unbounded, at most 2^31 - 1 (about 24.8 days). @default 30000
   */
  timeoutMs?: number | undefined;
  /**
   * Largest response body read, in bytes, counted after decompression; a larger one is cut off while it is read
   * and the request fails with `ResponseTooLargeError`. From 1 to 268435456 (256 MiB). @default 10485760 (10 MiB)
   */
  maxResponseBytes?: number | undefined;
  /** Retry policy. @default { maxRetries: 3, baseDelayMs: 500, maxDelayMs: 30000 } */
  retry?: Partial<RetryOptions> | undefined;
  /** How requests are authenticated. */
  auth?: AuthStrategy | undefined;
  /** Requests per second, for all categories (a number) or per category (`default` applies to the rest). */
  rateLimit?: number | Record<string, number> | undefined;
  /**
   * Holds `rateLimit` for every client that shares it (other processes, other machines): each request reserves its
   * moment there after this transport's own limiter lets it go, and a 429's `Retry-After` holds back every sharer.
   * Categories without a rate in `rateLimit` are not shared. @default none: the limit holds for this transport only
   */
  sharedRateLimit?: SharedRateLimit | undefined;
  /** `User-Agent` header. @default 'channelkit/<version>' */
  userAgent?: string | undefined;
  /** Header that carries the idempotency key (e.g. `Idempotency-Key`), or `null` when the platform has none. @default null */
  idempotencyHeader?: string | null | undefined;
  /** Header holding the platform's request id. @default 'x-request-id' */
  requestIdHeader?: string | undefined;
  /** Reads platform error bodies. */
  parseError?: ErrorParser | undefined;
  /** Include (redacted) request and response bodies in events. @default false */
  emitBodies?: boolean | undefined;
}
