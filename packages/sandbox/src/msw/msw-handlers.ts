import { delay, HttpResponse, http, type RequestHandler } from 'msw';
import type { PlatformMount } from '../internal/platform';
import type { SandboxResult } from '../sandbox-result';

/** Serves a mount through msw: connection resets become network errors, hangs never resolve. */
export function mountHandlers(
  mount: PlatformMount,
  dispatch: (request: Request, mount: PlatformMount) => Promise<SandboxResult>,
): RequestHandler[] {
  const resolver = async ({ request }: { request: Request }) => {
    const result = await dispatch(request, mount);
    if (result instanceof Response) return result;
    if (result.kind === 'reset') return HttpResponse.error();
    await delay('infinite');
    return undefined;
  };
  const base = mount.baseUrl.replace(/\/+$/, '');
  return [http.all(mount.oauthUrl, resolver), http.all(`${base}/*`, resolver)];
}
