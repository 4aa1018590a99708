import type { SandboxRequest, SandboxRoute } from './sandbox-request';

/** A platform instance's `resolve`: the route that serves a request, or `undefined` for "not mine". */
export type SandboxResolve = (
  request: SandboxRequest,
) => SandboxRoute | undefined | Promise<SandboxRoute | undefined>;

/**
 * Wraps a platform's `resolve` so that `check()` runs after every request it serves: a platform whose changes come
 * from many places (API calls, time passing, controls) reports them by webhook by comparing its state with what it
 * saw last (`context.publishWebhook`). The sandbox's Bizconf, Zhumu and Umeet do so.
 *
 * @example
 * ```ts
 * import { afterEachRequest, type SandboxPlatformInstance } from '@channelkit/sandbox';
 *
 * declare const instance: SandboxPlatformInstance;
 * declare function publishWhatChanged(): void;
 * const watched = { ...instance, resolve: afterEachRequest(instance.resolve, publishWhatChanged) };
 * ```
 */
export function afterEachRequest(resolve: SandboxResolve, check: () => void): SandboxResolve {
  return async (request) => {
    const route = await resolve(request);
    if (route === undefined) return undefined;
    return {
      ...route,
      execute: async () => {
        const response = await route.execute();
        check();
        return response;
      },
    };
  };
}
