import type { RequestCategory, SandboxPlatformName } from '../sandbox-result';

/** Delays the answer by `ms` milliseconds; composes with any other fault. */
export interface LatencyFault {
  /** Discriminant. */
  readonly kind: 'latency';
  /** Added delay in milliseconds. */
  readonly ms: number;
}

/** Answers the platform's 429 "too many requests" response. */
export interface RateLimitFault {
  /** Discriminant. */
  readonly kind: 'rate_limit';
  /** When set, adds a `Retry-After` header with this many seconds. */
  readonly retryAfterSeconds?: number;
}

/** Answers a 5xx server error. */
export interface ServerErrorFault {
  /** Discriminant. */
  readonly kind: 'server_error';
  /** HTTP status to answer. */
  readonly status: 500 | 502 | 503;
}

/** Drops the connection without a response (a network error for the client). */
export interface ResetFault {
  /** Discriminant. */
  readonly kind: 'reset';
}

/** Never answers; the client must time out or abort. */
export interface HangFault {
  /** Discriminant. */
  readonly kind: 'hang';
}

/** Expires the bearer token used by the request and answers 401 "Access token is expired." (Zoom code 124). */
export interface TokenExpiredFault {
  /** Discriminant. */
  readonly kind: 'token_expired';
}

/** Everything the sandbox can inject into a request. */
export type Fault =
  | LatencyFault
  | RateLimitFault
  | ServerErrorFault
  | ResetFault
  | HangFault
  | TokenExpiredFault;

/** The `kind` of a {@link Fault}. */
export type FaultKind = Fault['kind'];

/**
 * A fault injection rule. Every criterion left out matches everything.
 *
 * @example
 * ```ts
 * // the first two account creations succeed on the server but the client sees a 503
 * sandbox.faults.add({ method: 'POST', path: /\/accounts$/, times: 2, when: 'after', fault: { kind: 'server_error', status: 503 } });
 * ```
 */
export interface FaultRule {
  /** Only requests to this platform. */
  readonly platform?: SandboxPlatformName;
  /** Only requests in this rate-limit bucket (`oauth` for token requests). */
  readonly category?: RequestCategory;
  /** Only this HTTP method (case-insensitive). */
  readonly method?: string;
  /** Only paths (as in `RequestRecord.path`, e.g. `/v2/accounts`) equal to this string or matching this expression. */
  readonly path?: string | RegExp;
  /** Chance (0..1) that a matching request gets the fault, drawn from the seeded PRNG. Default 1. */
  readonly probability?: number;
  /** Apply the fault this many times, then stop matching. Default: no limit. */
  readonly times?: number;
  /**
   * `before` (default): the fault replaces the request, nothing changes on the platform. `after`: the request is
   * processed and its effects kept, then the answer is replaced by the fault (an ambiguous failure).
   */
  readonly when?: 'before' | 'after';
  /** What to inject. */
  readonly fault: Fault;
}
