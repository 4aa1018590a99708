import { checkPlatform } from '../internal/check-platform';
import type { SandboxPlatform } from './sandbox-platform';

/**
 * Checks a platform definition (a lowercase slug for a name, absolute http(s) URLs, distinct loopback paths) and
 * returns it, typed by its controls. Mistakes surface here, where the platform is written, rather than on the first
 * request. `createSandbox` runs the same checks on every platform it hosts.
 *
 * @throws TypeError naming what to fix.
 * @example
 * ```ts
 * import { defineSandboxPlatform } from '@channelkit/sandbox';
 *
 * const ping = defineSandboxPlatform({
 *   name: 'ping',
 *   urls: { baseUrl: 'https://api.ping.example' },
 *   rateLimitCategories: [],
 *   create: () => ({
 *     controls: {},
 *     resolve: () => ({ category: undefined, execute: () => new Response('pong') }),
 *     renderFault: (fault) => new Response(fault.kind, { status: fault.kind === 'server_error' ? fault.status : 429 }),
 *   }),
 * });
 * ```
 */
export function defineSandboxPlatform<Controls>(
  platform: SandboxPlatform<Controls>,
): SandboxPlatform<Controls> {
  checkPlatform(platform);
  return platform;
}
