import { delay, HttpResponse, http, type RequestHandler } from 'msw';
import type { PlatformUrls } from '../platform/platform-urls';
import type { SandboxResult } from '../sandbox-result';

/**
 * Serves a platform's URLs through msw (each URL itself and everything under it): connection resets become network
 * errors, hangs never resolve.
 */
export function mountHandlers(
  urls: PlatformUrls,
  dispatch: (request: Request) => Promise<SandboxResult>,
): RequestHandler[] {
  const resolver = async ({ request }: { request: Request }) => {
    const result = await dispatch(request);
    if (result instanceof Response) return result;
    if (result.kind === 'reset') return HttpResponse.error();
    await delay('infinite');
    return undefined;
  };
  return Object.values(urls).flatMap((url) => {
    const base = url.replace(/\/+$/, '');
    return [http.all(base, resolver), http.all(`${base}/*`, resolver)];
  });
}
