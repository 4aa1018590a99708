/** Zhumu's production API origin; the msw handlers answer here by default (paths below {@link ZHUMU_PATH_PREFIX}). */
export const ZHUMU_API_BASE_URL = 'https://api.zhumu.me';

/** The path prefix of Zhumu's API version 3, under which every endpoint lives (e.g. `/v3/enterprise/get`). */
export const ZHUMU_PATH_PREFIX = '/v3';

/**
 * The partner API key and secret the sandbox accepts unless `credentials` overrides them.
 *
 * @example
 * ```ts
 * import { ZHUMU_SANDBOX_CREDENTIALS } from '@channelkit/sandbox';
 *
 * const { apiKey, apiSecret } = ZHUMU_SANDBOX_CREDENTIALS;
 * ```
 */
export const ZHUMU_SANDBOX_CREDENTIALS = {
  /** Partner API key, sent as the `api_key` form field. */
  apiKey: 'sandbox-zhumu-key',
  /** Partner API secret, sent as the `api_secret` form field. */
  apiSecret: 'sandbox-zhumu-secret-7c1e93b0d4a2',
} as const;

/**
 * Zhumu's rate limits per partner API key in requests per minute, by category (channelkit's Zhumu contract v1): `read`
 * for `get`, `list` and `licence/get`, `write` for every call that changes something.
 */
export const ZHUMU_RATE_LIMITS_PER_MINUTE = {
  /** Reads: 600 requests per minute. */
  read: 600,
  /** Writes: 120 requests per minute. */
  write: 120,
} as const;

/**
 * {@link ZHUMU_RATE_LIMITS_PER_MINUTE} in requests per second, the unit of the sandbox's `rateLimits` option. The
 * sandbox is unlimited unless `rateLimits.zhumu` is set.
 *
 * @example
 * ```ts
 * import { startSandbox, ZHUMU_SANDBOX_RATE_LIMITS } from '@channelkit/sandbox';
 *
 * const running = await startSandbox({ rateLimits: { zhumu: ZHUMU_SANDBOX_RATE_LIMITS } });
 * await running.close();
 * ```
 */
export const ZHUMU_SANDBOX_RATE_LIMITS = {
  /** Reads: 10 requests per second (600 per minute). */
  read: 10,
  /** Writes: 2 requests per second (120 per minute). */
  write: 2,
} as const;
