import type { IdempotencyOptions } from '../idempotency/idempotency-options';
import type { Logger } from '../logging/logger';
import type { PaginationBounds } from '../pagination/pagination-bounds';
import type { HttpTransportOptions, RetryOptions } from '../transport/transport-types';
import type { WebhookOptions } from '../webhooks/webhook-options';

/** Options of {@link createClient}; every one has a sensible default. */
export interface ClientOptions {
  /**
   * Per-attempt timeout in milliseconds. Never unbounded.
   * @default 30000
   */
  timeoutMs?: number | undefined;
  /**
   * Largest response body the client reads, in bytes, counted after decompression: a larger one is cut off while it
   * is read and the call fails with `ResponseTooLargeError`. From 1 to 268435456 (256 MiB).
   * @default 10485760 (10 MiB, far above any real page of these platforms)
   */
  maxResponseBytes?: number | undefined;
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
  /**
   * Shares the rate limits with every client given the same limit, in this process or others: pass one when several
   * processes or machines send to the same platform account (e.g. workers of one Zoom master account), since the
   * platform counts the account's requests wherever they come from. Each request then reserves its moment there.
   * @default none: the limits hold for this client only
   * @example
   * createClient(zoom(), { sharedRateLimit: store.sharedRateLimit('zoom:master-1') }); // a @channelkit/bullmq store
   */
  sharedRateLimit?: HttpTransportOptions['sharedRateLimit'];
  /** Sent as `User-Agent`; put your application's name here. @default 'channelkit/<version>' */
  userAgent?: string | undefined;
  /** Receives the SDK's diagnostics. Nothing is logged by default, and secrets never are. */
  logger?: Logger | undefined;
  /** Include request and response bodies (redacted) in `request`/`response` events. @default false */
  emitBodies?: boolean | undefined;
  /**
   * Where caller-given idempotency keys are remembered (with their input's fingerprint and result) and for how
   * long. @default an in-memory store of this client, results kept 24 hours
   * @example
   * createClient(zoom(), { idempotency: { store: createMemoryIdempotencyStore({ maxEntries: 50_000 }), ttlMs: 3_600_000 } });
   */
  idempotency?: IdempotencyOptions | undefined;
  /**
   * Bounds on every walk over pages (listings, and the lookups adapters make to resolve a failed write): at most
   * `maxPages` pages and `maxDurationMs` spent fetching them. @default { maxPages: 1000, maxDurationMs: 300000 }
   */
  pagination?: Partial<PaginationBounds> | undefined;
  /**
   * Webhook secrets (several during a rotation), timestamp tolerance and how long delivery ids are remembered for
   * de-duplication (in the `idempotency.store`). @default the adapter's secret, 5 minutes, 3 days
   * @example
   * createClient(zoom(), { webhooks: { secrets: [process.env.ZOOM_WEBHOOK_SECRET_NEW!, process.env.ZOOM_WEBHOOK_SECRET_OLD!] } });
   */
  webhooks?: WebhookOptions | undefined;
}

/** Options accepted by every client call. */
export interface RequestOptions {
  /**
   * Makes a write safe to repeat (`provision`, `licences.set`, `suspend`, `resume`, `close`, and the referral writes:
   * `submit`, `update` and the lifecycle calls). Pass your own stable key
   * (e.g. your CRM id plus the action): repeated with the same input it returns the first call's result without
   * writing again, and reused with another input it is refused with `IdempotencyKeyReuseError`, before anything is
   * sent; the client's idempotency store remembers keys for `idempotency.ttlMs` (24 hours by default; across process
   * restarts only with a durable store). A replayed result emits no domain event: the call that made the change did,
   * with an id derived from this key. Without a key the client generates one per call, which covers the retries it
   * makes itself, and remembers nothing.
   */
  idempotencyKey?: string | undefined;
  /** Cancels the call, including waits for retries and for the rate limiter. */
  signal?: AbortSignal | undefined;
  /** Per-attempt timeout in milliseconds for this call. */
  timeoutMs?: number | undefined;
}
