/** A partner platform the sandbox can impersonate. */
export type SandboxPlatformName = 'zoom';

/**
 * The rate-limit bucket of a request: Zoom's `Light`/`Medium`/`Heavy` labels, or `oauth` for token requests
 * (which are not rate limited).
 */
export type RequestCategory = 'light' | 'medium' | 'heavy' | 'oauth';

/** A connection-level fault: `reset` drops the connection, `hang` never answers. */
export interface ConnectionFault {
  /** `reset` closes the connection without a response; `hang` leaves the request unanswered forever. */
  readonly kind: 'reset' | 'hang';
}

/**
 * What the sandbox answers to one request: an HTTP response, or a connection fault that each transport (msw, the
 * loopback server) renders its own way.
 */
export type SandboxResult = Response | ConnectionFault;
