/**
 * The name of a platform the sandbox hosts, e.g. `'zoom'`: the `name` of its {@link SandboxPlatform} definition.
 */
export type SandboxPlatformName = string;

/**
 * The rate-limit category of a request, as its platform names it: Zoom's labels `'light'`, `'medium'`, `'heavy'`, or
 * `'oauth'` for token requests (which are not rate limited).
 */
export type RequestCategory = string;

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
