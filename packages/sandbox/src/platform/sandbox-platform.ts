import type { RateLimitAnswer, RenderableFault } from './platform-fault';
import type { PlatformUrls } from './platform-urls';
import type { SandboxRequest, SandboxRoute } from './sandbox-request';
import type { SandboxWebhookNotification, SandboxWebhookScheme } from './webhook-scheme';

/** What the sandbox gives a platform when it creates a copy of it. */
export interface SandboxPlatformContext {
  /** The sandbox clock in epoch milliseconds: use it for token expiry, timestamps, asynchronous work and the like. */
  readonly now: () => number;
  /**
   * A pseudo-random source in [0, 1), seeded from the sandbox seed and the platform name: use it for generated ids,
   * so that a run is reproducible for a seed.
   */
  readonly random: () => number;
  /**
   * Takes one request from the bucket of `category`. Returns `undefined` when the request may proceed (also when the
   * category is not limited), else the 429 to render with `renderFault`. Call it in `execute` at the point the
   * platform counts requests (Zoom, for one, checks the token first).
   */
  rateLimit(category: string): RateLimitAnswer | undefined;
  /**
   * Reports a change by webhook: the sandbox signs the notification with the platform's `webhooks` scheme and
   * delivers it to the URL configured for the platform (the `webhooks` option). Absent when no URL is configured, so
   * a platform spends nothing on notifications nobody receives.
   */
  readonly publishWebhook?: ((notification: SandboxWebhookNotification) => void) | undefined;
}

/**
 * One copy of a platform in one sandbox: its state, test controls and request handling. Created by
 * {@link SandboxPlatform.create}.
 */
export interface SandboxPlatformInstance<Controls = unknown> {
  /** Test controls: seed and inspect state without the API (`sandbox.controls(platform)` returns them). */
  readonly controls: Controls;
  /**
   * Recognises a request the sandbox matched to one of the platform's URLs. Return the route that serves it, or
   * `undefined` for "not mine" (the sandbox answers 404). Routing may read the body (e.g. a gateway that dispatches
   * on a `method` parameter): read a clone (`request.clone()`), so that `execute` can read it again.
   */
  resolve(request: SandboxRequest): SandboxRoute | undefined | Promise<SandboxRoute | undefined>;
  /**
   * Renders an injected fault, or a rate limit reported by `context.rateLimit`, exactly as the platform would
   * answer it: status, headers and body in its own dialect. A platform without access tokens renders
   * `token_expired` as its answer to rejected credentials. Called with the request the fault replaces.
   */
  renderFault(fault: RenderableFault, request: SandboxRequest): Response;
  /**
   * Environment variables that point the platform's adapter at this copy served at `urls` (credentials and URLs),
   * e.g. `ZOOM_ACCOUNT_ID` and `ZOOM_API_URL`. `channelkit-sandbox run` passes them to the command it runs.
   */
  environment?(urls: PlatformUrls): Record<string, string>;
}

/**
 * A partner platform the sandbox can host: the public extension point. The repo's in-memory Zoom
 * (`zoomSandboxPlatform()`) is built on it alone, and so can a platform written outside this repository.
 *
 * A definition holds no state: `create` builds a fresh copy for each sandbox. The sandbox does the rest for every
 * platform alike: it serves the platform's URLs through msw (at the real URLs, or others given to `handlers()`) and
 * on the loopback server (under `/<name>`), logs each request, applies fault rules, and keeps a token bucket per
 * rate-limit category.
 *
 * @example
 * ```ts
 * import { createSandbox, defineSandboxPlatform, type RenderableFault } from '@channelkit/sandbox';
 *
 * const render = (fault: RenderableFault) =>
 *   Response.json({ error: fault.kind }, { status: fault.kind === 'server_error' ? fault.status : 429 });
 *
 * const echo = defineSandboxPlatform({
 *   name: 'echo',
 *   urls: { baseUrl: 'https://api.echo.example/v1' },
 *   rateLimitCategories: ['default'],
 *   create: (context) => ({
 *     controls: {},
 *     renderFault: render,
 *     resolve: (request) => ({
 *       category: 'default',
 *       execute: () => {
 *         const limited = context.rateLimit('default');
 *         return limited ? render(limited) : Response.json({ path: request.path });
 *       },
 *     }),
 *   }),
 * });
 * const sandbox = createSandbox({ platforms: [echo], rateLimits: { echo: { default: 10 } } });
 * ```
 */
export interface SandboxPlatform<Controls = unknown> {
  /**
   * The platform's name, a lowercase slug such as `'zoom'` or `'acme-meetings'`: `platform` in request records and
   * fault rules, the key of its rate limits and base URLs in the sandbox options, and its prefix on the loopback
   * server (`/<name>/...`).
   */
  readonly name: string;
  /**
   * The URLs the platform answers at, by name, with the real platform's URLs as values: msw answers there by
   * default, and their paths name requests (`SandboxRequest.path`) whatever the mount.
   */
  readonly urls: PlatformUrls;
  /**
   * Where each URL lives on the loopback server, under `/<name>`. Default: the path of the real URL, so Zoom's
   * `https://api.zoom.us/v2` is served at `/zoom/v2`. Give paths when two URLs of the platform share one.
   */
  readonly loopbackPaths?: Readonly<Record<string, string>>;
  /** The platform's rate-limit categories, e.g. Zoom's `['light', 'medium', 'heavy']`; limits can be set per category. */
  readonly rateLimitCategories: readonly string[];
  /** How the platform signs and delivers webhooks; absent when it sends none. */
  readonly webhooks?: SandboxWebhookScheme;
  /** Creates a fresh copy of the platform for one sandbox. */
  create(context: SandboxPlatformContext): SandboxPlatformInstance<Controls>;
}
