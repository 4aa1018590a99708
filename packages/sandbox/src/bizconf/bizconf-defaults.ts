/**
 * Where the in-memory Bizconf answers under msw by default. Bizconf publishes no API host (each partner receives one
 * with its agreement), so this is a reserved `.example` name, never a real one.
 */
export const BIZCONF_SANDBOX_BASE_URL = 'https://openapi.bizconf.example';

/** The path prefix of channelkit's Bizconf contract v1: every endpoint lives under it. */
export const BIZCONF_SANDBOX_PATH_PREFIX = '/openapi/v1';

/**
 * The application the in-memory Bizconf accepts unless `credentials` overrides it.
 *
 * @example
 * ```ts
 * import { BIZCONF_SANDBOX_CREDENTIALS } from '@channelkit/sandbox';
 *
 * const { appId, appSecret } = BIZCONF_SANDBOX_CREDENTIALS;
 * ```
 */
export const BIZCONF_SANDBOX_CREDENTIALS = {
  /** Application id, sent in `X-Bizconf-App-Id`. */
  appId: 'bc_sandbox_app',
  /** Application secret, the HMAC-SHA256 key of every request signature. */
  appSecret: 'bc-sandbox-secret-3f9d2a71c4e8b605',
} as const;

/**
 * The per-application limits of the Bizconf contract v1, in requests per second: `query` for reads (including task
 * polls), `write` for changes. The sandbox is unlimited unless `rateLimits.bizconf` is set.
 *
 * @example
 * ```ts
 * import { BIZCONF_RATE_LIMITS, startSandbox } from '@channelkit/sandbox';
 *
 * const running = await startSandbox({ rateLimits: { bizconf: BIZCONF_RATE_LIMITS } });
 * await running.close();
 * ```
 */
export const BIZCONF_RATE_LIMITS = {
  /** Reads: 20 requests per second. */
  query: 20,
  /** Writes: 5 requests per second. */
  write: 5,
} as const;

/** How far a request's timestamp may be from the platform clock: 5 minutes either way. */
export const BIZCONF_CLOCK_SKEW_MS = 300_000;
