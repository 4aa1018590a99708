import type { RequestHandler } from 'msw';
import { createSandbox } from '../create-sandbox';
import type { SandboxBaseUrls, SandboxOptions } from '../sandbox-options';

/** Options of {@link sandboxHandlers}. */
export interface SandboxHandlersOptions extends SandboxOptions {
  /** Where to answer. Default: the platforms' real URLs (`https://api.zoom.us/v2`, `https://zoom.us/oauth/token`). */
  readonly baseUrls?: SandboxBaseUrls;
}

/**
 * msw handlers serving a fresh sandbox at the platforms' real URLs, so SDK clients with default settings talk to it.
 * Use {@link createSandbox} instead when the test needs to inspect state or add faults later.
 *
 * @example
 * ```ts
 * const server = setupServer(...sandboxHandlers());
 * server.listen({ onUnhandledRequest: 'error' });
 * ```
 */
export function sandboxHandlers(options: SandboxHandlersOptions = {}): RequestHandler[] {
  return createSandbox(options).handlers(options.baseUrls);
}
