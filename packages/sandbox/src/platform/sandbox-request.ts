import type { PlatformUrls } from './platform-urls';

/** A request the sandbox matched to one of a platform's URLs, as the platform's `resolve` receives it. */
export interface SandboxRequest {
  /** The request itself, body unread. Read it with `request.text()`, `request.json()` or `request.formData()`. */
  readonly request: Request;
  /** The request's URL, parsed (query parameters in `url.searchParams`). */
  readonly url: URL;
  /** HTTP method, upper case. */
  readonly method: string;
  /** The name of the platform URL the request came through, a key of `SandboxPlatform.urls` (e.g. `'oauthUrl'`). */
  readonly endpoint: string;
  /**
   * The rest of the path after that URL: `''` for the URL itself, else starting with `/` (e.g. `/accounts/abc` under
   * Zoom's `baseUrl`), without a trailing slash and not decoded.
   */
  readonly subpath: string;
  /**
   * The path as the platform defines it, whatever the mount: the path of the platform's real URL followed by
   * `subpath`, e.g. `/v2/accounts/abc`. It is what request records show and fault rules match.
   */
  readonly path: string;
  /**
   * Where this copy of the platform is served, as the client sees it: every URL of the mount the request came
   * through (Zoom's real URLs under msw, `http://127.0.0.1:<port>/zoom/...` on the loopback server). Use it to build
   * absolute URLs in answers, e.g. a `Location` header that points at a status resource.
   */
  readonly urls: PlatformUrls;
}

/** How a platform serves one request it recognised, returned by `SandboxPlatformInstance.resolve`. */
export interface SandboxRoute {
  /**
   * The endpoint's rate-limit category (e.g. Zoom's `'light'`), or a category of your own for requests that are not
   * rate limited (Zoom's `'oauth'`); `undefined` for endpoints the platform does not know. Fault rules match it,
   * request records show it, and it names the bucket `context.rateLimit()` takes from.
   */
  readonly category: string | undefined;
  /**
   * Serves the request: authentication, rate limit (through `context.rateLimit`), state changes and the answer, in
   * the order the platform applies them. Runs only when no fault replaces the request.
   */
  execute(): Response | Promise<Response>;
}
