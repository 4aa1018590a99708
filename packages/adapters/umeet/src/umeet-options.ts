/** Requests per second for each of Umeet's rate-limit categories. */
export interface UmeetRateLimits {
  /** `GET` requests (reads, status polls). */
  read: number;
  /** `POST` and `PUT` requests (creates, actions, licence changes). */
  write: number;
}

/**
 * Options of {@link umeet}: the OAuth client credentials Systec issues to a partner, and where the API lives. Each
 * credential and URL falls back to its environment variable (`UMEET_CLIENT_ID`, `UMEET_CLIENT_SECRET`,
 * `UMEET_API_URL`, `UMEET_TOKEN_URL`), which is how `channelkit-sandbox run` points an unchanged program at the
 * sandbox.
 */
export interface UmeetOptions {
  /** The partner's OAuth client id. @default process.env.UMEET_CLIENT_ID */
  clientId?: string | undefined;
  /** The partner's OAuth client secret; never printed. @default process.env.UMEET_CLIENT_SECRET */
  clientSecret?: string | undefined;
  /**
   * API base URL, versioned (contract v1).
   * @default process.env.UMEET_API_URL, else 'https://api.umeet.cn/v1'
   */
  baseUrl?: string | undefined;
  /**
   * OAuth 2.0 token endpoint.
   * @default process.env.UMEET_TOKEN_URL, else 'https://api.umeet.cn/oauth2/token'
   */
  tokenUrl?: string | undefined;
  /** Requests per second per category, merged over {@link UMEET_DEFAULT_RATE_LIMITS}. */
  rateLimits?: Partial<UmeetRateLimits> | undefined;
  /**
   * The secret of the webhook endpoint registered with Systec, for `client.webhooks`; several (newest first) while you
   * rotate it. Never printed. @default process.env.UMEET_WEBHOOK_SECRET
   */
  webhookSecret?: string | readonly string[] | undefined;
  /** Plan used when a provision input names none. @default 'business' */
  defaultPlan?: string | undefined;
  /**
   * How long `accounts.provision` follows Umeet's status URL after the `202 Accepted`, in milliseconds, before it stops
   * with a `PartiallyAppliedError` naming the account (Umeet goes on provisioning it). @default 120000
   */
  provisioningTimeoutMs?: number | undefined;
  /** The most status polls one `accounts.provision` sends. @default 60 */
  maxStatusPolls?: number | undefined;
  /**
   * How far back `referrals.submit` looks for a registration of the same customer and products before registering
   * one, in milliseconds: one found is returned instead of a second registration. `0` turns the look-up off (the
   * `Idempotency-Key` still guards retries). @default 86400000 (24 hours)
   */
  referralDuplicateWindowMs?: number | undefined;
}

/** How far back `referrals.submit` looks for the same deal by default, in milliseconds: 24 hours. */
export const UMEET_DEFAULT_REFERRAL_DUPLICATE_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Contract v1's rate limits per partner, in requests per second: `read` 20, `write` 5. */
export const UMEET_DEFAULT_RATE_LIMITS: Readonly<UmeetRateLimits> = Object.freeze({ read: 20, write: 5 });

/** Umeet's API base URL under contract v1. */
export const UMEET_DEFAULT_BASE_URL = 'https://api.umeet.cn/v1';

/** Umeet's OAuth 2.0 token endpoint under contract v1. */
export const UMEET_DEFAULT_TOKEN_URL = 'https://api.umeet.cn/oauth2/token';

/** The plan used when a provision input names none. */
export const UMEET_DEFAULT_PLAN = 'business';

/** How long provisioning is followed by default, in milliseconds: two minutes. */
export const UMEET_DEFAULT_PROVISIONING_TIMEOUT_MS = 120_000;

/** How many status polls one provisioning sends at most by default. */
export const UMEET_DEFAULT_MAX_STATUS_POLLS = 60;
