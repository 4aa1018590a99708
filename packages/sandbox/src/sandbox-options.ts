import type { FaultRule } from './faults/fault-rule';
import type { SandboxPlatform } from './platform/sandbox-platform';
import type { SandboxWebhookTargets } from './webhooks/webhook-target';
import type { ZoomSandboxCredentials } from './zoom/zoom-controls';
import type { ZoomCommerceSandboxOptions } from './zoom-commerce/commerce-controls';

/** Per-second request limits of Zoom's rate-limit labels; a label left out is unlimited. */
export type ZoomRateLimits = {
  /** `Light` endpoints, requests per second. */
  readonly light?: number;
  /** `Medium` endpoints, requests per second. */
  readonly medium?: number;
  /** `Heavy` endpoints, requests per second. */
  readonly heavy?: number;
};

/**
 * Rate limits per platform and category, in requests per second, counted for the master account. A platform or
 * category left out is unlimited. Zoom's categories are its labels (`ZOOM_BUSINESS_RATE_LIMITS` holds the Business+
 * values); a platform of your own declares its categories in `rateLimitCategories`.
 *
 * @example
 * ```ts
 * import type { SandboxRateLimits } from '@channelkit/sandbox';
 *
 * const limits: SandboxRateLimits = { zoom: { light: 80, medium: 60, heavy: 40 }, 'acme-meetings': { default: 5 } };
 * ```
 */
export type SandboxRateLimits = {
  /** Zoom's labels. */
  readonly zoom?: ZoomRateLimits;
  /** Any other hosted platform, by name: requests per second by category. */
  readonly [platform: string]: Readonly<Record<string, number | undefined>> | undefined;
};

/** Options of the in-memory Zoom: `zoomSandboxPlatform(options)`, or the `zoom` option of {@link SandboxOptions}. */
export interface ZoomSandboxOptions {
  /** Lifetime of issued access tokens, seconds. Default 3600, like Zoom. */
  readonly tokenTtlSeconds?: number;
  /** Overrides of the accepted OAuth credentials. Default `ZOOM_SANDBOX_CREDENTIALS`. */
  readonly credentials?: Partial<ZoomSandboxCredentials>;
  /** Options of the Partner Commerce API (`/commerce/...`), e.g. how long end-customer creation stays pending. */
  readonly commerce?: ZoomCommerceSandboxOptions;
}

/** Options of {@link createSandbox}, {@link sandboxHandlers} and {@link startSandbox}. */
export interface SandboxOptions {
  /**
   * The platforms to host. Default: every platform of this package (`zoomSandboxPlatform(options.zoom)`,
   * `bizconfSandboxPlatform()`, `zhumuSandboxPlatform()`, `umeetSandboxPlatform()`). A platform written outside this package joins through the same interface,
   * {@link SandboxPlatform}.
   */
  readonly platforms?: readonly SandboxPlatform[];
  /** Seed of the PRNG behind fault probabilities and generated ids: the same seed and requests give the same run. Default 1. */
  readonly seed?: number;
  /** Clock in epoch milliseconds, for token expiry, page-token expiry, rate limits and timestamps. Default `Date.now`. */
  readonly now?: () => number;
  /** Fault rules installed from the start; add more with `sandbox.faults.add()`. */
  readonly faults?: readonly FaultRule[];
  /** Per-second rate limits per platform and category. Default: unlimited. */
  readonly rateLimits?: SandboxRateLimits;
  /**
   * Whether 429 answers carry a `Retry-After` header (seconds until the bucket refills). Default `false`, because
   * Zoom often omits it and clients must cope.
   */
  readonly rateLimitRetryAfter?: boolean;
  /** Options of the default Zoom; with `platforms`, pass them to `zoomSandboxPlatform(options)` instead. */
  readonly zoom?: ZoomSandboxOptions;
  /**
   * Where each platform delivers its webhooks, by platform name, e.g.
   * `{ zoom: { url: 'http://127.0.0.1:3000/webhooks/zoom', secret: 'sandbox-secret' } }`. Default: none are sent.
   */
  readonly webhooks?: SandboxWebhookTargets;
}

/**
 * Where the msw handlers answer, per platform and URL name; URLs left out stay the platform's real ones.
 *
 * @example
 * ```ts
 * import type { SandboxBaseUrls } from '@channelkit/sandbox';
 *
 * const urls: SandboxBaseUrls = { zoom: { baseUrl: 'https://api-eu.zoom.us/v2' } };
 * ```
 */
export type SandboxBaseUrls = {
  /** Zoom URLs. Defaults: `https://api.zoom.us/v2` and `https://zoom.us/oauth/token`. */
  readonly zoom?: {
    /** API base URL, e.g. `https://api.zoom.us/v2`. */
    readonly baseUrl?: string;
    /** OAuth token URL, e.g. `https://zoom.us/oauth/token`. */
    readonly oauthUrl?: string;
  };
  /** Any other hosted platform, by name: URLs by the names of its `urls`. */
  readonly [platform: string]: Readonly<Record<string, string | undefined>> | undefined;
};
