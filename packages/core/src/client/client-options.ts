import type { Logger } from '../logging/logger';
import type { HttpTransportOptions, RetryOptions } from '../transport/transport-types';

/** Options of {@link createClient}; every one has a sensible default. */
export interface ClientOptions {
  /**
   * Per-attempt timeout in milliseconds. Never unbounded.
   * @default 30000
   */
  timeoutMs?: number | undefined;
  /**
   * Retries after the first attempt, for failures that are safe to retry (network errors, timeouts, 408, 429, 5xx).
   * Shorthand for `retry.maxRetries`.
   * @default 3
   */
  maxRetries?: number | undefined;
  /** Backoff settings (capped exponential backoff with full jitter). */
  retry?: Partial<RetryOptions> | undefined;
  /**
   * Client-side rate limits in requests per second, overriding the adapter's defaults: one number for every
   * category, or per category (e.g. `{ heavy: 20 }` for Zoom).
   */
  rateLimit?: HttpTransportOptions['rateLimit'];
  /** Sent as `User-Agent`; put your application's name here. @default 'channelkit/<version>' */
  userAgent?: string | undefined;
  /** Receives the SDK's diagnostics. Nothing is logged by default, and secrets never are. */
  logger?: Logger | undefined;
  /** Include request and response bodies (redacted) in `request`/`response` events. @default false */
  emitBodies?: boolean | undefined;
}

/** Options accepted by every client call. */
export interface RequestOptions {
  /**
   * Makes the call safe to repeat: a retry with the same key never creates a second account or applies a change
   * twice. Pass your own stable key (e.g. your CRM id plus the action) to retry safely across process restarts;
   * otherwise the client generates one per call, which covers the retries it makes itself.
   */
  idempotencyKey?: string | undefined;
  /** Cancels the call, including waits for retries and for the rate limiter. */
  signal?: AbortSignal | undefined;
  /** Per-attempt timeout in milliseconds for this call. */
  timeoutMs?: number | undefined;
}
