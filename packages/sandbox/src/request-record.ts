import type { FaultKind } from './faults/fault-rule';
import type { RequestCategory, SandboxPlatformName } from './sandbox-result';

/** One request the sandbox received, in arrival order; read it from `sandbox.requests`. */
export interface RequestRecord {
  /** HTTP method, upper case. */
  readonly method: string;
  /**
   * Path as the platform defines it, without the query string and whatever the base URL: Zoom API calls read
   * `/v2/accounts/{id}` under msw and the loopback server alike, token requests `/oauth/token`. Unrecognised URLs
   * keep their raw path.
   */
  readonly path: string;
  /** The platform that served it; `undefined` when no platform recognised the URL. */
  readonly platform: SandboxPlatformName | undefined;
  /** Rate-limit bucket of the endpoint; `undefined` for unknown endpoints. */
  readonly category: RequestCategory | undefined;
  /** Response status; `undefined` while in flight and for `reset`/`hang` faults. */
  readonly status: number | undefined;
  /** The injected fault that decided the outcome (`latency` only when nothing else applied). */
  readonly fault: FaultKind | undefined;
  /**
   * True when the platform's rate limit (the sandbox's `rateLimits`) refused the request, whatever form the platform
   * gives the refusal (Zoom and Umeet a 429, Bizconf an HTTP 200 envelope); an injected `rate_limit` is `fault`.
   */
  readonly limited: boolean;
  /** Arrival time in epoch milliseconds, from the sandbox clock (`now`). */
  readonly at: number;
}
