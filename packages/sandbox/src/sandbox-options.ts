import type { FaultRule } from './faults/fault-rule';
import type { ZoomSandboxCredentials } from './zoom/zoom-controls';

/** Per-second request limits of Zoom's rate-limit labels; a label left out is unlimited. */
export interface ZoomRateLimits {
  /** `Light` endpoints, requests per second. */
  readonly light?: number;
  /** `Medium` endpoints, requests per second. */
  readonly medium?: number;
  /** `Heavy` endpoints, requests per second. */
  readonly heavy?: number;
}

/** Rate limits per platform, counted for the master account. Default: unlimited. */
export interface SandboxRateLimits {
  /** Zoom's labels; `ZOOM_BUSINESS_RATE_LIMITS` holds the Business+ values. */
  readonly zoom?: ZoomRateLimits;
}

/** Options of the in-memory Zoom. */
export interface ZoomSandboxOptions {
  /** Lifetime of issued access tokens, seconds. Default 3600, like Zoom. */
  readonly tokenTtlSeconds?: number;
  /** Overrides of the accepted OAuth credentials. Default `ZOOM_SANDBOX_CREDENTIALS`. */
  readonly credentials?: Partial<ZoomSandboxCredentials>;
}

/** Options of {@link createSandbox}, {@link sandboxHandlers} and {@link startSandbox}. */
export interface SandboxOptions {
  /** Seed of the PRNG behind fault probabilities and generated ids: the same seed and requests give the same run. Default 1. */
  readonly seed?: number;
  /** Clock in epoch milliseconds, for token expiry, page-token expiry, rate limits and timestamps. Default `Date.now`. */
  readonly now?: () => number;
  /** Fault rules installed from the start; add more with `sandbox.faults.add()`. */
  readonly faults?: readonly FaultRule[];
  /** Per-second rate limits. Default: unlimited. */
  readonly rateLimits?: SandboxRateLimits;
  /**
   * Whether 429 answers carry a `Retry-After` header (seconds until the bucket refills). Default `false`, because
   * Zoom often omits it and clients must cope.
   */
  readonly rateLimitRetryAfter?: boolean;
  /** Zoom options. */
  readonly zoom?: ZoomSandboxOptions;
}

/** Where the msw handlers answer, per platform. */
export interface SandboxBaseUrls {
  /** Zoom URLs. Defaults: `https://api.zoom.us/v2` and `https://zoom.us/oauth/token`. */
  readonly zoom?: {
    /** API base URL, e.g. `https://api.zoom.us/v2`. */
    readonly baseUrl?: string;
    /** OAuth token URL, e.g. `https://zoom.us/oauth/token`. */
    readonly oauthUrl?: string;
  };
}
