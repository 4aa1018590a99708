import type { ServerErrorFault, TokenExpiredFault } from '../faults/fault-rule';

/**
 * A "too many requests" answer to render: from an injected `rate_limit` fault, or from `context.rateLimit()` when a
 * category's bucket is empty.
 */
export interface RateLimitAnswer {
  /** Discriminant. */
  readonly kind: 'rate_limit';
  /** The category of the limited request, if it has one. */
  readonly category: string | undefined;
  /** The configured requests per second of that category, when the sandbox limits it. */
  readonly limit: number | undefined;
  /**
   * Seconds to put in a `Retry-After` header (or the platform's equivalent); `undefined` means the platform's answer
   * carries none. Set from the fault's `retryAfterSeconds`, or from the bucket when `rateLimitRetryAfter` is on.
   */
  readonly retryAfterSeconds: number | undefined;
}

/**
 * An injected fault a platform renders in its own dialect: a 429 (or the platform's way of saying "slow down", such
 * as an HTTP 200 envelope with an error code), a 5xx of the given status, or an expired credential. Latency,
 * connection resets and hangs are the sandbox's business and never reach the platform.
 */
export type RenderableFault = RateLimitAnswer | ServerErrorFault | TokenExpiredFault;
