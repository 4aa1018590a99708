import type { SandboxRequest, SandboxRoute } from '../platform/sandbox-request';

type Resolve = (request: SandboxRequest) => SandboxRoute | undefined | Promise<SandboxRoute | undefined>;

/**
 * Wraps a platform's `resolve` so that `check()` runs after every request it serves: a platform whose changes come
 * from many places (API calls, time passing, controls) reports them by comparing its state before and after.
 */
export function afterEachRequest(resolve: Resolve, check: () => void): Resolve {
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
