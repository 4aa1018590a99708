/** Zoom's production API base URL; the msw handlers answer here by default. */
export const ZOOM_API_BASE_URL = 'https://api.zoom.us/v2';

/** Zoom's production Server-to-Server OAuth token URL; the msw handlers answer here by default. */
export const ZOOM_OAUTH_URL = 'https://zoom.us/oauth/token';

/**
 * The Server-to-Server OAuth credentials the sandbox accepts unless `zoom.credentials` overrides them.
 *
 * @example
 * ```ts
 * const client = zoom({ ...ZOOM_SANDBOX_CREDENTIALS });
 * ```
 */
export const ZOOM_SANDBOX_CREDENTIALS = {
  /** Master account id sent as `account_id`. */
  accountId: 'sandbox-master',
  /** OAuth app client id. */
  clientId: 'sandbox-client',
  /** OAuth app client secret. */
  clientSecret: 'sandbox-secret-5f3c9a1e7b2d4c68',
} as const;

/**
 * Zoom's per-second rate limits for Business, Business Plus and partner accounts, by rate-limit label
 * (https://marketplace.zoom.us/docs/api-reference/rate-limits). The sandbox is unlimited unless `rateLimits.zoom` is set.
 *
 * @example
 * ```ts
 * const running = await startSandbox({ rateLimits: { zoom: ZOOM_BUSINESS_RATE_LIMITS } });
 * ```
 */
export const ZOOM_BUSINESS_RATE_LIMITS = {
  /** `Light` endpoints: 80 requests per second. */
  light: 80,
  /** `Medium` endpoints: 60 requests per second. */
  medium: 60,
  /** `Heavy` endpoints: 40 requests per second. */
  heavy: 40,
} as const;
