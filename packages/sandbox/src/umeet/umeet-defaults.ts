/**
 * Umeet's API base URL under channelkit's Umeet contract v1; the msw handlers answer here by default. Umeet publishes
 * no API, so this host is the contract's, not one Systec documents.
 */
export const UMEET_API_BASE_URL = 'https://api.umeet.cn/v1';

/** The OAuth 2.0 token endpoint of channelkit's Umeet contract v1; the msw handlers answer here by default. */
export const UMEET_TOKEN_URL = 'https://api.umeet.cn/oauth2/token';

/**
 * The OAuth client credentials the sandbox's Umeet accepts unless `credentials` overrides them.
 *
 * @example
 * ```ts
 * import { UMEET_SANDBOX_CREDENTIALS } from '@channelkit/sandbox';
 *
 * const { clientId, clientSecret } = UMEET_SANDBOX_CREDENTIALS;
 * ```
 */
export const UMEET_SANDBOX_CREDENTIALS = {
  /** OAuth client id of the partner. */
  clientId: 'sandbox-umeet-partner',
  /** OAuth client secret of the partner. */
  clientSecret: 'sandbox-umeet-secret-3b7e91c4d2a8',
} as const;

/**
 * Umeet's per-partner rate limits under contract v1, in requests per second by category. The sandbox is unlimited
 * unless `rateLimits.umeet` is set.
 *
 * @example
 * ```ts
 * import { startSandbox, UMEET_RATE_LIMITS } from '@channelkit/sandbox';
 *
 * const running = await startSandbox({ rateLimits: { umeet: UMEET_RATE_LIMITS } });
 * await running.close();
 * ```
 */
export const UMEET_RATE_LIMITS = {
  /** `GET` requests: 20 per second. */
  read: 20,
  /** `POST` and `PUT` requests: 5 per second. */
  write: 5,
} as const;
